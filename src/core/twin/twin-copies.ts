/**
 * Twin copies: the twin rebuilt on bootstrap resamples of its cells
 * =================================================================
 * Issue 11 item 5. Copy k (k = 0 … K − 1, K = 100 by default) resamples the cells of every
 * (cell type, condition, donor) group with replacement (expression/bootstrap-cells.ts, seed
 * copySeed(seed, k), so a copy can be rebuilt alone) and recomputes everything downstream on
 * the same matrix: the DE (each cell counted as often as drawn), the DEG selection, modules,
 * screens and the twin ranking. Shared across copies, because it is exactly the same for all:
 * the LCC network, the drug library and its target sets, the degree bins, and the random draws
 * of the nulls (every copy's screens and module nulls use the twin's seed, so the random target
 * sets of a degree profile are the same draws in every copy; only the DEG sets differ).
 *
 * Summaries, per drug entry over the K copies: median rank, 90 % interval [q05, q95] and
 * P(rank ≤ 10) = #{copies with rank ≤ 10}/K (quantiles: linear interpolation between order
 * statistics, numpy's default `quantile(method='linear')`); per cell type and gene: the fraction
 * of copies in which the gene is in the cell type's module. The same seed gives the same
 * copies, hence byte-identical output.
 */
import { bootstrapCells, cellMultiplicity } from '../expression/bootstrap-cells';
import type { TwinGroups } from '../expression/cell-groups';
import type { SparseExpression } from '../expression/sparse-expression';
import type { DegSignatureRow } from '../screen/counteraction';
import type { GeneRef } from '../screen/screen-network';
import {
  buildTwin,
  type Twin,
  type TwinBase,
  type TwinInput,
  type TwinOptions,
} from './cell-type-twin';
import {
  selectDegs,
  twinDifferentialExpression,
  type DegSelectionOptions,
  type TwinComparison,
} from './twin-de';

export const TWIN_COPY_DEFAULTS = { copies: 100, topK: 10, interval: 0.9 } as const;

/** Expression data of a twin and how its DEGs are chosen. */
export interface TwinExpression {
  readonly expression: SparseExpression;
  readonly groups: TwinGroups;
  readonly cellTypeNames: readonly string[];
  /** Gene of each matrix column. */
  readonly genes: readonly GeneRef[];
  readonly de: { minPct: number; minCells: number };
  readonly selection: DegSelectionOptions;
}

/** The DEG rows of each pooled cell-type comparison (twin-de.ts selectDegs). */
export function degRowsOfComparisons(
  comparisons: readonly TwinComparison[],
  data: Pick<TwinExpression, 'cellTypeNames' | 'genes' | 'selection'>,
): { name: string; degs: DegSignatureRow[]; significant: number }[] {
  return comparisons.map(({ cellType, result }) => {
    const name = data.cellTypeNames[cellType];
    const chosen = selectDegs(result, data.selection);
    return {
      name,
      significant: chosen.significant,
      degs: Array.from(chosen.genes, (g) => ({
        gene: data.genes[g].gene,
        entrez: data.genes[g].entrez ?? null,
        group: name,
        logFC: result.log2FoldChange[g],
        q: result.q[g],
      })),
    };
  });
}

export interface TwinCopySummary {
  readonly copies: number;
  readonly seed: number;
  /** Per entry. */
  readonly medianRank: Float64Array;
  readonly rankLow: Float64Array;
  readonly rankHigh: Float64Array;
  readonly topKProbability: Float64Array;
  readonly topK: number;
  /** Per cell type: module gene (LCC node) → fraction of copies with it in the module. */
  readonly moduleFrequency: readonly Map<number, number>[];
}

/** Linear-interpolation quantile of ascending `sorted` (numpy 'linear'). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** One copy's twin (see the header). */
export function twinCopy(
  data: TwinExpression,
  input: Omit<TwinInput, 'cellTypes'>,
  options: Partial<TwinOptions>,
  base: TwinBase,
  copySeedBase: number,
  copy: number,
): Twin {
  const cells = bootstrapCells(data.groups, copySeedBase, copy);
  const multiplicity = cellMultiplicity(cells, data.expression.cellCount);
  const comparisons = twinDifferentialExpression(data.expression, data.groups, {
    ...data.de,
    multiplicity,
  });
  const cellTypes = degRowsOfComparisons(comparisons, data);
  return buildTwin({ ...input, cellTypes }, options, base);
}

/** K copies and their summaries; `onCopy` sees each copy's twin (progress, tests). */
export function twinCopies(
  data: TwinExpression,
  input: Omit<TwinInput, 'cellTypes'>,
  options: Partial<TwinOptions>,
  base: TwinBase,
  settings: { copies: number; seed: number; topK?: number },
  onCopy?: (copy: number, twin: Twin) => void,
): TwinCopySummary {
  const { copies, seed } = settings;
  const topK = settings.topK ?? TWIN_COPY_DEFAULTS.topK;
  if (!Number.isInteger(copies) || copies < 1) {
    throw new RangeError(`twinCopies: copies must be a positive integer, got ${copies}`);
  }
  const entryCount = base.library.entries.length;
  const ranks = Array.from({ length: entryCount }, () => new Float64Array(copies));
  const moduleCounts: Map<number, number>[] = [];
  for (let k = 0; k < copies; k++) {
    const twin = twinCopy(data, input, options, base, seed, k);
    for (let d = 0; d < entryCount; d++) ranks[d][k] = twin.ranking.rank[d];
    twin.cellTypes.forEach((cellType, c) => {
      const counts = (moduleCounts[c] ??= new Map());
      for (const node of cellType.module.nodes) counts.set(node, (counts.get(node) ?? 0) + 1);
    });
    onCopy?.(k, twin);
  }
  const low = (1 - TWIN_COPY_DEFAULTS.interval) / 2;
  const medianRank = new Float64Array(entryCount);
  const rankLow = new Float64Array(entryCount);
  const rankHigh = new Float64Array(entryCount);
  const topKProbability = new Float64Array(entryCount);
  for (let d = 0; d < entryCount; d++) {
    const sorted = ranks[d].slice().sort();
    medianRank[d] = quantileSorted(sorted, 0.5);
    rankLow[d] = quantileSorted(sorted, low);
    rankHigh[d] = quantileSorted(sorted, 1 - low);
    let hits = 0;
    for (const rank of sorted) if (rank <= topK) hits++;
    topKProbability[d] = hits / copies;
  }
  const moduleFrequency = moduleCounts.map(
    (counts) =>
      new Map([...counts.entries()].sort((a, b) => a[0] - b[0]).map(([n, c]) => [n, c / copies])),
  );
  return { copies, seed, medianRank, rankLow, rankHigh, topKProbability, topK, moduleFrequency };
}
