/**
 * Sparse cells × genes expression matrix, stored by gene (CSC)
 * ============================================================
 * The expression model of the twin (STYLE.md §2.2b). A cell and a gene are each an index; names
 * (barcodes, symbols) live in tables owned by io/. Entries are stored gene-major, like R Matrix's
 * dgCMatrix that presto ranks on: the non-zeros of gene g are entries offsets[g] … offsets[g+1]−1,
 * at cells `cells[e]` (strictly ascending within a gene) with values `values[e]`. A rank-sum test
 * then reads one gene's non-zeros contiguously, and cells with no entry are zeros.
 *
 * Builders from cell-major CSR (the h5ad / 10x layout) and from COO (Matrix Market triplets) run
 * in linear time: two counting sorts (by cell, then stably by gene) give gene-major order with
 * ascending cells, so no comparison sort is needed. Duplicate (cell, gene) entries are an error.
 *
 * Log-normalisation (Seurat LogNormalize, scale factor 1e4 = scanpy normalize_total(1e4) then
 * log1p):
 *
 *   x[c, g] = log1p((count[c, g] / total[c]) · 10⁴),   total[c] = Σ_g count[c, g]
 *
 * evaluated in that order in float64 (the scipy fixture does the same), so equal inputs give equal
 * outputs and the ties that the Wilcoxon test sees are those of the counts.
 */

/** Sparse cells × genes matrix, gene-major (CSC with genes as columns). */
export interface SparseExpression {
  readonly cellCount: number;
  readonly geneCount: number;
  /** Entries of gene g are offsets[g] … offsets[g + 1] − 1. Length: geneCount + 1. */
  readonly offsets: Uint32Array;
  /** Cell of each entry, strictly ascending within a gene. Length: entry count. */
  readonly cells: Uint32Array;
  /** Value of each entry (counts or log-normalised expression). Length: entry count. */
  readonly values: Float32Array | Float64Array;
}

export type ValuePrecision = 'float32' | 'float64';

/** Cell-major CSR input (h5ad `X` as csr_matrix; rows = cells, columns = genes). */
export interface CellMajorCsr {
  readonly cellCount: number;
  readonly geneCount: number;
  /** Entries of cell c are rowOffsets[c] … rowOffsets[c + 1] − 1. Length: cellCount + 1. */
  readonly rowOffsets: ArrayLike<number>;
  /** Gene of each entry. */
  readonly genes: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/** Triplets (Matrix Market coordinate entries), any order; indices 0-based. */
export interface CooEntries {
  readonly cellCount: number;
  readonly geneCount: number;
  readonly cells: ArrayLike<number>;
  readonly genes: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

function allocateValues(length: number, precision: ValuePrecision): Float32Array | Float64Array {
  return precision === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

function assertShape(where: string, cellCount: number, geneCount: number): void {
  for (const [name, n] of [
    ['cellCount', cellCount],
    ['geneCount', geneCount],
  ] as const) {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
      throw new RangeError(`${where}: ${name} must be a non-negative 32-bit integer, got ${n}`);
    }
  }
}

/** Gene-major matrix from COO triplets in linear time (two counting sorts). */
export function sparseExpressionFromCoo(
  coo: CooEntries,
  precision: ValuePrecision = 'float64',
): SparseExpression {
  const where = 'sparseExpressionFromCoo';
  const { cellCount, geneCount } = coo;
  assertShape(where, cellCount, geneCount);
  const entryCount = coo.values.length;
  if (coo.cells.length !== entryCount || coo.genes.length !== entryCount) {
    throw new RangeError(
      `${where}: cells (${coo.cells.length}), genes (${coo.genes.length}) and values ` +
        `(${entryCount}) must have the same length`,
    );
  }
  // Pass 1: counting sort by cell.
  const cellOffsets = new Uint32Array(cellCount + 1);
  for (let e = 0; e < entryCount; e++) {
    const cell = coo.cells[e];
    const gene = coo.genes[e];
    if (!(cell >= 0 && cell < cellCount && Number.isInteger(cell))) {
      throw new RangeError(`${where}: entry ${e}: cell ${cell} outside [0, ${cellCount})`);
    }
    if (!(gene >= 0 && gene < geneCount && Number.isInteger(gene))) {
      throw new RangeError(`${where}: entry ${e}: gene ${gene} outside [0, ${geneCount})`);
    }
    cellOffsets[cell + 1]++;
  }
  for (let c = 0; c < cellCount; c++) cellOffsets[c + 1] += cellOffsets[c];
  const byCell = new Uint32Array(entryCount);
  const cursor = cellOffsets.slice(0, cellCount);
  for (let e = 0; e < entryCount; e++) byCell[cursor[coo.cells[e]]++] = e;
  // Pass 2: stable counting sort by gene over the cell-sorted order.
  const genes = new Uint32Array(entryCount);
  const values = new Float64Array(entryCount);
  for (let k = 0; k < entryCount; k++) {
    genes[k] = coo.genes[byCell[k]];
    values[k] = coo.values[byCell[k]];
  }
  const csr: CellMajorCsr = { cellCount, geneCount, rowOffsets: cellOffsets, genes, values };
  return transposeCellMajor(where, csr, precision, (k) => byCell[k]);
}

/** Gene-major matrix from cell-major CSR in linear time. */
export function sparseExpressionFromCellMajor(
  csr: CellMajorCsr,
  precision: ValuePrecision = 'float64',
): SparseExpression {
  const where = 'sparseExpressionFromCellMajor';
  assertShape(where, csr.cellCount, csr.geneCount);
  if (csr.rowOffsets.length !== csr.cellCount + 1) {
    throw new RangeError(
      `${where}: rowOffsets has length ${csr.rowOffsets.length}, expected cellCount + 1 = ` +
        `${csr.cellCount + 1}`,
    );
  }
  const entryCount = csr.rowOffsets[csr.cellCount];
  if (csr.rowOffsets[0] !== 0 || csr.genes.length < entryCount || csr.values.length < entryCount) {
    throw new RangeError(
      `${where}: rowOffsets must start at 0 and end at the entry count (genes ` +
        `${csr.genes.length}, values ${csr.values.length}, last offset ${entryCount})`,
    );
  }
  for (let c = 0; c < csr.cellCount; c++) {
    if (csr.rowOffsets[c + 1] < csr.rowOffsets[c]) {
      throw new RangeError(`${where}: rowOffsets decrease at cell ${c}`);
    }
  }
  for (let e = 0; e < entryCount; e++) {
    const gene = csr.genes[e];
    if (!(gene >= 0 && gene < csr.geneCount && Number.isInteger(gene))) {
      throw new RangeError(`${where}: entry ${e}: gene ${gene} outside [0, ${csr.geneCount})`);
    }
  }
  return transposeCellMajor(where, csr, precision, (k) => k);
}

/** Counting sort by gene of cell-ordered entries; `source(k)` names entry k for messages. */
function transposeCellMajor(
  where: string,
  csr: CellMajorCsr,
  precision: ValuePrecision,
  source: (k: number) => number,
): SparseExpression {
  const { cellCount, geneCount, rowOffsets, genes, values } = csr;
  const entryCount = rowOffsets[cellCount];
  const offsets = new Uint32Array(geneCount + 1);
  for (let k = 0; k < entryCount; k++) offsets[genes[k] + 1]++;
  for (let g = 0; g < geneCount; g++) offsets[g + 1] += offsets[g];
  const cursor = offsets.slice(0, geneCount);
  const cells = new Uint32Array(entryCount);
  const out = allocateValues(entryCount, precision);
  for (let c = 0; c < cellCount; c++) {
    for (let k = rowOffsets[c]; k < rowOffsets[c + 1]; k++) {
      const gene = genes[k];
      const slot = cursor[gene]++;
      // Cells arrive in ascending order, so a repeat shows up as the previous slot's cell.
      if (slot > offsets[gene] && cells[slot - 1] === c) {
        throw new RangeError(`${where}: entry ${source(k)}: duplicate (cell ${c}, gene ${gene})`);
      }
      cells[slot] = c;
      out[slot] = values[k];
    }
  }
  return { cellCount, geneCount, offsets, cells, values: out };
}

/** True when every stored value is a finite non-negative integer (raw UMI / read counts). */
export function isRawCounts(matrix: SparseExpression): boolean {
  const { values } = matrix;
  for (let e = 0; e < values.length; e++) {
    const v = values[e];
    if (!(v >= 0) || !Number.isFinite(v) || v !== Math.floor(v)) return false;
  }
  return true;
}

/** Σ_g count[c, g] for every cell (the library size). */
export function cellTotals(matrix: SparseExpression): Float64Array {
  const totals = new Float64Array(matrix.cellCount);
  const { cells, values } = matrix;
  for (let e = 0; e < values.length; e++) totals[cells[e]] += values[e];
  return totals;
}

export interface LogNormalizeOptions {
  /** Scale factor (counts per cell after scaling). */
  scaleFactor: number;
  /** Library size of each cell; default: the sum of the cell's counts in this matrix. */
  totals?: ArrayLike<number>;
  precision: ValuePrecision;
}

export const LOG_NORMALIZE_DEFAULTS: Readonly<LogNormalizeOptions> = {
  scaleFactor: 1e4,
  precision: 'float64',
};

/**
 * x = log1p((count / total) · scaleFactor) for every stored entry; same sparsity pattern (the
 * `offsets` and `cells` arrays are shared with the input). Throws unless the input is raw counts.
 */
export function logNormalize(
  matrix: SparseExpression,
  options: Partial<LogNormalizeOptions> = {},
): SparseExpression {
  const { scaleFactor, totals, precision } = { ...LOG_NORMALIZE_DEFAULTS, ...options };
  if (!isRawCounts(matrix)) {
    throw new RangeError(
      'logNormalize: the matrix is not raw counts (a value is negative, fractional or not ' +
        'finite); it may already be normalised',
    );
  }
  if (!(scaleFactor > 0) || !Number.isFinite(scaleFactor)) {
    throw new RangeError(`logNormalize: scaleFactor must be positive, got ${scaleFactor}`);
  }
  const libSizes = totals ?? cellTotals(matrix);
  if (libSizes.length !== matrix.cellCount) {
    throw new RangeError(
      `logNormalize: totals has ${libSizes.length} entries, expected one per cell (${matrix.cellCount})`,
    );
  }
  const { cells, values } = matrix;
  const out = allocateValues(values.length, precision);
  for (let e = 0; e < values.length; e++) {
    const count = values[e];
    if (count === 0) continue;
    const total = libSizes[cells[e]];
    if (!(total > 0)) {
      throw new RangeError(`logNormalize: cell ${cells[e]} has counts but total ${total}`);
    }
    out[e] = Math.log1p((count / total) * scaleFactor);
  }
  return { ...matrix, values: out };
}
