/**
 * Session files: the format `twinscreen-session/1`
 * ================================================
 * One zip holding a whole session, so another machine opens the same view with the same
 * numbers. Entries (paths are fixed patterns; the user's names live only in the manifest):
 *
 * - `manifest.json`: `{ format: "twinscreen-session/1", createdBy: { app: "twinscreen",
 *   version }, createdAt (ISO 8601), entries: [{ path, role, bytes, sha256, fileName?, kind? }] }`,
 *   one entry per other file of the zip, in order: `role` "input" (an imported file as its
 *   original bytes, with the `fileName` it was imported under and the import `kind` asked for),
 *   "state" (the choices and results as tagged JSON, tagged-json.ts) and "array" (the bytes of
 *   the state's typed arrays, little-endian, in the order the state names them).
 * - `inputs/000.bin`, `inputs/001.bin`, …; `results/state.json`; `results/bin/0000.bin`, ….
 *
 * Reading treats the file as data from a stranger: sizes are bounded before anything is
 * inflated (bounded-zip.ts), the manifest is checked field by field (no eval, no names used
 * as paths), every entry must be listed with its size and SHA-256 and match, and nothing
 * else may be in the zip. Every failure is a SessionFileError whose message says what is
 * wrong; the caller changes nothing until `readSessionFile` has returned.
 * Versions: /1 is the first; an older or newer number is refused with the version named.
 */
import { zipSync, type Zippable } from 'fflate';
import { listZip, readZipEntry, ZipError, type ZipLimits } from './bounded-zip';
import { decodeTagged, encodeTagged, TaggedJsonError } from './tagged-json';

export const SESSION_FORMAT = 'twinscreen-session';
export const SESSION_VERSION = 1;
export const SESSION_MEDIA_TYPE = 'application/zip';
export const SESSION_EXTENSION = '.twinscreen.zip';

/** What a session file may hold (in bytes, counts): generous for real sessions, small for bombs. */
export const SESSION_LIMITS: ZipLimits & {
  maxFileBytes: number;
  maxManifestBytes: number;
  maxNameLength: number;
} = {
  maxFileBytes: 1024 ** 3,
  maxEntries: 4096,
  maxEntryBytes: 512 * 1024 ** 2,
  maxTotalBytes: 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 ** 2,
  maxManifestBytes: 4 * 1024 ** 2,
  maxNameLength: 1024,
};

/** The import kinds an input may name (the app's ImportKindChoice). */
export const INPUT_KINDS = ['auto', 'network', 'geneSets', 'drugTargets', 'degTable'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export interface SessionInput {
  fileName: string;
  kind: InputKind;
  bytes: Uint8Array;
}

export interface SessionFileContent {
  createdBy: { app: 'twinscreen'; version: string };
  createdAt: string;
  inputs: SessionInput[];
  /** Choices and results: plain data with typed arrays (tagged-json.ts). */
  state: unknown;
}

export interface ManifestEntry {
  path: string;
  role: 'input' | 'state' | 'array';
  bytes: number;
  sha256: string;
  fileName?: string;
  kind?: InputKind;
}

export interface SessionManifest {
  format: string;
  createdBy: { app: 'twinscreen'; version: string };
  createdAt: string;
  entries: ManifestEntry[];
}

export class SessionFileError extends Error {
  override name = 'SessionFileError';
}

const ALREADY_COMPRESSED = /\.(gz|zip|h5ad|h5|bz2|xz|zst)$/i;
/** A fixed time for every entry, so the same session gives the same bytes. */
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Writes a session as a `twinscreen-session/1` zip. */
export async function writeSessionFile(content: SessionFileContent): Promise<Uint8Array> {
  const { json, blobs } = encodeTagged(content.state);
  const state = new TextEncoder().encode(JSON.stringify(json));
  const files: { path: string; data: Uint8Array; entry: Omit<ManifestEntry, 'sha256'> }[] = [
    ...content.inputs.map((input, k) => ({
      path: `inputs/${pad(k, 3)}.bin`,
      data: input.bytes,
      entry: {
        path: `inputs/${pad(k, 3)}.bin`,
        role: 'input' as const,
        bytes: input.bytes.length,
        fileName: input.fileName,
        kind: input.kind,
      },
    })),
    {
      path: 'results/state.json',
      data: state,
      entry: { path: 'results/state.json', role: 'state', bytes: state.length },
    },
    ...blobs.map((blob, k) => ({
      path: `results/bin/${pad(k, 4)}.bin`,
      data: blob,
      entry: { path: `results/bin/${pad(k, 4)}.bin`, role: 'array' as const, bytes: blob.length },
    })),
  ];
  const manifest: SessionManifest = {
    format: `${SESSION_FORMAT}/${SESSION_VERSION}`,
    createdBy: content.createdBy,
    createdAt: content.createdAt,
    entries: await Promise.all(
      files.map(async (file) => ({ ...file.entry, sha256: await sha256Hex(file.data) })),
    ),
  };
  const zippable: Zippable = {
    'manifest.json': [new TextEncoder().encode(JSON.stringify(manifest, null, 2)), { level: 6 }],
  };
  for (const file of files) {
    const fileName = file.entry.fileName ?? '';
    zippable[file.path] = [file.data, { level: ALREADY_COMPRESSED.test(fileName) ? 0 : 6 }];
  }
  return zipSync(zippable, { mtime: ZIP_TIME });
}

/**
 * Reads and checks a session file; throws a SessionFileError that starts with `fileName` and
 * says what is wrong (not a zip, not a session file, another version, damaged, too large).
 */
export async function readSessionFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<SessionFileContent> {
  const fail = (message: string): never => {
    throw new SessionFileError(`${fileName}: ${message}`);
  };
  if (bytes.length > SESSION_LIMITS.maxFileBytes) {
    fail(`${bytes.length} bytes; session files of at most ${SESSION_LIMITS.maxFileBytes} are read`);
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    fail('not a Twinscreen session file (expected a zip archive made by "Export session")');
  }
  try {
    const listed = listZip(bytes, SESSION_LIMITS);
    const byName = new Map(listed.map((entry) => [entry.name, entry]));
    if (byName.size !== listed.length) fail('the zip lists one name twice');
    const manifestInfo = byName.get('manifest.json');
    if (!manifestInfo) {
      fail('a zip archive, but not a Twinscreen session file (it has no manifest.json)');
    }
    if (manifestInfo!.size > SESSION_LIMITS.maxManifestBytes) {
      fail(
        `manifest.json has ${manifestInfo!.size} bytes; at most ${SESSION_LIMITS.maxManifestBytes}`,
      );
    }
    let manifestJson: unknown;
    try {
      manifestJson = JSON.parse(
        new TextDecoder('utf-8', { fatal: true }).decode(readZipEntry(bytes, manifestInfo!)),
      );
    } catch (error) {
      if (error instanceof ZipError) throw error;
      fail(`manifest.json is not valid JSON (${(error as Error).message})`);
    }
    const manifest = validateManifest(manifestJson, fail);
    const listedPaths = new Set(manifest.entries.map((entry) => entry.path));
    for (const name of byName.keys()) {
      if (name !== 'manifest.json' && !listedPaths.has(name)) {
        fail(`the zip holds "${name}", which its manifest does not list`);
      }
    }
    const read = async (entry: ManifestEntry): Promise<Uint8Array> => {
      const info = byName.get(entry.path);
      if (!info) return fail(`"${entry.path}" is listed in the manifest but missing from the zip`);
      if (info.size !== entry.bytes) {
        fail(`"${entry.path}" has ${info.size} bytes; the manifest says ${entry.bytes}`);
      }
      const data = readZipEntry(bytes, info);
      if ((await sha256Hex(data)) !== entry.sha256) {
        fail(`"${entry.path}" does not match its SHA-256 in the manifest (the file is damaged)`);
      }
      return data;
    };
    const inputs: SessionInput[] = [];
    const blobs: Uint8Array[] = [];
    let stateBytes: Uint8Array | null = null;
    for (const entry of manifest.entries) {
      const data = await read(entry);
      if (entry.role === 'input') {
        inputs.push({ fileName: entry.fileName!, kind: entry.kind!, bytes: data });
      } else if (entry.role === 'array') {
        blobs.push(data);
      } else {
        stateBytes = data;
      }
    }
    let stateJson: unknown;
    try {
      stateJson = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(stateBytes!));
    } catch (error) {
      fail(`results/state.json is not valid JSON (${(error as Error).message})`);
    }
    const state = decodeTagged(stateJson, blobs);
    return { createdBy: manifest.createdBy, createdAt: manifest.createdAt, inputs, state };
  } catch (error) {
    if (error instanceof SessionFileError) throw error;
    if (error instanceof ZipError) return fail(`damaged or unsafe zip: ${error.message}`);
    if (error instanceof TaggedJsonError) return fail(`results/state.json: ${error.message}`);
    throw error;
  }
}

const PATH_PATTERNS: Record<ManifestEntry['role'], RegExp> = {
  input: /^inputs\/\d{3,6}\.bin$/,
  state: /^results\/state\.json$/,
  array: /^results\/bin\/\d{4,6}\.bin$/,
};

function validateManifest(value: unknown, fail: (message: string) => never): SessionManifest {
  const isRecord = (item: unknown): item is Record<string, unknown> =>
    item !== null && typeof item === 'object' && !Array.isArray(item);
  if (!isRecord(value)) fail('manifest.json is not an object');
  const manifest = value as Record<string, unknown>;
  const format = manifest.format;
  if (typeof format !== 'string' || !format.startsWith(`${SESSION_FORMAT}/`)) {
    fail(
      `a zip archive, but not a Twinscreen session file (manifest.json's format is ${JSON.stringify(format)}; expected "${SESSION_FORMAT}/${SESSION_VERSION}")`,
    );
  }
  const version = Number((format as string).slice(SESSION_FORMAT.length + 1));
  if (!Number.isInteger(version)) fail(`unknown session format ${JSON.stringify(format)}`);
  if (version > SESSION_VERSION) {
    fail(
      `made by a newer Twinscreen (format version ${version}); this version reads version ${SESSION_VERSION}: update Twinscreen to open it`,
    );
  }
  if (version < SESSION_VERSION) {
    fail(
      `made by an older Twinscreen (format version ${version}), which this version cannot read (it reads version ${SESSION_VERSION}); export the session again with that version's successor`,
    );
  }
  const createdBy = manifest.createdBy;
  if (
    !isRecord(createdBy) ||
    createdBy.app !== 'twinscreen' ||
    typeof createdBy.version !== 'string'
  ) {
    fail('manifest.json: createdBy must be { app: "twinscreen", version }');
  }
  if (typeof manifest.createdAt !== 'string' || manifest.createdAt.length > 64) {
    fail('manifest.json: createdAt must be a date (ISO 8601)');
  }
  if (!Array.isArray(manifest.entries)) fail('manifest.json: entries must be a list');
  const entries = manifest.entries as unknown[];
  if (entries.length > SESSION_LIMITS.maxEntries) fail('manifest.json lists too many entries');
  const seen = new Set<string>();
  let states = 0;
  const checked = entries.map((item, k): ManifestEntry => {
    const where = `manifest.json, entry ${k + 1}`;
    if (!isRecord(item)) return fail(`${where}: expected an object`);
    const { path, role, bytes, sha256, fileName, kind } = item;
    if (role !== 'input' && role !== 'state' && role !== 'array') {
      return fail(`${where}: role ${JSON.stringify(role)}; expected "input", "state" or "array"`);
    }
    if (typeof path !== 'string' || !PATH_PATTERNS[role].test(path) || seen.has(path)) {
      return fail(`${where}: path ${JSON.stringify(path)} is not a ${role} path`);
    }
    seen.add(path);
    if (!Number.isInteger(bytes) || (bytes as number) < 0) {
      return fail(`${where}: bytes must be a whole number`);
    }
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) {
      return fail(`${where}: sha256 must be 64 hexadecimal digits`);
    }
    if (role === 'state') states++;
    if (role !== 'input') return { path, role, bytes: bytes as number, sha256 };
    if (
      typeof fileName !== 'string' ||
      fileName.length === 0 ||
      fileName.length > SESSION_LIMITS.maxNameLength
    ) {
      return fail(
        `${where}: fileName must be text of 1 to ${SESSION_LIMITS.maxNameLength} characters`,
      );
    }
    if (!INPUT_KINDS.includes(kind as InputKind)) {
      return fail(
        `${where}: kind ${JSON.stringify(kind)}; expected one of ${INPUT_KINDS.join(', ')}`,
      );
    }
    return { path, role, bytes: bytes as number, sha256, fileName, kind: kind as InputKind };
  });
  if (states !== 1) fail(`manifest.json lists ${states} state entries; expected exactly 1`);
  return {
    format: format as string,
    createdBy: { app: 'twinscreen', version: (createdBy as { version: string }).version },
    createdAt: manifest.createdAt as string,
    entries: checked,
  };
}
