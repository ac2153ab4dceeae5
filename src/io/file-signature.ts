/**
 * Files that are not tables
 * =========================
 * Recognises, by content and never by file name, the files people give by mistake where a
 * table is expected, so the importer can fail with one line that says what the file looks like
 * and where it belongs instead of a column-count error further down:
 *
 *   "<file>: looks like a PDF document; expected a tab- or comma-separated table of <contents>"
 *
 * Two checks, one table of signatures each:
 *
 * - `binarySignature` on the first bytes (after gunzip), before any text is decoded: magic
 *   numbers of zip/xlsx (`PK\3\4`), PDF (`%PDF-`), HDF5 (`\x89HDF\r\n\x1a\n`, which is also how
 *   AnnData .h5ad, 10x .h5 and loom files start), PNG, JPEG, GIF, WebP, TIFF and BMP, and the
 *   compressors other than gzip (bzip2 "BZh", xz, zstd, 7-Zip);
 * - `textSignature` on the first data lines of a table (blank and `#` lines skipped): HTML
 *   (`<!doctype html`, `<html`), SVG (`<svg`, or `<?xml` with `<svg` in the first lines), other
 *   XML (`<?xml`, `<!--`, or an element `<name …>`), JSON (`{` or `[` opening an object, array
 *   or string) and MatrixMarket (`%%MatrixMarket`, the 10x `matrix.mtx`).
 * The text check runs where a *table* is read: in `openTable`, and in `readLineBatches` on the
 * decoded first 8 KiB when the caller says it wants a table (`tableContents`, set by every
 * importer; that also catches a one-line JSON longer than the line limit). A MatrixMarket or
 * XML reader may read lines through `readLineBatches` on purpose and does not set it.
 * Signatures: ISO 32000 (PDF), HDF5 File Format Specification §II.A, PNG spec §5.2, JFIF,
 * GIF89a, RIFF/WebP container, TIFF 6.0 §2, BMP BITMAPFILEHEADER, the bzip2/xz/zstd/7z headers,
 * MatrixMarket exchange format.
 */
import { ImportError } from './import-error';

/** What a file that is not a table looks like, and where it belongs (or null). */
export interface NotATable {
  /** Completes "looks like …", e.g. "a PDF document". */
  looksLike: string;
  /** Appended to the expectation, e.g. where such a file is imported instead. */
  hint: string | null;
  /** Single-cell data: the hint sends it to the single-cell import (left out for its readers). */
  isSingleCell?: boolean;
}

const SINGLE_CELL_HINT = 'single-cell data belongs in the single-cell import';
const RECOMPRESS_HINT = 'decompress it, or compress it with gzip instead';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, k) => bytes[offset + k] === byte);
const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

const BINARY_SIGNATURES: readonly [(bytes: Uint8Array) => boolean, NotATable][] = [
  [
    (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]),
    {
      looksLike: 'a zip archive or Excel workbook',
      hint: 'unzip it, or save the sheet as CSV or tab-separated text',
    },
  ],
  [(b) => startsWith(b, ascii('%PDF-')), { looksLike: 'a PDF document', hint: null }],
  [
    (b) => startsWith(b, ascii('BZh')) && b[3] >= 0x31 && b[3] <= 0x39,
    { looksLike: 'a bzip2-compressed file', hint: RECOMPRESS_HINT },
  ],
  [
    (b) => startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]),
    { looksLike: 'an xz-compressed file', hint: RECOMPRESS_HINT },
  ],
  [
    (b) => startsWith(b, [0x28, 0xb5, 0x2f, 0xfd]),
    { looksLike: 'a zstd-compressed file', hint: RECOMPRESS_HINT },
  ],
  [
    (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]),
    { looksLike: 'a 7-Zip archive', hint: 'extract the table from it' },
  ],
  [
    (b) => startsWith(b, [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]),
    {
      looksLike: 'an HDF5 file (AnnData .h5ad, 10x .h5 or loom)',
      hint: `${SINGLE_CELL_HINT} (.h5ad or 10x matrix files)`,
      isSingleCell: true,
    },
  ],
  [
    (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    { looksLike: 'a PNG image', hint: null },
  ],
  [(b) => startsWith(b, [0xff, 0xd8, 0xff]), { looksLike: 'a JPEG image', hint: null }],
  [
    (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
    { looksLike: 'a GIF image', hint: null },
  ],
  [
    (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
    { looksLike: 'a WebP image', hint: null },
  ],
  [
    (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]),
    { looksLike: 'a TIFF image', hint: null },
  ],
  [
    // "BM", file size, then two reserved 16-bit fields that are zero: a gene list starting
    // with BMP4 does not match.
    (b) => startsWith(b, ascii('BM')) && startsWith(b, [0, 0, 0, 0], 6),
    { looksLike: 'a BMP image', hint: null },
  ],
];

/** The kind of a binary non-table file from its first bytes, or null. */
export function binarySignature(head: Uint8Array): NotATable | null {
  for (const [matches, kind] of BINARY_SIGNATURES) if (matches(head)) return kind;
  return null;
}

const HTML: NotATable = {
  looksLike: 'an HTML page',
  hint: 'if you downloaded it from a web page, save the "raw" file instead',
};
const SVG: NotATable = { looksLike: 'an SVG image', hint: null };
const XML: NotATable = {
  looksLike: 'an XML document',
  hint: 'export the network or list as tab-separated text (SBML, GraphML, BioPAX and XGMML are not read)',
};
const JSON_DOCUMENT: NotATable = {
  looksLike: 'a JSON document',
  hint: 'export the data as a TSV or CSV table',
};
const MATRIX_MARKET: NotATable = {
  looksLike: 'a MatrixMarket matrix (10x matrix.mtx)',
  hint: `${SINGLE_CELL_HINT}, with the matrix.mtx, its features.tsv (or genes.tsv) and barcodes.tsv`,
  isSingleCell: true,
};

/** Missing-value markers written in angle brackets by pandas and R ("<NA>"). */
const MISSING_MARKERS = new Set(['na', 'nan', 'null', 'none']);

/**
 * The kind of a text non-table file from its first data lines (blank and `#` lines already
 * left out; the first one decides, the next few tell SVG from other XML), or null.
 */
export function textSignature(lines: readonly string[]): NotATable | null {
  if (lines.length === 0) return null;
  const start = lines[0].trimStart().slice(0, 40).toLowerCase();
  if (start.startsWith('%%matrixmarket')) return MATRIX_MARKET;
  if (start.startsWith('<!doctype html') || /^<(?:html|head|body)(?:[\s>]|$)/.test(start)) {
    return HTML;
  }
  if (start.startsWith('<svg')) return SVG;
  if (start.startsWith('<?xml') || start.startsWith('<!--') || start.startsWith('<!doctype')) {
    const head = lines.slice(0, 10).join('\n').toLowerCase();
    if (/<svg[\s>]/.test(head)) return SVG;
    if (/<html[\s>]/.test(head)) return HTML;
    return XML;
  }
  // A bare element (<graphml …>, <sbml …>), but not a table cell such as pandas' "<NA>".
  const element = /^<([a-z_][\w:.-]*)(?:[\s/>]|$)/.exec(start);
  if (element !== null && !MISSING_MARKERS.has(element[1]) && !lines[0].includes('\t')) {
    return XML;
  }
  // An object ({"…", {} or a lone brace) or an array ([{, [[, [", [], [1, or [1] alone); not
  // "[Hallmark] …" nor R's printed vectors ("[1] TP53 MDM2").
  if (
    /^\{\s*(?:"|\}|$)/.test(start) ||
    /^\[\s*(?:[{["\]]|$|-?\d[\d.eE+-]*\s*(?:,|\]\s*$))/.test(start)
  ) {
    return JSON_DOCUMENT;
  }
  return null;
}

/** The first data lines of a decoded file head: blank lines and `#` comments left out. */
export function firstDataLines(text: string, count = 10): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r\n|\n|\r/)) {
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    lines.push(line);
    if (lines.length === count) break;
  }
  return lines;
}

/** "what a table of `contents` is" for error messages, with the default for unknown callers. */
export function tableExpectation(contents: string | undefined, hint: string | null = null): string {
  const table =
    contents === undefined
      ? 'a tab- or comma-separated text table'
      : `a tab- or comma-separated table of ${contents}`;
  return hint === null ? table : `${table}; ${hint}`;
}

/**
 * The error for a file that is not a table (whole-file problem: no line number). Without
 * `contents` the caller is not one of the table importers (it may be a single-cell reader
 * itself), so the "belongs in the single-cell import" hint is left out.
 */
export function notATableError(
  fileName: string,
  kind: NotATable,
  contents: string | undefined,
): ImportError {
  const hint = contents === undefined && kind.isSingleCell === true ? null : kind.hint;
  return new ImportError(
    fileName,
    null,
    `looks like ${kind.looksLike}`,
    tableExpectation(contents, hint),
  );
}
