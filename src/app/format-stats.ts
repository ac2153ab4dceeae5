/**
 * Numbers of the module panel, as people read them
 * ================================================
 * - An empirical p of 0 from R random sets is not 0: it is below 1/R, so it is shown as
 *   "< 1/R" ("< 0.01" for R = 100, "< 10⁻⁵" for R = 100,000).
 * - A z-score with a null of zero spread is undefined (sd = 0): shown as "undefined".
 * - Very small values (DIAMOnD's hypergeometric p, RWR scores) use a × 10ⁿ form with
 *   superscript exponents instead of "e-5".
 * - NaN and other missing values are an em dash.
 * - Where the RWR null ran (backend, precision, tolerance) in one phrase.
 */

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

const superscript = (exponent: number): string =>
  String(exponent)
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');

/**
 * `digits` significant digits; below 0.001 (and at or above 10⁶) as m × 10ⁿ, with a mantissa
 * of 1 written as 10ⁿ alone.
 */
export function formatSignificant(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 0.001 && magnitude < 1e6) {
    return String(Number(value.toPrecision(digits)));
  }
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const power = `10${superscript(Number(exponent))}`;
  return Number(mantissa) === 1 ? power : `${Number(mantissa)} × ${power}`;
}

/** Empirical p = count / R; 0 becomes "< 1/R". */
export function formatEmpiricalP(p: number, randomSets: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p === 0) return `< ${formatSignificant(1 / randomSets, 2)}`;
  return formatSignificant(p, 3);
}

/** z with two decimals; NaN (sd = 0) is "undefined". */
export function formatZ(z: number): string {
  if (Number.isNaN(z)) return 'undefined';
  if (!Number.isFinite(z)) return z > 0 ? '∞' : '−∞';
  return z.toFixed(2).replace('-', '−');
}

/** "mean ± sd" with two decimals. */
export function formatMeanSd(mean: number, sd: number): string {
  if (!Number.isFinite(mean) || !Number.isFinite(sd)) return '—';
  return `${mean.toFixed(2)} ± ${sd.toFixed(2)}`;
}

/** A centrality in [0, 1]: three decimals, "0" for exactly zero. */
export function formatCentrality(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  return value.toFixed(3);
}

/**
 * Where the RWR null's walks ran, for the result's meta line, e.g.
 * "RWR null on WebGPU (float32, tolerance 5 × 10⁻⁸)".
 */
export function formatNullEngine(engine: {
  backend: 'webgpu' | 'cpu';
  precision: string;
  tolerance: number;
}): string {
  const where = engine.backend === 'webgpu' ? 'WebGPU' : 'CPU';
  return `RWR null on ${where} (${engine.precision}, tolerance ${formatSignificant(engine.tolerance, 2)})`;
}
