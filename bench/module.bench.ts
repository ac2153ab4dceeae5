/**
 * Benchmark: network-module core on the Menche 2015 interactome
 * =============================================================
 * `npm run bench -- module`. Three figures, each beside a baseline measured in the same run:
 *
 * 1. LCC significance, 1000 degree-preserving draws (scDrugPrio null) for all 299 Menche
 *    diseases. Baseline: a plain implementation that builds each random set's induced subgraph
 *    (`inducedSubgraph`) and labels its components (`connectedComponents`), on a subset of
 *    diseases; the ratio compares the same subset.
 * 2. DIAMOnD, 200 iterations for rheumatoid arthritis. Baseline: the formula applied to every
 *    candidate with k_s recounted from scratch each iteration.
 * 3. Exact betweenness (Brandes) of all 13,329 LCC nodes, single thread (core
 *    `betweennessCentrality`); baseline: a plain BFS from every source (no path counting), the
 *    floor for any Brandes pass. Then the engine's `betweennessOnPool` (src/engine/betweenness.ts,
 *    what `twinscreen centrality` runs) on 1 thread (its source ranges on the calling thread)
 *    and on 2 worker threads, with the 1-thread / 2-thread ratio.
 */
import { loadavg } from 'node:os';
import { betweennessCentrality } from '../src/core/centrality/betweenness-centrality';
import { inducedSubgraph, type CsrGraph } from '../src/core/graph/csr';
import {
  connectedComponents,
  largestConnectedComponent,
} from '../src/core/graph/connected-components';
import { breadthFirstOrder } from '../src/core/graph/reorder';
import { resolveNodeSet } from '../src/core/graph/resolve-node-set';
import { diamond } from '../src/core/module/diamond';
import { lccSignificance } from '../src/core/module/lcc-significance';
import { degreeBins } from '../src/core/random/degree-bins';
import { createNodeSetSampler } from '../src/core/random/random-node-sets';
import { hypergeometricUpperTail } from '../src/core/stats/hypergeometric';
import { BETWEENNESS_POOL_DEFAULTS, betweennessOnPool } from '../src/engine/betweenness';
import { loadMencheDiseaseGenes, loadMencheInteractome } from '../test/helpers/load-public-data';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
/** CPU time of this process since the last call (ms), to read timings on a busy machine. */
let lastCpu = process.cpuUsage();
const cpuSince = (): number => {
  const now = process.cpuUsage();
  const ms = (now.user - lastCpu.user + now.system - lastCpu.system) / 1000;
  lastCpu = now;
  return ms;
};
const cpuNotes: string[] = [];
const time = <T>(label: string, f: () => T): [T, number] => {
  cpuSince();
  const started = performance.now();
  const value = f();
  const wall = performance.now() - started;
  cpuNotes.push(`${label}: wall ${seconds(wall)}, CPU ${seconds(cpuSince())}`);
  return [value, wall];
};

/** LCC size of G[nodes] the plain way: induced subgraph, then component labels. */
function naiveLccSize(graph: CsrGraph, nodes: Uint32Array, count: number): number {
  const sub = inducedSubgraph(graph, nodes.subarray(0, count));
  const { sizes } = connectedComponents(sub);
  return sizes.length ? Math.max(...sizes) : 0;
}

/** DIAMOnD by the formula: every candidate, k_s recounted each iteration, α = 1. */
function naiveDiamond(graph: CsrGraph, seeds: Uint32Array, iterations: number): number[] {
  const n = graph.nodeCount;
  const inCluster = new Uint8Array(n);
  for (const s of seeds) inCluster[s] = 1;
  const added: number[] = [];
  for (let it = 0; it < iterations; it++) {
    const s = seeds.length + it;
    let best = -1;
    let bestP = Infinity;
    let bestKs = -1;
    let bestK = 0;
    for (let v = 0; v < n; v++) {
      if (inCluster[v]) continue;
      let ks = 0;
      for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++)
        ks += inCluster[graph.targets[e]];
      if (ks === 0) continue;
      const k = graph.offsets[v + 1] - graph.offsets[v];
      const p = hypergeometricUpperTail(ks, n, s, k);
      if (p < bestP || (p === bestP && (ks > bestKs || (ks === bestKs && k < bestK)))) {
        best = v;
        bestP = p;
        bestKs = ks;
        bestK = k;
      }
    }
    if (best < 0) break;
    added.push(best);
    inCluster[best] = 1;
  }
  return added;
}

/** All-sources BFS without path counting (the floor under Brandes). */
function allSourcesBfs(graph: CsrGraph): number {
  const n = graph.nodeCount;
  const { offsets, targets } = graph;
  const dist = new Int32Array(n).fill(-1);
  const order = new Uint32Array(n);
  let checksum = 0;
  for (let s = 0; s < n; s++) {
    dist[s] = 0;
    order[0] = s;
    let count = 1;
    for (let head = 0; head < count; head++) {
      const v = order[head];
      const next = dist[v] + 1;
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = targets[e];
        if (dist[w] < 0) {
          dist[w] = next;
          order[count++] = w;
          checksum += next;
        }
      }
    }
    for (let i = 0; i < count; i++) dist[order[i]] = -1;
  }
  return checksum;
}

export async function run(): Promise<void> {
  const network = loadMencheInteractome();
  const lcc = largestConnectedComponent(network.graph);
  const graph = lcc.graph;
  const diseases = loadMencheDiseaseGenes();
  const sets = [...diseases].map(([name, genes]) => ({
    name,
    nodes: resolveNodeSet(genes, network.indexOf, lcc).nodes,
  }));
  console.log(`Menche LCC: ${graph.nodeCount} nodes, ${graph.targets.length / 2} edges`);

  // 1. LCC significance ----------------------------------------------------------------------
  const bins = degreeBins(graph);
  const iterations = 1000;
  const [, lccMs] = time('LCC significance, all diseases', () => {
    for (const [i, set] of sets.entries()) {
      if (set.nodes.length > 0)
        lccSignificance(graph, set.nodes, { iterations, seed: i + 1, bins });
    }
  });
  const subset = sets.filter((_, i) => i % 10 === 0 && sets[i].nodes.length > 0);
  const [, fastSubsetMs] = time('LCC significance, subset', () => {
    for (const [i, set] of subset.entries()) {
      lccSignificance(graph, set.nodes, { iterations, seed: i + 1, bins });
    }
  });
  const [, naiveSubsetMs] = time('LCC baseline, subset', () => {
    for (const [i, set] of subset.entries()) {
      const sample = createNodeSetSampler(bins, set.nodes, 'degree-scdrugprio', i + 1);
      const draw = new Uint32Array(set.nodes.length);
      for (let r = 0; r < iterations; r++) naiveLccSize(graph, draw, sample(draw));
    }
  });
  console.log(
    `LCC significance, ${iterations} draws × ${sets.length} diseases: ${seconds(lccMs)} ` +
      `(target ≤ 30 s). Subset of ${subset.length}: ${seconds(fastSubsetMs)} vs plain ` +
      `induced-subgraph baseline ${seconds(naiveSubsetMs)} → ${(naiveSubsetMs / fastSubsetMs).toFixed(1)}× faster`,
  );

  // 2. DIAMOnD -------------------------------------------------------------------------------
  const ra = sets.find((s) => s.name === 'arthritis, rheumatoid')?.nodes as Uint32Array;
  diamond(graph, ra, { iterations: 200 }); // warm-up
  const [fast, diamondMs] = time('DIAMOnD', () => diamond(graph, ra, { iterations: 200 }));
  const [naive, naiveDiamondMs] = time('DIAMOnD baseline', () => naiveDiamond(graph, ra, 200));
  const same = naive.every((v, i) => v === fast.nodes[i]);
  console.log(
    `DIAMOnD 200 iterations (RA, ${ra.length} seeds): ${diamondMs.toFixed(1)} ms (target ≤ 300 ms) ` +
      `vs formula-per-candidate baseline ${naiveDiamondMs.toFixed(0)} ms → ` +
      `${(naiveDiamondMs / diamondMs).toFixed(0)}× faster; same nodes: ${same}`,
  );

  // 3. Betweenness ---------------------------------------------------------------------------
  const [, bfsMs] = time('all-sources BFS', () => allSourcesBfs(graph));
  const [, bfsRelabelledMs] = time('all-sources BFS, relabelled', () =>
    allSourcesBfs(breadthFirstOrder(graph).graph),
  );
  const [single, singleMs] = time('betweenness, 1 thread', () => betweennessCentrality(graph));
  console.log(
    `Exact betweenness, single thread: ${seconds(singleMs)} (target ≤ 10 s); ` +
      `plain BFS from every source (no path counts): ${seconds(bfsMs)}, ` +
      `${seconds(bfsRelabelledMs)} on the BFS-relabelled graph → Brandes costs ` +
      `${(singleMs / bfsMs).toFixed(2)}× / ${(singleMs / bfsRelabelledMs).toFixed(2)}× one all-sources BFS`,
  );
  const pooled = async (threads: number) => {
    cpuSince();
    const t0 = performance.now();
    const result = await betweennessOnPool(graph, {}, { threads });
    const wall = performance.now() - t0;
    cpuNotes.push(
      `betweennessOnPool, ${threads} thread(s): wall ${seconds(wall)}, CPU ${seconds(cpuSince())} (process, workers included)`,
    );
    return { ...result, ms: wall };
  };
  const one = await pooled(1);
  const two = await pooled(2);
  const worstDifference = (values: Float64Array) => {
    let worst = 0;
    for (let v = 0; v < graph.nodeCount; v++) {
      if (single[v] > 0) worst = Math.max(worst, Math.abs(values[v] - single[v]) / single[v]);
    }
    return worst;
  };
  const identical = one.values.every((x, v) => x === two.values[v]);
  console.log(
    `Exact betweenness, betweennessOnPool (src/engine/betweenness.ts, ${BETWEENNESS_POOL_DEFAULTS.ranges} source ranges): ` +
      `1 thread ${seconds(one.ms)} (${one.threadsReason}), ` +
      `2 threads ${seconds(two.ms)} (${two.threadsReason}) → 1-thread / 2-thread = ` +
      `${(one.ms / two.ms).toFixed(2)}×, core single thread / 2 threads = ${(singleMs / two.ms).toFixed(2)}×; ` +
      `1 and 2 threads bit-identical: ${identical}; max relative difference from the core ` +
      `${worstDifference(two.values).toExponential(1)}`,
  );
  console.log(
    `Load average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')} ` +
      `(2 cores); process CPU time per step, a steadier figure when the machine is shared:`,
  );
  for (const note of cpuNotes) console.log(`  ${note}`);
}
