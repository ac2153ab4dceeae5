/**
 * Building the cells × genes CSR matrix
 * =====================================
 * Three ways in, one invariant out (column indices strictly increasing within each row):
 *
 * - `CsrRowBuilder`: rows arrive in order (h5ad CSR and dense blocks, cells × genes tables);
 *   each is copied in, sorted if needed and its repeated columns added up.
 * - `csrFromTriplets`: (cell, gene, value) entries in any order (10x MTX, genes × cells tables)
 *   become CSR by a counting sort on the cell (stable, so entries already ordered by gene stay
 *   ordered), then the same per-row sort-and-merge, in place.
 * - `summariseValues`: one pass over the stored values that rejects negative, NaN and infinite
 *   values and detects raw counts (all values non-negative integers).
 *
 * Repeated (cell, gene) entries are added up, as scipy's coo → csr conversion does; the number
 * of entries merged is reported.
 */
import type { CellsByGenesMatrix, ValueSummary } from './single-cell-data';

/** Largest number of stored values (Uint32Array offsets). */
export const MAX_NON_ZEROS = 0xffffffff;

export interface BuiltMatrix {
  matrix: CellsByGenesMatrix;
  /** Entries that repeated a (cell, gene) already stored and were added to it. */
  duplicatesSummed: number;
}

/** Appends rows in order; grows its arrays when no exact capacity was given. */
export class CsrRowBuilder {
  private readonly rowOffsets: Uint32Array;
  private columnIndices: Uint32Array;
  private values: Float32Array;
  private rows = 0;
  private size = 0;
  private duplicatesSummed = 0;

  constructor(
    readonly cellCount: number,
    readonly geneCount: number,
    capacity: number,
  ) {
    this.rowOffsets = new Uint32Array(cellCount + 1);
    this.columnIndices = new Uint32Array(Math.max(capacity, 16));
    this.values = new Float32Array(Math.max(capacity, 16));
  }

  /**
   * Appends the next row from `genes[start..end)` and `values[start..end)`. Gene indices must
   * already be checked against geneCount by the caller (it knows where they came from).
   */
  appendRow(genes: ArrayLike<number>, values: ArrayLike<number>, start: number, end: number): void {
    if (this.rows >= this.cellCount) throw new RangeError('CsrRowBuilder: too many rows');
    const length = end - start;
    this.reserve(this.size + length);
    const rowStart = this.size;
    for (let k = start; k < end; k++) {
      this.columnIndices[this.size] = genes[k];
      this.values[this.size] = values[k];
      this.size++;
    }
    const kept = sortAndMergeRow(this.columnIndices, this.values, rowStart, this.size);
    this.duplicatesSummed += this.size - rowStart - kept;
    this.size = rowStart + kept;
    this.rows++;
    this.rowOffsets[this.rows] = this.size;
  }

  /** Appends the non-zeros of a dense row, `dense[start..start + geneCount)`. */
  appendDenseRow(dense: ArrayLike<number>, start: number): void {
    if (this.rows >= this.cellCount) throw new RangeError('CsrRowBuilder: too many rows');
    let count = 0;
    for (let j = 0; j < this.geneCount; j++) if (dense[start + j] !== 0) count++;
    this.reserve(this.size + count);
    for (let j = 0; j < this.geneCount; j++) {
      const value = dense[start + j];
      // NaN !== 0, so NaN is stored and rejected later by summariseValues.
      if (value !== 0) {
        this.columnIndices[this.size] = j;
        this.values[this.size] = value;
        this.size++;
      }
    }
    this.rows++;
    this.rowOffsets[this.rows] = this.size;
  }

  get rowsAppended(): number {
    return this.rows;
  }

  finish(): BuiltMatrix {
    if (this.rows !== this.cellCount) {
      throw new RangeError(`CsrRowBuilder: ${this.rows} of ${this.cellCount} rows appended`);
    }
    const trim = this.columnIndices.length !== this.size;
    return {
      matrix: {
        cellCount: this.cellCount,
        geneCount: this.geneCount,
        rowOffsets: this.rowOffsets,
        columnIndices: trim ? this.columnIndices.slice(0, this.size) : this.columnIndices,
        values: trim ? this.values.slice(0, this.size) : this.values,
      },
      duplicatesSummed: this.duplicatesSummed,
    };
  }

  private reserve(needed: number): void {
    if (needed <= this.columnIndices.length) return;
    if (needed > MAX_NON_ZEROS) {
      throw new RangeError(`more than ${MAX_NON_ZEROS} non-zeros: too large to hold in memory`);
    }
    const capacity = Math.min(MAX_NON_ZEROS, Math.max(needed, Math.ceil(this.size * 1.5)));
    const columnIndices = new Uint32Array(capacity);
    columnIndices.set(this.columnIndices.subarray(0, this.size));
    const values = new Float32Array(capacity);
    values.set(this.values.subarray(0, this.size));
    this.columnIndices = columnIndices;
    this.values = values;
  }
}

/**
 * CSR from the first `count` entries of (cells, genes, values), in any order. The input arrays
 * are read, not kept; the result owns new arrays.
 */
export function csrFromTriplets(
  cellCount: number,
  geneCount: number,
  cells: Uint32Array,
  genes: Uint32Array,
  values: Float32Array,
  count: number,
): BuiltMatrix {
  const rowOffsets = new Uint32Array(cellCount + 1);
  for (let e = 0; e < count; e++) rowOffsets[cells[e] + 1]++;
  for (let i = 0; i < cellCount; i++) rowOffsets[i + 1] += rowOffsets[i];
  const next = rowOffsets.slice(0, cellCount);
  const columnIndices = new Uint32Array(count);
  const sorted = new Float32Array(count);
  for (let e = 0; e < count; e++) {
    const k = next[cells[e]]++;
    columnIndices[k] = genes[e];
    sorted[k] = values[e];
  }
  const { size, duplicatesSummed } = compactRows(rowOffsets, columnIndices, sorted);
  const trim = size !== count;
  return {
    matrix: {
      cellCount,
      geneCount,
      rowOffsets,
      columnIndices: trim ? columnIndices.slice(0, size) : columnIndices,
      values: trim ? sorted.slice(0, size) : sorted,
    },
    duplicatesSummed,
  };
}

/**
 * Sorts and merges every row of a CSR matrix in place, moving rows down over the entries that
 * merging freed (rows only ever shrink). Updates rowOffsets; returns the new number of entries.
 */
export function compactRows(
  rowOffsets: Uint32Array,
  columns: Uint32Array,
  values: Float32Array,
): { size: number; duplicatesSummed: number } {
  const rowCount = rowOffsets.length - 1;
  let write = 0;
  let duplicatesSummed = 0;
  for (let i = 0; i < rowCount; i++) {
    const start = rowOffsets[i];
    const end = rowOffsets[i + 1];
    if (write !== start) {
      columns.copyWithin(write, start, end);
      values.copyWithin(write, start, end);
    }
    const kept = sortAndMergeRow(columns, values, write, write + end - start);
    duplicatesSummed += end - start - kept;
    rowOffsets[i] = write;
    write += kept;
  }
  rowOffsets[rowCount] = write;
  return { size: write, duplicatesSummed };
}

/**
 * Sorts columns[start..end) ascending (carrying values) and adds up repeated columns;
 * returns the row's new length. Already sorted rows (the usual case) cost one pass.
 */
export function sortAndMergeRow(
  columns: Uint32Array,
  values: Float32Array,
  start: number,
  end: number,
): number {
  let isSorted = true;
  for (let k = start + 1; k < end; k++) {
    if (columns[k] <= columns[k - 1]) {
      isSorted = false;
      break;
    }
  }
  if (isSorted) return end - start;
  const order = Array.from({ length: end - start }, (_, k) => start + k);
  order.sort((a, b) => columns[a] - columns[b] || a - b);
  const rowColumns = order.map((k) => columns[k]);
  const rowValues = order.map((k) => values[k]);
  let write = start;
  for (let k = 0; k < rowColumns.length; k++) {
    if (write > start && columns[write - 1] === rowColumns[k]) {
      values[write - 1] += rowValues[k];
    } else {
      columns[write] = rowColumns[k];
      values[write] = rowValues[k];
      write++;
    }
  }
  return write - start;
}

/** Where an invalid value sits, for the caller's error message. */
export interface InvalidValue {
  cell: number;
  gene: number;
  value: number;
}

/**
 * Checks every stored value and summarises them. Calls `onInvalid` (which should throw) on the
 * first negative, NaN or infinite value.
 */
export function summariseValues(
  matrix: CellsByGenesMatrix,
  onInvalid: (invalid: InvalidValue) => never,
): ValueSummary {
  const { values, rowOffsets, columnIndices } = matrix;
  let min = Infinity;
  let max = -Infinity;
  let nonIntegerCount = 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (!(value >= 0) || value === Infinity) {
      onInvalid({ cell: rowOfEntry(rowOffsets, k), gene: columnIndices[k], value });
    }
    if (value < min) min = value;
    if (value > max) max = value;
    if (value !== Math.floor(value)) nonIntegerCount++;
  }
  if (values.length === 0) min = max = 0;
  return { isRawCounts: nonIntegerCount === 0, min, max, nonIntegerCount };
}

/** The row holding entry k (binary search on the offsets). */
export function rowOfEntry(rowOffsets: Uint32Array, k: number): number {
  let low = 0;
  let high = rowOffsets.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (rowOffsets[middle] <= k) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** "−1" for a negative value, "NaN", "Infinity": how to name a bad value in a message. */
export function describeInvalidValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN value';
  if (!Number.isFinite(value)) return 'infinite value';
  return `negative value ${value}`;
}

/** (cell, gene, value) entries in growable arrays, for readers that do not know nnz ahead. */
export class TripletBuffer {
  cells: Uint32Array;
  genes: Uint32Array;
  values: Float32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.cells = new Uint32Array(capacity);
    this.genes = new Uint32Array(capacity);
    this.values = new Float32Array(capacity);
  }

  push(cell: number, gene: number, value: number): void {
    if (this.size === this.cells.length) this.grow();
    this.cells[this.size] = cell;
    this.genes[this.size] = gene;
    this.values[this.size] = value;
    this.size++;
  }

  toCsr(cellCount: number, geneCount: number): BuiltMatrix {
    return csrFromTriplets(cellCount, geneCount, this.cells, this.genes, this.values, this.size);
  }

  private grow(): void {
    if (this.size >= MAX_NON_ZEROS) {
      throw new RangeError(`more than ${MAX_NON_ZEROS} non-zeros: too large to hold in memory`);
    }
    const capacity = Math.min(MAX_NON_ZEROS, Math.max(1024, Math.ceil(this.size * 1.5)));
    const cells = new Uint32Array(capacity);
    cells.set(this.cells);
    const genes = new Uint32Array(capacity);
    genes.set(this.genes);
    const values = new Float32Array(capacity);
    values.set(this.values);
    this.cells = cells;
    this.genes = genes;
    this.values = values;
  }
}
