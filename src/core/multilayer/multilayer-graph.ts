/**
 * Multilayer modules on a supra-graph (our synthesis; label it as such in the UI)
 * ===============================================================================
 * ALGORITHMS.md §3.13 (the Björnsson multilayer strategy as we implement it): each layer ℓ
 * (mRNA per cell type or time point, GWAS genes, proteins…) contributes a module M_ℓ, a node set
 * of the shared interactome. The multilayer module is the supra-graph with
 *
 * - one supra-node (ℓ, v) for every v ∈ M_ℓ, numbered layer by layer (layerStart[ℓ] + rank of
 *   v within M_ℓ in input order);
 * - intra-layer edges: the interactome edges between members of the same M_ℓ (their weights);
 * - inter-layer coupling edges of weight ω between (ℓ, v) and (m, v) for every pair of layers
 *   that both contain v (identity coupling, all layer pairs).
 *
 * Genes are prioritised by a random walk with restart on the supra-graph (edge weights used),
 * restarting on the seed supra-nodes, and aggregated per interactome node by summing over its
 * layers ("multilayer PageRank/RWR"). ω tunes how freely the walker changes layer.
 */
import { csrFromEdges, type CsrGraph } from '../graph/csr';
import {
  randomWalkWithRestart,
  RANDOM_WALK_WITH_RESTART_DEFAULTS,
} from '../propagation/random-walk-with-restart';

export interface MultilayerOptions {
  /** Weight ω of the inter-layer identity edges. */
  coupling: number;
}

export const MULTILAYER_DEFAULTS: MultilayerOptions = { coupling: 1 };

export interface MultilayerGraph {
  /** The supra-graph (undirected, stored both ways). */
  readonly graph: CsrGraph;
  readonly layerCount: number;
  /** Supra-nodes of layer ℓ are layerStart[ℓ] … layerStart[ℓ+1] − 1. Length: layerCount + 1. */
  readonly layerStart: Uint32Array;
  /** Layer of each supra-node. */
  readonly layerOf: Uint32Array;
  /** Interactome node of each supra-node. */
  readonly nodeOf: Uint32Array;
  readonly coupling: number;
}

export function multilayerGraph(
  interactome: CsrGraph,
  layerModules: readonly ArrayLike<number>[],
  options: Partial<MultilayerOptions> = {},
): MultilayerGraph {
  const { coupling } = { ...MULTILAYER_DEFAULTS, ...options };
  if (!(coupling > 0 && coupling < Infinity)) {
    throw new RangeError(`multilayerGraph: coupling ω must be finite and > 0, got ${coupling}`);
  }
  const n = interactome.nodeCount;
  const layerCount = layerModules.length;
  const layerStart = new Uint32Array(layerCount + 1);
  for (let l = 0; l < layerCount; l++) layerStart[l + 1] = layerStart[l] + layerModules[l].length;
  const total = layerStart[layerCount];
  const layerOf = new Uint32Array(total);
  const nodeOf = new Uint32Array(total);
  // supra index of (layer, node), −1 when absent; one row per layer.
  const local = new Int32Array(n);
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  const copies: number[][] = [];
  const copiesOf = new Map<number, number[]>();
  for (let l = 0; l < layerCount; l++) {
    const members = layerModules[l];
    local.fill(-1);
    for (let i = 0; i < members.length; i++) {
      const v = members[i];
      if (!(Number.isInteger(v) && v >= 0 && v < n)) {
        throw new RangeError(`multilayerGraph: layer ${l} lists bad node ${v}`);
      }
      if (local[v] !== -1) throw new RangeError(`multilayerGraph: layer ${l} lists ${v} twice`);
      const supra = layerStart[l] + i;
      local[v] = supra;
      layerOf[supra] = l;
      nodeOf[supra] = v;
      let list = copiesOf.get(v);
      if (!list) {
        list = [];
        copiesOf.set(v, list);
        copies.push(list);
      }
      list.push(supra);
    }
    for (let i = 0; i < members.length; i++) {
      const v = members[i];
      for (let e = interactome.offsets[v]; e < interactome.offsets[v + 1]; e++) {
        const w = local[interactome.targets[e]];
        if (w === -1) continue;
        sources.push(layerStart[l] + i);
        targets.push(w);
        weights.push(interactome.weights[e]);
      }
    }
  }
  for (const list of copies) {
    for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < list.length; j++) {
        if (i === j) continue;
        sources.push(list[i]);
        targets.push(list[j]);
        weights.push(coupling);
      }
    }
  }
  const graph = csrFromEdges(
    total,
    Uint32Array.from(sources),
    Uint32Array.from(targets),
    Float32Array.from(weights),
  );
  return { graph, layerCount, layerStart, layerOf, nodeOf, coupling };
}

export interface MultilayerRandomWalkOptions {
  restart: number;
  tolerance: number;
  maxIterations: number;
}

export const MULTILAYER_RANDOM_WALK_DEFAULTS: MultilayerRandomWalkOptions = {
  restart: RANDOM_WALK_WITH_RESTART_DEFAULTS.restart,
  tolerance: RANDOM_WALK_WITH_RESTART_DEFAULTS.tolerance,
  maxIterations: RANDOM_WALK_WITH_RESTART_DEFAULTS.maxIterations,
};

export interface MultilayerRandomWalk {
  /** Stationary probability per supra-node (sum 1). */
  readonly supraScores: Float64Array;
  /** Sum over layers per interactome node (0 for nodes in no layer). */
  readonly nodeScores: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * RWR on the supra-graph, restarting uniformly on the given supra-nodes (all supra-nodes when
 * `seedSupraNodes` is absent, i.e. every module member of every layer is a seed).
 */
export function multilayerRandomWalk(
  multilayer: MultilayerGraph,
  interactomeNodeCount: number,
  seedSupraNodes?: ArrayLike<number>,
  options: Partial<MultilayerRandomWalkOptions> = {},
): MultilayerRandomWalk {
  const resolved = { ...MULTILAYER_RANDOM_WALK_DEFAULTS, ...options };
  const total = multilayer.graph.nodeCount;
  const p0 = new Float64Array(total);
  if (seedSupraNodes) {
    for (let i = 0; i < seedSupraNodes.length; i++) {
      const s = seedSupraNodes[i];
      if (!(s >= 0 && s < total)) throw new RangeError(`multilayerRandomWalk: bad seed ${s}`);
      p0[s] = 1;
    }
  } else {
    p0.fill(1);
  }
  const walk = randomWalkWithRestart(multilayer.graph, p0, { ...resolved, weighted: true });
  const nodeScores = new Float64Array(interactomeNodeCount);
  for (let s = 0; s < total; s++) nodeScores[multilayer.nodeOf[s]] += walk.scores[s];
  return {
    supraScores: walk.scores,
    nodeScores,
    iterations: walk.iterations,
    converged: walk.converged,
  };
}
