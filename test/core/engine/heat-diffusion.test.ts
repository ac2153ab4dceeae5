import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '@/core/graph/csr';
import { heatDiffusion, heatKernelTerms } from '@/core/engine/heat-diffusion';
import { fixtureGraph, flatten, maxAbsDiff } from '../../engine/fixture-graphs';
import { loadEngineFixture } from '../../engine/interactome-node';

describe('heatKernelTerms', () => {
  it('finds the smallest K with P(Poisson(t) > K) < tolerance', () => {
    // Poisson(1): P(X > 2) = 1 − e⁻¹(1 + 1 + 1/2) = 0.0803; P(X > 3) = 0.0190; P(X > 4) = 0.00366
    expect(heatKernelTerms(1, 0.05)).toBe(3);
    expect(heatKernelTerms(1, 0.01)).toBe(4);
    expect(heatKernelTerms(1, 0.1)).toBe(2);
  });
});

describe('heatDiffusion (reference)', () => {
  it('matches exp(−t(I − W)) on 0 ⇄ 1 by hand', () => {
    // W swaps the two nodes; I − W has eigenvalues 0 (1, 1) and 2 (1, −1):
    // x(t) = ½(1 + e^{−2t}), ½(1 − e^{−2t}) from x₀ = (1, 0)
    const g = csrFromEdges(2, Uint32Array.of(0, 1), Uint32Array.of(1, 0));
    const t = 0.7;
    const { values, iterations } = heatDiffusion(g, [1, 0], 1, { time: t, tolerance: 1e-14 });
    expect(values[0]).toBeCloseTo(0.5 * (1 + Math.exp(-2 * t)), 12);
    expect(values[1]).toBeCloseTo(0.5 * (1 - Math.exp(-2 * t)), 12);
    expect(iterations[0]).toBe(heatKernelTerms(t, 1e-14));
  });

  it.each(['0.5', '3.0'])('matches scipy expm on the Menche subgraph (t = %s)', (t) => {
    const fixture = loadEngineFixture();
    const { values } = heatDiffusion(fixtureGraph(fixture), flatten(fixture.heat.initial), 2, {
      time: Number(t),
      tolerance: 1e-13,
    });
    expect(maxAbsDiff(values, flatten(fixture.heat.expected[t]))).toBeLessThan(1e-12);
  });

  it('rejects times outside (0, 50]', () => {
    const g = csrFromEdges(1, new Uint32Array(0), new Uint32Array(0));
    expect(() => heatDiffusion(g, [1], 1, { time: 0 })).toThrow(/time/);
    expect(() => heatDiffusion(g, [1], 1, { time: 51 })).toThrow(/time/);
  });
});
