import { describe, expect, it } from 'vitest';
import { numericColumn, sortArrow, sortRows } from '@/app/sort-rows';

const ROWS = [
  { symbol: 'IL10', degree: 3, p: 0.2 },
  { symbol: 'IL2', degree: 5, p: NaN },
  { symbol: 'CD4', degree: 3, p: 0.01 },
  { symbol: 'TNF', degree: 7, p: 0.5 },
];
const symbols = (rows: typeof ROWS) => rows.map((row) => row.symbol);

describe('sortRows', () => {
  it('sorts numbers both ways, ties in their original order', () => {
    expect(symbols(sortRows(ROWS, 'degree', 'descending'))).toEqual(['TNF', 'IL2', 'IL10', 'CD4']);
    expect(symbols(sortRows(ROWS, 'degree', 'ascending'))).toEqual(['IL10', 'CD4', 'IL2', 'TNF']);
  });

  it('puts NaN last in either direction', () => {
    expect(symbols(sortRows(ROWS, 'p', 'ascending'))).toEqual(['CD4', 'IL10', 'TNF', 'IL2']);
    expect(symbols(sortRows(ROWS, 'p', 'descending'))).toEqual(['TNF', 'IL10', 'CD4', 'IL2']);
  });

  it('compares names numerically where they hold numbers', () => {
    expect(symbols(sortRows(ROWS, 'symbol', 'ascending'))).toEqual(['CD4', 'IL2', 'IL10', 'TNF']);
  });

  it('leaves its input alone', () => {
    const before = symbols(ROWS);
    sortRows(ROWS, 'degree', 'ascending');
    expect(symbols(ROWS)).toEqual(before);
  });
});

describe('numericColumn', () => {
  it("is a numeric column that formats the row's value", () => {
    const column = numericColumn<(typeof ROWS)[number]>('p', 'p', 'Empirical p', (p) =>
      p.toFixed(2),
    );
    expect(column).toMatchObject({ key: 'p', label: 'p', title: 'Empirical p', numeric: true });
    expect(column.format?.(ROWS[2])).toBe('0.01');
    expect(column.format?.(ROWS[3])).toBe('0.50');
  });
});

describe('sortArrow', () => {
  it('points up for ascending, down for descending, and is empty for an unsorted column', () => {
    expect(sortArrow('ascending')).toBe('▲');
    expect(sortArrow('descending')).toBe('▼');
    expect(sortArrow('none')).toBe('');
  });
});
