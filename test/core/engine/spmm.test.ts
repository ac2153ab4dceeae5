import { describe, expect, it } from 'vitest';
import { spmm } from '@/core/engine/spmm';
import type { SparseMatrix } from '@/core/engine/sparse-matrix';

describe('spmm', () => {
  it('multiplies a node-major block by hand', () => {
    // M = [[0, 2], [1, 1]], X = [[1, 10], [3, 30]] (rows = nodes, 2 columns)
    const m: SparseMatrix = {
      size: 2,
      offsets: Uint32Array.of(0, 1, 3),
      columns: Uint32Array.of(1, 0, 1),
      values: Float64Array.of(2, 1, 1),
    };
    expect([...spmm(m, [1, 10, 3, 30], 2)]).toEqual([6, 60, 4, 40]);
  });

  it('names a block of the wrong size', () => {
    const m: SparseMatrix = {
      size: 2,
      offsets: Uint32Array.of(0, 0, 0),
      columns: new Uint32Array(0),
      values: new Float64Array(0),
    };
    expect(() => spmm(m, [1, 2, 3], 2)).toThrow(/2 × 2 = 4 values, got 3/);
    expect(() => spmm(m, [1, 2], 0)).toThrow(/positive integer/);
  });
});
