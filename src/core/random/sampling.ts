/**
 * Sampling without replacement and shuffling
 * ==========================================
 * Built on a seeded `Random` (xoshiro128**), so every draw is reproducible.
 *
 * - `shuffleInPlace`: Fisher–Yates / Durstenfeld (Knuth, TAOCP vol. 2, Algorithm 3.4.2P):
 *   for i = n−1 … 1, swap a[i] with a[j], j uniform in [0, i].
 * - `partialShuffle`: the first k steps of the same algorithm, run from the front: after it,
 *   a[0 … k−1] is a uniform random k-subset of the array, in random order. It works whatever
 *   order the array is in, so a scratch array can be reused across draws without resetting.
 * - `sampleWithoutReplacement`: k distinct integers from [0, n) by Floyd's algorithm
 *   (Bentley & Floyd, "A sample of brilliance", CACM 30, 1987): O(k) time and memory.
 */
import type { Random } from './random';

/** Shuffles `values` in place (uniformly over all permutations) and returns it. */
export function shuffleInPlace<T extends { length: number; [index: number]: number }>(
  random: Random,
  values: T,
): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    const swap = values[i];
    values[i] = values[j];
    values[j] = swap;
  }
  return values;
}

/**
 * Moves a uniform random k-subset of `values` into positions 0 … k−1 (random order), swapping
 * in place. O(k). Throws when k exceeds the length.
 */
export function partialShuffle(
  random: Random,
  values: { length: number; [index: number]: number },
  k: number,
): void {
  const n = values.length;
  if (!(k >= 0 && k <= n) || !Number.isInteger(k)) {
    throw new RangeError(`partialShuffle: k must be an integer in [0, ${n}], got ${k}`);
  }
  for (let i = 0; i < k; i++) {
    const j = i + random.nextInt(n - i);
    const swap = values[i];
    values[i] = values[j];
    values[j] = swap;
  }
}

/**
 * k distinct integers from [0, n), uniformly over k-subsets (Floyd). The output order is the
 * order of selection, which is not itself uniformly random: shuffle it if order matters.
 */
export function sampleWithoutReplacement(random: Random, n: number, k: number): Uint32Array {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(
      `sampleWithoutReplacement: need integers 0 ≤ k ≤ n, got n = ${n}, k = ${k}`,
    );
  }
  const chosen = new Set<number>();
  const out = new Uint32Array(k);
  let filled = 0;
  for (let j = n - k; j < n; j++) {
    const t = random.nextInt(j + 1);
    const pick = chosen.has(t) ? j : t;
    chosen.add(pick);
    out[filled++] = pick;
  }
  return out;
}
