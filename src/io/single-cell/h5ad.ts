/**
 * h5ad (AnnData ≥ 0.8) reader
 * ===========================
 * Reads an AnnData file through h5wasm (the HDF5 C library compiled to wasm) into the shared
 * `SingleCellData`. This file holds the reader itself and works on any h5wasm module and any
 * path in that module's file system; two thin openers give it a file:
 * `h5ad-node.ts` (Node: 'h5wasm/node', a real path) and `h5ad-browser.ts` (a module worker:
 * the ESM build, the user's File mounted read-only with WORKERFS, never copied into the heap).
 *
 * Layout read (anndata's on-disk format 0.8, "encoding-type" attributes on every element):
 *
 *   X | raw/X | layers/counts   csr_matrix / csc_matrix group {data, indices, indptr; attr shape}
 *                               or a 2-D dataset (dense, encoding "array")
 *   obs, var, raw/var           dataframe group; attr _index names the index dataset,
 *                               attr column-order lists the columns
 *   obs/<column>                categorical group {codes (−1 = missing), categories},
 *                               string-array, numeric array, boolean (HDF5 enum),
 *                               nullable-integer / nullable-boolean / nullable-string-array
 *                               groups {values, mask}
 *
 * CSR is read by row blocks: `indptr` first (cells + 1 numbers), then `indices` and `data` in
 * slices of about `blockValues` entries, so only one block of the file is in memory besides
 * the result. CSC becomes CSR by a counting sort: `indices` is read twice in blocks (count per
 * cell, then scatter), `data` once. Dense X is read by blocks of whole rows. Int64 `indptr` and
 * `indices` arrive as BigInt64Array and are converted block by block.
 *
 * Older layouts are refused with a message saying so: before 0.8, obs was an HDF5 compound
 * table (≤ 0.6) or kept categories in obs/__categories (0.7).
 */
import type { Dataset, Entity, Group, File as H5File } from 'h5wasm';
import { ImportError } from '../import-error';
import type { GeneIndex } from '../gene-index';
import { CsrRowBuilder, compactRows, MAX_NON_ZEROS, type BuiltMatrix } from './csr-builder';
import { finishSingleCellData } from './finish-single-cell-data';
import type { CellColumn, SingleCellData } from './single-cell-data';

/** The part of an h5wasm module this reader uses (the Node and the ESM build both fit). */
export interface H5wasmApi {
  File: new (path: string, mode: 'r') => H5File;
}

export type H5adMatrixChoice = 'auto' | 'X' | 'raw/X' | 'layers/counts';

export interface H5adOptions {
  /** Which matrix to read; `auto` takes layers/counts when present, else X. */
  matrix?: H5adMatrixChoice;
  /** var column holding gene names; null = the var index. */
  geneNameColumn?: string | null;
  /** Maps genes through the gene table for the report. */
  geneIndex?: GeneIndex | null;
  /** Matrix entries read per slice (memory per block ≈ 8–16 bytes × this). */
  blockValues?: number;
  /** Called after each block with the rows (cells) read so far. */
  onProgress?: (cellsRead: number, cellCount: number) => void;
}

export const H5AD_DEFAULTS = {
  matrix: 'auto',
  blockValues: 1 << 22,
} as const;

export interface H5adMatrixInfo {
  path: 'X' | 'raw/X' | 'layers/counts';
  encoding: 'csr_matrix' | 'csc_matrix' | 'dense';
  shape: [number, number];
  /** Stored entries (sparse) or cells × genes (dense). */
  storedValues: number;
}

export interface H5adObsColumnInfo {
  name: string;
  kind: CellColumn['kind'] | 'unsupported';
  /** Categories of a categorical column (all of them); empty otherwise. */
  categories: string[];
}

/** What a file holds, read without touching the matrix values. */
export interface H5adInspection {
  fileName: string;
  cells: number;
  genes: number;
  matrices: H5adMatrixInfo[];
  obsColumns: H5adObsColumnInfo[];
  varColumns: string[];
  rawVarColumns: string[];
}

const ANNDATA_EXPECTED =
  'an AnnData file (.h5ad) written by anndata ≥ 0.8, with obs and var dataframe groups and X';
const REWRITE_HINT = 're-save with anndata ≥ 0.8 (read it with anndata and write_h5ad again)';

/** The 8-byte HDF5 signature. */
export const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** Throws a clear error unless `head` (the file's first bytes) starts with the HDF5 signature. */
export function checkHdf5Signature(head: Uint8Array, fileName: string): void {
  if (HDF5_SIGNATURE.every((byte, k) => head[k] === byte)) return;
  let what = 'not an HDF5 file';
  if (head[0] === 0x1f && head[1] === 0x8b) what += ' (it is gzip-compressed: decompress it first)';
  else if (head.length === 0) what += ' (it is empty)';
  else if (
    head.every((byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127))
  ) {
    what += ' (it starts like a text file)';
  }
  throw new ImportError(
    fileName,
    null,
    what,
    `${ANNDATA_EXPECTED} (HDF5 files start with "\\x89HDF")`,
  );
}

/** Opens `path` with h5wasm, turning HDF5's error stack into an ImportError. */
export function openHdf5(h5: H5wasmApi, path: string, fileName: string): H5File {
  try {
    return new h5.File(path, 'r');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const minors = [...message.matchAll(/minor: (.+)/g)].map((match) => match[1].trim());
    const detail = minors.length > 0 ? minors[minors.length - 1] : message.split('\n')[0];
    throw new ImportError(
      fileName,
      null,
      `HDF5 file that cannot be opened (${detail}): truncated or damaged`,
      `${ANNDATA_EXPECTED}; copy or download the file again`,
    );
  }
}

/** Lists matrices and columns without reading matrix values. */
export function inspectH5adFile(h5: H5wasmApi, path: string, fileName: string): H5adInspection {
  const file = openHdf5(h5, path, fileName);
  try {
    const layout = checkLayout(file, fileName);
    const obs = readDataframeIndex(layout.obs, 'obs', fileName);
    const varIndex = readDataframeIndex(layout.var, 'var', fileName);
    const matrices = listMatrices(file, fileName);
    const obsColumns = dataframeColumns(layout.obs).map((name): H5adObsColumnInfo => {
      const entity = layout.obs.get(name);
      const kind = entity ? columnKind(entity) : 'unsupported';
      const categories =
        kind !== 'categorical' || !entity
          ? []
          : isGroup(entity) && encodingOf(entity) === 'categorical'
            ? categoriesOf(entity, fileName, `obs/${name}`)
            : ['False', 'True'];
      return { name, kind, categories };
    });
    const raw = file.get('raw');
    const rawVar = raw && isGroup(raw) ? (raw as Group).get('var') : null;
    return {
      fileName,
      cells: obs.length,
      genes: varIndex.length,
      matrices,
      obsColumns,
      varColumns: dataframeColumns(layout.var),
      rawVarColumns: rawVar && isGroup(rawVar) ? dataframeColumns(rawVar as Group) : [],
    };
  } finally {
    file.close();
  }
}

/** Reads the chosen matrix, obs, and gene names of an AnnData file. */
export function readH5adFile(
  h5: H5wasmApi,
  path: string,
  fileName: string,
  options: H5adOptions = {},
): SingleCellData {
  const blockValues = options.blockValues ?? H5AD_DEFAULTS.blockValues;
  if (!(blockValues >= 1))
    throw new RangeError(`readH5ad: blockValues must be ≥ 1, got ${blockValues}`);
  const file = openHdf5(h5, path, fileName);
  try {
    const layout = checkLayout(file, fileName);
    const matrices = listMatrices(file, fileName);
    const choice = options.matrix ?? H5AD_DEFAULTS.matrix;
    const info =
      choice === 'auto'
        ? (matrices.find((m) => m.path === 'layers/counts') ?? matrices.find((m) => m.path === 'X'))
        : matrices.find((m) => m.path === choice);
    if (!info) {
      const present = matrices.map((m) => m.path).join(', ') || 'none';
      throw new ImportError(
        fileName,
        null,
        choice === 'auto'
          ? 'no X and no layers/counts matrix'
          : `no ${choice} matrix (present: ${present})`,
        `${ANNDATA_EXPECTED}; choose one of the matrices present`,
      );
    }
    const cellIds = readDataframeIndex(layout.obs, 'obs', fileName);
    let varGroup = layout.var;
    let varPath = 'var';
    if (info.path === 'raw/X') {
      const rawVar = (file.get('raw') as Group).get('var');
      if (!rawVar || !isGroup(rawVar)) {
        throw new ImportError(fileName, null, 'raw/X without raw/var', ANNDATA_EXPECTED);
      }
      varGroup = rawVar as Group;
      varPath = 'raw/var';
    }
    checkDataframe(varGroup, varPath, fileName);
    const geneIds = readDataframeIndex(varGroup, varPath, fileName);
    const [rows, columns] = info.shape;
    if (rows !== cellIds.length || columns !== geneIds.length) {
      throw new ImportError(
        fileName,
        null,
        `${info.path} has shape ${rows} × ${columns} but obs has ${cellIds.length} cells and ` +
          `${varPath} ${geneIds.length} genes`,
        'a matrix of cells × genes matching obs and var',
      );
    }

    let geneNames = geneIds;
    let geneNameSource = `${varPath} index`;
    const nameColumn = options.geneNameColumn ?? null;
    if (nameColumn !== null) {
      const available = dataframeColumns(varGroup);
      const entity = available.includes(nameColumn) ? varGroup.get(nameColumn) : null;
      if (!entity) {
        throw new ImportError(
          fileName,
          null,
          `no column "${nameColumn}" in ${varPath}`,
          `one of the ${varPath} columns: ${available.join(', ') || '(none)'}, or the index`,
        );
      }
      const column = readColumn(
        entity,
        nameColumn,
        `${varPath}/${nameColumn}`,
        fileName,
        geneIds.length,
      );
      if (!column || column.kind === 'number') {
        throw new ImportError(
          fileName,
          null,
          `${varPath} column "${nameColumn}" does not hold gene names`,
          'a string or categorical column of gene names',
        );
      }
      geneNames =
        column.kind === 'string'
          ? column.values
          : Array.from(column.codes, (code) => (code < 0 ? '' : column.categories[code]));
      geneNameSource = `${varPath} column ${nameColumn}`;
    }

    const warnings: string[] = [];
    const cellColumns: CellColumn[] = [];
    for (const name of dataframeColumns(layout.obs)) {
      const entity = layout.obs.get(name);
      const column = entity
        ? readColumn(entity, name, `obs/${name}`, fileName, cellIds.length)
        : null;
      if (column) cellColumns.push(column);
      else warnings.push(`obs column "${name}" skipped: its encoding is not supported`);
    }

    const progress = options.onProgress ?? (() => undefined);
    const built = readMatrix(file, info, fileName, blockValues, progress);
    return finishSingleCellData({
      fileName,
      matrixFileName: fileName,
      format: 'h5ad',
      matrixSource: info.path,
      built,
      cellIds,
      geneIds,
      geneNames,
      geneNameSource,
      cellColumns,
      warnings,
      geneIndex: options.geneIndex,
    });
  } finally {
    file.close();
  }
}

// --- layout ---------------------------------------------------------------------------

function isGroup(entity: Entity | null | undefined): entity is Group {
  return (entity as { type?: string } | null | undefined)?.type === 'Group';
}

function isDataset(entity: Entity | null | undefined): entity is Dataset {
  return (entity as { type?: string } | null | undefined)?.type === 'Dataset';
}

function attribute(entity: Entity, name: string): unknown {
  const attrs = (entity as Group).attrs;
  return name in attrs ? attrs[name].value : undefined;
}

function encodingOf(entity: Entity): string | undefined {
  const value = attribute(entity, 'encoding-type');
  return typeof value === 'string' ? value : undefined;
}

function checkLayout(file: H5File, fileName: string): { obs: Group; var: Group } {
  const obs = file.get('obs');
  const variables = file.get('var');
  if (obs && isDataset(obs)) {
    throw new ImportError(
      fileName,
      null,
      'AnnData written before 0.8 (obs is a compound table)',
      REWRITE_HINT,
    );
  }
  if (!obs || !isGroup(obs) || !variables || !isGroup(variables)) {
    const keys = file.keys();
    throw new ImportError(
      fileName,
      null,
      `HDF5 file but not AnnData (no obs and var groups; top-level entries: ${keys.slice(0, 10).join(', ') || 'none'})`,
      ANNDATA_EXPECTED,
    );
  }
  if ((obs as Group).keys().includes('__categories')) {
    throw new ImportError(
      fileName,
      null,
      'AnnData written before 0.8 (categories kept in obs/__categories)',
      REWRITE_HINT,
    );
  }
  checkDataframe(obs as Group, 'obs', fileName);
  checkDataframe(variables as Group, 'var', fileName);
  const x = file.get('X');
  if (x && isGroup(x) && encodingOf(x) === undefined && attribute(x, 'h5sparse_format')) {
    throw new ImportError(
      fileName,
      null,
      'AnnData written before 0.8 (X stored with h5sparse attributes)',
      REWRITE_HINT,
    );
  }
  return { obs: obs as Group, var: variables as Group };
}

function checkDataframe(group: Group, path: string, fileName: string): void {
  const encoding = encodingOf(group);
  if (encoding === 'dataframe') return;
  throw new ImportError(
    fileName,
    null,
    encoding === undefined
      ? `AnnData written before 0.8 (${path} has no encoding-type attribute)`
      : `${path} has encoding "${encoding}"`,
    encoding === undefined ? REWRITE_HINT : `${path} as a dataframe group (${ANNDATA_EXPECTED})`,
  );
}

function dataframeColumns(group: Group): string[] {
  const order = attribute(group, 'column-order');
  const index = attribute(group, '_index');
  if (Array.isArray(order)) return order.map(String);
  if (typeof order === 'string' && order !== '') return [order];
  // An empty column-order is written as an empty float array by some anndata versions.
  return group.keys().filter((key) => key !== index && key !== '__categories');
}

function readDataframeIndex(group: Group, path: string, fileName: string): string[] {
  const name = attribute(group, '_index');
  const indexName = typeof name === 'string' ? name : '_index';
  const dataset = group.get(indexName);
  if (!dataset || !isDataset(dataset)) {
    throw new ImportError(
      fileName,
      null,
      `${path} has no index dataset "${indexName}"`,
      ANNDATA_EXPECTED,
    );
  }
  return toStrings((dataset as Dataset).value, `${path}/${indexName}`, fileName);
}

function listMatrices(file: H5File, fileName: string): H5adMatrixInfo[] {
  const found: H5adMatrixInfo[] = [];
  for (const path of ['X', 'raw/X', 'layers/counts'] as const) {
    const entity = path === 'X' ? file.get('X') : getPath(file, path);
    if (entity) found.push(matrixInfo(entity, path, fileName));
  }
  return found;
}

function getPath(file: H5File, path: string): Entity | null {
  const [first, second] = path.split('/');
  const group = file.get(first);
  if (!group || !isGroup(group)) return null;
  return (group as Group).keys().includes(second) ? (group as Group).get(second) : null;
}

function matrixInfo(
  entity: Entity,
  path: H5adMatrixInfo['path'],
  fileName: string,
): H5adMatrixInfo {
  if (isDataset(entity)) {
    const shape = (entity as Dataset).shape ?? [];
    if (shape.length !== 2) {
      throw new ImportError(
        fileName,
        null,
        `${path} is a ${shape.length}-D dataset`,
        'a 2-D cells × genes matrix',
      );
    }
    return {
      path,
      encoding: 'dense',
      shape: [shape[0], shape[1]],
      storedValues: shape[0] * shape[1],
    };
  }
  const encoding = encodingOf(entity);
  if (!isGroup(entity) || (encoding !== 'csr_matrix' && encoding !== 'csc_matrix')) {
    throw new ImportError(
      fileName,
      null,
      `${path} has encoding "${encoding ?? 'none'}"`,
      `${path} as csr_matrix, csc_matrix or a dense 2-D array`,
    );
  }
  const group = entity as Group;
  for (const part of ['data', 'indices', 'indptr']) {
    if (!group.keys().includes(part)) {
      throw new ImportError(
        fileName,
        null,
        `${path} (${encoding}) has no ${part}`,
        `${path}/data, indices and indptr`,
      );
    }
  }
  const shape = Array.from(attribute(group, 'shape') as ArrayLike<number | bigint>, Number);
  const storedValues = ((group.get('data') as Dataset).shape ?? [0])[0];
  return { path, encoding, shape: [shape[0], shape[1]], storedValues };
}

// --- obs / var columns ----------------------------------------------------------------

function columnKind(entity: Entity): H5adObsColumnInfo['kind'] {
  const encoding = encodingOf(entity);
  if (isGroup(entity)) {
    if (encoding === 'categorical' || encoding === 'nullable-boolean') return 'categorical';
    if (encoding === 'nullable-integer') return 'number';
    if (encoding === 'nullable-string-array') return 'string';
    return 'unsupported';
  }
  if (!isDataset(entity)) return 'unsupported';
  const dataset = entity as Dataset;
  if ((dataset.shape ?? []).length !== 1) return 'unsupported';
  if (encoding === 'string-array' || dataset.dtype === 'S') return 'string';
  if (isBooleanDataset(dataset)) return 'categorical';
  return typeof dataset.dtype === 'string' && /^[<>]?[bBhHiIlLqQfd]$/.test(dataset.dtype)
    ? 'number'
    : 'unsupported';
}

/** HDF5 enum (type class 8) of size 1: how h5py stores numpy booleans. */
function isBooleanDataset(dataset: Dataset): boolean {
  return dataset.metadata.type === 8 && dataset.metadata.size === 1;
}

function categoriesOf(group: Group, fileName: string, path: string): string[] {
  const categories = group.get('categories');
  if (!categories || !isDataset(categories)) {
    throw new ImportError(
      fileName,
      null,
      `categorical ${path} has no categories`,
      `${path}/codes and ${path}/categories`,
    );
  }
  return toStrings((categories as Dataset).value, `${path}/categories`, fileName);
}

/** Reads one obs/var column, or null when its encoding is not one this reader knows. */
function readColumn(
  entity: Entity,
  name: string,
  path: string,
  fileName: string,
  length: number,
): CellColumn | null {
  const kind = columnKind(entity);
  if (kind === 'unsupported') return null;
  const checkLength = (got: number): void => {
    if (got !== length) {
      throw new ImportError(
        fileName,
        null,
        `${path} has ${got} values`,
        `${length} values, one per row of its dataframe`,
      );
    }
  };
  if (isGroup(entity)) {
    const group = entity as Group;
    const encoding = encodingOf(group);
    const part = (key: string): Dataset => {
      const dataset = group.keys().includes(key) ? group.get(key) : null;
      if (!dataset || !isDataset(dataset)) {
        throw new ImportError(
          fileName,
          null,
          `${path} (${encoding}) has no ${key}`,
          `${path}/${key}`,
        );
      }
      return dataset as Dataset;
    };
    if (encoding === 'categorical') {
      const codes = Int32Array.from(toNumbers(part('codes').value, `${path}/codes`, fileName));
      checkLength(codes.length);
      const categories = categoriesOf(group, fileName, path);
      for (const code of codes) {
        if (code < -1 || code >= categories.length) {
          throw new ImportError(
            fileName,
            null,
            `${path}/codes holds ${code}`,
            `codes from −1 to ${categories.length - 1}`,
          );
        }
      }
      return { name, kind: 'categorical', codes, categories };
    }
    const values = part('values').value;
    const mask = group.keys().includes('mask')
      ? toNumbers(part('mask').value, `${path}/mask`, fileName)
      : null;
    if (encoding === 'nullable-integer') {
      const numbers = Float64Array.from(toNumbers(values, `${path}/values`, fileName));
      checkLength(numbers.length);
      if (mask) for (let i = 0; i < numbers.length; i++) if (mask[i]) numbers[i] = NaN;
      return { name, kind: 'number', values: numbers };
    }
    if (encoding === 'nullable-boolean') {
      const flags = toNumbers(values, `${path}/values`, fileName);
      checkLength(flags.length);
      const codes = Int32Array.from(flags, (flag, i) => (mask && mask[i] ? -1 : flag ? 1 : 0));
      return { name, kind: 'categorical', codes, categories: ['False', 'True'] };
    }
    const strings = toStrings(values, `${path}/values`, fileName);
    checkLength(strings.length);
    if (mask) for (let i = 0; i < strings.length; i++) if (mask[i]) strings[i] = '';
    return { name, kind: 'string', values: strings };
  }
  const dataset = entity as Dataset;
  if (kind === 'string') {
    const strings = toStrings(dataset.value, path, fileName);
    checkLength(strings.length);
    return { name, kind: 'string', values: strings };
  }
  if (kind === 'categorical') {
    const flags = toNumbers(dataset.value, path, fileName);
    checkLength(flags.length);
    return {
      name,
      kind: 'categorical',
      codes: Int32Array.from(flags, (flag) => (flag ? 1 : 0)),
      categories: ['False', 'True'],
    };
  }
  const numbers = Float64Array.from(toNumbers(dataset.value, path, fileName));
  checkLength(numbers.length);
  return { name, kind: 'number', values: numbers };
}

function toStrings(value: unknown, path: string, fileName: string): string[] {
  if (Array.isArray(value)) return value.map((item) => String(item));
  if (typeof value === 'string') return [value];
  if (ArrayBuffer.isView(value))
    return Array.from(value as unknown as ArrayLike<number | bigint>, (item) => String(item));
  throw new ImportError(fileName, null, `${path} cannot be read as names`, 'an array of strings');
}

/** Any numeric HDF5 read (typed array, BigInt64Array, number) as plain numbers. */
function toNumbers(value: unknown, path: string, fileName: string): ArrayLike<number> {
  if (value instanceof BigInt64Array || value instanceof BigUint64Array) return bigToFloat64(value);
  if (ArrayBuffer.isView(value)) return value as unknown as ArrayLike<number>;
  if (typeof value === 'number' || typeof value === 'bigint') return [Number(value)];
  if (Array.isArray(value)) return value.map(Number);
  throw new ImportError(fileName, null, `${path} cannot be read as numbers`, 'a numeric array');
}

function bigToFloat64(values: BigInt64Array | BigUint64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) out[k] = Number(values[k]);
  return out;
}

// --- matrix ---------------------------------------------------------------------------

function readMatrix(
  file: H5File,
  info: H5adMatrixInfo,
  fileName: string,
  blockValues: number,
  onProgress: (cellsRead: number, cellCount: number) => void,
): BuiltMatrix {
  const entity = info.path === 'X' ? file.get('X') : getPath(file, info.path);
  const [cellCount, geneCount] = info.shape;
  if (info.encoding === 'dense') {
    return readDense(entity as Dataset, cellCount, geneCount, blockValues, onProgress);
  }
  const group = entity as Group;
  const data = group.get('data') as Dataset;
  const indices = group.get('indices') as Dataset;
  const indptrPath = `${info.path}/indptr`;
  const indptr = toNumbers((group.get('indptr') as Dataset).value, indptrPath, fileName);
  const outer = info.encoding === 'csr_matrix' ? cellCount : geneCount;
  const inner = info.encoding === 'csr_matrix' ? geneCount : cellCount;
  const nonZeros = info.storedValues;
  checkIndptr(indptr, outer, nonZeros, indptrPath, fileName);
  if ((indices.shape ?? [0])[0] !== nonZeros) {
    throw new ImportError(
      fileName,
      null,
      `${info.path}/indices has ${(indices.shape ?? [0])[0]} entries but data has ${nonZeros}`,
      'indices and data of the same length',
    );
  }
  if (nonZeros > MAX_NON_ZEROS) {
    throw new ImportError(
      fileName,
      null,
      `${info.path} has ${nonZeros} non-zeros`,
      `at most ${MAX_NON_ZEROS}`,
    );
  }
  const readIndices = (start: number, end: number): ArrayLike<number> => {
    const block = toNumbers(indices.slice([[start, end]]), `${info.path}/indices`, fileName);
    for (let k = 0; k < block.length; k++) {
      const index = block[k];
      if (!(index >= 0 && index < inner) || !Number.isInteger(index)) {
        throw new ImportError(
          fileName,
          null,
          `${info.path}/indices[${start + k}] = ${index}`,
          `indices from 0 to ${inner - 1} (${info.encoding === 'csr_matrix' ? 'genes' : 'cells'})`,
        );
      }
    }
    return block;
  };
  const readData = (start: number, end: number): ArrayLike<number> =>
    toNumbers(data.slice([[start, end]]), `${info.path}/data`, fileName);

  if (info.encoding === 'csr_matrix') {
    const builder = new CsrRowBuilder(cellCount, geneCount, nonZeros);
    forEachBlock(indptr, outer, blockValues, (first, last) => {
      const start = indptr[first];
      const end = indptr[last];
      const genes = readIndices(start, end);
      const values = readData(start, end);
      for (let i = first; i < last; i++) {
        builder.appendRow(genes, values, indptr[i] - start, indptr[i + 1] - start);
      }
      onProgress(last, cellCount);
    });
    return builder.finish();
  }

  // CSC: count entries per cell, then scatter gene by gene (genes ascend within each row).
  const rowOffsets = new Uint32Array(cellCount + 1);
  forEachBlock(indptr, outer, blockValues, (first, last) => {
    const cells = readIndices(indptr[first], indptr[last]);
    for (let k = 0; k < cells.length; k++) rowOffsets[cells[k] + 1]++;
  });
  for (let i = 0; i < cellCount; i++) rowOffsets[i + 1] += rowOffsets[i];
  const next = rowOffsets.slice(0, cellCount);
  const columnIndices = new Uint32Array(nonZeros);
  const values = new Float32Array(nonZeros);
  forEachBlock(indptr, outer, blockValues, (first, last) => {
    const start = indptr[first];
    const cells = readIndices(start, indptr[last]);
    const block = readData(start, indptr[last]);
    for (let j = first; j < last; j++) {
      for (let k = indptr[j] - start; k < indptr[j + 1] - start; k++) {
        const position = next[cells[k]]++;
        columnIndices[position] = j;
        values[position] = block[k];
      }
    }
    onProgress(Math.round((cellCount * last) / Math.max(outer, 1)), cellCount);
  });
  const { size, duplicatesSummed } = compactRows(rowOffsets, columnIndices, values);
  const trim = size !== nonZeros;
  return {
    matrix: {
      cellCount,
      geneCount,
      rowOffsets,
      columnIndices: trim ? columnIndices.slice(0, size) : columnIndices,
      values: trim ? values.slice(0, size) : values,
    },
    duplicatesSummed,
  };
}

function checkIndptr(
  indptr: ArrayLike<number>,
  outer: number,
  nonZeros: number,
  path: string,
  fileName: string,
): void {
  if (indptr.length !== outer + 1) {
    throw new ImportError(
      fileName,
      null,
      `${path} has ${indptr.length} entries`,
      `${outer + 1} (one more than the rows)`,
    );
  }
  if (indptr[0] !== 0 || indptr[outer] !== nonZeros) {
    throw new ImportError(
      fileName,
      null,
      `${path} runs from ${indptr[0]} to ${indptr[outer]}`,
      `offsets from 0 to ${nonZeros} (the length of data)`,
    );
  }
  for (let i = 0; i < outer; i++) {
    if (indptr[i + 1] < indptr[i]) {
      throw new ImportError(
        fileName,
        null,
        `${path} decreases at entry ${i + 1}`,
        'non-decreasing offsets',
      );
    }
  }
}

/** Calls `visit(first, last)` on consecutive row ranges of about `blockValues` entries each. */
function forEachBlock(
  indptr: ArrayLike<number>,
  rows: number,
  blockValues: number,
  visit: (first: number, last: number) => void,
): void {
  let first = 0;
  while (first < rows) {
    let last = first + 1;
    while (last < rows && indptr[last + 1] - indptr[first] <= blockValues) last++;
    visit(first, last);
    first = last;
  }
}

function readDense(
  dataset: Dataset,
  cellCount: number,
  geneCount: number,
  blockValues: number,
  onProgress: (cellsRead: number, cellCount: number) => void,
): BuiltMatrix {
  const rowsPerBlock = Math.max(1, Math.floor(blockValues / Math.max(geneCount, 1)));
  let builder: CsrRowBuilder | null = null;
  for (let first = 0; first < cellCount; first += rowsPerBlock) {
    const last = Math.min(cellCount, first + rowsPerBlock);
    const raw = dataset.slice([[first, last], []]);
    const block: ArrayLike<number> =
      raw instanceof BigInt64Array || raw instanceof BigUint64Array
        ? bigToFloat64(raw)
        : (raw as unknown as ArrayLike<number>);
    if (builder === null) {
      // Size the arrays from the density of the first block; they grow if needed.
      let nonZero = 0;
      for (let k = 0; k < block.length; k++) if (block[k] !== 0) nonZero++;
      const estimate = Math.ceil(
        (nonZero / Math.max(block.length, 1)) * cellCount * geneCount * 1.1,
      );
      builder = new CsrRowBuilder(cellCount, geneCount, Math.min(estimate, MAX_NON_ZEROS));
    }
    for (let i = first; i < last; i++) builder.appendDenseRow(block, (i - first) * geneCount);
    onProgress(last, cellCount);
  }
  return (builder ?? new CsrRowBuilder(cellCount, geneCount, 0)).finish();
}
