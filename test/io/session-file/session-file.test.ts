import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  listZip,
  readSessionFile,
  SESSION_LIMITS,
  SessionFileError,
  writeSessionFile,
  type SessionFileContent,
} from '@/io/session-file';

const MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

function content(): SessionFileContent {
  return {
    createdBy: { app: 'twinscreen', version: '0.1.0' },
    createdAt: '2026-12-04T23:00:00.000Z',
    inputs: [
      { fileName: `${MARKUP}.tsv`, kind: 'geneSets', bytes: strToU8('disease\tgene\nra\tTNF\n') },
      { fileName: 'net.tsv.gz', kind: 'auto', bytes: new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]) },
    ],
    state: {
      choices: { geneSet: { name: MARKUP, fileName: 'x' }, seed: 7 },
      results: {
        positions: new Float32Array([0.1, -2.5, 3e-38]),
        nulls: new Uint32Array([1, 2, 4294967295]),
        colors: new Uint8ClampedArray([0, 128, 255]),
        z: NaN,
        inf: [Infinity, -Infinity, -0, 0],
        missing: undefined,
        tagged: { $t: 'not a tag', v: 1 },
        byName: new Map([['TNF', 1]]),
      },
    },
  };
}

/** Rewrites one entry of a session zip, keeping the others as they are. */
function rezip(zip: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  change(files);
  return zipSync(files);
}

async function failure(bytes: Uint8Array): Promise<string> {
  try {
    await readSessionFile(bytes, 'session.zip');
  } catch (error) {
    expect(error).toBeInstanceOf(SessionFileError);
    return (error as Error).message;
  }
  throw new Error('expected the session file to be refused');
}

describe('session file twinscreen-session/1', () => {
  it('round-trips inputs byte for byte and results bit for bit', async () => {
    const written = await writeSessionFile(content());
    const read = await readSessionFile(written, 'session.zip');
    expect(read.inputs.map((input) => [input.fileName, input.kind])).toEqual([
      [`${MARKUP}.tsv`, 'geneSets'],
      ['net.tsv.gz', 'auto'],
    ]);
    expect(read.inputs[0].bytes).toEqual(content().inputs[0].bytes);
    expect(read.inputs[1].bytes).toEqual(content().inputs[1].bytes);
    const results = (read.state as { results: Record<string, unknown> }).results;
    expect(results.positions).toBeInstanceOf(Float32Array);
    expect(results.positions).toEqual(new Float32Array([0.1, -2.5, 3e-38]));
    expect(results.colors).toBeInstanceOf(Uint8ClampedArray);
    expect(results.nulls).toEqual(new Uint32Array([1, 2, 4294967295]));
    expect(Number.isNaN(results.z)).toBe(true);
    expect(Object.is((results.inf as number[])[2], -0)).toBe(true);
    expect(results.inf).toEqual([Infinity, -Infinity, -0, 0]);
    expect('missing' in results && results.missing === undefined).toBe(true);
    expect(results.tagged).toEqual({ $t: 'not a tag', v: 1 });
    expect(results.byName).toEqual(new Map([['TNF', 1]]));
    // Writing what was read gives the same bytes: the format is deterministic.
    expect(await writeSessionFile(read)).toEqual(written);
  });

  it('keeps already-compressed inputs stored, text deflated, and the names only in the manifest', async () => {
    const zip = await writeSessionFile(content());
    const names = listZip(zip, SESSION_LIMITS).map((entry) => [entry.name, entry.method]);
    expect(names).toEqual([
      ['manifest.json', 8],
      ['inputs/000.bin', 8],
      ['inputs/001.bin', 0],
      ['results/state.json', 8],
      ['results/bin/0000.bin', 8],
      ['results/bin/0001.bin', 8],
      ['results/bin/0002.bin', 8],
    ]);
  });

  it('refuses a file that is not a zip', async () => {
    expect(await failure(strToU8('gene\tscore\nTNF\t1\n'))).toBe(
      'session.zip: not a Twinscreen session file (expected a zip archive made by "Export session")',
    );
  });

  it('refuses a foreign zip (no manifest)', async () => {
    const foreign = zipSync({ 'readme.txt': strToU8('hello') });
    expect(await failure(foreign)).toMatch(
      /not a Twinscreen session file \(it has no manifest\.json\)/,
    );
  });

  it('refuses a zip whose manifest is another format', async () => {
    const other = zipSync({ 'manifest.json': strToU8('{"format":"other-app/3"}') });
    expect(await failure(other)).toMatch(
      /format is "other-app\/3"; expected "twinscreen-session\/1"/,
    );
  });

  it('names the version of a file from an older or a newer Twinscreen', async () => {
    const zip = await writeSessionFile(content());
    const withFormat = (format: string) =>
      rezip(zip, (files) => {
        const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
        files['manifest.json'] = strToU8(JSON.stringify({ ...manifest, format }));
      });
    expect(await failure(withFormat('twinscreen-session/0'))).toMatch(
      /made by an older Twinscreen \(format version 0\)/,
    );
    expect(await failure(withFormat('twinscreen-session/2'))).toMatch(
      /made by a newer Twinscreen \(format version 2\); this version reads version 1/,
    );
  });

  it('refuses a damaged file: a flipped byte fails the CRC, a swapped entry its SHA-256', async () => {
    const zip = await writeSessionFile(content());
    const state = listZip(zip, SESSION_LIMITS).find((entry) => entry.name === 'inputs/001.bin')!;
    const flipped = zip.slice();
    // inputs/001.bin is stored (method 0): its data starts after the 30-byte local header + name.
    flipped[state.localHeaderOffset + 30 + 'inputs/001.bin'.length + 2] ^= 0xff;
    expect(await failure(flipped)).toMatch(
      /damaged or unsafe zip: entry "inputs\/001.bin" fails its CRC-32 check/,
    );

    const swapped = rezip(zip, (files) => {
      files['inputs/000.bin'] = strToU8('disease\tgene\nra\tIL6\n');
    });
    expect(await failure(swapped)).toMatch(
      /"inputs\/000.bin" (has \d+ bytes|does not match its SHA-256)/,
    );
    const truncated = zip.slice(0, zip.length - 30);
    expect(await failure(truncated)).toMatch(/damaged or unsafe zip/);
  });

  it('refuses entries the manifest does not list, and listed entries that are missing', async () => {
    const zip = await writeSessionFile(content());
    expect(
      await failure(rezip(zip, (files) => void (files['evil.js'] = strToU8('alert(1)')))),
    ).toMatch(/holds "evil.js", which its manifest does not list/);
    expect(await failure(rezip(zip, (files) => void delete files['results/bin/0001.bin']))).toMatch(
      /"results\/bin\/0001.bin" is listed in the manifest but missing/,
    );
  });

  it('refuses a manifest with a path outside the fixed layout or a bad kind', async () => {
    const zip = await writeSessionFile(content());
    const edit = (change: (entries: Record<string, unknown>[]) => void) =>
      rezip(zip, (files) => {
        const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
        change(manifest.entries);
        files['manifest.json'] = strToU8(JSON.stringify(manifest));
      });
    expect(await failure(edit((entries) => void (entries[0].path = '../../etc/passwd')))).toMatch(
      /entry 1: path "..\/..\/etc\/passwd" is not a input path/,
    );
    expect(await failure(edit((entries) => void (entries[0].kind = 'script')))).toMatch(
      /entry 1: kind "script"; expected one of auto, network/,
    );
  });

  it('refuses a state that tries to set __proto__ or names an unknown array type', async () => {
    const zip = await writeSessionFile({ ...content(), state: { a: 1 } });
    const withState = async (text: string) => {
      const data = strToU8(text);
      const { sha256Hex } = await import('@/io/session-file');
      const hash = await sha256Hex(data);
      return rezip(zip, (files) => {
        const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
        const entry = manifest.entries.find((e: { role: string }) => e.role === 'state');
        Object.assign(entry, { bytes: data.length, sha256: hash });
        files['manifest.json'] = strToU8(JSON.stringify(manifest));
        files['results/state.json'] = data;
      });
    };
    expect(await failure(await withState('{"__proto__":{"polluted":true}}'))).toMatch(
      /state: the key "__proto__" is refused/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      await failure(await withState('{"x":{"$t":"ta","type":"Function","blob":0,"length":0}}')),
    ).toMatch(/state.x: unknown array type "Function"/);
  });

  it('refuses a zip bomb from its central directory, before inflating', async () => {
    // 64 MiB of zeros deflate to ~64 KB: a 1000-fold ratio, above the 200-fold bound.
    const bomb = zipSync({ 'manifest.json': new Uint8Array(64 * 1024 ** 2) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    expect(await failure(bomb)).toMatch(/entry "manifest.json" inflates \d+-fold \(a zip bomb\?\)/);
    expect(performance.now() - started).toBeLessThan(200); // refused without inflating 64 MiB
  });

  it('stops inflating an entry that lies about its size', async () => {
    const liar = zipSync({ 'manifest.json': new Uint8Array(8 * 1024 ** 2) }, { level: 9 });
    const view = new DataView(liar.buffer);
    // Declare 100 bytes in the local header (offset 22) and the central directory (offset 24).
    view.setUint32(22, 100, true);
    for (let at = liar.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) === 0x02014b50) {
        view.setUint32(at + 24, 100, true);
        break;
      }
    }
    expect(await failure(liar)).toMatch(/inflates past its declared 100 bytes \(a zip bomb\?\)/);
  });

  it('bounds the number of entries and the total size', () => {
    const many = zipSync({ a: strToU8('1'), b: strToU8('2'), c: strToU8('3') });
    const limits = { ...SESSION_LIMITS, maxEntries: 2 };
    expect(() => listZip(many, limits)).toThrow('3 entries; at most 2 are read');
    expect(() => listZip(many, { ...SESSION_LIMITS, maxTotalBytes: 2 })).toThrow(
      'the entries inflate to more than 2 bytes',
    );
  });

  it('computes the zip CRC-32', () => {
    // The check value of CRC-32/ISO-HDLC: crc32("123456789") = 0xCBF43926.
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });
});
