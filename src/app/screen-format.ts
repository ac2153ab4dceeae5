/**
 * Number formats of the screen panel
 * ==================================
 * Short, honest numbers for the table and the details: a missing value is an en dash, an
 * empirical p of 0 is written "< 1/R" (it means no random draw was as extreme, not p = 0),
 * small p values in exponent form.
 */

export const MISSING = '–';

/** `digits` decimals, or MISSING for null and NaN; ±Infinity as ±∞. */
export function formatFixed(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text.replace('-', '−');
}

/**
 * An empirical p (or q) from R random draws: "< 0.001" for 0 with R = 1000, two significant
 * digits from 0.001 up, exponent form below.
 */
export function formatP(
  value: number | null | undefined,
  iterations: number | null = null,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  if (value === 0) return iterations && iterations > 0 ? `< ${formatPlain(1 / iterations)}` : '0';
  if (value >= 0.001) return formatPlain(value);
  return value.toExponential(1).replace('e-', 'e−');
}

/** Two significant digits without trailing zeros (0.0125 → 0.013, 0.5 → 0.5). */
function formatPlain(value: number): string {
  return String(Number(value.toPrecision(2)));
}

/** Thousands separated ("1,336"). */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
