import { describe, expect, it } from 'vitest';
import { bootstrapCells, cellMultiplicity, copySeed } from '@/core/expression/bootstrap-cells';
import { groupCells } from '@/core/expression/cell-groups';
import { NO_GROUP, type CellGroups } from '@/core/expression/differential-expression';

// 10 cells: group 0 = cells 0, 3, 6, 9; group 1 = cells 1, 4, 7; group 2 = cell 2; others none.
const groups: CellGroups = {
  groupOfCell: Uint32Array.of(0, 1, 2, 0, 1, NO_GROUP, 0, 1, NO_GROUP, 0),
  groupCount: 3,
};

describe('bootstrap copies of cells within each group', () => {
  it('draws n_g cells of each group g, from that group only, groups in order', () => {
    const drawn = bootstrapCells(groups, 42, 0);
    expect(drawn.length).toBe(8);
    const groupOfDraw = Array.from(drawn, (c) => groups.groupOfCell[c]);
    expect(groupOfDraw).toEqual([0, 0, 0, 0, 1, 1, 1, 2]);
    expect(drawn[7]).toBe(2); // a group of one cell can only redraw it
  });

  it('is reproducible: same (seed, copy) → identical cells; another copy or seed differs', () => {
    const a = bootstrapCells(groups, 7, 3);
    expect(bootstrapCells(groups, 7, 3)).toEqual(a);
    const others = [bootstrapCells(groups, 7, 4), bootstrapCells(groups, 8, 3)];
    for (const other of others) expect(other).not.toEqual(a);
    expect(copySeed(7, 3)).not.toBe(copySeed(7, 4));
  });

  it('draws each member uniformly (chi-square over 2,000 copies, seeded)', () => {
    // Group 0 has 4 members, 4 draws per copy: 8,000 draws, 2,000 expected per member.
    const counts = new Map<number, number>();
    for (let copy = 0; copy < 2000; copy++) {
      const drawn = bootstrapCells(groups, 1, copy);
      for (let i = 0; i < 4; i++) counts.set(drawn[i], (counts.get(drawn[i]) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([0, 3, 6, 9]);
    const chiSquare = [...counts.values()].reduce((s, n) => s + (n - 2000) ** 2 / 2000, 0);
    // 3 degrees of freedom: P(χ² > 16.27) = 0.001.
    expect(chiSquare).toBeLessThan(16.27);
  });

  it('turns a copy into per-cell multiplicities that add up to the group sizes', () => {
    const drawn = bootstrapCells(groups, 5, 0);
    const multiplicity = cellMultiplicity(drawn, 10);
    const bySize = [0, 0, 0];
    multiplicity.forEach((w, c) => {
      if (w > 0) bySize[groups.groupOfCell[c]] += w;
    });
    expect(bySize).toEqual([4, 3, 1]);
    expect(multiplicity[5]).toBe(0);
    expect(() => cellMultiplicity([10], 10)).toThrow(/outside \[0, 10\)/);
  });

  it('works on (cell type, condition, donor) groups', () => {
    const labelled = groupCells({
      cellType: [0, 0, 1, 1, 0],
      condition: [1, 0, 1, 1, 2],
      donor: [4, 4, 4, 5, 4],
      caseCondition: 1,
      controlCondition: 0,
    });
    // Groups: (0, control, 4), (0, case, 4), (1, case, 4), (1, case, 5); cell 4 has neither
    // condition and is in no group.
    expect(labelled.groupCount).toBe(4);
    expect(Array.from(labelled.groupOfCell)).toEqual([1, 0, 2, 3, NO_GROUP]);
    expect(Array.from(labelled.isCaseGroup)).toEqual([0, 1, 1, 1]);
    expect(Array.from(labelled.donorOfGroup)).toEqual([4, 4, 4, 5]);
    const drawn = bootstrapCells(labelled, 9, 0);
    expect(Array.from(drawn)).toEqual([1, 0, 2, 3]);
  });
});
