// Content signatures of files that are not tables (src/io/file-signature.ts). The malformed
// corpus checks the full messages; this file checks the edges: tables that start like one of
// those formats must not be rejected.
import { describe, expect, it } from 'vitest';
import {
  binarySignature,
  firstDataLines,
  notATableError,
  textSignature,
} from '@/io/file-signature';
import { readLines } from '@/io/read-lines';
import { importGeneSets } from '@/io/import-gene-sets';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('textSignature', () => {
  it.each([
    ['{"edges": []}', 'a JSON document'],
    ['{', 'a JSON document'],
    ['[{"a": 1}]', 'a JSON document'],
    ['[1, 2, 3]', 'a JSON document'],
    ['[1]', 'a JSON document'],
    ['["TP53", "MDM2"]', 'a JSON document'],
    ['<?xml version="1.0"?>', 'an XML document'],
    ['<sbml xmlns="http://www.sbml.org/sbml/level3">', 'an XML document'],
    ['<!DOCTYPE html>', 'an HTML page'],
    ['  <html lang="en">', 'an HTML page'],
    ['<svg width="1">', 'an SVG image'],
    ['%%MatrixMarket matrix coordinate real general', 'a MatrixMarket matrix (10x matrix.mtx)'],
  ])('%j looks like %s', (line, looksLike) => {
    expect(textSignature([line])?.looksLike).toBe(looksLike);
  });

  it('tells SVG and XHTML from other XML by the next lines', () => {
    expect(textSignature(['<?xml version="1.0"?>', '<svg xmlns="…">'])?.looksLike).toBe(
      'an SVG image',
    );
    expect(textSignature(['<?xml version="1.0"?>', '<html xmlns="…">'])?.looksLike).toBe(
      'an HTML page',
    );
  });

  it.each([
    '[Hallmark] interferon alpha response\tna\tIFIT1\tISG15',
    '[1] "TP53" "MDM2"',
    '{TP53}\tMDM2',
    '<0.05\tTP53',
    '<NA>',
    '<NA>\tTP53',
    '<b>TP53</b>\tMDM2',
    'gene_a\tgene_b',
    '%TP53',
  ])('leaves the table line %j alone', (line) => {
    expect(textSignature([line])).toBeNull();
  });

  it('skips blank and comment lines when it reads a file head', () => {
    expect(firstDataLines('\n# note\n  \r\n{"a": 1}\r\nx')).toEqual(['{"a": 1}', 'x']);
  });
});

describe('binarySignature', () => {
  it('does not take a gene list that starts with BMP4 for a BMP image', async () => {
    expect(binarySignature(bytes('BMP4\nBMP2\nTP53\n'))).toBeNull();
    const { sets } = await importGeneSets('BMP4\nBMP2\nTP53\n', 'bmp.txt', null);
    expect(sets[0].genes).toEqual(['BMP4', 'BMP2', 'TP53']);
  });

  it('does not take a table that starts with "PK" or "GIF" text for an archive or image', () => {
    expect(binarySignature(bytes('PKD1\tPKD2\n'))).toBeNull();
    expect(binarySignature(bytes('GIF1\tTP53\n'))).toBeNull();
    expect(binarySignature(bytes('II\tTP53\n'))).toBeNull();
  });

  it.each([
    [[0x42, 0x5a, 0x68, 0x39, 0x31, 0x41], 'a bzip2-compressed file'],
    [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz-compressed file'],
    [[0x28, 0xb5, 0x2f, 0xfd, 0x00], 'a zstd-compressed file'],
    [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  ])('names other compressors (%j → %s)', (head, looksLike) => {
    expect(binarySignature(Uint8Array.from(head))?.looksLike).toBe(looksLike);
  });

  it('does not take a gene list that starts with BZh (no digit after it) for bzip2', () => {
    expect(binarySignature(bytes('BZhX\n'))).toBeNull();
  });
});

describe('notATableError', () => {
  it('sends single-cell files to the single-cell import only from the table importers', async () => {
    const hdf5 = Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const kind = binarySignature(hdf5);
    expect(kind).not.toBeNull();
    expect(notATableError('x.h5ad', kind!, 'genes').expected).toContain('single-cell import');
    // A reader that is not a table importer (no tableContents), e.g. the single-cell one:
    const error = await (async () => {
      for await (const line of readLines(hdf5, 'x.h5ad')) void line;
    })().catch((e: unknown) => e as Error);
    expect(error?.message).toBe(
      'x.h5ad: looks like an HDF5 file (AnnData .h5ad, 10x .h5 or loom); expected a tab- or comma-separated text table',
    );
  });
});
