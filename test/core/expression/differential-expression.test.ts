import { describe, expect, it } from 'vitest';
import { createStepper } from '@/app/stepped-loop';
import { runInSteps } from '@/app/stepped-significance';
import { cellMultiplicity } from '@/core/expression/bootstrap-cells';
import {
  cellTypeComparisons,
  groupCells,
  oneVsRestComparisons,
  patientComparisons,
} from '@/core/expression/cell-groups';
import {
  createDifferentialExpressionRun,
  differentialExpression,
  NO_GROUP,
  type CellGroups,
  type Comparison,
  type ComparisonResult,
  type DifferentialExpressionResult,
} from '@/core/expression/differential-expression';
import {
  logNormalize,
  sparseExpressionFromCoo,
  type SparseExpression,
} from '@/core/expression/sparse-expression';
import {
  SIDE_CASE,
  SIDE_CONTROL,
  SIDE_NONE,
  sparseWilcoxonRankSum,
} from '@/core/expression/wilcoxon-rank-sum';
import { createRandom } from '@/core/random/random';
import { loadKang, readExpressionFixture } from '../../helpers/load-kang';

interface Rows {
  tested: number[];
  genes: number[];
  p: (number | null)[];
  q: (number | null)[];
  log2fc: number[];
  pctCase: number[];
  pctControl: number[];
}
interface KangFixture {
  minPct: number;
  minCells: number;
  geneCount: number;
  cellTypes: string[];
  comparisons: (Rows & { cellType: string; caseCount: number; controlCount: number })[];
  patients: (Rows & { cellType: string; patient: number; caseCells: number[] })[];
  tiny: Rows & { caseCells: number[]; controlCells: number[] };
  silent: Rows & { cellType: string; required: number[] };
  bootstrap: Rows & { cellType: string; caseCells: number[]; controlCells: number[] };
}
const fixture = readExpressionFixture<KangFixture>('kang-de.json');
const kang = loadKang();
const expression = logNormalize(kang.counts);

/** Checks one comparison against scipy: tested set exactly, p and q 1e-9 relative. */
function expectMatches(actual: ComparisonResult, expected: Rows): void {
  const tested: number[] = [];
  actual.tested.forEach((flag, g) => flag && tested.push(g));
  expect(tested).toEqual(expected.tested);
  expect(actual.testedCount).toBe(expected.tested.length);
  let worstP = 0;
  let worstQ = 0;
  let worstFc = 0;
  expected.genes.forEach((gene, i) => {
    const p = expected.p[i];
    const q = expected.q[i];
    if (p === null || q === null) {
      expect(actual.p[gene]).toBeNaN();
      expect(actual.q[gene]).toBeNaN();
    } else {
      worstP = Math.max(worstP, Math.abs(actual.p[gene] - p) / p);
      worstQ = Math.max(worstQ, Math.abs(actual.q[gene] - q) / q);
    }
    worstFc = Math.max(worstFc, Math.abs(actual.log2FoldChange[gene] - expected.log2fc[i]));
    expect(Math.abs(actual.pctCase[gene] - expected.pctCase[i])).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(actual.pctControl[gene] - expected.pctControl[i])).toBeLessThanOrEqual(1e-15);
  });
  expect(worstP).toBeLessThanOrEqual(1e-9);
  expect(worstQ).toBeLessThanOrEqual(1e-9);
  expect(worstFc).toBeLessThanOrEqual(1e-12);
}

/** Bit-identical tables (a deep toEqual on 36 arrays of 14,053 doubles is slow). */
function expectSameTables(a: DifferentialExpressionResult, b: DifferentialExpressionResult) {
  expect(a.options).toEqual(b.options);
  expect(a.comparisons.length).toBe(b.comparisons.length);
  const bytes = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  a.comparisons.forEach((table, k) => {
    const other = b.comparisons[k];
    expect([table.caseCount, table.controlCount, table.testedCount]).toEqual([
      other.caseCount,
      other.controlCount,
      other.testedCount,
    ]);
    for (const key of ['tested', 'p', 'q', 'log2FoldChange', 'pctCase', 'pctControl'] as const) {
      expect(bytes(table[key]).equals(bytes(other[key]))).toBe(true);
    }
  });
}

/** Groups: 0 = the case cells, 1 = the control cells (a cell may be in neither). */
function twoGroups(caseCells: number[], controlCells: number[]): CellGroups {
  const groupOfCell = new Uint32Array(kang.cellType.length).fill(NO_GROUP);
  for (const c of caseCells) groupOfCell[c] = 0;
  for (const c of controlCells) groupOfCell[c] = 1;
  return { groupOfCell, groupCount: 2 };
}
const caseVsControl: Comparison[] = [{ caseGroups: [0], controlGroups: [1] }];

describe('differential expression on the Kang 2018 PBMC subset (scipy fixture)', () => {
  const groups = groupCells({
    cellType: kang.cellType,
    condition: kang.condition,
    caseCondition: 1,
    controlCondition: 0,
  });
  const comparisons = cellTypeComparisons(groups);

  it('uses the fixture cell types in the same order', () => {
    expect(kang.cellTypes).toEqual(fixture.cellTypes);
    expect(comparisons.map((c) => c.cellType)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('matches scipy for all 6 cell types, STIM vs CTRL (p, q 1e-9 rel; log2FC 1e-12 abs)', () => {
    const result = differentialExpression(expression, groups, comparisons);
    expect(result.options).toEqual({ minPct: 0.1, minCells: 3 });
    fixture.comparisons.forEach((expected, k) => {
      expect(kang.cellTypes[comparisons[k].cellType]).toBe(expected.cellType);
      expect(result.comparisons[k].caseCount).toBe(expected.caseCount);
      expect(result.comparisons[k].controlCount).toBe(expected.controlCount);
      expectMatches(result.comparisons[k], expected);
    });
  });

  it('gives the same result however the run is sliced', () => {
    const whole = differentialExpression(expression, groups, comparisons);
    const run = createDifferentialExpressionRun(expression, groups, comparisons);
    expect(() => run.result()).toThrow(/before the run is done/);
    const slices: number[] = [];
    while (run.done < run.total) slices.push(run.advance(997));
    expect(slices.length).toBe(Math.ceil(fixture.geneCount / 997));
    expectSameTables(run.result(), whole);
  });

  it('runs under the worker stepper (progress, cancel) with the same result', async () => {
    // The app's runInSteps drives any { total, done, advance, result } run (stepped-loop.ts).
    const progress: number[] = [];
    const stepper = createStepper({
      budgetMs: 0,
      yieldToEventLoop: async () => undefined,
      onProgress: (done) => progress.push(done),
    });
    const few = { genes: Array.from({ length: 50 }, (_, g) => g * 7) };
    const run = createDifferentialExpressionRun(expression, groups, comparisons, few);
    const stepped = await runInSteps(run, stepper);
    expectSameTables(stepped, differentialExpression(expression, groups, comparisons, few));
    expect(progress).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const controller = new AbortController();
    let pauses = 0;
    const cancelling = createStepper({
      signal: controller.signal,
      budgetMs: 0,
      yieldToEventLoop: async () => {
        if (++pauses === 3) controller.abort(new DOMException('Cancelled', 'AbortError'));
      },
    });
    const again = createDifferentialExpressionRun(expression, groups, comparisons);
    await expect(runInSteps(again, cancelling)).rejects.toMatchObject({ name: 'AbortError' });
    expect(again.done).toBe(3);
  });

  it('matches scipy for per-patient twins: one (pseudo-)patient against the pooled controls', () => {
    // Pseudo-patients: STIM cells of the cell type split by position i % 3 (fixture header).
    const donor = new Uint32Array(kang.cellType.length);
    for (const expected of fixture.patients) {
      for (const c of expected.caseCells) donor[c] = expected.patient;
    }
    const byDonor = groupCells({
      cellType: kang.cellType,
      condition: kang.condition,
      donor,
      caseCondition: 1,
      controlCondition: 0,
    });
    const twins = patientComparisons(byDonor);
    const result = differentialExpression(expression, byDonor, twins);
    for (const expected of fixture.patients) {
      const t = kang.cellTypes.indexOf(expected.cellType);
      const k = twins.findIndex((c) => c.cellType === t && c.donor === expected.patient);
      expect(result.comparisons[k].caseCount).toBe(expected.caseCells.length);
      expectMatches(result.comparisons[k], expected);
    }
  });

  it('matches scipy for tiny groups (3 vs 3 cells)', () => {
    const { caseCells, controlCells } = fixture.tiny;
    const result = differentialExpression(
      expression,
      twoGroups(caseCells, controlCells),
      caseVsControl,
    );
    expectMatches(result.comparisons[0], fixture.tiny);
  });

  it('gives p = 1 (not a skip) to a required gene expressed in neither group', () => {
    const t = kang.cellTypes.indexOf(fixture.silent.cellType);
    const comparison = comparisons.find((c) => c.cellType === t) as Comparison;
    const result = differentialExpression(expression, groups, [comparison], {
      requiredGenes: fixture.silent.required,
    });
    for (const gene of fixture.silent.required) {
      expect(result.comparisons[0].p[gene]).toBe(1);
      expect(result.comparisons[0].pctCase[gene]).toBe(0);
    }
    expectMatches(result.comparisons[0], fixture.silent);
    // With the filter off, every gene is tested, the silent ones with p = 1.
    const all = differentialExpression(expression, groups, [comparison], { minPct: 0 });
    expect(all.comparisons[0].testedCount).toBe(fixture.geneCount);
    expect(all.comparisons[0].p[fixture.silent.required[0]]).toBe(1);
  });

  it('matches scipy on a bootstrap-resampled comparison (cells repeated)', () => {
    const { caseCells, controlCells } = fixture.bootstrap;
    const unique = (cells: number[]) => [...new Set(cells)];
    const result = differentialExpression(
      expression,
      twoGroups(unique(caseCells), unique(controlCells)),
      caseVsControl,
      { multiplicity: cellMultiplicity([...caseCells, ...controlCells], kang.cellType.length) },
    );
    expect(result.comparisons[0].caseCount).toBe(caseCells.length);
    expectMatches(result.comparisons[0], fixture.bootstrap);
  });
});

/** A random non-negative matrix with many ties (values from a small set, many zeros). */
function randomMatrix(
  seed: number,
  cellCount: number,
  geneCount: number,
  precision: 'float32' | 'float64',
) {
  const random = createRandom(seed);
  const levels = [0.5, 1, 1.25, 2, 3.75, 1e-3];
  const cells: number[] = [];
  const genes: number[] = [];
  const values: number[] = [];
  for (let g = 0; g < geneCount; g++) {
    const density = random.nextFloat();
    for (let c = 0; c < cellCount; c++) {
      if (random.nextFloat() < density) {
        cells.push(c);
        genes.push(g);
        // Half the genes take tied levels, the others continuous values.
        values.push(g % 2 ? levels[random.nextInt(levels.length)] : 0.01 + random.nextFloat());
      }
    }
  }
  return sparseExpressionFromCoo({ cellCount, geneCount, cells, genes, values }, precision);
}

describe('differential expression engine against the one-gene sparse test', () => {
  const cellCount = 400;
  const geneCount = 12;
  const random = createRandom(11);
  const groupOfCell = Uint32Array.from({ length: cellCount }, () =>
    random.nextFloat() < 0.1 ? NO_GROUP : random.nextInt(6),
  );
  const groups: CellGroups = { groupOfCell, groupCount: 6 };
  // Overlapping comparisons: shared universes, nested sets, one group vs rest, and a group
  // (5) in no comparison.
  const comparisons: Comparison[] = [
    ...oneVsRestComparisons(5),
    { caseGroups: [0, 1], controlGroups: [2] },
    { caseGroups: [2], controlGroups: [0, 1] },
    { caseGroups: [3], controlGroups: [4] },
    { caseGroups: [1], controlGroups: [4] },
  ];
  const multiplicity = Uint32Array.from({ length: cellCount }, () => random.nextInt(3));

  function expectAgrees(matrix: SparseExpression, weights?: Uint32Array, genes = geneCount) {
    const result = differentialExpression(matrix, groups, comparisons, {
      minPct: 0,
      multiplicity: weights,
    });
    comparisons.forEach((comparison, k) => {
      const side = Uint8Array.from(groupOfCell, (g) =>
        comparison.caseGroups.includes(g)
          ? SIDE_CASE
          : comparison.controlGroups.includes(g)
            ? SIDE_CONTROL
            : SIDE_NONE,
      );
      for (let gene = 0; gene < genes; gene++) {
        const expected = sparseWilcoxonRankSum(matrix, gene, side, weights);
        const actual = result.comparisons[k].p[gene];
        expect(Math.abs(actual - expected.p)).toBeLessThanOrEqual(1e-12 * expected.p);
      }
    });
  }

  it.each(['float64', 'float32'] as const)(
    'agrees for every comparison (%s values)',
    (precision) => {
      expectAgrees(randomMatrix(5, cellCount, geneCount, precision));
    },
  );

  it('agrees with multiplicities (bootstrap weights, some cells dropped)', () => {
    expectAgrees(randomMatrix(6, cellCount, geneCount, 'float64'), multiplicity);
  });

  it('orders float64 values that float32 cannot tell apart (the radix key is float32)', () => {
    // 300 non-zeros 1 + k·1e-12 (k = 0 … 99, so ties too): all round to float32 1.
    const shuffle = createRandom(3);
    const cells = Array.from({ length: 300 }, (_, i) => i);
    const values = cells.map(() => 1 + shuffle.nextInt(100) * 1e-12);
    const matrix = sparseExpressionFromCoo({
      cellCount,
      geneCount: 1,
      cells,
      genes: cells.map(() => 0),
      values,
    });
    expect(new Set(values.map(Math.fround)).size).toBe(1);
    expectAgrees({ ...matrix, geneCount: 1 }, undefined, 1);
  });

  it.each(['float64', 'float32'] as const)(
    'agrees on genes with more than 4,096 non-zeros (the radix-sort path, %s)',
    (precision) => {
      // 6,000 cells, 3 genes: continuous float32 values, tied levels, and float64 values that
      // float32 cannot tell apart (radix keys tie, the exact values decide).
      const big = 6000;
      const draw = createRandom(21);
      const cells = Array.from({ length: big }, (_, c) => c);
      const gene0 = cells.map(() => 0.01 + draw.nextFloat());
      const gene1 = cells.map(() => [0.5, 1, 2][draw.nextInt(3)]);
      const gene2 = cells.map(() => 1 + draw.nextInt(500) * 1e-12);
      const matrix = sparseExpressionFromCoo(
        {
          cellCount: big,
          geneCount: 3,
          cells: [...cells, ...cells, ...cells],
          genes: [...cells.map(() => 0), ...cells.map(() => 1), ...cells.map(() => 2)],
          values: [...gene0, ...gene1, ...gene2],
        },
        precision,
      );
      const bigGroups: CellGroups = {
        groupOfCell: Uint32Array.from(cells, () => draw.nextInt(4)),
        groupCount: 4,
      };
      const result = differentialExpression(matrix, bigGroups, oneVsRestComparisons(4));
      for (let k = 0; k < 4; k++) {
        const side = Uint8Array.from(bigGroups.groupOfCell, (g) =>
          g === k ? SIDE_CASE : SIDE_CONTROL,
        );
        for (let gene = 0; gene < 3; gene++) {
          const expected = sparseWilcoxonRankSum(matrix, gene, side).p;
          expect(Math.abs(result.comparisons[k].p[gene] - expected)).toBeLessThanOrEqual(
            1e-12 * expected,
          );
        }
      }
    },
  );

  it('processes only the genes asked for, in any order', () => {
    const matrix = randomMatrix(5, cellCount, geneCount, 'float64');
    const whole = differentialExpression(matrix, groups, comparisons);
    const part = differentialExpression(matrix, groups, comparisons, { genes: [7, 2] });
    for (let g = 0; g < geneCount; g++) {
      if (g === 7 || g === 2) {
        expect(part.comparisons[0].log2FoldChange[g]).toBe(whole.comparisons[0].log2FoldChange[g]);
        expect(part.comparisons[0].p[g]).toBe(whole.comparisons[0].p[g]);
      } else {
        expect(part.comparisons[0].log2FoldChange[g]).toBeNaN();
      }
    }
  });

  it('skips comparisons with fewer than minCells cells on a side', () => {
    const matrix = randomMatrix(5, cellCount, geneCount, 'float64');
    const result = differentialExpression(matrix, groups, comparisons, { minCells: 1000 });
    expect(result.comparisons.every((c) => !c.isTestable && c.testedCount === 0)).toBe(true);
  });

  it('computes log2FC in the Seurat convention (hand-checked)', () => {
    // Gene 0: case cells 0, 1 have x = ln 2, ln 4 (expm1 → 1, 3; mean 2); control cells 2, 3
    // have x = 0, ln 2 (expm1 → 0, 1; mean 0.5). log2FC = log2(2 + 1) − log2(0.5 + 1) = 1.
    const matrix = sparseExpressionFromCoo({
      cellCount: 4,
      geneCount: 1,
      cells: [0, 1, 3],
      genes: [0, 0, 0],
      values: [Math.LN2, Math.log(4), Math.LN2],
    });
    const result = differentialExpression(
      matrix,
      { groupOfCell: Uint32Array.of(0, 0, 1, 1), groupCount: 2 },
      [{ caseGroups: [0], controlGroups: [1] }],
      { minCells: 2 },
    );
    expect(result.comparisons[0].log2FoldChange[0]).toBeCloseTo(1, 14);
    expect(result.comparisons[0].pctCase[0]).toBe(1);
    expect(result.comparisons[0].pctControl[0]).toBe(0.5);
  });

  it('rejects bad input with a clear message', () => {
    const matrix = randomMatrix(5, 10, 2, 'float64');
    const small: CellGroups = { groupOfCell: new Uint32Array(10), groupCount: 1 };
    expect(() =>
      differentialExpression(matrix, small, [{ caseGroups: [0], controlGroups: [0] }]),
    ).toThrow(/group 0 is listed twice/);
    expect(() =>
      differentialExpression(matrix, { groupOfCell: new Uint32Array(9), groupCount: 1 }, []),
    ).toThrow(/groupOfCell has 9 entries/);
    const negative = sparseExpressionFromCoo({
      cellCount: 2,
      geneCount: 1,
      cells: [0],
      genes: [0],
      values: [-1],
    });
    expect(() =>
      differentialExpression(negative, { groupOfCell: new Uint32Array(2), groupCount: 1 }, []),
    ).toThrow(/must be ≥ 0/);
  });
});
