import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImportError } from '@/io/import-error';
import { readLines, type ImportSource, type ReadLinesOptions } from '@/io/read-lines';
import { bundled, trickle } from './io-fixtures';

async function collect(
  source: ImportSource,
  options?: ReadLinesOptions,
): Promise<[number, string][]> {
  const lines: [number, string][] = [];
  for await (const line of readLines(source, 'test.tsv', options)) {
    lines.push([line.lineNumber, line.text]);
  }
  return lines;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readLines', () => {
  it.each([
    ['LF', 'a\tb\nc\td\n'],
    ['CRLF', 'a\tb\r\nc\td\r\n'],
    ['lone CR (classic Mac)', 'a\tb\rc\td\r'],
    ['no final newline', 'a\tb\nc\td'],
    ['UTF-8 BOM', '\ufeffa\tb\nc\td\n'],
  ])('splits %s line endings', async (_name, text) => {
    expect(await collect(text)).toEqual([
      [1, 'a\tb'],
      [2, 'c\td'],
    ]);
  });

  it('keeps blank lines and numbers every line', async () => {
    expect(await collect('x\n\n  \ny\n')).toEqual([
      [1, 'x'],
      [2, ''],
      [3, '  '],
      [4, 'y'],
    ]);
  });

  it('yields nothing for an empty source', async () => {
    expect(await collect('')).toEqual([]);
  });

  it('reads a Blob, a Uint8Array and a stream alike', async () => {
    const text = 'gene\nTP53\nMDM2\n';
    const expected = [
      [1, 'gene'],
      [2, 'TP53'],
      [3, 'MDM2'],
    ];
    expect(await collect(new Blob([text]))).toEqual(expected);
    expect(await collect(encode(text))).toEqual(expected);
    expect(await collect(trickle(encode(text), 4))).toEqual(expected);
  });

  it('joins lines, CRLF pairs and multi-byte characters cut across 1-byte chunks', async () => {
    const text = 'Ångström\tβ-catenin\r\nδ\t🧬\r\n';
    expect(await collect(trickle(encode(text), 1))).toEqual([
      [1, 'Ångström\tβ-catenin'],
      [2, 'δ\t🧬'],
    ]);
  });

  it('detects gzip by its magic bytes, whatever the name, also when streamed', async () => {
    const text = 'a\tb\n'.repeat(5000);
    const compressed = new Uint8Array(gzipSync(text));
    const plain = await collect(text);
    expect(plain).toHaveLength(5000);
    expect(await collect(compressed)).toEqual(plain);
    expect(await collect(trickle(compressed, 7))).toEqual(plain);
  });

  it('decodes UTF-16 files that start with a byte-order mark', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('a\tb\r\nc\n', 'utf16le')]);
    expect(await collect(le)).toEqual([
      [1, 'a\tb'],
      [2, 'c'],
    ]);
    const be = Buffer.from('a\nb\n', 'utf16le').swap16();
    expect(await collect(new Uint8Array([0xfe, 0xff, ...be]))).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('reports progress in source bytes, ending at the total size', async () => {
    const bytes = encode('x\n'.repeat(100_000)); // 200,000 bytes = 4 chunks of 64 KiB
    const calls: [number, number | null][] = [];
    await collect(bytes, { onProgress: (read, total) => calls.push([read, total]) });
    expect(calls).toHaveLength(4);
    expect(calls.at(-1)).toEqual([200_000, 200_000]);
    expect(calls.map(([read]) => read)).toEqual([65_536, 131_072, 196_608, 200_000]);

    const streamed: (number | null)[] = [];
    await collect(trickle(bytes, 50_000), { onProgress: (_read, total) => streamed.push(total) });
    expect(streamed).toEqual([null, null, null, null]);
  });

  it('counts compressed bytes when the source is gzip', async () => {
    const compressed = new Uint8Array(gzipSync('a\tb\n'.repeat(50_000)));
    let last: [number, number | null] = [0, 0];
    await collect(compressed, { onProgress: (read, total) => (last = [read, total]) });
    expect(last).toEqual([compressed.length, compressed.length]);
  });

  it('stops with an AbortError when the signal fires mid-file', async () => {
    const controller = new AbortController();
    const bytes = encode('x\n'.repeat(200_000));
    let seen = 0;
    const read = async (): Promise<void> => {
      for await (const line of readLines(bytes, 'big.txt', { signal: controller.signal })) {
        seen = line.lineNumber;
        if (seen === 10) controller.abort();
      }
    };
    await expect(read()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toBeLessThan(200_000);
  });

  it('rejects an already aborted signal before reading', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await expect(collect('a\n', { signal: controller.signal })).rejects.toThrow('user cancelled');
  });

  it('rejects a line longer than maxLineBytes, counting UTF-8 bytes', async () => {
    // 'é' is 2 bytes: 6 of them (12 bytes) pass a 12-byte limit, 7 (14 bytes) do not.
    expect(await collect('ok\néééééé\n', { maxLineBytes: 12 })).toHaveLength(2);
    const error = await collect('ok\néééééé\néééééééé\n', { maxLineBytes: 12 }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ fileName: 'test.tsv', line: 3 });
    expect(error.message).toBe(
      'test.tsv, line 3: line is longer than 12 bytes; expected lines of at most 12 bytes (is this a text table with line breaks?)',
    );
  });

  it('fails on an over-long line before it has been read to its end', async () => {
    const chunks: number[] = [];
    const huge = encode('head\n' + 'x'.repeat(1_000_000));
    const error = await collect(huge, {
      maxLineBytes: 100_000,
      onProgress: (read) => chunks.push(read),
    }).catch((e) => e);
    expect(error).toMatchObject({ line: 2 });
    expect(chunks.at(-1)).toBeLessThan(huge.length / 2);
  });

  it('streams the bundled Menche interactome: header plus 141,296 rows', async () => {
    let count = 0;
    let last = '';
    for await (const line of readLines(bundled('interactome_menche2015.tsv.gz'), 'menche')) {
      count = line.lineNumber;
      last = line.text;
    }
    expect(count).toBe(141_297);
    expect(last.split('\t')).toHaveLength(5);
  });
});
