/**
 * Seeded pseudo-random numbers: xoshiro128** seeded through splitmix32
 * ====================================================================
 * Every random procedure in the core takes an explicit seed and draws from this generator, so
 * a run is reproducible bit for bit in Node and in any browser: the generator uses only 32-bit
 * integer operations (`Math.imul`, shifts, xor), never floating-point arithmetic.
 *
 * - **xoshiro128\*\*** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 *   ACM TOMS 47, 2021; reference C at prng.di.unimi.it/xoshiro128starstar.c). 128-bit state
 *   s0…s3, period 2¹²⁸ − 1; output = rotl(s1 · 5, 7) · 9, then the xorshift/rotate state update.
 * - **splitmix32** expands a 32-bit seed into the 4 state words: a Weyl sequence
 *   x += 0x9e3779b9, finalised by the MurmurHash3 fmix32 mixer (Steele, Lea & Flood,
 *   "Fast splittable pseudorandom number generators", OOPSLA 2014, adapted to 32 bits).
 *
 * Uniform integers in [0, n) use rejection sampling on the top of the 2³² range, so they are
 * exactly uniform and again integer-only. Floats in [0, 1) take the top 32 bits / 2³².
 */

/** A stateful stream of 32-bit words. Closures, not classes: the core keeps no `this`. */
export interface Random {
  /** Next unsigned 32-bit integer. */
  nextUint32(): number;
  /** Uniform integer in [0, n), 1 ≤ n ≤ 2³². Exactly uniform (rejection sampling). */
  nextInt(n: number): number;
  /** Uniform float in [0, 1), with 32 random bits. */
  nextFloat(): number;
  /** Copy of the 4 state words (for checkpoints and tests). */
  state(): Uint32Array;
}

const TWO_32 = 4294967296;

/** The four xoshiro128** state words that `seed` expands to through splitmix32. */
export function splitmix32State(seed: number): Uint32Array {
  assertSeed(seed);
  const words = new Uint32Array(4);
  let x = seed >>> 0;
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    words[i] = (z ^ (z >>> 16)) >>> 0;
  }
  // The all-zero state is the one fixed point of xoshiro; splitmix32 cannot produce it for four
  // consecutive outputs, but guard anyway.
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1;
  return words;
}

/** A generator seeded with a 32-bit unsigned integer (0 … 2³² − 1). */
export function createRandom(seed: number): Random {
  return createRandomFromState(splitmix32State(seed));
}

/** A generator started from explicit state words (not all zero). */
export function createRandomFromState(initial: ArrayLike<number>): Random {
  if (initial.length !== 4) {
    throw new RangeError(`createRandomFromState: expected 4 state words, got ${initial.length}`);
  }
  let s0 = initial[0] >>> 0;
  let s1 = initial[1] >>> 0;
  let s2 = initial[2] >>> 0;
  let s3 = initial[3] >>> 0;
  if ((s0 | s1 | s2 | s3) === 0) {
    throw new RangeError('createRandomFromState: the all-zero state is not allowed');
  }

  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };

  const nextInt = (n: number): number => {
    if (!(n >= 1 && n <= TWO_32) || n !== Math.floor(n)) {
      throw new RangeError(`Random.nextInt: n must be an integer in [1, 2^32], got ${n}`);
    }
    // Accept x below the largest multiple of n that fits in 2^32; all doubles here are exact.
    const limit = TWO_32 - (TWO_32 % n);
    let x = nextUint32();
    while (x >= limit) x = nextUint32();
    return x % n;
  };

  return {
    nextUint32,
    nextInt,
    nextFloat: () => nextUint32() / TWO_32,
    state: () => Uint32Array.of(s0, s1, s2, s3),
  };
}

function assertSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_32) {
    throw new RangeError(`random: seed must be an integer in [0, 2^32), got ${seed}`);
  }
}
