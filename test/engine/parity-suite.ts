/**
 * One parity spec for every engine path
 * =====================================
 * `defineParitySuite(label, makeEngine)` registers the same cases for whatever backend
 * `makeEngine` builds (CPU single thread, CPU pool, WebGPU in Node, WebGPU in Chromium), as
 * tfjs runs one op suite against every backend. Expected values come from numpy/scipy
 * (test/fixtures/engine/menche-subgraph.json) and from the float64 references in
 * src/core/engine. Float32 tolerances, per kernel (engine tolerance 1e−6 unless stated):
 *   RWR            max |Δ| < 1e−5  (L1 step change < 1e−6 ⇒ distance to the fixed point
 *                                   ≤ 1e−6·(1 − r)/r ≈ 5.7e−6, plus float32 rounding)
 *   heat           max |Δ| < 1e−5  (Poisson tail 1e−7 × ‖x₀‖₁ ≤ 6, plus rounding over K steps)
 *   signed linear  max |Δ| < 5e−5  (contraction α = 0.8: error ≤ Δ·α/(1 − α))
 *   signed tanh    max |Δ| < 5e−5
 *   BFS            exact; gather within 1e−6 (a float32 mean of small integers)
 *   moments        relative 1e−5 (CPU float64) / 1e−4 (GPU float32)
 *   influence      max |Δ| < 2e−4  (g[t] = K·p[t]/k_t amplifies the walk's error by K/k_t)
 */
import { describe, expect, it } from 'vitest';
import type { CsrGraph } from '@/core/graph/csr';
import { accumulateMoments, createMoments } from '@/core/engine/accumulate-moments';
import { gatherScores } from '@/core/engine/gather-scores';
import { multiSourceBfs } from '@/core/engine/multi-source-bfs';
import { randomWalkWithRestart } from '@/core/engine/random-walk-with-restart';
import type { Engine } from '@/engine/engine';
import {
  fixtureGraph,
  fixtureSignedGraph,
  flatten,
  maxAbsDiff,
  toCsrLists,
  type EngineFixture,
} from './fixture-graphs';

export type MakeEngine = (graph: CsrGraph) => Promise<Engine>;

/** Deterministic pseudo-random integers (mulberry32), for seed sets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` random sets of 1 … maxSize distinct nodes, as CSR. */
export function randomSets(
  nodeCount: number,
  count: number,
  maxSize: number,
  seed: number,
): { sets: Uint32Array; offsets: Uint32Array } {
  const random = seededRandom(seed);
  const lists: number[][] = [];
  for (let b = 0; b < count; b++) {
    const size = 1 + Math.floor(random() * maxSize);
    const members = new Set<number>();
    while (members.size < size) members.add(Math.floor(random() * nodeCount));
    lists.push([...members]);
  }
  const { offsets, members } = toCsrLists(lists);
  return { sets: members, offsets };
}

export interface ParitySuiteOptions {
  /** A larger real graph (a Menche subgraph) for the batch cases. */
  bigGraph: () => CsrGraph;
  /** Relative tolerance of the moments (1e−5 CPU, 1e−4 GPU float32). */
  momentsTolerance: number;
}

export function defineParitySuite(
  label: string,
  fixture: EngineFixture,
  makeEngine: MakeEngine,
  options: ParitySuiteOptions,
): void {
  describe(`engine parity: ${label}`, () => {
    const graph = fixtureGraph(fixture);

    it('RWR matches scipy on the Menche subgraph (unweighted and weighted)', async () => {
      for (const weighted of [false, true]) {
        const engine = await makeEngine(fixtureGraph(fixture, weighted));
        try {
          const result = await engine.propagateRwr(flatten(fixture.rwr.seeds), 2, {
            restart: fixture.rwr.restart,
          });
          const expected = weighted ? fixture.rwr.expectedWeighted : fixture.rwr.expected;
          expect(maxAbsDiff(result.values, flatten(expected))).toBeLessThan(1e-5);
          expect([...result.converged]).toEqual([1, 1]);
          expect(result.iterations.every((k) => k % 10 === 0)).toBe(true);
        } finally {
          engine.dispose();
        }
      }
    });

    it('heat diffusion matches scipy expm (t = 0.5 and 3)', async () => {
      const engine = await makeEngine(graph);
      try {
        for (const t of ['0.5', '3.0']) {
          const result = await engine.heatDiffusion(flatten(fixture.heat.initial), 2, {
            time: Number(t),
          });
          expect(maxAbsDiff(result.values, flatten(fixture.heat.expected[t]))).toBeLessThan(1e-5);
        }
      } finally {
        engine.dispose();
      }
    });

    it('signed linear and tanh dynamics with clamps match scipy on a directed signed subgraph', async () => {
      const engine = await makeEngine(fixtureSignedGraph(fixture));
      const { signed } = fixture;
      const perturbation = {
        initial: flatten(signed.initial),
        clamp: Uint8Array.from(signed.clamp.flat()),
      };
      try {
        const linear = await engine.signedDynamics(perturbation, 2, { coupling: signed.coupling });
        expect(maxAbsDiff(linear.values, flatten(signed.expectedLinear))).toBeLessThan(5e-5);
        const tanh = await engine.signedDynamics({ ...perturbation, bias: signed.bias }, 2, {
          coupling: signed.coupling,
          activation: 'tanh',
        });
        expect(maxAbsDiff(tanh.values, flatten(signed.expectedTanh))).toBeLessThan(5e-5);
        // clamped entries are exactly their start values
        perturbation.clamp.forEach((held, k) => {
          if (held) expect(linear.values[k]).toBe(Math.fround(perturbation.initial[k]));
        });
      } finally {
        engine.dispose();
      }
    });

    it('multi-source BFS equals scipy (undirected and directed)', async () => {
      const engine = await makeEngine(graph);
      const directedEngine = await makeEngine(fixtureSignedGraph(fixture));
      try {
        const { offsets, members } = toCsrLists(fixture.bfs.sets);
        expect([...(await engine.multiSourceBfs(members, offsets))]).toEqual(
          fixture.bfs.expected.flat(),
        );
        const directed = await directedEngine.multiSourceBfs(
          Uint32Array.from(fixture.bfs.directedSources),
          Uint32Array.of(0, fixture.bfs.directedSources.length),
        );
        expect([...directed]).toEqual(fixture.bfs.expectedDirected);
      } finally {
        engine.dispose();
        directedEngine.dispose();
      }
    });

    it('gathers per-drug mean and min distances like the fixture', async () => {
      const engine = await makeEngine(graph);
      try {
        const sets = toCsrLists(fixture.bfs.sets.slice(0, 3));
        const drugs = toCsrLists(fixture.drugs.targets);
        const targets = { offsets: drugs.offsets, targets: drugs.members, perColumn: false };
        for (const reduction of ['mean', 'min'] as const) {
          const result = await engine.proximityScores({
            sets: sets.members,
            setOffsets: sets.offsets,
            targets,
            reduction,
          });
          const expected =
            reduction === 'mean' ? fixture.drugs.gatherMean : fixture.drugs.gatherMin;
          expect(maxAbsDiff(result.scores!, flatten(expected))).toBeLessThan(1e-6);
        }
      } finally {
        engine.dispose();
      }
    });

    it('RWR influence from one walk matches the per-drug dense solve', async () => {
      const engine = await makeEngine(graph);
      try {
        const drugs = toCsrLists(fixture.drugs.targets);
        const result = await engine.rwrInfluence(
          Uint32Array.from(fixture.drugs.module),
          { offsets: drugs.offsets, targets: drugs.members },
          { tolerance: 5e-7, maxIterations: 300 },
        );
        expect(maxAbsDiff(result.perDrug, fixture.drugs.influence)).toBeLessThan(2e-4);
      } finally {
        engine.dispose();
      }
    });

    it('matches the float64 references on a larger Menche subgraph (37 columns, chunked)', async () => {
      const big = options.bigGraph();
      const engine = await makeEngine(big);
      try {
        const columns = 37;
        const random = seededRandom(7);
        const seeds = new Float64Array(big.nodeCount * columns);
        for (let c = 0; c < columns; c++) {
          for (let k = 0; k < 1 + (c % 5); k++) {
            seeds[Math.floor(random() * big.nodeCount) * columns + c] += 1 + k;
          }
        }
        const result = await engine.propagateRwr(seeds, columns);
        const reference = randomWalkWithRestart(big, seeds, columns);
        expect(maxAbsDiff(result.values, reference.values)).toBeLessThan(1e-5);
        const agree = [...result.iterations].filter((k, c) => k === reference.iterations[c]);
        expect(agree.length).toBeGreaterThanOrEqual(columns - 1); // a column may straddle the tolerance

        const { sets, offsets } = randomSets(big.nodeCount, 77, 40, 11);
        const distances = await engine.multiSourceBfs(sets, offsets);
        expect(distances).toEqual(multiSourceBfs(big, sets, offsets));
      } finally {
        engine.dispose();
      }
    });

    it('accumulates null-draw moments like the float64 reference (per-column target draws)', async () => {
      const big = options.bigGraph();
      const engine = await makeEngine(big);
      try {
        const columns = 70;
        const { sets, offsets } = randomSets(big.nodeCount, columns, 40, 5);
        // 9 drugs with 1–3 targets, a fresh random draw per column (slot-major)
        const random = seededRandom(3);
        const drugOffsets = new Uint32Array(10);
        for (let j = 1; j <= 9; j++) drugOffsets[j] = drugOffsets[j - 1] + 1 + ((j - 1) % 3);
        const slots = drugOffsets[9];
        const draws = Uint32Array.from({ length: slots * columns }, () =>
          Math.floor(random() * big.nodeCount),
        );
        const targets = { offsets: drugOffsets, targets: draws, perColumn: true };
        const result = await engine.proximityScores({
          sets,
          setOffsets: offsets,
          targets,
          moments: true,
        });
        const dist = multiSourceBfs(big, sets, offsets);
        const reference = gatherScores(dist, big.nodeCount, columns, targets, 'mean');
        expect(maxAbsDiff(result.scores!, reference)).toBeLessThan(1e-6);
        const moments = createMoments(9);
        accumulateMoments(moments, reference, columns);
        for (let j = 0; j < 9; j++) {
          expect(result.moments!.count[j]).toBe(moments.count[j]);
          expect(result.moments!.mean[j]).toBeCloseTo(moments.mean[j], 4);
          const relative = Math.abs(result.moments!.m2[j] - moments.m2[j]) / moments.m2[j];
          expect(relative).toBeLessThan(options.momentsTolerance);
        }
      } finally {
        engine.dispose();
      }
    });

    it('reports progress up to the total and honours an abort', async () => {
      const engine = await makeEngine(graph);
      try {
        const seen: [number, number][] = [];
        await engine.propagateRwr(flatten(fixture.rwr.seeds), 2, {
          onProgress: (done, total) => seen.push([done, total]),
        });
        expect(seen.length).toBeGreaterThan(0);
        const last = seen[seen.length - 1];
        expect(last[0]).toBe(last[1]);
        expect(
          seen.every(([done, total], k) => done <= total && (k === 0 || done > seen[k - 1][0])),
        ).toBe(true);

        const controller = new AbortController();
        const run = engine.propagateRwr(flatten(fixture.rwr.seeds), 2, {
          tolerance: 0,
          maxIterations: 100_000,
          signal: controller.signal,
          onProgress: (done) => {
            if (done >= 20) controller.abort();
          },
        });
        await expect(run).rejects.toThrow(/abort/i);
        const bfs = engine.multiSourceBfs(Uint32Array.of(0), Uint32Array.of(0, 1), {
          signal: AbortSignal.abort(),
        });
        await expect(bfs).rejects.toThrow(/abort/i);
      } finally {
        engine.dispose();
      }
    });
  });
}
