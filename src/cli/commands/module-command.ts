/**
 * `twinscreen module`: disease module of a gene set on an interactome
 * ===================================================================
 * Runs on the whole network as given (`--graph network`, the default: every node of the file,
 * isolated ones included, as Menche 2015's Data S3, DIAMOnD.py and networkx count them) or on
 * its largest connected component (`--graph lcc`), with the set's genes mapped into it. The
 * degree bins of the null and DIAMOnD's N are those of that graph.
 *
 * - lcc (always): S = size of the largest connected component of the subgraph induced by the
 *   set, with z = (S − mean S_r)/sd(S_r) and p = #{S_r ≥ S}/R against R random sets
 *   (Menche 2015; core/module/lcc-significance.ts).
 * - diamond: DIAMOnD adds n genes by connectivity significance (Ghiassian 2015;
 *   core/module/diamond.ts), `--mode paper|reference` for the seed weight α.
 * - rwr: random walk with restart r from the set (core/propagation/random-walk-with-restart.ts,
 *   float64: the scores printed) and, per gene, p = #{score_r ≥ score}/R and z over random seed
 *   sets of the same null: the core's draws, walked as batched columns on the compute engine's
 *   CPU worker pool (engine/propagation-significance.ts, float32; `--threads`). p differs from
 *   the single-vector core loop (core/propagation/propagation-significance.ts) only at near
 *   ties (scores within ~1e−4 relative), z by about that relative amount.
 * `--disease all` runs every set of the file with the same seed and options, so each entry is
 * what a single-set run would print.
 */
import { diamond, type DiamondMode } from '@/core/module/diamond';
import { lccSignificance } from '@/core/module/lcc-significance';
import type { CsrGraph } from '@/core/graph/csr';
import {
  randomWalkWithRestart,
  seedDistribution,
} from '@/core/propagation/random-walk-with-restart';
import { degreeBins, type DegreeBins } from '@/core/random/degree-bins';
import { createEngine, type Engine } from '@/engine/engine';
import {
  ENGINE_SIGNIFICANCE_DEFAULTS,
  propagationSignificanceOnEngine,
} from '@/engine/propagation-significance';
import type { GraphScope } from '@/core/screen/screen-network';
import type { GeneIndex, GeneSet } from '@/io';
import {
  DISEASE_FLAG,
  GENE_TABLE_FLAG,
  GENES_FLAG,
  GRAPH_FLAG,
  graphScopeOf,
  NETWORK_FLAG,
  NULL_MODEL_FLAGS,
  nullModelOf,
  nullModelSettingsOf,
  OUT_FLAG,
  restartFlag,
  THREADS_FLAG,
  threadsOf,
  type NullModelSettings,
} from '../common-flags';
import { compareNames, numberFlag, requiredString, sortedNames, type Command } from '../command';
import {
  inputFileOf,
  loadGeneIndex,
  loadGeneSets,
  loadNetwork,
  mapSeeds,
  noSeedsInGraph,
  graphSummaryOf,
  networkOfScope,
  selectGeneSets,
  type LoadedNetwork,
  type SeedReport,
} from '../load-inputs';
import type { ExportNetwork } from '@/io/network-export';
import type { Cell, CommandResult, Table } from '../write-output';

type ModuleMethod = 'lcc' | 'diamond' | 'rwr';

export interface LccBlock {
  /** Genes in the largest connected component of the set. */
  size: number;
  /** Those genes, alphabetically. */
  genes: string[];
  z: number;
  p: number;
  /** Mean and population sd of the R null sizes. */
  mean: number;
  sd: number;
  null: string;
  nullDescription: string;
  random: number;
  seed: number;
  binSize: number;
}

export interface DiamondBlock {
  mode: DiamondMode;
  alpha: number;
  n: number;
  /** True when the candidates ran out before n genes were added. */
  exhausted: boolean;
  added: { gene: string; k: number; ks: number; p: number }[];
}

export interface RwrBlock {
  restart: number;
  iterations: number;
  converged: boolean;
  null: string;
  random: number;
  seed: number;
  /** Where the R + 1 walks behind p and z ran, in float32. */
  nullWalks: { engine: string; tolerance: number; unconverged: number };
  top: {
    gene: string;
    score: number;
    degreeCorrected: number;
    p: number;
    z: number;
    isSeed: boolean;
  }[];
}

export interface ModuleEntry {
  seeds: SeedReport;
  lcc: LccBlock;
  diamond?: DiamondBlock | null;
  rwr?: RwrBlock | null;
  notes?: string[];
}

interface ModuleSettings extends NullModelSettings {
  method: ModuleMethod;
  n: number;
  alpha: number;
  mode: DiamondMode;
  restart: number;
  scope: GraphScope;
  threads: number;
}

export const moduleCommand: Command = {
  spec: {
    name: 'module',
    summary: 'disease module of a gene set: LCC significance, DIAMOnD or random walk with restart',
    description: [
      'Maps the gene set onto the whole network (or, with --graph lcc, its largest connected ' +
        'component) and reports the ' +
        "size of the set's own largest connected component with its z-score and empirical p " +
        'against random sets (always), plus the genes DIAMOnD adds (--method diamond) or the ' +
        'genes a random walk with restart from the set ranks highest (--method rwr).',
      '--disease all runs every set in the file (one entry per set, same seed and options).',
      'Every output names the graph it ran on ("graph"); N in DIAMOnD\'s hypergeometric p is its node count.',
    ],
    flags: [
      NETWORK_FLAG,
      GENES_FLAG,
      { ...DISEASE_FLAG, help: `${DISEASE_FLAG.help}; "all" runs every set` },
      {
        name: 'method',
        kind: 'choice',
        choices: ['lcc', 'diamond', 'rwr'],
        default: 'lcc',
        help: 'module method; the LCC significance is reported with every method',
      },
      {
        name: 'n',
        kind: 'integer',
        placeholder: 'N',
        min: 1,
        default: 200,
        help: 'diamond: genes to add; rwr: genes listed in "top"',
      },
      {
        name: 'alpha',
        kind: 'integer',
        placeholder: 'A',
        min: 1,
        default: 1,
        help: 'diamond: seed weight α (each seed counts as α nodes)',
      },
      {
        name: 'mode',
        kind: 'choice',
        choices: ['paper', 'reference'],
        default: 'paper',
        help: 'diamond: how α enters: paper (Ghiassian 2015) or reference (DIAMOnD.py, for parity)',
      },
      restartFlag(0.15),
      GRAPH_FLAG,
      ...NULL_MODEL_FLAGS,
      THREADS_FLAG,
      GENE_TABLE_FLAG,
      OUT_FLAG,
    ],
    examples: [
      'twinscreen module --network public/data/interactome_menche2015.tsv.gz --genes public/data/disease_genes_menche2015.tsv.gz --disease "arthritis, rheumatoid" --method diamond --n 50',
      'twinscreen module --network public/data/interactome_menche2015.tsv.gz --genes public/data/disease_genes_menche2015.tsv.gz --disease all --out modules.tsv',
    ],
  },

  async run(flags, io): Promise<CommandResult> {
    const networkFile = inputFileOf(flags, 'network', io.cwd);
    const genesFile = inputFileOf(flags, 'genes', io.cwd);
    const settings: ModuleSettings = {
      method: requiredString(flags, 'method') as ModuleMethod,
      n: numberFlag(flags, 'n'),
      alpha: numberFlag(flags, 'alpha'),
      mode: requiredString(flags, 'mode') as DiamondMode,
      restart: numberFlag(flags, 'restart'),
      scope: graphScopeOf(flags),
      ...nullModelSettingsOf(flags),
      threads: threadsOf(flags.number('threads')),
    };
    const geneIndex = await loadGeneIndex(flags.string('gene-table'), io.cwd);
    const geneSets = await loadGeneSets(genesFile, geneIndex);
    const disease = flags.string('disease');
    const sets = selectGeneSets(geneSets, disease, true);
    const isAll = disease !== undefined && disease.trim().toLowerCase() === 'all';
    const network = await loadNetwork(networkFile, geneIndex);
    const { graph } = networkOfScope(network, settings.scope);
    const bins = degreeBins(graph, { minBinSize: settings.binSize });

    const walks = settings.method === 'rwr' ? new NullWalks(graph, settings) : null;
    const entries: ModuleEntry[] = [];
    const parts: ModuleParts = {
      seeds: new Uint32Array(0),
      members: new Uint32Array(0),
      added: [],
    };
    try {
      for (const set of sets) {
        const entry = await moduleOfSet(
          set,
          network,
          geneIndex,
          bins,
          settings,
          isAll,
          walks,
          parts,
        );
        if (!isAll && entry.seeds.inGraph === 0) throw noSeedsInGraph(entry.seeds, geneSets.file);
        entries.push(entry);
      }
    } finally {
      walks?.dispose();
    }

    const graphSummary = graphSummaryOf(network, settings.scope);
    if (isAll) {
      return {
        json: {
          network: network.summary,
          graph: graphSummary,
          method: settings.method,
          diseases: entries,
        },
        table: summaryTable(entries),
      };
    }
    const [entry] = entries;
    return {
      json: { network: network.summary, graph: graphSummary, ...entry },
      network: moduleNetwork(
        networkOfScope(network, settings.scope),
        parts,
        settings,
        graphSummary,
      ),
      table:
        settings.method === 'diamond'
          ? diamondTable(entry.diamond as DiamondBlock)
          : settings.method === 'rwr'
            ? rwrTable(entry.rwr as RwrBlock)
            : summaryTable(entries),
    };
  },
};

/**
 * The engine for the rwr null, built once for all sets on the command's graph with every
 * weight 1 (the walk is unweighted), on the CPU worker pool.
 */
class NullWalks {
  readonly graph: CsrGraph;
  readonly #threads: number;
  #engine: Promise<Engine> | null = null;

  constructor(graph: CsrGraph, settings: ModuleSettings) {
    this.graph = { ...graph, weights: new Float32Array(graph.targets.length).fill(1) };
    this.#threads = settings.threads;
  }

  engine(): Promise<Engine> {
    const threads = this.#threads;
    const info = {
      engine: 'cpu',
      tfjsBackend: 'cpu',
      adapter: null,
      threads,
      reason: `CPU engine on ${threads} thread${threads === 1 ? '' : 's'} (--threads)`,
    } as const;
    this.#engine ??= createEngine(info, this.graph);
    return this.#engine;
  }

  dispose(): void {
    void this.#engine?.then((engine) => engine.dispose());
  }
}

async function moduleOfSet(
  set: GeneSet,
  network: LoadedNetwork,
  geneIndex: GeneIndex,
  bins: DegreeBins,
  settings: ModuleSettings,
  isAll: boolean,
  walks: NullWalks | null,
  parts: ModuleParts,
): Promise<ModuleEntry> {
  const { graph, names } = networkOfScope(network, settings.scope);
  const seeds = mapSeeds(set, network, geneIndex, settings.scope);
  const nullModel = nullModelOf(settings.nullChoice);
  const lcc = lccSignificance(graph, seeds.nodes, {
    iterations: settings.random,
    seed: settings.seed,
    nullModel,
    bins,
  });
  parts.seeds = seeds.nodes;
  parts.members = lcc.members;
  parts.added = [];
  const entry: ModuleEntry = {
    seeds: seeds.report,
    lcc: {
      size: lcc.size,
      genes: sortedNames(names, lcc.members),
      z: lcc.z,
      p: lcc.pValue,
      mean: lcc.nullMean,
      sd: lcc.nullSd,
      null: settings.nullChoice,
      nullDescription: lcc.nullDescription,
      random: lcc.iterations,
      seed: lcc.seed,
      binSize: bins.minBinSize,
    },
  };
  if (settings.method === 'lcc') return entry;
  if (seeds.nodes.length === 0) {
    if (!isAll) return entry;
    entry[settings.method] = null;
    entry.notes = [
      `${settings.method} skipped: no gene of the set is in the ${settings.scope === 'lcc' ? "network's LCC" : 'network'}`,
    ];
    return entry;
  }

  if (settings.method === 'diamond') {
    const result = diamond(graph, seeds.nodes, {
      iterations: settings.n,
      alpha: settings.alpha,
      mode: settings.mode,
    });
    parts.added = Array.from(result.nodes);
    entry.diamond = {
      mode: settings.mode,
      alpha: settings.alpha,
      n: settings.n,
      exhausted: result.exhausted,
      added: Array.from(result.nodes, (node, i) => ({
        gene: names[node],
        k: result.k[i],
        ks: result.ks[i],
        p: result.pValues[i],
      })),
    };
    return entry;
  }

  const walk = randomWalkWithRestart(graph, seedDistribution(graph.nodeCount, seeds.nodes), {
    restart: settings.restart,
  });
  if (!walks) throw new Error('module: the rwr method needs its engine');
  const engine = await walks.engine();
  const significance = await propagationSignificanceOnEngine(engine, walks.graph, seeds.nodes, {
    restart: settings.restart,
    iterations: settings.random,
    seed: settings.seed,
    nullModel,
    bins,
  });
  const isSeed = new Uint8Array(graph.nodeCount);
  for (const node of seeds.nodes) isSeed[node] = 1;
  const order = Array.from({ length: graph.nodeCount }, (_, v) => v).sort(
    (a, b) => walk.scores[b] - walk.scores[a] || compareNames(names[a], names[b]),
  );
  parts.added = order.slice(0, settings.n).filter((v) => isSeed[v] === 0);
  entry.rwr = {
    restart: settings.restart,
    iterations: walk.iterations,
    converged: walk.converged,
    null: settings.nullChoice,
    random: significance.iterations,
    seed: significance.seed,
    nullWalks: {
      engine: `${engine.backend}: ${engine.backendReason}`,
      tolerance: ENGINE_SIGNIFICANCE_DEFAULTS.tolerance,
      unconverged: significance.unconvergedDraws,
    },
    top: order.slice(0, settings.n).map((v) => ({
      gene: names[v],
      score: walk.scores[v],
      degreeCorrected: walk.degreeCorrected[v],
      p: significance.pValues[v],
      z: significance.z[v],
      isSeed: isSeed[v] === 1,
    })),
  };
  return entry;
}

/** The nodes behind one set's entry, for the network outputs. */
interface ModuleParts {
  /** The set's genes in the graph. */
  seeds: Uint32Array;
  /** The largest connected component of the seeds. */
  members: Uint32Array;
  /** DIAMOnD's added genes in order, or the listed RWR genes that are not seeds. */
  added: number[];
}

/**
 * `--out FILE.graphml|.cyjs|.sif`: the subgraph induced by the set's genes and the genes the
 * method added, with `entrez`, `role` (module gene = in the seeds' LCC, disease gene, added)
 * and, for DIAMOnD and RWR, `addedRank`.
 */
function moduleNetwork(
  scope: LoadedNetwork['whole'],
  parts: ModuleParts,
  settings: ModuleSettings,
  graph: { scope: string; description: string },
): ExportNetwork {
  const nodes = [...new Set([...parts.seeds, ...parts.added])];
  const local = new Map(nodes.map((v, k) => [v, k]));
  const inLcc = new Set(parts.members);
  const isSeed = new Set(parts.seeds);
  const rank = new Map(parts.added.map((v, k) => [v, k + 1]));
  const edges: [number, number][] = [];
  const { offsets, targets } = scope.graph;
  nodes.forEach((v, k) => {
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const j = local.get(targets[e]);
      if (j !== undefined && j > k) edges.push([k, j]);
    }
  });
  return {
    names: nodes.map((v) => scope.names[v]),
    edges,
    nodeAttributes: {
      entrez: nodes.map((v) => scope.entrez[v]),
      role: nodes.map((v) =>
        inLcc.has(v) ? 'module gene' : isSeed.has(v) ? 'disease gene' : 'added gene',
      ),
      addedRank: nodes.map((v) => rank.get(v) ?? null),
    },
    description: {
      method: settings.method,
      graph: `${graph.scope}: ${graph.description}`,
      generator: 'twinscreen module',
    },
  };
}

function summaryTable(entries: readonly ModuleEntry[]): Table {
  return {
    columns: [
      'disease',
      'given',
      'mapped',
      'inNetwork',
      'inLcc',
      'graph',
      'inGraph',
      'lccSize',
      'z',
      'p',
      'mean',
      'sd',
      'lccGenes',
    ],
    rows: entries.map(({ seeds, lcc }): Cell[] => [
      seeds.name,
      seeds.given,
      seeds.mapped,
      seeds.inNetwork,
      seeds.inLcc,
      seeds.graph,
      seeds.inGraph,
      lcc.size,
      lcc.z,
      lcc.p,
      lcc.mean,
      lcc.sd,
      lcc.genes,
    ]),
  };
}

function diamondTable(block: DiamondBlock): Table {
  return {
    columns: ['rank', 'gene', 'k', 'ks', 'p'],
    rows: block.added.map((row, i) => [i + 1, row.gene, row.k, row.ks, row.p]),
  };
}

function rwrTable(block: RwrBlock): Table {
  return {
    columns: ['rank', 'gene', 'score', 'degreeCorrected', 'p', 'z', 'isSeed'],
    rows: block.top.map((row, i) => [
      i + 1,
      row.gene,
      row.score,
      row.degreeCorrected,
      row.p,
      row.z,
      row.isSeed,
    ]),
  };
}
