/**
 * Disease neighbourhood
 * =====================
 * The nodes a disease view shows: the seed nodes S (disease genes present in the network) and
 * the first neighbours of S ranked by how many seeds each one touches,
 *
 *   links(v) = |N(v) ∩ S|   for v ∉ S.
 *
 * A neighbour is kept when links(v) ≥ minLinks; kept neighbours are ordered by links(v)
 * descending (ties: lower node index first) and cut so that seeds + neighbours ≤ maxNodes.
 * Seeds are always kept, even past maxNodes. Requiring two or more links keeps the nodes that
 * connect disease genes to each other (candidate module members) and drops the long tail of
 * hub partners that touch a single one, so the view of even a 1,000-gene disease stays small.
 * Edges are read as out-edges of the seeds: for an undirected CSR graph that is every edge.
 * Repeated edges count once. Reference: Menche et al., Science 347:1257601 (2015), who read a
 * disease as a connected neighbourhood of the interactome; Ghiassian et al., PLoS Comput Biol
 * 11:e1004120 (2015) rank candidates by their links to seeds in the same way (DIAMOnD).
 */
import type { CsrGraph } from '../graph/csr';

export interface NeighbourhoodOptions {
  /** Least number of distinct seeds a neighbour must be linked to (≥ 1). */
  minLinks: number;
  /** Most nodes in the result, seeds included (seeds are never dropped). */
  maxNodes: number;
}

export const NEIGHBOURHOOD_DEFAULTS: Readonly<NeighbourhoodOptions> = {
  minLinks: 2,
  maxNodes: 1500,
};

export interface Neighbourhood {
  /** Seeds first (ascending, duplicates removed), then kept neighbours, most links first. */
  nodes: Uint32Array;
  /** nodes[0 … seedCount − 1] are the seeds. */
  seedCount: number;
  /** For each entry of `nodes`: the number of distinct seeds it is linked to (itself excluded). */
  seedLinks: Uint32Array;
  /** Neighbours (not seeds) linked to at least one seed. */
  candidateCount: number;
  /** Neighbours linked to at least `minLinks` seeds, before the `maxNodes` cut. */
  eligibleCount: number;
}

export function resolveNeighbourhoodOptions(
  options: Partial<NeighbourhoodOptions>,
): NeighbourhoodOptions {
  const resolved = { ...NEIGHBOURHOOD_DEFAULTS, ...options };
  if (!(Number.isInteger(resolved.minLinks) && resolved.minLinks >= 1)) {
    throw new RangeError(
      `diseaseNeighbourhood: minLinks must be an integer ≥ 1, got ${resolved.minLinks}`,
    );
  }
  if (!(Number.isInteger(resolved.maxNodes) && resolved.maxNodes >= 0)) {
    throw new RangeError(
      `diseaseNeighbourhood: maxNodes must be an integer ≥ 0, got ${resolved.maxNodes}`,
    );
  }
  return resolved;
}

/** Seeds and their best-connected first neighbours (see the file header). O(Σ deg(seed) + k log k). */
export function diseaseNeighbourhood(
  graph: CsrGraph,
  seeds: ArrayLike<number>,
  options: Partial<NeighbourhoodOptions> = {},
): Neighbourhood {
  const { minLinks, maxNodes } = resolveNeighbourhoodOptions(options);
  const isSeed = new Uint8Array(graph.nodeCount);
  for (let k = 0; k < seeds.length; k++) {
    const seed = seeds[k];
    if (!(Number.isInteger(seed) && seed >= 0 && seed < graph.nodeCount)) {
      throw new RangeError(
        `diseaseNeighbourhood: seeds[${k}] = ${seed} is not a node index below ${graph.nodeCount}`,
      );
    }
    isSeed[seed] = 1;
  }
  const seedNodes: number[] = [];
  for (let i = 0; i < graph.nodeCount; i++) if (isSeed[i]) seedNodes.push(i);

  // links[v] counts distinct seeds adjacent to v; lastSeed[v] stops a repeated edge counting twice.
  const links = new Uint32Array(graph.nodeCount);
  const lastSeed = new Int32Array(graph.nodeCount).fill(-1);
  const touched: number[] = [];
  for (const seed of seedNodes) {
    for (let e = graph.offsets[seed]; e < graph.offsets[seed + 1]; e++) {
      const v = graph.targets[e];
      if (v === seed || lastSeed[v] === seed) continue;
      lastSeed[v] = seed;
      if (links[v] === 0) touched.push(v);
      links[v]++;
    }
  }

  const candidates = touched.filter((v) => !isSeed[v]);
  const eligible = candidates.filter((v) => links[v] >= minLinks);
  eligible.sort((a, b) => links[b] - links[a] || a - b);
  const kept = eligible.slice(0, Math.max(0, maxNodes - seedNodes.length));

  const nodes = Uint32Array.from([...seedNodes, ...kept]);
  const seedLinks = Uint32Array.from(nodes, (node) => links[node]);
  return {
    nodes,
    seedCount: seedNodes.length,
    seedLinks,
    candidateCount: candidates.length,
    eligibleCount: eligible.length,
  };
}
