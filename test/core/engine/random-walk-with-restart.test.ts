import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '@/core/graph/csr';
import { randomWalkWithRestart } from '@/core/engine/random-walk-with-restart';
import { fixtureGraph, flatten, maxAbsDiff } from '../../engine/fixture-graphs';
import { loadEngineFixture } from '../../engine/interactome-node';

const twoNodes = csrFromEdges(2, Uint32Array.of(0, 1), Uint32Array.of(1, 0));

describe('randomWalkWithRestart (reference)', () => {
  it.each([0.15, 0.5, 0.9])('matches the closed form on 0 ⇄ 1 (r = %s)', (r) => {
    // p₀ = r + (1 − r)p₁, p₁ = (1 − r)p₀  ⇒  p₀ = 1/(2 − r), p₁ = (1 − r)/(2 − r)
    // Column 1 seeds node 1 with weight 5: normalised, it is the mirror image.
    const result = randomWalkWithRestart(twoNodes, [1, 0, 0, 5], 2, {
      restart: r,
      tolerance: 1e-13,
      maxIterations: 5000,
    });
    expect(result.values[0]).toBeCloseTo(1 / (2 - r), 12);
    expect(result.values[2]).toBeCloseTo((1 - r) / (2 - r), 12);
    expect(result.values[3]).toBeCloseTo(1 / (2 - r), 12);
    expect([...result.converged]).toEqual([1, 1]);
  });

  it('checks convergence only every checkEvery steps, per column', () => {
    // Column 0 is already stationary under r = 1 (p = p₀); column 1 of zeros too. With
    // checkEvery 4 both stop at step 4, the first check.
    const result = randomWalkWithRestart(twoNodes, [1, 0, 0, 0], 2, {
      restart: 1,
      checkEvery: 4,
      normalize: true,
    });
    expect([...result.iterations]).toEqual([4, 4]);
  });

  it('reports columns that hit maxIterations', () => {
    const result = randomWalkWithRestart(twoNodes, [1, 0], 1, {
      restart: 0.01,
      tolerance: 1e-12,
      maxIterations: 7,
    });
    expect(result.iterations[0]).toBe(7);
    expect(result.converged[0]).toBe(0);
  });

  it('matches scipy on the Menche subgraph, unweighted and weighted', () => {
    const fixture = loadEngineFixture();
    const seeds = flatten(fixture.rwr.seeds);
    const options = { restart: fixture.rwr.restart, tolerance: 1e-13, maxIterations: 1000 };
    const plain = randomWalkWithRestart(fixtureGraph(fixture), seeds, 2, options);
    expect(maxAbsDiff(plain.values, flatten(fixture.rwr.expected))).toBeLessThan(1e-12);
    const weighted = randomWalkWithRestart(fixtureGraph(fixture, true), seeds, 2, options);
    expect(maxAbsDiff(weighted.values, flatten(fixture.rwr.expectedWeighted))).toBeLessThan(1e-12);
  });

  it('validates its options', () => {
    expect(() => randomWalkWithRestart(twoNodes, [1, 0], 1, { restart: 0 })).toThrow(/restart/);
    expect(() => randomWalkWithRestart(twoNodes, [1, 0], 1, { checkEvery: 0 })).toThrow(
      /checkEvery/,
    );
    expect(() => randomWalkWithRestart(twoNodes, [1, 0, 0], 1)).toThrow(/2 × 1/);
  });
});
