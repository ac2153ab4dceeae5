/**
 * Sorting table rows by a column
 * ==============================
 * The module panel's tables sort by any column. Numbers compare numerically and NaN always
 * goes last (whatever the direction: a missing value is never "the best"); strings compare
 * with `localeCompare` (numeric-aware, so "IL2" < "IL10"). Ties keep the rows' original order
 * (Array.prototype.sort is stable), so a second click never shuffles equal rows.
 */

export type SortDirection = 'ascending' | 'descending';

export function sortRows<T>(rows: readonly T[], key: keyof T, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'number' && typeof y === 'number') {
      const xMissing = Number.isNaN(x);
      const yMissing = Number.isNaN(y);
      if (xMissing || yMissing) return Number(xMissing) - Number(yMissing);
      return sign * (x - y);
    }
    return sign * String(x).localeCompare(String(y), 'en', { numeric: true });
  });
}

/** A column of a sortable table (src/ui/SortableTable.svelte). */
export interface TableColumn<Row> {
  key: keyof Row & string;
  /** Header text (short). */
  label: string;
  /** What the column means, as the header's tooltip. */
  title?: string;
  /** Right-aligned, tabular digits; the first click sorts descending. */
  numeric?: boolean;
  /** Cell text; String(value) when absent. */
  format?: (row: Row) => string;
}

/** The keys of `Row` whose values are numbers. */
export type NumericKey<Row> = {
  [K in keyof Row]: Row[K] extends number ? K : never;
}[keyof Row] &
  string;

/** A right-aligned number column whose cells show `format(row[key])`. */
export function numericColumn<Row>(
  key: NumericKey<Row>,
  label: string,
  title: string,
  format: (value: number) => string,
): TableColumn<Row> {
  return { key, label, title, numeric: true, format: (row) => format(row[key] as number) };
}

/** The arrow a sorted column's header shows (none for a column not sorted by). */
export function sortArrow(direction: SortDirection | 'none'): string {
  return direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '';
}
