import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '@/core/graph/csr';
import {
  adjacencyPattern,
  isSymmetric,
  randomWalkMatrix,
  signedAverageMatrix,
  transposeGraph,
} from '@/core/engine/sparse-matrix';

const directed = (n: number, edges: [number, number, number][]) =>
  csrFromEdges(
    n,
    Uint32Array.from(edges, (e) => e[0]),
    Uint32Array.from(edges, (e) => e[1]),
    Float32Array.from(edges, (e) => e[2]),
  );

describe('transposeGraph', () => {
  it('lists the sources of every in-edge, sorted', () => {
    // 0 → 2 (w 5), 1 → 2 (w 7), 2 → 0 (w 1)
    const t = transposeGraph(
      directed(3, [
        [1, 2, 7],
        [0, 2, 5],
        [2, 0, 1],
      ]),
    );
    expect([...t.offsets]).toEqual([0, 1, 1, 3]);
    expect([...t.sources]).toEqual([2, 0, 1]);
    expect([...t.weights]).toEqual([1, 5, 7]);
  });
});

describe('randomWalkMatrix', () => {
  it('divides by the source out-strength (W = A·D⁻¹, pull form)', () => {
    // star 0–1, 0–2 (weights 1 and 3): out-strength of 0 is 4, of 1 is 1, of 2 is 3
    const g = directed(3, [
      [0, 1, 1],
      [1, 0, 1],
      [0, 2, 3],
      [2, 0, 3],
    ]);
    const w = randomWalkMatrix(g);
    // row 0 pulls from 1 (1/1) and 2 (3/3); row 1 pulls from 0 (1/4); row 2 from 0 (3/4)
    expect([...w.offsets]).toEqual([0, 2, 3, 4]);
    expect([...w.columns]).toEqual([1, 2, 0, 0]);
    expect([...w.values]).toEqual([1, 1, 0.25, 0.75]);
  });

  it('leaves the column of a node without out-edges empty', () => {
    const w = randomWalkMatrix(directed(2, [[0, 1, 2]]));
    expect([...w.values]).toEqual([1]); // W[1, 0] = 1; node 1 has no out-edges
  });

  it('rejects negative weights', () => {
    expect(() => randomWalkMatrix(directed(2, [[0, 1, -1]]))).toThrow(/non-negative.*edge 0/);
  });
});

describe('signedAverageMatrix', () => {
  it('divides each in-edge by the absolute in-strength of its target', () => {
    // 0 → 2 (+1), 1 → 2 (−3): row 2 = [1/4, −3/4]
    const s = signedAverageMatrix(
      directed(3, [
        [0, 2, 1],
        [1, 2, -3],
      ]),
    );
    expect([...s.offsets]).toEqual([0, 0, 0, 2]);
    expect([...s.values]).toEqual([0.25, -0.75]);
  });
});

describe('adjacencyPattern and isSymmetric', () => {
  it('keeps the in-neighbour structure with unit values', () => {
    const p = adjacencyPattern(
      directed(3, [
        [0, 1, 4],
        [2, 1, -2],
      ]),
    );
    expect([...p.columns]).toEqual([0, 2]);
    expect([...p.values]).toEqual([1, 1]);
  });

  it('detects asymmetric structure and weights', () => {
    expect(
      isSymmetric(
        directed(2, [
          [0, 1, 1],
          [1, 0, 1],
        ]),
      ),
    ).toBe(true);
    expect(isSymmetric(directed(2, [[0, 1, 1]]))).toBe(false);
    expect(
      isSymmetric(
        directed(2, [
          [0, 1, 1],
          [1, 0, 2],
        ]),
      ),
    ).toBe(false);
  });
});
