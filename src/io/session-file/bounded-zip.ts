/**
 * Bounded zip reading for files from strangers
 * ============================================
 * A session file is a zip (PKWARE APPNOTE 6.3: local headers, then a central directory, then
 * the end-of-central-directory record). `listZip` reads the central directory only, so every
 * entry's declared sizes are known, and checked against `ZipLimits`, before a byte is
 * inflated. `readZipEntry` then inflates one entry in 16 KiB steps (fflate's streaming
 * `Inflate`) and stops as soon as the output passes the declared size, so an entry that lies
 * about its size (a zip bomb) costs at most its declared size in memory; the CRC-32 is checked.
 * Refused: encryption, ZIP64, multi-disk archives, methods other than stored (0) and deflate (8).
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Most entries in the archive. */
  maxEntries: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all entries together may inflate to. */
  maxTotalBytes: number;
  /** Largest inflated/compressed ratio allowed for an entry above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc32: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {
  override name = 'ZipError';
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const INFLATE_STEP = 16 * 1024;

/** Reads the central directory and checks the declared sizes against `limits`. */
export function listZip(zip: Uint8Array, limits: ZipLimits): ZipEntryInfo[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a zip archive (no end-of-central-directory record)');
  const diskEntries = view.getUint16(eocd + 8, true);
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || diskEntries !== count) {
    throw new ZipError('multi-part zip archives are not read');
  }
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    throw new ZipError('ZIP64 archives are not read (session files are below 4 GB)');
  }
  if (count > limits.maxEntries) {
    throw new ZipError(`${count} entries; at most ${limits.maxEntries} are read`);
  }
  if (directoryOffset + directorySize > eocd)
    throw new ZipError('the central directory is cut off');

  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ZipError(`central directory entry ${k + 1} is damaged`);
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipError(`entry "${name}" is encrypted`);
    if (method !== 0 && method !== 8) {
      throw new ZipError(`entry "${name}" uses compression method ${method}; expected 0 or 8`);
    }
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      throw new ZipError(`entry "${name}" is ZIP64; session files are below 4 GB`);
    }
    if (size > limits.maxEntryBytes) {
      throw new ZipError(
        `entry "${name}" inflates to ${size} bytes; at most ${limits.maxEntryBytes} are read`,
      );
    }
    if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(1, compressedSize)) {
      throw new ZipError(
        `entry "${name}" inflates ${Math.round(size / Math.max(1, compressedSize))}-fold (a zip bomb?); at most ${limits.maxRatio}-fold is read`,
      );
    }
    if (method === 0 && size !== compressedSize) {
      throw new ZipError(`stored entry "${name}" has two different sizes`);
    }
    if (localHeaderOffset + 30 + compressedSize > directoryOffset) {
      throw new ZipError(`entry "${name}" lies outside the archive`);
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new ZipError(`the entries inflate to more than ${limits.maxTotalBytes} bytes`);
    }
    entries.push({ name, method, compressedSize, size, crc32, localHeaderOffset });
  }
  return entries;
}

/** Inflates one entry listed by `listZip`, never past its declared size; checks its CRC-32. */
export function readZipEntry(zip: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.localHeaderOffset;
  if (view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new ZipError(`entry "${entry.name}": local header is damaged`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const compressed = zip.subarray(start, start + entry.compressedSize);
  if (compressed.length !== entry.compressedSize) {
    throw new ZipError(`entry "${entry.name}" is cut off`);
  }
  let out: Uint8Array;
  if (entry.method === 0) {
    out = compressed.slice();
  } else {
    out = new Uint8Array(entry.size);
    let written = 0;
    const inflater = new Inflate((chunk) => {
      if (written + chunk.length > entry.size) {
        throw new ZipError(
          `entry "${entry.name}" inflates past its declared ${entry.size} bytes (a zip bomb?)`,
        );
      }
      out.set(chunk, written);
      written += chunk.length;
    });
    try {
      if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
      for (let k = 0; k < compressed.length; k += INFLATE_STEP) {
        inflater.push(
          compressed.subarray(k, k + INFLATE_STEP),
          k + INFLATE_STEP >= compressed.length,
        );
      }
    } catch (error) {
      if (error instanceof ZipError) throw error;
      throw new ZipError(`entry "${entry.name}" cannot be inflated (${(error as Error).message})`);
    }
    if (written !== entry.size) {
      throw new ZipError(
        `entry "${entry.name}" inflates to ${written} bytes; declared ${entry.size}`,
      );
    }
  }
  if (crc32(out) !== entry.crc32)
    throw new ZipError(`entry "${entry.name}" fails its CRC-32 check`);
  return out;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO 3309, polynomial 0xEDB88320), as zip stores it. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let k = 0; k < bytes.length; k++) crc = crcTable[(crc ^ bytes[k]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
