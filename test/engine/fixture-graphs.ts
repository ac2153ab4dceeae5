/**
 * The engine fixture (test/fixtures/engine/menche-subgraph.json) as graphs and blocks
 * ==================================================================================
 * Pure helpers shared by the Node and browser tests. The fixture's node k is its nodes[k]
 * (Entrez ID); every expected block is a list of rows (node-major N×B).
 */
import { csrFromEdges, type CsrGraph } from '@/core/graph/csr';

export interface EngineFixture {
  nodes: string[];
  edges: [number, number][];
  edgeMagnitudes: number[];
  rwr: { restart: number; seeds: number[][]; expected: number[][]; expectedWeighted: number[][] };
  heat: { initial: number[][]; expected: Record<string, number[][]> };
  signed: {
    edges: [number, number, number][];
    coupling: number;
    initial: number[][];
    clamp: number[][];
    bias: number[];
    expectedLinear: number[][];
    expectedTanh: number[][];
  };
  bfs: {
    sets: number[][];
    expected: number[][];
    directedSources: number[];
    expectedDirected: number[];
  };
  drugs: {
    targets: number[][];
    gatherMean: number[][];
    gatherMin: number[][];
    module: number[];
    influence: number[];
    influencePerNode: number[];
  };
}

/** The fixture's undirected subgraph; weighted with the fixture's magnitudes on request. */
export function fixtureGraph(fixture: EngineFixture, weighted = false): CsrGraph {
  const from: number[] = [];
  const to: number[] = [];
  const w: number[] = [];
  fixture.edges.forEach(([a, b], k) => {
    const weight = weighted ? fixture.edgeMagnitudes[k] : 1;
    from.push(a, b);
    to.push(b, a);
    w.push(weight, weight);
  });
  return csrFromEdges(
    fixture.nodes.length,
    Uint32Array.from(from),
    Uint32Array.from(to),
    Float32Array.from(w),
  );
}

/** The fixture's directed, signed graph. */
export function fixtureSignedGraph(fixture: EngineFixture): CsrGraph {
  const edges = fixture.signed.edges;
  return csrFromEdges(
    fixture.nodes.length,
    Uint32Array.from(edges, (e) => e[0]),
    Uint32Array.from(edges, (e) => e[1]),
    Float32Array.from(edges, (e) => e[2]),
  );
}

/** Rows of a node-major block, flattened. */
export function flatten(rows: number[][]): Float64Array {
  return Float64Array.from(rows.flat());
}

/** Sets or target lists as CSR (offsets + flat members). */
export function toCsrLists(lists: number[][]): { offsets: Uint32Array; members: Uint32Array } {
  const offsets = new Uint32Array(lists.length + 1);
  lists.forEach((list, k) => (offsets[k + 1] = offsets[k] + list.length));
  return { offsets, members: Uint32Array.from(lists.flat()) };
}

/** Largest |a − b| over two equally long arrays (NaN-aware: NaN only matches NaN). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`maxAbsDiff: lengths ${a.length} and ${b.length}`);
  let max = 0;
  for (let k = 0; k < a.length; k++) {
    if (Number.isNaN(a[k]) || Number.isNaN(b[k])) {
      if (!(Number.isNaN(a[k]) && Number.isNaN(b[k]))) return Infinity;
      continue;
    }
    max = Math.max(max, Math.abs(a[k] - b[k]));
  }
  return max;
}
