import { describe, expect, it } from 'vitest';
import { multilayerGraph, multilayerRandomWalk } from '@/core/multilayer/multilayer-graph';
import { path } from '../../fixtures/core/graphs';

describe('multilayer modules (supra-graph)', () => {
  // Interactome: path 0–1–2–3–4. Layer 0 = {1, 2, 3}, layer 1 = {3, 4}, layer 2 = {2}.
  const ml = multilayerGraph(path(5), [[1, 2, 3], [3, 4], [2]], { coupling: 0.5 });

  it('numbers supra-nodes layer by layer and adds intra- and inter-layer edges', () => {
    expect(Array.from(ml.layerStart)).toEqual([0, 3, 5, 6]);
    expect(Array.from(ml.nodeOf)).toEqual([1, 2, 3, 3, 4, 2]);
    expect(Array.from(ml.layerOf)).toEqual([0, 0, 0, 1, 1, 2]);
    const edges = new Map<string, number>();
    for (let v = 0; v < ml.graph.nodeCount; v++) {
      for (let e = ml.graph.offsets[v]; e < ml.graph.offsets[v + 1]; e++) {
        edges.set(`${v}-${ml.graph.targets[e]}`, ml.graph.weights[e]);
      }
    }
    // Intra-layer: (0)1–2, (0)2–3 as supra 0–1, 1–2; layer 1: 3–4 as supra 3–4.
    // Coupling: gene 3 in layers 0, 1 (supra 2–3); gene 2 in layers 0, 2 (supra 1–5).
    expect(Object.fromEntries(edges)).toEqual({
      '0-1': 1,
      '1-0': 1,
      '1-2': 1,
      '2-1': 1,
      '3-4': 1,
      '4-3': 1,
      '2-3': 0.5,
      '3-2': 0.5,
      '1-5': 0.5,
      '5-1': 0.5,
    });
  });

  it('random walk keeps mass 1 and aggregates per gene', () => {
    const walk = multilayerRandomWalk(ml, 5, [0]);
    expect(walk.converged).toBe(true);
    const total = Array.from(walk.supraScores).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(walk.nodeScores[0]).toBe(0);
    expect(walk.nodeScores[3]).toBeCloseTo(walk.supraScores[2] + walk.supraScores[3], 15);
    expect(walk.nodeScores[1]).toBeGreaterThan(walk.nodeScores[4]);
  });

  it('rejects bad layers and coupling', () => {
    expect(() => multilayerGraph(path(3), [[0, 0]])).toThrow(/lists 0 twice/);
    expect(() => multilayerGraph(path(3), [[5]])).toThrow(/bad node 5/);
    expect(() => multilayerGraph(path(3), [[0]], { coupling: 0 })).toThrow(/coupling/);
  });
});
