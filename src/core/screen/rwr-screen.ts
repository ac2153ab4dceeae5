/**
 * Propagation score: every drug's random-walk influence on the module, degree-corrected
 * ====================================================================================
 * Influence (src/core/engine/rwr-influence.ts, ALGORITHMS.md §3.7): walkers start uniformly on a
 * drug's targets T and walk with restart r = 0.15 on W = A·D⁻¹; the influence is the
 * stationary share found on the module M:
 *   I(T → M) = 1_Mᵀ·F·u_T = (1/|T|)·Σ_{t∈T} g[t],   g = Fᵀ·1_M,   F = r·(I − (1 − r)·W)⁻¹.
 * All drugs come from ONE propagation (the adjoint identity g[t] = (F·k_M)[t]/k_t on a
 * symmetric network), in float64 with tolerance 1e−10.
 *
 * Degree correction: hubs reach everything, so I is compared with degree-matched random
 * target sets T_{j,r} (the same draws as the proximity null, screen-sampler.ts, so the two
 * methods share their random target sets): because g is a per-node vector, each draw is a
 * gather, no further propagation. Per target set:
 *   rwrScore = z = (I − μ_r)/σ_r      (population SD; NaN when σ = 0)
 *   rwrP     = #{I_r ≥ I}/R           (one-sided, higher influence = more significant; 0 means < 1/R)
 * `I_r ≥ I` is tested with a relative slack of 1e−12, so a draw that equals T up to the order
 * of summation counts as ≥ I.
 */
import type { CsrGraph } from '../graph/csr';
import { rwrInfluence } from '../engine/rwr-influence';
import type { DegreeBins } from '../random/degree-bins';
import { createScreenSampler, type ScreenSampling } from './screen-sampler';

export interface RwrScreenOptions {
  /** Restart probability r. */
  restart: number;
  /** L1 tolerance of the single propagation. */
  tolerance: number;
  maxIterations: number;
  /** Null draws R, seed and sampling: as the proximity screen, so the target draws coincide. */
  iterations: number;
  seed: number;
  sampling: ScreenSampling;
  batchColumns: number;
}

export const RWR_SCREEN_DEFAULTS: Readonly<RwrScreenOptions> = {
  restart: 0.15,
  tolerance: 1e-10,
  maxIterations: 1000,
  iterations: 1000,
  seed: 1,
  sampling: 'shared',
  batchColumns: 256,
};

export interface SetRwr {
  /** I(T → M). */
  readonly influence: number;
  /** Degree-corrected score: z of I against degree-matched random target sets. */
  readonly z: number;
  /** #{I_r ≥ I}/R. */
  readonly pValue: number;
  readonly nullMean: number;
  readonly nullSd: number;
}

export interface RwrScreen {
  /** g[t]: influence on the module of a walk started at node t alone. */
  readonly perNode: Float64Array;
  readonly sets: SetRwr[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly options: RwrScreenOptions;
}

const SLACK = 1e-12;

/** Influence of every target set with its degree-matched null (see the header). */
export function screenRwr(
  graph: CsrGraph,
  moduleNodes: Uint32Array,
  setOffsets: Uint32Array,
  setNodes: Uint32Array,
  bins: DegreeBins,
  options: Partial<RwrScreenOptions> = {},
): RwrScreen {
  const resolved = { ...RWR_SCREEN_DEFAULTS, ...options };
  if (!Number.isInteger(resolved.iterations) || resolved.iterations < 1) {
    throw new RangeError(
      `rwr screen: iterations must be an integer ≥ 1, got ${resolved.iterations}`,
    );
  }
  const influence = rwrInfluence(
    graph,
    moduleNodes,
    { offsets: setOffsets, targets: setNodes },
    {
      restart: resolved.restart,
      tolerance: resolved.tolerance,
      maxIterations: resolved.maxIterations,
    },
  );
  const g = influence.perNode;
  const setCount = setOffsets.length - 1;
  const observed = influence.perDrug;
  const draws = new Float64Array(setCount);
  const mean = new Float64Array(setCount);
  const m2 = new Float64Array(setCount);
  const atLeast = new Float64Array(setCount);
  const sampler = createScreenSampler(
    bins,
    moduleNodes,
    setOffsets,
    setNodes,
    resolved.seed,
    resolved.sampling,
  );
  for (let done = 0; done < resolved.iterations;) {
    const columns = Math.min(resolved.batchColumns, resolved.iterations - done);
    const batch = sampler.nextBatch(columns, false);
    for (let j = 0; j < setCount; j++) {
      const first = setOffsets[j];
      const threshold = observed[j] - SLACK * Math.abs(observed[j]);
      let n = draws[j];
      let mu = mean[j];
      let s = m2[j];
      for (let c = 0; c < columns; c++) {
        const size = batch.targetSizes[j * columns + c];
        let sum = 0;
        for (let k = 0; k < size; k++) sum += g[batch.targetNodes[(first + k) * columns + c]];
        const x = sum / size;
        if (x >= threshold) atLeast[j]++;
        n += 1;
        const delta = x - mu;
        mu += delta / n;
        s += delta * (x - mu);
      }
      draws[j] = n;
      mean[j] = mu;
      m2[j] = s;
    }
    done += columns;
  }
  const sets: SetRwr[] = [];
  for (let j = 0; j < setCount; j++) {
    const sd = Math.sqrt(Math.max(0, m2[j]) / draws[j]);
    sets.push({
      influence: observed[j],
      z: sd > 0 ? (observed[j] - mean[j]) / sd : NaN,
      pValue: atLeast[j] / draws[j],
      nullMean: mean[j],
      nullSd: sd,
    });
  }
  return {
    perNode: g,
    sets,
    iterations: influence.iterations,
    converged: influence.converged,
    options: resolved,
  };
}
