/**
 * Batched random walk with restart (personalised PageRank): reference
 * ===================================================================
 *   p ← (1 − r)·W·p + r·p₀,   W = A·D⁻¹ (column-stochastic, see sparse-matrix.ts)
 * run on B seed vectors at once (node-major N×B block, one column per seed set), with the
 * column-wise convergence schedule of column-iteration.ts. The fixed point is p = F·p₀ with
 * F = r·(I − (1 − r)·W)⁻¹. With `normalize` (default) every column of p₀ is first scaled to
 * sum 1 (uniform on the seeds, or proportional to seed weights). Nodes with no out-edges leak
 * their mass (W has a zero column there); a connected graph has none.
 * Defaults: r = 0.15 (Drugst.One/TrustRank damping 0.85, NetMedPy `random_walk`), tolerance
 * 1e−6 in L1 per column (float32 engines cannot resolve the 1e−10 of float64 tools).
 * References: Köhler et al., AJHG 82:949 (2008); Cowen et al., Nat Rev Genet 18:551 (2017).
 * GPU twin: src/gpu/random-walk-with-restart.ts; CPU engine: src/engine/cpu-engine.ts.
 */
import type { CsrGraph } from '../graph/csr';
import {
  iterateColumns,
  normalizeColumns,
  validateConvergence,
  type ColumnIterationResult,
  type ConvergenceOptions,
} from './column-iteration';
import { randomWalkMatrix } from './sparse-matrix';
import { assertBlock, spmmRow } from './spmm';

export interface RwrOptions extends ConvergenceOptions {
  /** Restart probability r, in (0, 1]. */
  restart: number;
  /** Scale every seed column to sum 1 before propagating. */
  normalize: boolean;
}

export const RWR_DEFAULTS: Readonly<RwrOptions> = {
  restart: 0.15,
  tolerance: 1e-6,
  maxIterations: 100,
  checkEvery: 10,
  normalize: true,
};

export function resolveRwrOptions(options: Partial<RwrOptions> = {}): RwrOptions {
  const resolved = { ...RWR_DEFAULTS, ...options };
  if (!(resolved.restart > 0 && resolved.restart <= 1)) {
    throw new RangeError(
      `randomWalkWithRestart: restart must be in (0, 1], got ${resolved.restart}`,
    );
  }
  validateConvergence('randomWalkWithRestart', resolved);
  return resolved;
}

/** RWR on every column of the node-major N×B seed block (float64). */
export function randomWalkWithRestart(
  graph: CsrGraph,
  seeds: ArrayLike<number>,
  columns: number,
  options: Partial<RwrOptions> = {},
): ColumnIterationResult<Float64Array> {
  const resolved = resolveRwrOptions(options);
  const n = graph.nodeCount;
  assertBlock('randomWalkWithRestart', n, columns, seeds.length);
  const start = resolved.normalize ? normalizeColumns(seeds, n, columns) : Float64Array.from(seeds);
  const w = randomWalkMatrix(graph);
  const keep = 1 - resolved.restart;
  const restart = resolved.restart;
  return iterateColumns(
    n,
    columns,
    start,
    (x, y) => {
      for (let i = 0; i < n; i++) {
        spmmRow(w, x, y, i, columns);
        const row = i * columns;
        for (let c = 0; c < columns; c++) y[row + c] = keep * y[row + c] + restart * start[row + c];
      }
    },
    resolved,
  );
}
