import { describe, expect, it } from 'vitest';
import { createRandom, createRandomFromState, splitmix32State } from '@/core/random/random';
import { partialShuffle, sampleWithoutReplacement, shuffleInPlace } from '@/core/random/sampling';
import { readCoreFixture } from '../../helpers/load-public-data';

interface RandomFixture {
  xoshiro128ssState1234: number[];
  splitmix32Seed42: number[];
  xoshiro128ssSeed42: number[];
  splitmix32Seed0: number[];
  xoshiro128ssSeed0: number[];
}
const fixture = readCoreFixture<RandomFixture>('random.json');

const take = (next: () => number, count: number): number[] =>
  Array.from({ length: count }, () => next());

describe('xoshiro128** seeded by splitmix32', () => {
  it('reproduces the reference stream from state (1, 2, 3, 4)', () => {
    const random = createRandomFromState([1, 2, 3, 4]);
    // 11520 = rotl(2·5, 7)·9 can be checked by hand.
    expect(take(random.nextUint32, 8)).toEqual(fixture.xoshiro128ssState1234);
  });

  it.each([
    [42, fixture.splitmix32Seed42, fixture.xoshiro128ssSeed42],
    [0, fixture.splitmix32Seed0, fixture.xoshiro128ssSeed0],
  ])('seed %i expands through splitmix32 as in the Python transcription', (seed, state, stream) => {
    expect(Array.from(splitmix32State(seed))).toEqual(state);
    expect(take(createRandom(seed).nextUint32, stream.length)).toEqual(stream);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(take(createRandom(7).nextUint32, 20)).toEqual(take(createRandom(7).nextUint32, 20));
    expect(take(createRandom(7).nextUint32, 20)).not.toEqual(take(createRandom(8).nextUint32, 20));
  });

  it('exposes and resumes its state', () => {
    const a = createRandom(3);
    a.nextUint32();
    const b = createRandomFromState(a.state());
    expect(take(a.nextUint32, 5)).toEqual(take(b.nextUint32, 5));
  });

  it('draws integers in range with roughly uniform frequencies', () => {
    const random = createRandom(11);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[random.nextInt(7)]++;
    // Each count ~ Binomial(70000, 1/7): sd ≈ 92.6; 6 sd is a generous bound.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(560);
    expect(random.nextInt(1)).toBe(0);
    const f = random.nextFloat();
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThan(1);
  });

  it('rejects bad seeds and bounds', () => {
    expect(() => createRandom(-1)).toThrow(/seed must be an integer/);
    expect(() => createRandom(2 ** 32)).toThrow(/seed/);
    expect(() => createRandom(1.5)).toThrow(/seed/);
    expect(() => createRandom(1).nextInt(0)).toThrow(/n must be an integer/);
    expect(() => createRandomFromState([0, 0, 0, 0])).toThrow(/all-zero/);
  });
});

describe('sampling', () => {
  it('shuffles into a permutation', () => {
    const values = Uint32Array.from({ length: 50 }, (_, i) => i);
    shuffleInPlace(createRandom(5), values);
    expect(Array.from(values).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
    expect(Array.from(values)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('partial shuffle puts a k-subset in front and keeps the multiset', () => {
    const values = Uint32Array.from({ length: 20 }, (_, i) => i * 3);
    partialShuffle(createRandom(9), values, 5);
    expect(Array.from(values).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i * 3),
    );
    expect(() => partialShuffle(createRandom(9), values, 21)).toThrow(/k must be/);
  });

  it('partial shuffle picks every element with probability k/n', () => {
    const random = createRandom(21);
    const pool = Uint32Array.from({ length: 10 }, (_, i) => i);
    const hits = new Array(10).fill(0);
    for (let r = 0; r < 20_000; r++) {
      partialShuffle(random, pool, 3); // pool order carries over between draws
      for (let i = 0; i < 3; i++) hits[pool[i]]++;
    }
    // Expected 6000 each; sd = sqrt(20000 · 0.3 · 0.7) ≈ 64.8.
    for (const h of hits) expect(Math.abs(h - 6000)).toBeLessThan(400);
  });

  it('Floyd sampling returns k distinct values below n', () => {
    const sample = sampleWithoutReplacement(createRandom(4), 30, 12);
    expect(sample.length).toBe(12);
    expect(new Set(sample).size).toBe(12);
    for (const v of sample) expect(v).toBeLessThan(30);
    expect(Array.from(sampleWithoutReplacement(createRandom(4), 5, 5)).sort()).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(() => sampleWithoutReplacement(createRandom(4), 3, 4)).toThrow(/0 ≤ k ≤ n/);
  });
});
