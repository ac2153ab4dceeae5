/**
 * Tagged JSON: plain data with typed arrays, NaN and Maps, as JSON text plus binary blobs
 * =======================================================================================
 * Results hold typed arrays (view positions, null distributions) and numbers JSON cannot
 * write (NaN, ±Infinity, −0). `encodeTagged` turns a value into a JSON-safe tree in which
 * each such value is a tagged object `{ "$t": tag, … }` and each typed array's bytes go to a
 * separate blob (little-endian, as every browser platform stores them); `decodeTagged`
 * rebuilds the value exactly, so the numbers read back are bit-identical.
 * Tags: `ta` (typed array: `type`, `blob` index, `length`), `num` (`v`: "NaN", "Infinity",
 * "-Infinity", "-0"), `undef`, `map` (`v`: [key, value] pairs), `set` (`v`: values),
 * `obj` (`v`: a plain object that itself has a "$t" key, escaped).
 * Decoding is data only: no constructor is looked up by a name from the file (a fixed table),
 * "__proto__" keys are refused, and nesting depth is bounded.
 */

const TYPED_ARRAYS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;
type AnyTypedArray = InstanceType<(typeof TYPED_ARRAYS)[TypedArrayName]>;

/** Deepest nesting a decoded value may have (results are ~6 levels deep). */
export const MAX_TAGGED_DEPTH = 64;

export class TaggedJsonError extends Error {
  override name = 'TaggedJsonError';
}

function typedArrayName(value: unknown): TypedArrayName | null {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null;
  for (const name of Object.keys(TYPED_ARRAYS) as TypedArrayName[]) {
    if (Object.getPrototypeOf(value) === TYPED_ARRAYS[name].prototype) return name;
  }
  return null;
}

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new TaggedJsonError('session files are little-endian; this platform is big-endian');
  }
}

/** The JSON-safe tree of `value` and the bytes of its typed arrays, in order of appearance. */
export function encodeTagged(value: unknown): { json: unknown; blobs: Uint8Array[] } {
  assertLittleEndian();
  const blobs: Uint8Array[] = [];
  const walk = (item: unknown): unknown => {
    if (item === undefined) return { $t: 'undef' };
    if (item === null || typeof item === 'string' || typeof item === 'boolean') return item;
    if (typeof item === 'number') {
      if (Number.isNaN(item)) return { $t: 'num', v: 'NaN' };
      if (item === Infinity) return { $t: 'num', v: 'Infinity' };
      if (item === -Infinity) return { $t: 'num', v: '-Infinity' };
      if (Object.is(item, -0)) return { $t: 'num', v: '-0' };
      return item;
    }
    const typed = typedArrayName(item);
    if (typed) {
      const array = item as AnyTypedArray;
      blobs.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength).slice());
      return { $t: 'ta', type: typed, blob: blobs.length - 1, length: array.length };
    }
    if (Array.isArray(item)) return item.map(walk);
    if (item instanceof Map) return { $t: 'map', v: [...item].map(([k, v]) => [walk(k), walk(v)]) };
    if (item instanceof Set) return { $t: 'set', v: [...item].map(walk) };
    if (typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(item)) out[key] = walk(entry);
      return '$t' in out ? { $t: 'obj', v: out } : out;
    }
    throw new TaggedJsonError(
      `cannot store a value of type ${Object.prototype.toString.call(item)}`,
    );
  };
  return { json: walk(value), blobs };
}

/** Rebuilds what `encodeTagged` wrote; `blobs[k]` are the bytes of blob k. */
export function decodeTagged(json: unknown, blobs: readonly Uint8Array[]): unknown {
  const used = new Set<number>();
  const walk = (item: unknown, depth: number, where: string): unknown => {
    if (depth > MAX_TAGGED_DEPTH) throw new TaggedJsonError(`${where}: nested too deeply`);
    if (item === null || typeof item !== 'object') return item;
    if (Array.isArray(item))
      return item.map((entry, k) => walk(entry, depth + 1, `${where}[${k}]`));
    const record = item as Record<string, unknown>;
    if (!('$t' in record)) return plainObject(record, depth, where);
    switch (record.$t) {
      case 'undef':
        return undefined;
      case 'num': {
        const numbers: Record<string, number> = {
          NaN: NaN,
          Infinity: Infinity,
          '-Infinity': -Infinity,
          '-0': -0,
        };
        if (typeof record.v !== 'string' || !Object.hasOwn(numbers, record.v)) {
          throw new TaggedJsonError(`${where}: unknown number ${JSON.stringify(record.v)}`);
        }
        return numbers[record.v];
      }
      case 'ta': {
        const { type, blob, length } = record;
        if (typeof type !== 'string' || !Object.hasOwn(TYPED_ARRAYS, type)) {
          throw new TaggedJsonError(`${where}: unknown array type ${JSON.stringify(type)}`);
        }
        if (!Number.isInteger(blob) || (blob as number) < 0 || (blob as number) >= blobs.length) {
          throw new TaggedJsonError(`${where}: array data ${String(blob)} is missing`);
        }
        if (used.has(blob as number)) throw new TaggedJsonError(`${where}: array data reused`);
        used.add(blob as number);
        const Type = TYPED_ARRAYS[type as TypedArrayName];
        const bytes = blobs[blob as number];
        if (
          !Number.isInteger(length) ||
          bytes.byteLength !== (length as number) * Type.BYTES_PER_ELEMENT
        ) {
          throw new TaggedJsonError(
            `${where}: array data has ${bytes.byteLength} bytes; expected ${String(length)} × ${Type.BYTES_PER_ELEMENT}`,
          );
        }
        return new Type(bytes.slice().buffer);
      }
      case 'map':
      case 'set': {
        if (!Array.isArray(record.v)) throw new TaggedJsonError(`${where}: expected a list`);
        if (record.$t === 'set') {
          return new Set(record.v.map((entry, k) => walk(entry, depth + 1, `${where}[${k}]`)));
        }
        return new Map(
          record.v.map((pair: unknown, k) => {
            if (!Array.isArray(pair) || pair.length !== 2) {
              throw new TaggedJsonError(`${where}[${k}]: expected a [key, value] pair`);
            }
            return [walk(pair[0], depth + 1, where), walk(pair[1], depth + 1, where)];
          }),
        );
      }
      case 'obj':
        if (record.v === null || typeof record.v !== 'object' || Array.isArray(record.v)) {
          throw new TaggedJsonError(`${where}: expected an object`);
        }
        return plainObject(record.v as Record<string, unknown>, depth, where);
      default:
        throw new TaggedJsonError(`${where}: unknown tag ${JSON.stringify(record.$t)}`);
    }
  };
  const plainObject = (record: Record<string, unknown>, depth: number, where: string) => {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(record)) {
      if (key === '__proto__')
        throw new TaggedJsonError(`${where}: the key "__proto__" is refused`);
      out[key] = walk(entry, depth + 1, `${where}.${key}`);
    }
    return out;
  };
  const value = walk(json, 0, 'state');
  if (used.size !== blobs.length) {
    throw new TaggedJsonError(`${blobs.length - used.size} array data entries are not referenced`);
  }
  return value;
}
