/**
 * `twinscreen screen`: screen a drug library against a disease module
 * ===================================================================
 * A thin wrapper around the core's drug screen (core/screen/drug-screen.ts `screenDrugs`, the
 * float64 CPU reference), which does, per entry (drugs with identical targets and actions):
 * - proximity: d_c = mean over targets of the distance to the nearest module gene, z and
 *   p = #{d_r ≤ d_c}/R against degree-matched random target and module sets, Φ(z), BH q;
 * - rwr: influence of the targets on the module from a random walk with restart, z and p;
 * - cure: signed-network dynamics that clamp the targets and score the reversal of the DEG
 *   signs (needs --signed and --degs);
 * - counteraction of the DEG signature, each drug's direction (counteracts / mimics / mixed /
 *   no-evidence), scDrugPrio candidate flag, combined mean rank, pairwise combination classes
 *   among the best entries, explanations, and validation against known indications
 *   (--indications).
 * Direction: without --degs the JSON's `direction.statement`, the TSV's first line and every
 * record say "direction unknown: …" and no drug is a candidate. The DEG table's disease is
 * --degs-disease, else the bundled table's (known by its file name); when it differs from the
 * module's, a warning naming both goes to stderr, the notes, the JSON and the TSV header.
 * The CLI maps the files (io/), picks the module set, and prints the result with the network
 * and module reports of the other commands.
 */
import {
  SCREEN_DEFAULTS,
  SCREEN_METHODS,
  screenDrugs,
  type DrugScreenResult,
  type ScreenInput,
  type ScreenMethod,
} from '@/core/screen/drug-screen';
import type { ScreenSampling } from '@/core/screen/screen-sampler';
import { bundledDegDisease } from '@/core/screen/screen-direction';
import { SCREEN_COLUMNS, screenDirectionLines, screenRecords } from '@/core/screen/screen-table';
import { UsageError } from '../cli-error';
import {
  BIN_SIZE_FLAG,
  DISEASE_FLAG,
  GENE_TABLE_FLAG,
  GENES_FLAG,
  NETWORK_FLAG,
  OUT_FLAG,
  RANDOM_FLAG,
  restartFlag,
  SEED_FLAG,
} from '../common-flags';
import { numberFlag, requiredString, type Command } from '../command';
import {
  inputFileOf,
  loadDegTable,
  loadDrugTargets,
  loadGeneIndex,
  loadGeneSets,
  loadIndications,
  loadNetwork,
  loadSignedNetwork,
  mapSeeds,
  noSeedsInGraph,
  graphSummaryOf,
  optionalInputFileOf,
  selectGeneSets,
  type Indications,
} from '../load-inputs';
import type { Cell, CommandResult } from '../write-output';

export const screenCommand: Command = {
  spec: {
    name: 'screen',
    summary:
      'screen drugs against a disease module: proximity, random-walk influence, digital cure, ranking and validation',
    description: [
      "Maps the module genes and every drug's targets onto the network's largest connected " +
        'component, groups drugs with identical targets and actions into entries, and scores ' +
        'each entry with the chosen methods: proximity (closest distance d_c, z and p against ' +
        'degree-matched random sets), rwr (random-walk influence of the targets on the module) ' +
        'and cure (signed-network dynamics reversing the DEG signs; needs --signed and --degs). ' +
        'Entries are ranked by the mean of their per-method ranks.',
      'With --indications the ranking is validated against the drugs known to treat the disease ' +
        '(AUROC, precision@k, Fisher test).',
    ],
    flags: [
      NETWORK_FLAG,
      GENES_FLAG,
      DISEASE_FLAG,
      {
        name: 'drugs',
        kind: 'string',
        placeholder: 'FILE',
        required: true,
        help: 'drug–target table, e.g. public/data/drug_targets_drugcentral.tsv.gz (drug name, target gene, optional action and organism columns)',
      },
      {
        name: 'methods',
        kind: 'list',
        choices: SCREEN_METHODS,
        default: SCREEN_DEFAULTS.methods,
        help: 'scoring methods; cure is skipped (with a note) without --signed and --degs',
      },
      RANDOM_FLAG,
      SEED_FLAG,
      {
        name: 'sampling',
        kind: 'choice',
        choices: ['shared', 'guney'],
        default: SCREEN_DEFAULTS.sampling,
        help: 'random sets of the proximity and rwr nulls: shared (scDrugPrio: one random module set per draw for all drugs, per-bin sampling without replacement) or guney (Guney 2016)',
      },
      BIN_SIZE_FLAG,
      restartFlag(SCREEN_DEFAULTS.restart),
      {
        name: 'indications',
        kind: 'string',
        placeholder: 'FILE',
        help: "known indications: a table with drug_name and indication columns (e.g. public/data/drug_indications_drugcentral.tsv.gz; rows with the disease's UMLS concepts from public/data/disease_indication_concepts.tsv, else rows whose indication contains every word of the disease name, or of --indication) or one drug name per line",
      },
      {
        name: 'indication',
        kind: 'string',
        placeholder: 'TEXT',
        help: 'the disease whose indications count (looked up in the concept table, else the words an indication must contain; default: the --disease name)',
      },
      {
        name: 'degs',
        kind: 'string',
        placeholder: 'FILE',
        help: 'differential-expression table (gene, log fold change, optional q and cell-type columns) for counteraction, the candidate flag and the cure',
      },
      {
        name: 'deg-group',
        kind: 'string',
        placeholder: 'NAME',
        help: 'the DEG group (cell type, cluster) used for the cure and the candidate flag (default: the first group)',
      },
      {
        name: 'degs-disease',
        kind: 'string',
        placeholder: 'NAME',
        help: 'the disease the DEGs come from, checked against the module (a warning names both when they differ); default: known for the bundled sar_degs_li2022_day3.tsv.gz (seasonal allergic rhinitis), else unstated',
      },
      {
        name: 'max-q',
        kind: 'number',
        placeholder: 'Q',
        min: 0,
        default: SCREEN_DEFAULTS.maxQ,
        help: 'DEG rows with q above Q are ignored',
      },
      {
        name: 'signed',
        kind: 'string',
        placeholder: 'FILE',
        help: 'signed directed network (source, target, sign) for the cure, e.g. public/data/signed_network_omnipath.tsv.gz',
      },
      {
        name: 'combinations',
        kind: 'integer',
        placeholder: 'K',
        min: 0,
        default: SCREEN_DEFAULTS.combinationsTopK,
        help: 'classify drug pairs among the best K entries (0: none)',
      },
      {
        name: 'top',
        kind: 'integer',
        placeholder: 'N',
        min: 1,
        help: 'list only the N best-ranked entries (default: all; validation always uses all)',
      },
      GENE_TABLE_FLAG,
      OUT_FLAG,
    ],
    examples: [
      'twinscreen screen --network public/data/interactome_menche2015.tsv.gz --genes public/data/disease_genes_menche2015.tsv.gz --disease "arthritis, rheumatoid" --drugs public/data/drug_targets_drugcentral.tsv.gz --indications public/data/drug_indications_drugcentral.tsv.gz --methods proximity,rwr --out screen.tsv',
    ],
  },

  async run(flags, io): Promise<CommandResult> {
    const cwd = io.cwd;
    const networkFile = inputFileOf(flags, 'network', cwd);
    const genesFile = inputFileOf(flags, 'genes', cwd);
    const drugsFile = inputFileOf(flags, 'drugs', cwd);
    const indicationsFile = optionalInputFileOf(flags, 'indications', cwd);
    const degsFile = optionalInputFileOf(flags, 'degs', cwd);
    const signedFile = optionalInputFileOf(flags, 'signed', cwd);
    if (flags.given('indication') && indicationsFile === null) {
      throw new UsageError('--indication needs --indications FILE');
    }
    if (flags.given('deg-group') && degsFile === null) {
      throw new UsageError('--deg-group needs --degs FILE');
    }
    if (flags.given('degs-disease') && degsFile === null) {
      throw new UsageError('--degs-disease needs --degs FILE');
    }
    const methods = flags.list('methods') as ScreenMethod[];
    const top = flags.number('top');

    const geneIndex = await loadGeneIndex(flags.string('gene-table'), cwd);
    const geneSets = await loadGeneSets(genesFile, geneIndex);
    const [set] = selectGeneSets(geneSets, flags.string('disease'), false);
    const indications: Indications | null =
      indicationsFile === null
        ? null
        : await loadIndications(indicationsFile, flags.string('indication') ?? set.name);
    const degs = degsFile === null ? null : await loadDegTable(degsFile, geneIndex);
    const degGroup = flags.string('deg-group') ?? null;
    if (degs !== null && degGroup !== null && !degs.rows.some((row) => row.group === degGroup)) {
      const groups = [...new Set(degs.rows.map((row) => row.group))];
      throw new UsageError(
        `--deg-group: no group "${degGroup}" in ${degsFile?.shownAs}; groups: ${groups.join(', ')}`,
      );
    }
    const network = await loadNetwork(networkFile, geneIndex);
    // The distance-based screen runs on the LCC, as Guney 2016 does.
    const seeds = mapSeeds(set, network, geneIndex, 'lcc');
    if (seeds.nodes.length === 0) throw noSeedsInGraph(seeds.report, geneSets.file);
    const drugs = await loadDrugTargets(drugsFile, geneIndex);
    const signed = signedFile === null ? null : await loadSignedNetwork(signedFile, geneIndex);

    const input: ScreenInput = {
      network: {
        graph: network.imported.graph,
        nodeIds: network.imported.nodeIds,
        entrezIds: network.imported.entrezIds,
        name: network.summary.file,
      },
      module: {
        name: set.name,
        genes: set.genes.map((gene, i) => ({ gene, entrez: set.entrez[i] })),
      },
      drugs: { name: drugsFile.shownAs, drugs: drugs.drugs },
      degs:
        degs === null || degsFile === null
          ? null
          : {
              name: degsFile.shownAs,
              disease: flags.string('degs-disease') ?? bundledDegDisease(degsFile.shownAs),
              rows: degs.rows,
            },
      signedNetwork:
        signed === null
          ? null
          : {
              graph: signed.graph,
              nodeIds: signed.nodeIds,
              entrezIds: signed.entrezIds,
              name: signedFile?.shownAs,
            },
      indications:
        indications === null ? null : { name: indications.file, drugNames: indications.drugNames },
    };
    const result = screenDrugs(input, {
      methods,
      iterations: numberFlag(flags, 'random'),
      seed: numberFlag(flags, 'seed'),
      sampling: requiredString(flags, 'sampling') as ScreenSampling,
      minBinSize: numberFlag(flags, 'bin-size'),
      restart: numberFlag(flags, 'restart'),
      degGroup,
      maxQ: numberFlag(flags, 'max-q'),
      combinationsTopK: numberFlag(flags, 'combinations'),
    });

    for (const warning of result.direction.warnings) {
      io.stderr(`twinscreen screen: warning: ${warning}\n`);
    }
    const known = new Set((indications?.drugNames ?? []).map((name) => name.toLowerCase()));
    const isKnown = (row: DrugScreenResult): boolean | null =>
      indications === null ? null : row.names.some((name) => known.has(name.toLowerCase()));
    const count = top ?? result.drugs.length;
    const listed = result.drugs.slice(0, count);
    // Flat snake_case records (core/screen/screen-table.ts) plus the indication label; the JSON
    // also keeps each entry's explanation (paths, proteins to measure).
    const records = screenRecords(result)
      .slice(0, count)
      .map((record, i) => ({ ...record, is_known: isKnown(listed[i]) }));
    // Headline validation: proximity z when it ran, else the combined rank (validation has all).
    const headline = result.validation?.proximity ?? result.validation?.combined ?? null;
    return {
      json: {
        network: network.summary,
        graph: graphSummaryOf(network, 'lcc'),
        seeds: seeds.report,
        drugFile: {
          file: drugsFile.shownAs,
          drugs: drugs.drugs.length,
          identifiersUnmapped: drugs.report.unmapped.length,
          warnings: drugs.report.warnings,
        },
        indications,
        ...(headline === null
          ? {}
          : {
              auc: headline.auc,
              auc_score: result.validation?.proximity ? 'proximity z' : 'combined rank',
              positives: headline.positives,
              negatives: headline.negatives,
            }),
        ...result,
        drugs: records.map((record, i) => ({ ...record, explanation: listed[i].explanation })),
        // The core names its options; say which flag sets them.
        notes: result.notes.map((note) =>
          note
            .replace('(choose with degGroup)', '(choose with --deg-group)')
            .replace('(give its disease label)', '(give --degs-disease NAME)'),
        ),
      },
      table: {
        comments: screenDirectionLines(result),
        columns: [...SCREEN_COLUMNS, 'is_known'],
        rows: records.map((record): Cell[] =>
          [...SCREEN_COLUMNS, 'is_known' as const].map((column) => record[column]),
        ),
      },
    };
  },
};
