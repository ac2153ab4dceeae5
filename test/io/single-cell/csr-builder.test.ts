// The CSR invariant the readers promise (columns strictly increasing per row, repeated entries
// added up), on cases small enough to check by hand.
import { describe, expect, it } from 'vitest';
import {
  CsrRowBuilder,
  csrFromTriplets,
  rowOfEntry,
  summariseValues,
} from '@/io/single-cell/csr-builder';
import { toDense } from './single-cell-fixtures';

describe('CSR building', () => {
  it('sorts unsorted rows and adds up repeated columns', () => {
    const builder = new CsrRowBuilder(3, 4, 2); // capacity 2 forces growth
    builder.appendRow([3, 0, 3, 1], [1, 2, 5, 4], 0, 4); // row 0: col 3 = 1 + 5
    builder.appendRow([], [], 0, 0);
    builder.appendRow([2, 9, 1], [7, 0, 8], 0, 3); // only [2, 1] of the first 2 are read ↓
    const { matrix, duplicatesSummed } = builder.finish();
    expect(duplicatesSummed).toBe(1);
    expect(Array.from(matrix.rowOffsets)).toEqual([0, 3, 3, 6]);
    expect(Array.from(matrix.columnIndices)).toEqual([0, 1, 3, 1, 2, 9]);
    expect(Array.from(matrix.values)).toEqual([2, 4, 6, 8, 7, 0]);
  });

  it('builds CSR from triplets in any order', () => {
    // (cell, gene, value): cell 1 gets gene 2 twice (3 + 4), cell 0 gets genes 1 and 0.
    const { matrix, duplicatesSummed } = csrFromTriplets(
      3,
      3,
      Uint32Array.of(1, 0, 1, 0),
      Uint32Array.of(2, 1, 2, 0),
      Float32Array.of(3, 5, 4, 6),
      4,
    );
    expect(duplicatesSummed).toBe(1);
    expect(toDense(matrix)).toEqual([
      [6, 5, 0],
      [0, 0, 7],
      [0, 0, 0],
    ]);
    expect(Array.from(matrix.rowOffsets)).toEqual([0, 2, 3, 3]);
  });

  it('finds the row of an entry across empty rows', () => {
    const offsets = Uint32Array.of(0, 0, 2, 2, 3);
    expect([0, 1, 2].map((k) => rowOfEntry(offsets, k))).toEqual([1, 1, 3]);
  });

  it('detects raw counts and rejects negative and NaN values', () => {
    const counts = csrFromTriplets(
      1,
      2,
      Uint32Array.of(0, 0),
      Uint32Array.of(0, 1),
      Float32Array.of(2, 7),
      2,
    );
    const fail = (): never => {
      throw new Error('invalid');
    };
    expect(summariseValues(counts.matrix, fail)).toEqual({
      isRawCounts: true,
      min: 2,
      max: 7,
      nonIntegerCount: 0,
    });
    const bad = csrFromTriplets(
      2,
      2,
      Uint32Array.of(0, 1),
      Uint32Array.of(0, 1),
      Float32Array.of(2, -1),
      2,
    );
    expect(() =>
      summariseValues(bad.matrix, ({ cell, gene, value }) => {
        throw new Error(`${cell} ${gene} ${value}`);
      }),
    ).toThrow('1 1 -1');
  });
});
