import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '@/core/graph/csr';
import { signedDynamics } from '@/core/engine/signed-dynamics';
import { fixtureSignedGraph, flatten, maxAbsDiff } from '../../engine/fixture-graphs';
import { loadEngineFixture } from '../../engine/interactome-node';

describe('signedDynamics (reference)', () => {
  it('propagates a clamped repression by hand', () => {
    // 0 —(−2)→ 1 —(+1)→ 2; node 0 held at 1. Rows of Ŝ: node 1 pulls −1·x₀, node 2 pulls +1·x₁.
    // Linear: x₁ = α·(−1) + (1 − α)·0 = −α; x₂ = α·x₁ = −α².
    const g = csrFromEdges(3, Uint32Array.of(0, 1), Uint32Array.of(1, 2), Float32Array.of(-2, 1));
    const alpha = 0.6;
    const linear = signedDynamics(g, { initial: [1, 0, 0], clamp: Uint8Array.of(1, 0, 0) }, 1, {
      coupling: alpha,
      tolerance: 1e-14,
    });
    expect([...linear.values].map((v) => +v.toFixed(12))).toEqual([1, -alpha, -alpha * alpha]);
    // tanh with bias b₂ = 0.1: x₁ = tanh(−α), x₂ = tanh(α·x₁ + 0.1)
    const tanh = signedDynamics(
      g,
      { initial: [1, 0, 0], clamp: Uint8Array.of(1, 0, 0), bias: [0, 0, 0.1] },
      1,
      { activation: 'tanh', coupling: alpha, tolerance: 1e-14 },
    );
    expect(tanh.values[1]).toBeCloseTo(Math.tanh(-alpha), 12);
    expect(tanh.values[2]).toBeCloseTo(Math.tanh(alpha * Math.tanh(-alpha) + 0.1), 12);
  });

  it('matches scipy (linear solve) and a float64 fixed point (tanh) on a directed signed Menche subgraph', () => {
    const fixture = loadEngineFixture();
    const { signed } = fixture;
    const graph = fixtureSignedGraph(fixture);
    const perturbation = {
      initial: flatten(signed.initial),
      clamp: Uint8Array.from(signed.clamp.flat()),
    };
    const options = { coupling: signed.coupling, tolerance: 1e-14, maxIterations: 5000 };
    const linear = signedDynamics(graph, perturbation, 2, options);
    expect(maxAbsDiff(linear.values, flatten(signed.expectedLinear))).toBeLessThan(1e-12);
    const tanh = signedDynamics(graph, { ...perturbation, bias: signed.bias }, 2, {
      ...options,
      activation: 'tanh',
    });
    expect(maxAbsDiff(tanh.values, flatten(signed.expectedTanh))).toBeLessThan(1e-12);
  });

  it('validates the perturbation', () => {
    const g = csrFromEdges(2, Uint32Array.of(0), Uint32Array.of(1));
    expect(() => signedDynamics(g, { initial: [0, 0], clamp: new Uint8Array(3) }, 1)).toThrow(
      /clamp must have 2/,
    );
    expect(() => signedDynamics(g, { initial: [0, 0], bias: [0, 0] }, 1)).toThrow(/tanh/);
    expect(() => signedDynamics(g, { initial: [0, 0] }, 1, { coupling: 1.5 })).toThrow(/coupling/);
  });
});
