import { describe, expect, it } from 'vitest';
import { sortRows } from '@/app/sort-rows';

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
