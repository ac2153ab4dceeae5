/**
 * Column-wise fixed-point iteration: the convergence rule every engine path shares
 * ================================================================================
 * Each of the B columns of a batch is an independent problem (one perturbation, one seed
 * set). All backends run the same schedule, so CPU, worker pool and GPU do the same number of
 * steps on every column:
 *
 *   for s = 1 … maxIterations:
 *     x_s = step(x_{s−1})                      frozen columns are copied unchanged
 *     if s is a multiple of checkEvery, or s = maxIterations:
 *       every active column c with ‖x_s[:, c] − x_{s−1}[:, c]‖₁ < tolerance is frozen,
 *       iterations[c] = s, converged[c] = 1
 *     stop when no column is active
 *   columns still active: iterations[c] = maxIterations, converged[c] = 0
 *
 * Checking only every few steps is what lets the GPU run without a readback inside the loop
 * (one small reduction buffer is read per check). Float64 reference implementation.
 */

export interface ConvergenceOptions {
  /** A column stops when the L1 change of its last step is below this. */
  tolerance: number;
  /** Hard cap on the number of steps. */
  maxIterations: number;
  /** Convergence is tested after every checkEvery-th step (and after the last step). */
  checkEvery: number;
}

/** N×B result of a column-wise iteration. */
export interface ColumnIterationResult<T extends Float32Array | Float64Array> {
  /** Node-major N×B block: values[node · B + column]. */
  values: T;
  /** Steps run on each column. */
  iterations: Uint32Array;
  /** 1 where the column met the tolerance, 0 where it hit maxIterations. */
  converged: Uint8Array;
}

export function validateConvergence(where: string, options: ConvergenceOptions): void {
  if (!(options.tolerance >= 0)) {
    throw new RangeError(`${where}: tolerance must be ≥ 0, got ${options.tolerance}`);
  }
  if (!Number.isInteger(options.maxIterations) || options.maxIterations < 1) {
    throw new RangeError(
      `${where}: maxIterations must be a positive integer, got ${options.maxIterations}`,
    );
  }
  if (!Number.isInteger(options.checkEvery) || options.checkEvery < 1) {
    throw new RangeError(
      `${where}: checkEvery must be a positive integer, got ${options.checkEvery}`,
    );
  }
}

/** True when convergence is tested after step `step` (1-based). */
export function isCheckStep(step: number, options: ConvergenceOptions): boolean {
  return step % options.checkEvery === 0 || step === options.maxIterations;
}

/**
 * Runs the schedule above. `step(x, y)` must write y = F(x) for every column (the driver
 * then restores frozen columns from x).
 */
export function iterateColumns(
  size: number,
  columns: number,
  start: Float64Array,
  step: (x: Float64Array, y: Float64Array) => void,
  options: ConvergenceOptions,
): ColumnIterationResult<Float64Array> {
  let x = Float64Array.from(start);
  let y = new Float64Array(size * columns);
  const active = new Uint8Array(columns).fill(1);
  const iterations = new Uint32Array(columns).fill(options.maxIterations);
  const converged = new Uint8Array(columns);
  let remaining = columns;
  for (let s = 1; s <= options.maxIterations && remaining > 0; s++) {
    step(x, y);
    for (let c = 0; c < columns; c++) {
      if (active[c]) continue;
      for (let i = 0; i < size; i++) y[i * columns + c] = x[i * columns + c];
    }
    if (isCheckStep(s, options)) {
      for (let c = 0; c < columns; c++) {
        if (!active[c]) continue;
        let change = 0;
        for (let i = 0; i < size; i++) change += Math.abs(y[i * columns + c] - x[i * columns + c]);
        if (change < options.tolerance) {
          active[c] = 0;
          iterations[c] = s;
          converged[c] = 1;
          remaining--;
        }
      }
    }
    [x, y] = [y, x];
  }
  return { values: x, iterations, converged };
}

/** Scales every column of a node-major block to sum 1 (all-zero columns stay zero). */
export function normalizeColumns(
  block: ArrayLike<number>,
  size: number,
  columns: number,
): Float64Array {
  const out = Float64Array.from(block);
  const sums = new Float64Array(columns);
  for (let i = 0; i < size; i++) {
    for (let c = 0; c < columns; c++) sums[c] += out[i * columns + c];
  }
  for (let i = 0; i < size; i++) {
    for (let c = 0; c < columns; c++) if (sums[c] !== 0) out[i * columns + c] /= sums[c];
  }
  return out;
}
