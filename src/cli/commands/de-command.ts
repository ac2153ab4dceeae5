/**
 * `twinscreen de`: differential expression per cell type (and per patient)
 * ========================================================================
 * Reads an h5ad file or a 10x MTX folder with its cell table (load-single-cell.ts), groups the
 * cells by (cell type, condition, donor), and runs the core's sparse Wilcoxon rank-sum
 * (core/twin/twin-de.ts → core/expression/differential-expression.ts): per cell type, case vs
 * control; with --donor also each case donor vs the pooled controls of the cell type. Per
 * (comparison, gene): two-sided p (scipy `mannwhitneyu(method='asymptotic')`, tie-corrected,
 * continuity-corrected), BH q within the comparison, Seurat log2FC, pct_case, pct_control.
 * Rows list the tested genes, comparison by comparison, p ascending (then gene order).
 */
import {
  DIFFERENTIAL_EXPRESSION_DEFAULTS,
  type ComparisonResult,
} from '@/core/expression/differential-expression';
import { POOLED, twinDifferentialExpression } from '@/core/twin/twin-de';
import { numberFlag, type Command } from '../command';
import { GENE_TABLE_FLAG, OUT_FLAG } from '../common-flags';
import { loadGeneIndex } from '../load-inputs';
import { loadSingleCell, SINGLE_CELL_FLAGS, type LoadedSingleCell } from '../load-single-cell';
import type { Cell, CommandResult } from '../write-output';

export const DE_COLUMNS = [
  'cell_type',
  'comparison',
  'donor',
  'gene',
  'gene_id',
  'entrez_id',
  'p',
  'q',
  'log2fc',
  'pct_case',
  'pct_control',
  'n_case',
  'n_control',
] as const;

export const MIN_PCT_FLAG = {
  name: 'min-pct',
  kind: 'number',
  placeholder: 'F',
  min: 0,
  default: DIFFERENTIAL_EXPRESSION_DEFAULTS.minPct,
  help: 'test a gene when at least this fraction of the cells of either side express it',
} as const;

export const MIN_CELLS_FLAG = {
  name: 'min-cells',
  kind: 'integer',
  placeholder: 'N',
  min: 1,
  default: DIFFERENTIAL_EXPRESSION_DEFAULTS.minCells,
  help: 'test a comparison only when both sides have ≥ N cells',
} as const;

/** Name of a comparison in the output. */
export function comparisonName(
  loaded: LoadedSingleCell,
  donor: number,
  caseValues: readonly string[],
  controlValues: readonly string[],
): string {
  const controls = controlValues.join('+');
  if (donor === POOLED) return `${caseValues.join('+')} vs ${controls}`;
  return `${loaded.donorNames[donor]} vs pooled ${controls}`;
}

/** Tested genes of one comparison, p ascending then gene index. */
export function testedGenesByP(result: ComparisonResult): number[] {
  const genes: number[] = [];
  for (let g = 0; g < result.tested.length; g++) if (result.tested[g]) genes.push(g);
  return genes.sort((a, b) => result.p[a] - result.p[b] || a - b);
}

export const deCommand: Command = {
  spec: {
    name: 'de',
    summary:
      'differential expression per cell type (case vs control, and each patient vs pooled controls): Wilcoxon p, BH q, log2FC, detection',
    description: [
      'Reads single-cell counts (--h5ad FILE, or --mtx DIR with its cell table), log-normalises ' +
        'raw counts (counts per 10,000, then log1p), and compares, within each cell type, the ' +
        'case cells with the control cells: two-sided Wilcoxon rank-sum p (as scipy ' +
        "mannwhitneyu(method='asymptotic') and R wilcox.test(exact=FALSE)), Benjamini–Hochberg q " +
        'within the comparison, log2FC in Seurat’s convention, and the detection fractions. ' +
        'With --donor, each case donor is also compared with the pooled control cells of the ' +
        'cell type (the per-patient twin).',
      'One row per (comparison, tested gene).',
    ],
    flags: [...SINGLE_CELL_FLAGS, MIN_PCT_FLAG, MIN_CELLS_FLAG, GENE_TABLE_FLAG, OUT_FLAG],
    examples: [
      'twinscreen de --mtx public/data/scrna_kang2018_ifnb1k --cell-type seurat_annotations --condition stim --case STIM --control CTRL --out kang-de.tsv',
      'twinscreen de --mtx public/data/scrna_kang2018_muscat --cells public/data/scrna_kang2018_muscat/cells.tsv --cell-type cluster_id --condition group_id --case stim --control ctrl --donor sample_id --out muscat-de.json',
    ],
  },

  async run(flags, io): Promise<CommandResult> {
    const geneIndex = await loadGeneIndex(flags.string('gene-table'), io.cwd);
    const loaded = await loadSingleCell(flags, io.cwd, geneIndex);
    const caseValues = (flags.string('case') ?? '').split(',').map((v) => v.trim());
    const controlValues = (flags.string('control') ?? '').split(',').map((v) => v.trim());
    const minPct = numberFlag(flags, 'min-pct');
    const minCells = numberFlag(flags, 'min-cells');
    const comparisons = twinDifferentialExpression(loaded.expression, loaded.groups, {
      perDonor: flags.given('donor'),
      minPct,
      minCells,
    });
    const { data } = loaded;
    const rows: Record<(typeof DE_COLUMNS)[number], Cell>[] = [];
    const summaries = comparisons.map(({ cellType, donor, result }) => {
      const name = comparisonName(loaded, donor, caseValues, controlValues);
      let significant = 0;
      for (const g of testedGenesByP(result)) {
        if (result.q[g] < 0.05) significant++;
        rows.push({
          cell_type: loaded.cellTypeNames[cellType],
          comparison: name,
          donor: donor === POOLED ? null : loaded.donorNames[donor],
          gene: data.geneNames[g],
          gene_id: data.geneIds[g],
          entrez_id: data.geneEntrez?.[g] ?? null,
          p: result.p[g],
          q: result.q[g],
          log2fc: result.log2FoldChange[g],
          pct_case: result.pctCase[g],
          pct_control: result.pctControl[g],
          n_case: result.caseCount,
          n_control: result.controlCount,
        });
      }
      return {
        cell_type: loaded.cellTypeNames[cellType],
        comparison: name,
        donor: donor === POOLED ? null : loaded.donorNames[donor],
        caseCells: result.caseCount,
        controlCells: result.controlCount,
        testable: result.isTestable,
        tested: result.testedCount,
        significant,
      };
    });
    if (comparisons.length === 0) {
      io.stderr('twinscreen de: warning: no cell type has both case and control cells\n');
    }
    return {
      json: {
        input: {
          file: loaded.shownAs,
          ...data.report,
        },
        annotation: {
          cellType: loaded.annotation.cellType.column,
          cellTypes: loaded.cellTypeNames,
          condition: loaded.annotation.conditionColumn,
          case: caseValues,
          control: controlValues,
          caseCells: loaded.annotation.caseCells,
          controlCells: loaded.annotation.controlCells,
          neitherCells: loaded.annotation.neitherCells,
          donor: loaded.annotation.donor?.column ?? null,
          donors: loaded.annotation.donor?.names ?? null,
        },
        method: {
          normalisation: loaded.normalisation,
          test: 'two-sided Wilcoxon rank-sum, normal approximation with tie correction and continuity correction (scipy mannwhitneyu method="asymptotic"; R wilcox.test exact=FALSE correct=TRUE)',
          q: 'Benjamini–Hochberg within each comparison, over the genes tested',
          log2fc: 'log2(mean(expm1 x_case) + 1) − log2(mean(expm1 x_control) + 1) (Seurat)',
          pct: 'fraction of cells with x > 0',
          minPct,
          minCells,
          comparisons:
            'per cell type: all case vs all control cells; with --donor also each case donor vs the pooled control cells of the cell type',
        },
        comparisons: summaries,
        rows,
      },
      table: {
        columns: DE_COLUMNS,
        rows: rows.map((row) => DE_COLUMNS.map((column) => row[column])),
      },
    };
  },
};
