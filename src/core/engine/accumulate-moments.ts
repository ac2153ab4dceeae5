/**
 * Running mean and variance of per-drug scores across null draws: reference
 * =========================================================================
 * Welford's update, one value at a time, in column order (draw 0, 1, …):
 *   n ← n + 1;  δ = x − μ;  μ ← μ + δ/n;  M₂ ← M₂ + δ·(x − μ)
 * NaN scores (drug not reached in that draw) are skipped and not counted. Batches combine
 * exactly as if the draws had arrived one by one, so chunked engines give the same numbers.
 * σ = √(M₂ / (n − ddof)): ddof 0 is the population SD of Guney/NetMedPy, ddof 1 R's `sd`
 * used by scDrugPrio (ALGORITHMS.md §3.4). Float64 here; the GPU keeps float32 moments
 * (relative error ≈ n·2⁻²⁴ on μ and σ²: below 1e−4 for 1,000 draws).
 * Reference: Welford, Technometrics 4:419 (1962).
 */

export interface Moments {
  count: Float64Array;
  mean: Float64Array;
  m2: Float64Array;
}

export function createMoments(drugs: number): Moments {
  return {
    count: new Float64Array(drugs),
    mean: new Float64Array(drugs),
    m2: new Float64Array(drugs),
  };
}

/** Folds the J×B (drug-major) score block into the running moments, in place. */
export function accumulateMoments(
  moments: Moments,
  scores: ArrayLike<number>,
  columns: number,
): void {
  const drugs = moments.count.length;
  if (scores.length !== drugs * columns) {
    throw new RangeError(
      `accumulateMoments: expected ${drugs} × ${columns} scores, got ${scores.length}`,
    );
  }
  for (let j = 0; j < drugs; j++) {
    let n = moments.count[j];
    let mean = moments.mean[j];
    let m2 = moments.m2[j];
    for (let c = 0; c < columns; c++) {
      const x = scores[j * columns + c];
      if (Number.isNaN(x)) continue;
      n += 1;
      const delta = x - mean;
      mean += delta / n;
      m2 += delta * (x - mean);
    }
    moments.count[j] = n;
    moments.mean[j] = mean;
    moments.m2[j] = m2;
  }
}

/** Mean and standard deviation per drug (NaN where fewer than ddof + 1 values were seen). */
export function momentStatistics(
  moments: Moments,
  ddof: 0 | 1 = 0,
): { mean: Float64Array; sd: Float64Array } {
  const drugs = moments.count.length;
  const mean = new Float64Array(drugs);
  const sd = new Float64Array(drugs);
  for (let j = 0; j < drugs; j++) {
    const n = moments.count[j];
    mean[j] = n > 0 ? moments.mean[j] : NaN;
    sd[j] = n > ddof ? Math.sqrt(Math.max(0, moments.m2[j]) / (n - ddof)) : NaN;
  }
  return { mean, sd };
}
