/**
 * `twinscreen twin`: the per-cell-type patient twin and its drug ranking
 * ======================================================================
 * From single-cell counts (--h5ad / --mtx with --cell-type, --condition, --case, --control) or
 * a DEG table (--degs): per cell type its DEGs (q < --max-q, at most --max-degs by p), the
 * module (LCC of the DEGs in the interactome's LCC, z and p), module gene centralities, the
 * drug screen with that cell type's DEGs and the scDrugPrio candidate rule, overlaps between
 * the cell types' modules (Jaccard, hypergeometric p, separation s_AB), and the twin ranking
 * across cell types (core/twin/cell-type-twin.ts, twin-ranking.ts; cell-type weights 1 until
 * the multicellular model). With --copies N (single-cell input) the twin is rebuilt on N
 * bootstrap copies of its cells (core/twin/twin-copies.ts): per drug the median rank, a 90 %
 * interval and P(top 10); per gene how often it is in each module.
 */
import { compareNames, numberFlag, type Command } from '../command';
import { BIN_SIZE_FLAG, GENE_TABLE_FLAG, OUT_FLAG, RANDOM_FLAG, SEED_FLAG } from '../common-flags';
import { UsageError, DataError } from '../cli-error';
import {
  graphSummaryOf,
  inputFileOf,
  loadDegTable,
  loadDrugTargets,
  loadGeneIndex,
  loadNetwork,
  optionalInputFileOf,
} from '../load-inputs';
import {
  hasSingleCellInput,
  loadSingleCell,
  SINGLE_CELL_FLAGS,
  type LoadedSingleCell,
} from '../load-single-cell';
import { toJson, type Cell, type CommandResult } from '../write-output';
import {
  COHORT_DEFAULTS,
  comparePatients,
  parseShard,
  shardDonors,
  type PatientRecord,
} from '@/core/twin/patient-cohort';
import { MIN_CELLS_FLAG, MIN_PCT_FLAG } from './de-command';
import {
  buildTwin,
  prepareTwinBase,
  TWIN_DEFAULTS,
  type Twin,
  type TwinCellTypeInput,
} from '@/core/twin/cell-type-twin';
import { degRowsOfComparisons, twinCopies, type TwinCopySummary } from '@/core/twin/twin-copies';
import { DEG_SELECTION_DEFAULTS, POOLED, twinDifferentialExpression } from '@/core/twin/twin-de';
import { EQUAL_WEIGHTS_NOTE } from '@/core/twin/twin-ranking';
import { BOOTSTRAP_DEFAULTS } from '@/core/expression/bootstrap-cells';
import type { ScreenMethod } from '@/core/screen/drug-screen';

export const TWIN_COLUMNS = [
  'rank',
  'drug',
  'names',
  'targets',
  'score',
  'candidate_cell_types',
  'candidate_weight',
  'intra',
  'median_rank',
  'rank_q05',
  'rank_q95',
  'p_top10',
  'per_cell_type',
] as const;

export const TWIN_CONVENTIONS = {
  weights: EQUAL_WEIGHTS_NOTE,
  degs: 'per cell type: genes with q < maxQ (BH within the comparison), p ascending (ties: larger |log2FC|, then gene order), at most maxDegs; a DEG table: rows with q < maxQ (p ascending where given, else q), at most maxDegs',
  network:
    "the interactome's largest connected component (LCC); DEGs outside it are dropped (scDrugPrio step 2)",
  module:
    'largest connected component of the subgraph the DEGs induce in the LCC; z = (S − mean)/sd and p = #{S_r ≥ S}/R over R degree-matched random sets (scDrugPrio exact-size per-bin sampling, bins ≥ binSize nodes)',
  centrality:
    'within the module: degree, and eigenvector centrality max-scaled to 1 (igraph eigen_centrality scale = TRUE, as scDrugPrio)',
  screen:
    "the drug screen of `twinscreen screen` with the cell type's DEGs as the disease gene set (d_c = mean over targets of the distance to the nearest DEG) and its DEG signs for counteraction; methods as given",
  candidate:
    'scDrugPrio: Φ(z) < 0.05 ∧ d_c < 1 ∧ at least one targeted DEG whose logFC sign the drug’s action opposes',
  overlap:
    'module genes of two cell types: shared, Jaccard = |A∩B|/|A∪B|, hypergeometric P(X ≥ shared) with N = LCC nodes, K = |A|, n = |B|, separation s_AB = d_AB − (d_AA + d_BB)/2 (Menche 2015)',
  score:
    'Σ over the cell types the drug is a candidate in of w_c + 0.1 · Intra(d); Intra(d) = mean over all cell types of the geometric mean of the eigenvector centralities of the drug’s targets inside that cell type’s module (modules of ≥ 3 genes; 0 when no target is inside)',
  rank: 'mid-rank of the score, descending (1 = best); equal scores share the mean rank; drugs with identical targets and actions are one entry and always tie',
  copies:
    'bootstrap: the cells of every (cell type, condition, donor) group resampled with replacement (copy k seeded with copySeed(seed, k)); DE, DEGs, modules, screens and ranking recomputed per copy with the same null seed; median rank, 90 % interval [q05, q95] (numpy linear quantiles) and P(rank ≤ 10) per drug; per gene the fraction of copies in which it is in the module',
} as const;

export const twinCommand: Command = {
  spec: {
    name: 'twin',
    summary:
      'per-cell-type twin: DEGs, modules, drug screen per cell type, candidates, twin ranking and bootstrap copies',
    description: [
      'Builds the twin of scDrugPrio (Schäfer et al. 2024): for each cell type its DEGs (from ' +
        '--h5ad / --mtx counts, case vs control within the cell type, or from a --degs table), ' +
        "their module in the interactome, and a drug screen with that cell type's DEGs; drugs " +
        'are candidates in a cell type when proximal (Φ(z) < 0.05, d_c < 1) and counteracting ' +
        'at least one targeted DEG, and are ranked by the cell types they are candidates in ' +
        '(each weighs 1 until the multicellular model) plus 0.1 × their centrality in the modules.',
      'With --copies N the twin is rebuilt on N bootstrap copies of its cells, giving each ' +
        "drug's median rank, 90 % interval and probability of ranking in the top 10.",
    ],
    flags: [
      ...SINGLE_CELL_FLAGS,
      {
        name: 'degs',
        kind: 'string',
        placeholder: 'FILE',
        help: 'DEG table instead of counts (cell type, gene, log fold change, q columns), e.g. public/data/sar_degs_li2022_day3.tsv.gz',
      },
      {
        name: 'network',
        kind: 'string',
        placeholder: 'FILE',
        required: true,
        help: 'interactome, e.g. public/data/interactome_menche2015.tsv.gz',
      },
      {
        name: 'drugs',
        kind: 'string',
        placeholder: 'FILE',
        required: true,
        help: 'drug–target table, e.g. public/data/drug_targets_drugcentral.tsv.gz',
      },
      {
        name: 'methods',
        kind: 'list',
        choices: ['proximity', 'rwr'],
        default: TWIN_DEFAULTS.methods,
        help: 'screen methods per cell type (the candidate rule needs proximity)',
      },
      {
        name: 'max-q',
        kind: 'number',
        placeholder: 'Q',
        min: 0,
        exclusiveMin: true,
        max: 1,
        default: DEG_SELECTION_DEFAULTS.maxQ,
        help: 'a gene is a DEG when q < Q',
      },
      {
        name: 'max-degs',
        kind: 'integer',
        placeholder: 'N',
        min: 1,
        default: DEG_SELECTION_DEFAULTS.maxDegs,
        help: 'at most N DEGs per cell type (smallest p) for the network steps',
      },
      MIN_PCT_FLAG,
      MIN_CELLS_FLAG,
      {
        name: 'copies',
        kind: 'integer',
        placeholder: 'N',
        min: 0,
        default: 0,
        help: `bootstrap copies of the twin (needs --h5ad or --mtx; ${BOOTSTRAP_DEFAULTS.copies} is the usual number; 0: none)`,
      },
      {
        name: 'shard',
        kind: 'string',
        placeholder: 'I/N',
        help: 'with --donor: build only the I-th of N disjoint shards of the case donors (donor i, 0-based, is in shard (i mod N) + 1); join the shard outputs with twinscreen merge',
      },
      RANDOM_FLAG,
      SEED_FLAG,
      BIN_SIZE_FLAG,
      {
        name: 'top',
        kind: 'integer',
        placeholder: 'N',
        min: 1,
        help: 'list only the N best-ranked entries (default: all)',
      },
      GENE_TABLE_FLAG,
      OUT_FLAG,
    ],
    examples: [
      'twinscreen twin --mtx public/data/scrna_kang2018_ifnb1k --cell-type seurat_annotations --condition stim --case STIM --control CTRL --network public/data/interactome_menche2015.tsv.gz --drugs public/data/drug_targets_drugcentral.tsv.gz --out kang-twin.json',
      'twinscreen twin --degs public/data/sar_degs_li2022_day3.tsv.gz --network public/data/interactome_menche2015.tsv.gz --drugs public/data/drug_targets_drugcentral.tsv.gz --out sar-twin.tsv',
    ],
  },

  async run(flags, io): Promise<CommandResult> {
    const cwd = io.cwd;
    const singleCell = hasSingleCellInput(flags);
    const degsFile = optionalInputFileOf(flags, 'degs', cwd);
    if (singleCell === (degsFile !== null)) {
      throw new UsageError('give one input: --h5ad FILE, --mtx DIR, or --degs FILE');
    }
    const copies = numberFlag(flags, 'copies');
    if (copies > 0 && !singleCell) {
      throw new UsageError('--copies resamples cells: it needs --h5ad or --mtx, not --degs');
    }
    if (!singleCell) {
      for (const name of ['cell-type', 'condition', 'case', 'control', 'donor', 'cells']) {
        if (flags.given(name)) throw new UsageError(`--${name} goes with --h5ad or --mtx`);
      }
    }
    const perDonor = flags.given('donor');
    if (flags.given('shard') && !perDonor) {
      throw new UsageError('--shard splits the donors: it needs --donor COL');
    }
    if (perDonor && copies > 0) {
      throw new UsageError(
        '--copies with --donor is not implemented yet (copies of the pooled twin only)',
      );
    }
    let shard: { index: number; count: number } | null = null;
    if (flags.given('shard')) {
      try {
        shard = parseShard(flags.string('shard') as string);
      } catch (error) {
        throw new UsageError(`--shard: ${(error as Error).message}`);
      }
    }
    const networkFile = inputFileOf(flags, 'network', cwd);
    const drugsFile = inputFileOf(flags, 'drugs', cwd);
    const selection = {
      maxQ: numberFlag(flags, 'max-q'),
      maxDegs: numberFlag(flags, 'max-degs'),
    };
    const seed = numberFlag(flags, 'seed');
    const options = {
      iterations: numberFlag(flags, 'random'),
      seed,
      minBinSize: numberFlag(flags, 'bin-size'),
      methods: flags.list('methods') as ScreenMethod[],
    };
    const geneIndex = await loadGeneIndex(flags.string('gene-table'), cwd);

    let cellTypes: (TwinCellTypeInput & { significant: number })[];
    let inputReport: Record<string, unknown>;
    let expressionData: Parameters<typeof twinCopies>[0] | null = null;
    const de: Record<string, unknown>[] = [];
    if (singleCell) {
      const loaded = await loadSingleCell(flags, cwd, geneIndex);
      if (perDonor) {
        return runCohort(loaded, {
          flags,
          geneIndex,
          networkFile,
          drugsFile,
          selection,
          options,
          shard,
        });
      }
      const deOptions = {
        minPct: numberFlag(flags, 'min-pct'),
        minCells: numberFlag(flags, 'min-cells'),
      };
      const comparisons = twinDifferentialExpression(loaded.expression, loaded.groups, deOptions);
      const genes = loaded.data.geneNames.map((gene, g) => ({
        gene,
        entrez: loaded.data.geneEntrez?.[g] ?? null,
      }));
      expressionData = {
        expression: loaded.expression,
        groups: loaded.groups,
        cellTypeNames: loaded.cellTypeNames,
        genes,
        de: deOptions,
        selection,
      };
      cellTypes = degRowsOfComparisons(comparisons, expressionData);
      comparisons.forEach(({ result }, k) =>
        de.push({
          caseCells: result.caseCount,
          controlCells: result.controlCount,
          testable: result.isTestable,
          tested: result.testedCount,
          significant: cellTypes[k].significant,
        }),
      );
      inputReport = {
        kind: flags.given('h5ad') ? 'h5ad' : '10x-mtx',
        file: loaded.shownAs,
        cells: loaded.data.report.cells,
        genes: loaded.data.report.genes,
        normalisation: loaded.normalisation,
        cellType: loaded.annotation.cellType.column,
        condition: loaded.annotation.conditionColumn,
        case: flags.string('case'),
        control: flags.string('control'),
        donor: loaded.annotation.donor?.column ?? null,
        minPct: deOptions.minPct,
        minCells: deOptions.minCells,
      };
    } else {
      const file = degsFile as NonNullable<typeof degsFile>;
      const table = await loadDegTable(file, geneIndex);
      cellTypes = table.groups.map((name) => {
        const rows = table.rows.filter((row) => row.group === name);
        const significant = rows.filter((row) => {
          const q = row.q ?? row.p;
          return q !== null && q < selection.maxQ;
        });
        const key = (row: (typeof rows)[number]) => row.p ?? row.q ?? 1;
        const ordered = significant
          .map((row, i) => ({ row, i }))
          .sort((a, b) => key(a.row) - key(b.row) || a.i - b.i)
          .slice(0, selection.maxDegs)
          .map(({ row }) => ({
            gene: row.gene,
            entrez: row.entrez,
            group: name,
            logFC: row.logFC,
            q: row.q,
          }));
        return { name, degs: ordered, significant: significant.length };
      });
      if (cellTypes.length === 0) throw new DataError(`${file.shownAs}: no DEG rows`);
      inputReport = { kind: 'degs', file: file.shownAs, logBase: table.logBase };
    }

    const network = await loadNetwork(networkFile, geneIndex);
    const drugs = await loadDrugTargets(drugsFile, geneIndex);
    const screenNetwork = {
      graph: network.imported.graph,
      nodeIds: network.imported.nodeIds,
      entrezIds: network.imported.entrezIds,
      name: network.summary.file,
    };
    const drugInput = { name: drugsFile.shownAs, drugs: drugs.drugs };
    const base = prepareTwinBase({ network: screenNetwork, drugs: drugInput });
    const degsName = degsFile?.shownAs ?? 'twinscreen de';
    const twin = buildTwin(
      { network: screenNetwork, drugs: drugInput, cellTypes, degsName },
      options,
      base,
    );
    let summary: TwinCopySummary | null = null;
    if (copies > 0 && expressionData !== null) {
      summary = twinCopies(
        expressionData,
        { network: screenNetwork, drugs: drugInput, degsName },
        options,
        base,
        { copies, seed },
      );
    }
    const rows = rankingRows(twin, summary);
    const top = flags.number('top') ?? rows.length;
    const listed = rows.slice(0, top);
    return {
      json: {
        network: network.summary,
        graph: graphSummaryOf(network, 'lcc'),
        drugFile: {
          file: drugsFile.shownAs,
          drugs: drugs.drugs.length,
          entries: base.library.entries.length,
        },
        input: inputReport,
        conventions: TWIN_CONVENTIONS,
        weights: 'equal (1 per cell type) until the multicellular model',
        settings: {
          ...options,
          nullModel: 'degree-scdrugprio',
          maxQ: selection.maxQ,
          maxDegs: selection.maxDegs,
          intraWeight: twin.options.intraWeight,
          minModuleSize: twin.options.minModuleSize,
          copies,
        },
        cellTypes: cellTypeRecords(twin, cellTypes, de, summary),
        overlaps: twin.overlaps.map((overlap) => ({
          a: twin.cellTypes[overlap.a].name,
          b: twin.cellTypes[overlap.b].name,
          sizeA: overlap.sizeA,
          sizeB: overlap.sizeB,
          shared: overlap.shared,
          jaccard: overlap.jaccard,
          hypergeometricP: overlap.hypergeometricP,
          ...overlap.separation,
        })),
        copies:
          summary === null
            ? null
            : { copies: summary.copies, seed: summary.seed, topK: summary.topK, interval: 0.9 },
        ranking: listed,
      },
      table: {
        comments: [`weights: ${TWIN_CONVENTIONS.weights}`],
        columns: TWIN_COLUMNS,
        rows: listed.map((row) => TWIN_COLUMNS.map((column) => row[column] as Cell)),
      },
    };
  },
};

interface CohortContext {
  flags: Parameters<Command['run']>[0];
  geneIndex: Awaited<ReturnType<typeof loadGeneIndex>>;
  networkFile: ReturnType<typeof inputFileOf>;
  drugsFile: ReturnType<typeof inputFileOf>;
  selection: { maxQ: number; maxDegs: number };
  options: { iterations: number; seed: number; minBinSize: number; methods: ScreenMethod[] };
  shard: { index: number; count: number } | null;
}

/** One twin per case donor (its cells vs the pooled controls), the shard's donors only. */
async function runCohort(loaded: LoadedSingleCell, context: CohortContext): Promise<CommandResult> {
  const { flags, geneIndex, networkFile, drugsFile, selection, options, shard } = context;
  const deOptions = {
    minPct: numberFlag(flags, 'min-pct'),
    minCells: numberFlag(flags, 'min-cells'),
  };
  const network = await loadNetwork(networkFile, geneIndex);
  const drugs = await loadDrugTargets(drugsFile, geneIndex);
  const screenNetwork = {
    graph: network.imported.graph,
    nodeIds: network.imported.nodeIds,
    entrezIds: network.imported.entrezIds,
    name: network.summary.file,
  };
  const drugInput = { name: drugsFile.shownAs, drugs: drugs.drugs };
  const comparisons = twinDifferentialExpression(loaded.expression, loaded.groups, {
    ...deOptions,
    perDonor: true,
  }).filter((comparison) => comparison.donor !== POOLED);
  const donorIndices = [...new Set(comparisons.map((c) => c.donor))].sort((a, b) => a - b);
  const donors = donorIndices.map((d) => loaded.donorNames[d]);
  const assigned =
    shard === null
      ? donorIndices
      : shardDonors(donorIndices.length, shard.index, shard.count).map((i) => donorIndices[i]);
  const genes = loaded.data.geneNames.map((gene, g) => ({
    gene,
    entrez: loaded.data.geneEntrez?.[g] ?? null,
  }));
  const base =
    assigned.length > 0 ? prepareTwinBase({ network: screenNetwork, drugs: drugInput }) : null;
  const patients: PatientRecord[] = assigned.map((donor) => {
    const own = comparisons.filter((c) => c.donor === donor);
    const cellTypes = degRowsOfComparisons(own, {
      cellTypeNames: loaded.cellTypeNames,
      genes,
      selection,
    });
    const twin = buildTwin(
      {
        network: screenNetwork,
        drugs: drugInput,
        cellTypes,
        degsName: 'twinscreen de (per donor)',
      },
      options,
      base as NonNullable<typeof base>,
    );
    const names = twin.network.names;
    const rows = rankingRows(twin, null);
    return {
      donor: loaded.donorNames[donor],
      cellTypes: twin.cellTypes.map((cellType, c) => ({
        name: cellType.name,
        weight: twin.weights[c],
        caseCells: own[c].result.caseCount,
        controlCells: own[c].result.controlCount,
        tested: own[c].result.testedCount,
        degs: {
          significant: cellTypes[c].significant,
          used: cellType.degsGiven,
          inLcc: cellType.degNodes.length,
        },
        module: {
          size: cellType.module.nodes.length,
          z: cellType.module.z,
          p: cellType.module.p,
          genes: Array.from(cellType.module.nodes, (node) => names[node]).sort(compareNames),
        },
        candidates: twin.library.entries
          .filter((_, d) => cellType.isCandidate[d] === true)
          .map((entry) => entry.names[0])
          .sort(compareNames),
      })),
      ranking: rows.map((row) => ({
        rank: row.rank,
        drug: row.drug,
        score: row.score,
        candidate_cell_types: row.candidate_cell_types,
        counteracted_targets: row.counteracted_targets,
      })),
    };
  });
  // Through JSON first (NaN → null), so the pairs are computed from exactly what a merge reads.
  const top = flags.number('top');
  const listed =
    top === undefined
      ? patients
      : patients.map((p) => ({ ...p, ranking: p.ranking.slice(0, top) }));
  const written = JSON.parse(toJson(listed)) as PatientRecord[];
  return {
    json: {
      network: network.summary,
      graph: graphSummaryOf(network, 'lcc'),
      drugFile: { file: drugsFile.shownAs, drugs: drugs.drugs.length },
      input: {
        kind: flags.given('h5ad') ? 'h5ad' : '10x-mtx',
        file: loaded.shownAs,
        cells: loaded.data.report.cells,
        genes: loaded.data.report.genes,
        normalisation: loaded.normalisation,
        cellType: loaded.annotation.cellType.column,
        condition: loaded.annotation.conditionColumn,
        case: flags.string('case'),
        control: flags.string('control'),
        minPct: deOptions.minPct,
        minCells: deOptions.minCells,
      },
      conventions: { ...TWIN_CONVENTIONS, patient: PATIENT_CONVENTION, shards: SHARD_CONVENTION },
      weights: 'equal (1 per cell type) until the multicellular model',
      settings: {
        ...options,
        nullModel: 'degree-scdrugprio',
        maxQ: selection.maxQ,
        maxDegs: selection.maxDegs,
        pairTop: COHORT_DEFAULTS.pairTop,
        top: top ?? null,
      },
      cohort: { donorColumn: loaded.annotation.donor?.column ?? null, donors },
      shard,
      patients: written,
      pairs: comparePatients(written),
    },
    table: {
      comments: [`weights: ${TWIN_CONVENTIONS.weights}`],
      columns: ['donor', 'rank', 'drug', 'score', 'candidate_cell_types'],
      rows: written.flatMap((patient) =>
        patient.ranking.map((row): Cell[] => [
          patient.donor,
          row.rank,
          row.drug,
          row.score,
          row.candidate_cell_types,
        ]),
      ),
    },
  };
}

const PATIENT_CONVENTION =
  "one twin per case donor: that donor's case cells of each cell type against the pooled control cells of the cell type; pairs: every two patients in donor order, the drugs whose rank differs by |Δ| descending (first pairTop), with the cell types where only one patient has the drug as a candidate and the DEGs it counteracts there";
const SHARD_CONVENTION =
  'case donor i (0-based, donor-table order) is in shard (i mod N) + 1; a shard may be empty; twinscreen merge joins the N shard outputs into the unsharded result (byte-identical JSON)';

function cellTypeRecords(
  twin: Twin,
  inputs: readonly (TwinCellTypeInput & { significant: number })[],
  de: readonly Record<string, unknown>[],
  summary: TwinCopySummary | null,
) {
  const names = twin.network.names;
  return twin.cellTypes.map((cellType, c) => {
    const { module } = cellType;
    const centrality = Array.from(module.nodes, (node, k) => ({
      gene: names[node],
      degree: module.degree[k],
      eigenvector: module.eigenvector[k],
      ...(summary === null ? {} : { moduleFrequency: summary.moduleFrequency[c]?.get(node) ?? 0 }),
    })).sort(
      (a, b) =>
        b.eigenvector - a.eigenvector || b.degree - a.degree || compareNames(a.gene, b.gene),
    );
    const candidates: string[] = [];
    cellType.isCandidate.forEach((flag, d) => {
      if (flag === true) candidates.push(twin.library.entries[d].names[0]);
    });
    const frequency =
      summary === null
        ? null
        : [...(summary.moduleFrequency[c] ?? new Map<number, number>()).entries()]
            .map(([node, f]) => ({ gene: names[node], frequency: f }))
            .sort((a, b) => b.frequency - a.frequency || compareNames(a.gene, b.gene));
    return {
      name: cellType.name,
      weight: twin.weights[c],
      de: de[c] ?? null,
      degs: {
        significant: inputs[c].significant,
        used: cellType.degsGiven,
        inLcc: cellType.degNodes.length,
      },
      module: {
        size: module.nodes.length,
        z: module.z,
        p: module.p,
        nullMean: module.nullMean,
        nullSd: module.nullSd,
        genes: centrality,
      },
      moduleFrequency: frequency,
      candidates: candidates.sort(compareNames),
      screenNotes: cellType.screen?.notes ?? ['no DEG in the LCC: no screen'],
    };
  });
}

interface RankingRow {
  rank: number;
  drug: string;
  names: readonly string[];
  targets: readonly string[];
  score: number;
  candidate_cell_types: string[];
  candidate_weight: number;
  intra: number;
  median_rank: number | null;
  rank_q05: number | null;
  rank_q95: number | null;
  p_top10: number | null;
  per_cell_type: string[];
  counteracted_targets: Record<string, string[]>;
  cellTypes: Record<string, unknown>[];
}

function rankingRows(twin: Twin, summary: TwinCopySummary | null): RankingRow[] {
  const { ranking, library } = twin;
  const byEntry = twin.cellTypes.map((cellType) => {
    const map = new Map<number, NonNullable<typeof cellType.screen>['drugs'][number]>();
    for (const row of cellType.screen?.drugs ?? []) map.set(row.entry, row);
    return map;
  });
  const order = library.entries.map((_, d) => d);
  order.sort((a, b) => ranking.rank[a] - ranking.rank[b] || a - b);
  return order.map((d) => {
    const entry = library.entries[d];
    const perCellType = twin.cellTypes.map((cellType, c) => {
      const row = byEntry[c].get(d);
      return {
        cellType: cellType.name,
        d_c: row?.proximity?.dC ?? null,
        z: row?.proximity?.z ?? null,
        p_gaussian: row?.proximity?.gaussianP ?? null,
        counteracting: row?.counteraction?.counteracting ?? null,
        mimicking: row?.counteraction?.mimicking ?? null,
        candidate: cellType.isCandidate[d],
        intra: cellType.intra[d],
        counteractedTargets: (row?.counteraction?.targets ?? [])
          .filter((target) => target.effect === 'counteracts')
          .map((target) => target.gene),
      };
    });
    return {
      rank: ranking.rank[d],
      drug: entry.names[0],
      names: entry.names,
      targets: entry.targets.map((target) => target.gene),
      score: ranking.score[d],
      candidate_cell_types: perCellType.filter((x) => x.candidate === true).map((x) => x.cellType),
      candidate_weight: ranking.candidateWeight[d],
      intra: ranking.intra[d],
      median_rank: summary?.medianRank[d] ?? null,
      rank_q05: summary?.rankLow[d] ?? null,
      rank_q95: summary?.rankHigh[d] ?? null,
      p_top10: summary?.topKProbability[d] ?? null,
      per_cell_type: perCellType.map(
        (x) =>
          `${x.cellType}:d_c=${fmt(x.d_c)}:z=${fmt(x.z)}:counteracting=${x.counteracting ?? ''}:candidate=${x.candidate ?? ''}`,
      ),
      counteracted_targets: Object.fromEntries(
        perCellType
          .filter((x) => x.candidate === true)
          .map((x) => [x.cellType, x.counteractedTargets]),
      ),
      cellTypes: perCellType,
    };
  });
}

function fmt(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(Math.round(value * 1e4) / 1e4);
}
