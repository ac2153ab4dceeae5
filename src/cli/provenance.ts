/**
 * Provenance of a command's output: the app's version and every file it read
 * ===========================================================================
 * Every JSON output carries `provenance` so a result can be traced to its inputs:
 *
 *   { app: "twinscreen", version, inputs: [{ role, file, bytes, sha256, bundled }] }
 *
 * `version` is package.json's. Each input is a file the command read, in the order first read:
 * the files named by flags (`role` = the flag, e.g. "network") and the bundled tables read
 * without a flag (the gene table, the indication concepts). `sha256` is the SHA-256 of the
 * file's bytes as stored (compressed files hashed compressed); `bundled` is the file's path
 * under public/data when it is one of the app's bundled data files (public/data/ATTRIBUTION.md
 * names their sources and versions), else null. Nothing time- or machine-dependent is
 * recorded, so the same inputs and seed still give byte-identical output.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface InputProvenance {
  /** The flag that named the file, or "bundled" for a table read without one. */
  readonly role: string;
  /** The path as the user wrote it (a bundled table: its file name). */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Path under the repository (public/data/…) when it is a bundled data file, else null. */
  readonly bundled: string | null;
}

export interface OutputProvenance {
  readonly app: 'twinscreen';
  readonly version: string;
  readonly inputs: readonly InputProvenance[];
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLED_DIR = `public${sep}data${sep}`;

let version: string | undefined;

/** package.json's version. */
export function appVersion(): string {
  version ??= (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
  return version;
}

// Checksums per (path, size, mtime): repeated in-process runs (tests) hash each file once.
const checksums = new Map<string, { bytes: number; sha256: string }>();

function checksumOf(path: string): { bytes: number; sha256: string } {
  let known = checksums.get(path);
  if (known === undefined) {
    const bytes = readFileSync(path);
    known = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    checksums.set(path, known);
  }
  return known;
}

/** Collects the files one command run reads. */
export class InputRecorder {
  readonly #inputs = new Map<string, InputProvenance>();

  /** Records `path` (absolute) read for `role`, shown as `shownAs`; repeats are ignored. */
  record(role: string, path: string, shownAs: string): void {
    if (this.#inputs.has(path)) return;
    const inRepo = relative(REPO_ROOT, path);
    const bundled = inRepo.startsWith(BUNDLED_DIR) ? inRepo.split(sep).join('/') : null;
    this.#inputs.set(path, { role, file: shownAs, ...checksumOf(path), bundled });
  }

  provenance(): OutputProvenance {
    return { app: 'twinscreen', version: appVersion(), inputs: [...this.#inputs.values()] };
  }
}

let current: InputRecorder | null = null;

/** Starts recording for one command run (main calls it); returns the recorder. */
export function startRecording(): InputRecorder {
  current = new InputRecorder();
  return current;
}

/** Called by the loaders for every file they read. */
export function recordInput(role: string, path: string, shownAs: string): void {
  current?.record(role, path, shownAs);
}
