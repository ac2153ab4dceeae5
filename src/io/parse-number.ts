/**
 * Numbers in table cells
 * ======================
 * `Number()` is fast but too forgiving for table cells ("" and " " read as 0), so the empty
 * cell is rejected first. A decimal comma ("0,75", as Excel writes it in many locales when the
 * separator is a semicolon or tab) is accepted. R's and Python's spellings of infinity and of a
 * missing value are recognised where a column allows them.
 */

/** The cell as a finite number, or NaN. */
export function parseNumber(text: string): number {
  if (text.length === 0) return NaN;
  const value = Number(text);
  if (Number.isFinite(value)) return value;
  if (Number.isNaN(value) && /^[-+]?\d*,\d+(?:[eE][-+]?\d+)?$/.test(text)) {
    return Number(text.replace(',', '.'));
  }
  return NaN;
}

/** +Infinity / -Infinity for "Inf", "+inf", "-Infinity" and the like; otherwise null. */
export function parseInfinity(text: string): number | null {
  const match = /^([-+]?)inf(?:inity)?$/i.exec(text);
  if (!match) return null;
  return match[1] === '-' ? -Infinity : Infinity;
}

/** Whether the cell means "no value": empty, NA, NaN, null, N/A, None or ".". */
export function isMissing(text: string): boolean {
  return text.length === 0 || /^(?:na|nan|null|n\/a|none|\.)$/i.test(text);
}
