/**
 * The twin's differential expression: one comparison per cell type (and per patient)
 * ==================================================================================
 * ALGORITHMS.md §4 step 1 and §3.16. On the (cell type, condition, donor) groups of
 * core/expression/cell-groups.ts:
 *
 * - per cell type: all case cells of the cell type against all its control cells (pooled over
 *   donors) — the cohort twin;
 * - with `perDonor`: also each case donor's cells of the cell type against the pooled control
 *   cells of that cell type — the per-patient twin.
 *
 * All comparisons run in one pass of the sparse Wilcoxon (differential-expression.ts), and a
 * bootstrap copy passes its cell multiplicities (bootstrap-cells.ts), so a copy's DE is the same
 * code on the same matrix. The DEGs of a comparison (`selectDegs`) are the genes with q < maxQ
 * (0.05), ordered by p ascending (ties: larger |log2FC| first, then gene index), at most
 * `maxDegs` (1,800, scDrugPrio's cap for the network steps) of them.
 */
import {
  cellTypeComparisons,
  patientComparisons,
  type TwinGroups,
} from '../expression/cell-groups';
import {
  differentialExpression,
  type ComparisonResult,
  type DifferentialExpressionOptions,
} from '../expression/differential-expression';
import type { SparseExpression } from '../expression/sparse-expression';

/** No donor: the pooled comparison of a cell type. */
export const POOLED = -1;

export interface TwinComparison {
  readonly cellType: number;
  /** Case donor of a per-patient comparison, POOLED for the cell type's pooled one. */
  readonly donor: number;
  readonly result: ComparisonResult;
}

export interface TwinDeOptions extends DifferentialExpressionOptions {
  /** Add one comparison per (cell type, case donor) against the pooled controls. */
  perDonor: boolean;
}

/** Per cell type (ascending), then per (cell type, donor) when perDonor. */
export function twinDifferentialExpression(
  expression: SparseExpression,
  groups: TwinGroups,
  options: Partial<TwinDeOptions> = {},
): TwinComparison[] {
  const { perDonor = false, ...deOptions } = options;
  const pooled = cellTypeComparisons(groups);
  const patients = perDonor ? patientComparisons(groups) : [];
  const all = [...pooled.map((comparison) => ({ ...comparison, donor: POOLED })), ...patients];
  const result = differentialExpression(expression, groups, all, deOptions);
  return all.map((comparison, k) => ({
    cellType: comparison.cellType,
    donor: comparison.donor,
    result: result.comparisons[k],
  }));
}

export interface DegSelectionOptions {
  /** A gene is a DEG when q < maxQ. */
  maxQ: number;
  /** At most this many DEGs (the smallest p) go to the network steps. */
  maxDegs: number;
}

export const DEG_SELECTION_DEFAULTS: Readonly<DegSelectionOptions> = { maxQ: 0.05, maxDegs: 1800 };

export interface DegSelection {
  /** Genes with q < maxQ. */
  readonly significant: number;
  /** The DEGs kept (gene indices), p ascending (see the header for ties). */
  readonly genes: Uint32Array;
}

/** The DEGs of one comparison (see the header). */
export function selectDegs(
  result: ComparisonResult,
  options: Partial<DegSelectionOptions> = {},
): DegSelection {
  const { maxQ, maxDegs } = { ...DEG_SELECTION_DEFAULTS, ...options };
  if (!(maxQ > 0 && maxQ <= 1))
    throw new RangeError(`selectDegs: maxQ must be in (0, 1], got ${maxQ}`);
  if (!(Number.isInteger(maxDegs) && maxDegs >= 1)) {
    throw new RangeError(`selectDegs: maxDegs must be a positive integer, got ${maxDegs}`);
  }
  const { q, p, log2FoldChange } = result;
  const candidates: number[] = [];
  for (let g = 0; g < q.length; g++) if (q[g] < maxQ) candidates.push(g);
  candidates.sort(
    (a, b) => p[a] - p[b] || Math.abs(log2FoldChange[b]) - Math.abs(log2FoldChange[a]) || a - b,
  );
  return {
    significant: candidates.length,
    genes: Uint32Array.from(candidates.slice(0, maxDegs)),
  };
}
