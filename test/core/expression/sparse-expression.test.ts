import { describe, expect, it } from 'vitest';
import {
  cellTotals,
  isRawCounts,
  logNormalize,
  sparseExpressionFromCellMajor,
  sparseExpressionFromCoo,
} from '@/core/expression/sparse-expression';
import { loadKang } from '../../helpers/load-kang';

// 3 cells × 4 genes:
//          g0 g1 g2 g3
//   cell0:  3  0  2  0      total 5
//   cell1:  0  0  5  0      total 5
//   cell2:  1  0  0  4      total 5
const csr = {
  cellCount: 3,
  geneCount: 4,
  rowOffsets: [0, 2, 3, 5],
  genes: [0, 2, 2, 0, 3],
  values: [3, 2, 5, 1, 4],
};

describe('sparse cells × genes expression (gene-major)', () => {
  it('builds gene-major storage from cell-major CSR', () => {
    const m = sparseExpressionFromCellMajor(csr);
    expect(Array.from(m.offsets)).toEqual([0, 2, 2, 4, 5]);
    expect(Array.from(m.cells)).toEqual([0, 2, 0, 1, 2]);
    expect(Array.from(m.values)).toEqual([3, 1, 2, 5, 4]);
    expect(m.values).toBeInstanceOf(Float64Array);
    expect(sparseExpressionFromCellMajor(csr, 'float32').values).toBeInstanceOf(Float32Array);
  });

  it('builds the same matrix from COO triplets in any order, cells ascending per gene', () => {
    const m = sparseExpressionFromCoo({
      cellCount: 3,
      geneCount: 4,
      cells: [2, 1, 0, 2, 0],
      genes: [3, 2, 2, 0, 0],
      values: [4, 5, 2, 1, 3],
    });
    expect(m).toEqual(sparseExpressionFromCellMajor(csr));
  });

  it('rejects duplicates and out-of-range indices with the entry number', () => {
    const base = { cellCount: 3, geneCount: 4, values: [1, 2] };
    expect(() => sparseExpressionFromCoo({ ...base, cells: [1, 1], genes: [2, 2] })).toThrow(
      /entry 1: duplicate \(cell 1, gene 2\)/,
    );
    expect(() => sparseExpressionFromCoo({ ...base, cells: [0, 3], genes: [0, 0] })).toThrow(
      /entry 1: cell 3 outside \[0, 3\)/,
    );
    expect(() => sparseExpressionFromCellMajor({ ...csr, genes: [0, 2, 2, 0, 4] })).toThrow(
      /entry 4: gene 4 outside \[0, 4\)/,
    );
  });

  it('detects raw counts', () => {
    const m = sparseExpressionFromCellMajor(csr);
    expect(isRawCounts(m)).toBe(true);
    expect(isRawCounts({ ...m, values: Float64Array.of(3, 1, 2.5, 5, 4) })).toBe(false);
    expect(isRawCounts({ ...m, values: Float64Array.of(3, -1, 2, 5, 4) })).toBe(false);
    expect(isRawCounts(logNormalize(m))).toBe(false);
  });

  it('log-normalises: x = log1p(count / total · 1e4) (hand-computed)', () => {
    const m = sparseExpressionFromCellMajor(csr);
    expect(Array.from(cellTotals(m))).toEqual([5, 5, 5]);
    const x = logNormalize(m);
    // gene 0: cell0 log1p(3/5·1e4) = log1p(6000) = 8.699681400989514…; cell2 log1p(2000).
    expect(x.values[0]).toBe(Math.log1p(6000));
    expect(x.values[1]).toBe(Math.log1p(2000));
    expect(x.values[3]).toBe(Math.log1p(1e4)); // cell1 has all its 5 counts in gene 2
    expect(x.offsets).toBe(m.offsets); // same pattern, shared
    expect(() => logNormalize(x)).toThrow(/not raw counts/);
    expect(() => logNormalize(m, { totals: [5, 5] })).toThrow(/one per cell/);
  });

  it('reads the bundled Kang data: 832 cells × 14,053 genes, totals = nCount_RNA', () => {
    const kang = loadKang();
    expect(kang.counts.cellCount).toBe(832);
    expect(kang.counts.geneCount).toBe(14053);
    expect(kang.counts.values.length).toBe(570350);
    expect(isRawCounts(kang.counts)).toBe(true);
    expect(Array.from(cellTotals(kang.counts))).toEqual(Array.from(kang.totalCounts));
  });
});
