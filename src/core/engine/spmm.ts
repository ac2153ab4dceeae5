/**
 * Batched sparse × dense product (SpMM): reference
 * ================================================
 *   Y[i, c] = Σ_e M[i, columns[e]] · X[columns[e], c]      for every row i and column c < B
 * X and Y are node-major ("row-major N×B"): entry (node, column) lives at node·B + column, so
 * one stored value reads B contiguous numbers. This is the layout every engine kernel uses.
 * Float64 and deliberately plain: it is the specification the float32 kernels are tested
 * against (src/engine/cpu-kernels.ts, src/gpu/spmm.ts).
 */
import type { SparseMatrix } from './sparse-matrix';

/** Y = M·X for a node-major N×B block X. */
export function spmm(matrix: SparseMatrix, x: ArrayLike<number>, columns: number): Float64Array {
  assertBlock('spmm', matrix.size, columns, x.length);
  const y = new Float64Array(matrix.size * columns);
  for (let i = 0; i < matrix.size; i++) spmmRow(matrix, x, y, i, columns);
  return y;
}

/** Row i of Y = M·X, written over y[i·B … i·B + B) (the iterations' shared step). */
export function spmmRow(
  matrix: SparseMatrix,
  x: ArrayLike<number>,
  y: Float64Array,
  i: number,
  columns: number,
): void {
  const row = i * columns;
  for (let c = 0; c < columns; c++) y[row + c] = 0;
  for (let e = matrix.offsets[i]; e < matrix.offsets[i + 1]; e++) {
    const w = matrix.values[e];
    const base = matrix.columns[e] * columns;
    for (let c = 0; c < columns; c++) y[row + c] += w * x[base + c];
  }
}

/** Throws unless `length` is size × columns with columns a positive integer. */
export function assertBlock(where: string, size: number, columns: number, length: number): void {
  if (!Number.isInteger(columns) || columns < 1) {
    throw new RangeError(`${where}: columns must be a positive integer, got ${columns}`);
  }
  if (length !== size * columns) {
    throw new RangeError(
      `${where}: expected a node-major block of ${size} × ${columns} = ${size * columns} values, got ${length}`,
    );
  }
}
