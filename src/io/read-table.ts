/**
 * Delimited-text tables
 * =====================
 * The layer every importer shares between `readLineBatches` and its own column logic:
 *
 * 1. skip blank lines and `#` comment lines (remembering the comment just before the first
 *    data row, which some tools use as a header: STRING's "#node1\tnode2…"), and reject a
 *    first data line that shows the file is HTML, SVG, XML, JSON or MatrixMarket rather than a
 *    table (file-signature.ts);
 * 2. look at up to 50 data rows (the *sample*) and pick one separator for the whole file:
 *    tab if any sample line has a tab, else comma, else semicolon (Excel in some locales), else
 *    runs of spaces;
 * 3. split each row into trimmed fields, honouring double quotes ("a, b" and "" escapes) the way
 *    Excel writes CSV;
 * 4. check the field count of each row against the shape the importer asked for; a row that
 *    fits the shape only with another separator is reported as *mixed separators*.
 * The importer inspects `sample` (header detection, column roles), then streams every row
 * through `forEachRow`.
 */
import { notATableError, textSignature } from './file-signature';
import { ImportError } from './import-error';
import type { Line } from './read-lines';

/** `' '` stands for any run of whitespace. */
export type Separator = '\t' | ',' | ';' | ' ';

export interface TableRow {
  fields: string[];
  lineNumber: number;
  text: string;
}

/** What a data row must look like. */
export interface RowShape {
  /** Exact number of fields, if fixed. */
  exact?: number;
  /** Least number of fields, if variable. */
  min?: number;
  /** Completes "expected …", e.g. "4 tab-separated columns, as in the header (line 1)". */
  describe: string;
}

export interface Table {
  readonly fileName: string;
  readonly separator: Separator;
  /** The first data rows (at most SAMPLE_ROWS), blank and comment lines skipped. */
  readonly sample: readonly TableRow[];
  /** The comment line right before the first data row, split like the data, or null. */
  readonly commentHeader: TableRow | null;
  /**
   * Calls `visit` on every data row from `sample[skip]` onwards, then on the rest of the file,
   * after checking it against `shape`. Resolves to the number of rows visited.
   */
  forEachRow(
    skip: number,
    shape: RowShape,
    visit: (fields: string[], lineNumber: number) => void,
  ): Promise<number>;
}

export const SAMPLE_ROWS = 50;

export const SEPARATOR_NAMES: Record<Separator, string> = {
  '\t': 'tab',
  ',': 'comma',
  ';': 'semicolon',
  ' ': 'space',
};

/**
 * Reads the sample of a table; the rest stays in `batches` until `forEachRow`. `contents`
 * completes "expected a tab- or comma-separated table of …" when the file is of another kind.
 */
export async function openTable(
  batches: AsyncIterator<Line[]>,
  fileName: string,
  contents?: string,
): Promise<Table> {
  const sampleLines: Line[] = [];
  let pending: Line[] = [];
  let pendingIndex = 0;
  let lastComment: Line | null = null;
  let commentBeforeData: Line | null = null;
  let exhausted = false;

  while (sampleLines.length < SAMPLE_ROWS) {
    const { done, value } = await batches.next();
    if (done) {
      exhausted = true;
      break;
    }
    let k = 0;
    for (; k < value.length && sampleLines.length < SAMPLE_ROWS; k++) {
      const line = value[k];
      if (isBlank(line.text)) continue;
      if (isComment(line.text)) {
        if (sampleLines.length === 0) lastComment = line;
        continue;
      }
      if (sampleLines.length === 0) commentBeforeData = lastComment;
      sampleLines.push(line);
    }
    if (k < value.length) {
      pending = value;
      pendingIndex = k;
    }
  }
  if (sampleLines.length === 0) {
    await batches.return?.(undefined);
    throw new ImportError(
      fileName,
      null,
      'no data rows (the file is empty or holds only comments)',
      'at least one data row',
    );
  }
  const signature = textSignature(sampleLines.slice(0, 10).map((line) => line.text));
  if (signature !== null) {
    await batches.return?.(undefined);
    throw notATableError(fileName, signature, contents);
  }

  const separator = detectSeparator(sampleLines.map((line) => line.text));
  const split = (line: Line): TableRow => ({
    fields: splitFields(line.text, separator, fileName, line.lineNumber),
    lineNumber: line.lineNumber,
    text: line.text,
  });
  const sample = sampleLines.map(split);
  let commentHeader: TableRow | null = null;
  if (commentBeforeData) {
    const text = commentBeforeData.text.replace(/^\s*#+\s*/, '');
    commentHeader = split({ text, lineNumber: commentBeforeData.lineNumber });
  }

  let consumed = false;
  const forEachRow: Table['forEachRow'] = async (skip, shape, visit) => {
    if (consumed) throw new Error(`${fileName}: table rows can be read only once`);
    consumed = true;
    const check = (fields: string[], line: Line): void => {
      const count = fields.length;
      if (
        (shape.exact !== undefined && count !== shape.exact) ||
        (shape.min !== undefined && count < shape.min)
      ) {
        throw wrongShape(fields, line, separator, shape, fileName);
      }
    };
    let visited = 0;
    const visitLine = (line: Line): void => {
      if (isBlank(line.text) || isComment(line.text)) return;
      const fields = splitFields(line.text, separator, fileName, line.lineNumber);
      check(fields, line);
      visit(fields, line.lineNumber);
      visited++;
    };
    try {
      for (let k = skip; k < sample.length; k++) {
        const row = sample[k];
        check(row.fields, row);
        visit(row.fields, row.lineNumber);
        visited++;
      }
      for (let k = pendingIndex; k < pending.length; k++) visitLine(pending[k]);
      pending = [];
      while (!exhausted) {
        // readLineBatches checks the abort signal on every read and throws it from here.
        const { done, value } = await batches.next();
        if (done) break;
        for (let k = 0; k < value.length; k++) visitLine(value[k]);
      }
    } catch (error) {
      await batches.return?.(undefined); // stop reading (and decompressing) the source
      throw error;
    }
    return visited;
  };

  return { fileName, separator, sample, commentHeader, forEachRow };
}

export function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  return text.charCodeAt(0) <= 32 && text.trim().length === 0;
}

export function isComment(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 35 /* # */) return true;
  return first <= 32 && text.trimStart().startsWith('#');
}

/** Tab if any line has one; else comma, semicolon or whitespace, counted outside quotes. */
export function detectSeparator(lines: readonly string[]): Separator {
  if (lines.some((line) => line.includes('\t'))) return '\t';
  for (const separator of [',', ';'] as const) {
    if (lines.some((line) => countOutsideQuotes(line, separator) > 0)) return separator;
  }
  return ' ';
}

/** Splits one line into trimmed fields. */
export function splitFields(
  text: string,
  separator: Separator,
  fileName: string,
  lineNumber: number,
): string[] {
  if (separator === ' ') {
    const trimmed = text.trim();
    return trimmed.length === 0 ? [] : trimmed.split(/\s+/);
  }
  if (text.indexOf('"') !== -1) return splitQuoted(text, separator, fileName, lineNumber);
  const fields = text.split(separator);
  for (let k = 0; k < fields.length; k++) {
    const field = fields[k];
    if (field.length > 0) {
      const first = field.charCodeAt(0);
      const last = field.charCodeAt(field.length - 1);
      if (first <= 32 || last <= 32) fields[k] = field.trim();
    }
  }
  return fields;
}

/** RFC 4180-style splitting: a field may be wrapped in double quotes, "" is a literal quote. */
function splitQuoted(
  text: string,
  separator: string,
  fileName: string,
  lineNumber: number,
): string[] {
  const fields: string[] = [];
  let k = 0;
  for (;;) {
    while (k < text.length && text[k] === ' ') k++;
    if (text[k] === '"') {
      let value = '';
      k++;
      for (;;) {
        const close = text.indexOf('"', k);
        if (close === -1) {
          throw new ImportError(
            fileName,
            lineNumber,
            'unterminated quoted field',
            'a closing double quote on the same line (fields that span several lines are not supported)',
          );
        }
        value += text.slice(k, close);
        if (text[close + 1] === '"') {
          value += '"';
          k = close + 2;
        } else {
          k = close + 1;
          break;
        }
      }
      const next = text.indexOf(separator, k);
      const tail = (next === -1 ? text.slice(k) : text.slice(k, next)).trim();
      fields.push(value + tail);
      if (next === -1) return fields;
      k = next + 1;
    } else {
      const next = text.indexOf(separator, k);
      fields.push((next === -1 ? text.slice(k) : text.slice(k, next)).trim());
      if (next === -1) return fields;
      k = next + 1;
    }
  }
}

function countOutsideQuotes(text: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count++;
  }
  return count;
}

function wrongShape(
  fields: string[],
  line: Line,
  separator: Separator,
  shape: RowShape,
  fileName: string,
): ImportError {
  const wanted = shape.exact ?? shape.min ?? 1;
  if (fields.length < wanted) {
    for (const other of ['\t', ',', ';', ' '] as const) {
      if (other === separator || (separator === ' ' && other === '\t')) continue;
      const present = other === ' ' ? /\S\s+\S/.test(line.text) : line.text.includes(other);
      if (!present) continue;
      const count = splitFields(line.text, other, fileName, line.lineNumber).length;
      if (shape.exact === undefined ? count >= wanted : count === wanted) {
        return new ImportError(
          fileName,
          line.lineNumber,
          `mixed separators: this line is ${SEPARATOR_NAMES[other]}-separated but the file is ${SEPARATOR_NAMES[separator]}-separated`,
          `${SEPARATOR_NAMES[separator]}-separated fields on every line`,
        );
      }
    }
  }
  const count = fields.length;
  return new ImportError(
    fileName,
    line.lineNumber,
    `${count} ${count === 1 ? 'column' : 'columns'}`,
    shape.describe,
  );
}

/** Human-readable column count for `RowShape.describe`. */
export function describeColumns(count: number, separator: Separator, where: string): string {
  return `${count} ${SEPARATOR_NAMES[separator]}-separated ${count === 1 ? 'column' : 'columns'}, ${where}`;
}
