/**
 * Command output: JSON or TSV, to stdout or a file
 * ================================================
 * Every command returns one `CommandResult`: a JSON-ready value and, where the result is a
 * table (genes, diseases, drugs), the same rows as columns and cells. Without `--out` the JSON
 * goes to stdout; `--out FILE.json` writes the JSON and `--out FILE.tsv` the table. A command
 * whose result is a network (the module) also writes `--out FILE.graphml`, `FILE.cyjs`
 * (Cytoscape.js JSON) or `FILE.sif` (src/io/network-export.ts).
 *
 * JSON: typed arrays become arrays, Maps objects, Sets arrays, and NaN/±Infinity become null
 * (JSON has no such numbers), indented by 2 spaces. TSV: optional `# ` comment lines (what a
 * reader must know about the whole table, e.g. the drug screen's direction statement), then one
 * header row; empty cell for
 * null/NaN, "Inf"/"-Inf" for infinities, lists joined by "|" (as in genes.tsv), tabs and line
 * breaks inside a cell replaced by spaces.
 */
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import {
  writeCytoscapeJson,
  writeGraphMl,
  writeSif,
  type ExportNetwork,
} from '@/io/network-export';
import { UsageError } from './cli-error';

export type Cell =
  string | number | boolean | null | undefined | readonly string[] | readonly (string | null)[];

export interface Table {
  /** Lines written before the header, each after "# " (pandas: `comment='#'`). */
  readonly comments?: readonly string[];
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface CommandResult {
  readonly json: unknown;
  readonly table: Table;
  /** The result as a network, for `--out FILE.graphml|.cyjs|.sif` (commands that have one). */
  readonly network?: ExportNetwork;
}

/** Where the CLI writes: injectable so tests can capture it. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Relative paths are resolved against this directory. */
  readonly cwd: string;
}

export type OutputFormat = 'json' | 'tsv' | 'graphml' | 'cyjs' | 'sif';

const EXTENSIONS: Record<string, OutputFormat> = {
  '.json': 'json',
  '.tsv': 'tsv',
  '.graphml': 'graphml',
  '.cyjs': 'cyjs',
  '.sif': 'sif',
};

export interface OutputTarget {
  /** Absolute path, or null for stdout. */
  readonly path: string | null;
  /** The path as the user wrote it (for messages). */
  readonly shownAs: string | null;
  readonly format: OutputFormat;
}

/** Checks `--out` before any work is done: known extension, existing directory. */
export function resolveOutputTarget(out: string | undefined, cwd: string): OutputTarget {
  if (out === undefined) return { path: null, shownAs: null, format: 'json' };
  const extension = extname(out).toLowerCase();
  const format = EXTENSIONS[extension];
  if (format === undefined) {
    throw new UsageError(
      `--out: expected a file name ending in .json or .tsv (or, for a network, .graphml, .cyjs or .sif), got "${out}"`,
    );
  }
  const path = resolve(cwd, out);
  const directory = dirname(path);
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new UsageError(`--out: directory ${dirname(out)} does not exist`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new UsageError(`--out: ${out} is a directory`);
  }
  return { path, shownAs: out, format };
}

export async function writeResult(
  result: CommandResult,
  target: OutputTarget,
  io: CliIo,
  command: string,
): Promise<void> {
  const text = formatResult(result, target.format, command);
  if (target.path === null) {
    io.stdout(text);
    return;
  }
  await writeFile(target.path, text, 'utf8');
  const what =
    target.format === 'tsv' ? `${result.table.rows.length} rows` : `${text.length} characters`;
  io.stderr(`twinscreen ${command}: wrote ${target.shownAs} (${what})\n`);
}

function formatResult(result: CommandResult, format: OutputFormat, command: string): string {
  if (format === 'json') return toJson(result.json);
  if (format === 'tsv') return toTsv(result.table);
  if (result.network === undefined) {
    throw new UsageError(
      `--out: twinscreen ${command} has no network to write as .${format}; use .json or .tsv`,
    );
  }
  if (format === 'graphml') return writeGraphMl(result.network);
  if (format === 'cyjs') return writeCytoscapeJson(result.network);
  return writeSif(result.network);
}

/** JSON text with the conversions listed in the header. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, jsonReplacer, 2) + '\n';
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}

/** Tab-separated text with a header row. */
export function toTsv(table: Table): string {
  const lines = (table.comments ?? []).map((line) => `# ${line.replace(/[\r\n]+/g, ' ')}`);
  lines.push(table.columns.map(formatCell).join('\t'));
  for (const row of table.rows) {
    if (row.length !== table.columns.length) {
      throw new Error(`toTsv: row with ${row.length} cells for ${table.columns.length} columns`);
    }
    lines.push(row.map(formatCell).join('\t'));
  }
  return lines.join('\n') + '\n';
}

function formatCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) return '';
    if (cell === Infinity) return 'Inf';
    if (cell === -Infinity) return '-Inf';
    return String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = typeof cell === 'string' ? cell : cell.join('|');
  return text.replace(/[\t\r\n]+/g, ' ');
}
