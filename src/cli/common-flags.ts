/**
 * Flags shared by several commands
 * ================================
 * One definition each, so `--seed`, `--random` and friends mean the same everywhere and show
 * the same defaults in every `--help`. Defaults follow ALGORITHMS.md: R = 1000 random sets,
 * degree bins of at least 100 nodes, seed 1.
 */
import { availableParallelism } from 'node:os';
import type { NullModel } from '@/core/random/random-node-sets';
import type { GraphScope } from '@/core/screen/screen-network';
import { numberFlag, requiredString } from './command';
import type { FlagSpec, ParsedFlags } from './parse-flags';

export const NETWORK_FLAG: FlagSpec = {
  name: 'network',
  kind: 'string',
  placeholder: 'FILE',
  required: true,
  help: 'interactome edge list (.tsv/.csv/.sif, optionally .gz), e.g. public/data/interactome_menche2015.tsv.gz; used undirected, without self-loops and repeats',
};

/**
 * Which graph the module, centrality and separation methods run on. The published definitions
 * (Menche 2015, DIAMOnD.py, networkx) use the whole network; the LCC is an option.
 */
export const GRAPH_FLAG: FlagSpec = {
  name: 'graph',
  kind: 'choice',
  choices: ['network', 'lcc'],
  default: 'network',
  help: 'graph to run on: the whole network as given (every node, isolated ones included, as Menche 2015, DIAMOnD.py and networkx define it) or only its largest connected component',
};

/** The scope named by `--graph`. */
export function graphScopeOf(flags: ParsedFlags): GraphScope {
  return requiredString(flags, 'graph') as GraphScope;
}

export const GENES_FLAG: FlagSpec = {
  name: 'genes',
  kind: 'string',
  placeholder: 'FILE',
  required: true,
  help: 'gene sets: one gene per line, GMT, or a long table with a set column (disease, set, pathway…) such as public/data/disease_genes_menche2015.tsv.gz',
};

export const DISEASE_FLAG: FlagSpec = {
  name: 'disease',
  kind: 'string',
  placeholder: 'NAME',
  help: 'the gene set to use, by name (case-insensitive); needed when --genes holds several sets',
};

export const RANDOM_FLAG: FlagSpec = {
  name: 'random',
  kind: 'integer',
  placeholder: 'R',
  min: 1,
  default: 1000,
  help: 'number of random sets in the null distribution',
};

export const SEED_FLAG: FlagSpec = {
  name: 'seed',
  kind: 'integer',
  placeholder: 'S',
  min: 0,
  max: 2 ** 32,
  exclusiveMax: true,
  default: 1,
  help: 'seed of the random sets (xoshiro128**); the same seed gives the same output',
};

export const NULL_FLAG: FlagSpec = {
  name: 'null',
  kind: 'choice',
  choices: ['degree', 'uniform'],
  default: 'degree',
  help: 'null model: degree = degree-preserving random sets (per degree bin, as many nodes as the set has there; scDrugPrio), uniform = random nodes regardless of degree',
};

export const BIN_SIZE_FLAG: FlagSpec = {
  name: 'bin-size',
  kind: 'integer',
  placeholder: 'B',
  min: 1,
  default: 100,
  help: 'minimum number of nodes per degree bin (Guney 2016)',
};

/** The flags of the degree-binned null, in the order `--help` lists them. */
export const NULL_MODEL_FLAGS: readonly FlagSpec[] = [
  NULL_FLAG,
  RANDOM_FLAG,
  SEED_FLAG,
  BIN_SIZE_FLAG,
];

/** `--restart` of the random walk with restart (rwr), defaulting to `restart`. */
export function restartFlag(restart: number): FlagSpec {
  return {
    name: 'restart',
    kind: 'number',
    placeholder: 'R',
    min: 0,
    exclusiveMin: true,
    max: 1,
    default: restart,
    help: 'rwr: restart probability',
  };
}

export const GENE_TABLE_FLAG: FlagSpec = {
  name: 'gene-table',
  kind: 'string',
  placeholder: 'FILE',
  help: 'gene table used to map identifiers to Entrez IDs (entrez_id, symbol, ensembl_ids, previous_symbols, alias_symbols); default: the bundled public/data/genes.tsv.gz',
};

export const OUT_FLAG: FlagSpec = {
  name: 'out',
  kind: 'string',
  placeholder: 'FILE',
  help: 'write the result to FILE instead of stdout: .json for the full result, .tsv for its table',
};

/** Worker threads for the parallel parts of `centrality` and `module` (default: the cores). */
export const THREADS_FLAG: FlagSpec = {
  name: 'threads',
  kind: 'integer',
  placeholder: 'T',
  min: 1,
  max: 64,
  help: "worker threads for the whole-network betweenness (centrality) and the random walks' null (module --method rwr); default: the machine's cores, at most 8",
};

/** --threads, or the machine's cores (at most 8). */
export function threadsOf(given: number | undefined): number {
  return given ?? Math.max(1, Math.min(8, availableParallelism()));
}

/** The values of `NULL_MODEL_FLAGS` (defaults applied by the parser). */
export interface NullModelSettings {
  /** `--null` as given: degree or uniform. */
  nullChoice: string;
  random: number;
  seed: number;
  binSize: number;
}

export function nullModelSettingsOf(flags: ParsedFlags): NullModelSettings {
  return {
    nullChoice: requiredString(flags, 'null'),
    random: numberFlag(flags, 'random'),
    seed: numberFlag(flags, 'seed'),
    binSize: numberFlag(flags, 'bin-size'),
  };
}

/** `--null` value → the core's null model. */
export function nullModelOf(choice: string): NullModel {
  return choice === 'uniform' ? 'uniform' : 'degree-scdrugprio';
}
