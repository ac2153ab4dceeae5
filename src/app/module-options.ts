/**
 * Module panel options: defaults, names and validation
 * ====================================================
 * The choices of a module run (analysis-types.ts `ModuleOptions`), their defaults, the words
 * the panel shows for them, and one validation step that both the form (to mark a field) and
 * the worker (to refuse a bad request) use. Defaults follow the papers: R = 1000 random sets
 * (Menche 2015), DIAMOnD n = 200 and α = 1 (Ghiassian 2015), restart r = 0.15 (Drugst.One,
 * NetMedPy), seed 1, degree-preserving null with scDrugPrio's sampling (ALGORITHMS.md §3.2 b),
 * on the whole network as given (the published definitions; the LCC is an option).
 */
import { NULL_MODEL_DESCRIPTIONS } from '@/core/random/random-node-sets';
import type { GraphScope } from '@/core/screen/screen-network';
import type { ModuleMethod, ModuleNullModel, ModuleOptions } from './analysis-types';

export const MODULE_DEFAULTS: Readonly<ModuleOptions> = {
  method: 'lcc',
  graph: 'network',
  nullModel: 'degree-scdrugprio',
  randomSets: 1000,
  seed: 1,
  diamondIterations: 200,
  diamondAlpha: 1,
  diamondMode: 'paper',
  restart: 0.15,
};

/** Bounds the form and the worker enforce. */
export const MODULE_LIMITS = {
  randomSets: { min: 1, max: 1_000_000 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  diamondIterations: { min: 1, max: 1000 },
  diamondAlpha: { min: 1, max: 100 },
} as const;

export const METHOD_NAMES: Record<ModuleMethod, string> = {
  lcc: 'LCC significance',
  diamond: 'DIAMOnD',
  rwr: 'Random walk with restart',
};

/** Method names with their reference, for provenance and the export. */
export const METHOD_REFERENCES: Record<ModuleMethod, string> = {
  lcc: 'Largest connected component significance (Menche et al., Science 2015)',
  diamond: 'DIAMOnD disease module detection (Ghiassian, Menche & Barabási, PLoS Comput Biol 2015)',
  rwr: 'Random walk with restart with a degree-matched null (Köhler et al., AJHG 2008; ALGORITHMS.md §3.7)',
};

/** The graph choices as the panel names them. */
export const GRAPH_NAMES: Record<GraphScope, string> = {
  network: 'Whole network',
  lcc: 'Largest connected component',
};

export const NULL_MODEL_NAMES: Record<ModuleNullModel, string> = {
  'degree-scdrugprio': 'Degree-matched (scDrugPrio bins)',
  'degree-guney': 'Degree-matched (Guney 2016)',
  uniform: 'Uniform',
};

/** One-line description of each null, from the core (how the random sets are drawn). */
export const NULL_MODEL_DETAILS: Record<ModuleNullModel, string> = NULL_MODEL_DESCRIPTIONS;

/** Field → problem, in words for the form; empty when the options are valid. */
export type ModuleOptionErrors = Partial<Record<keyof ModuleOptions, string>>;

const isIntegerIn = (value: number, { min, max }: { min: number; max: number }) =>
  Number.isInteger(value) && value >= min && value <= max;

export function moduleOptionErrors(options: ModuleOptions): ModuleOptionErrors {
  const errors: ModuleOptionErrors = {};
  const { randomSets, seed, diamondIterations, diamondAlpha } = MODULE_LIMITS;
  if (!(options.method in METHOD_NAMES)) errors.method = `unknown method "${options.method}"`;
  if (!(options.graph in GRAPH_NAMES)) errors.graph = `unknown graph "${options.graph}"`;
  if (!(options.nullModel in NULL_MODEL_NAMES)) {
    errors.nullModel = `unknown null model "${options.nullModel}"`;
  }
  if (!isIntegerIn(options.randomSets, randomSets)) {
    errors.randomSets = `R must be a whole number from ${randomSets.min} to ${randomSets.max.toLocaleString('en-US')}`;
  }
  if (!isIntegerIn(options.seed, seed)) {
    errors.seed = `the seed must be a whole number from 0 to ${seed.max}`;
  }
  if (options.method === 'diamond') {
    if (!isIntegerIn(options.diamondIterations, diamondIterations)) {
      errors.diamondIterations = `n must be a whole number from ${diamondIterations.min} to ${diamondIterations.max}`;
    }
    if (!isIntegerIn(options.diamondAlpha, diamondAlpha)) {
      errors.diamondAlpha = `α must be a whole number from ${diamondAlpha.min} to ${diamondAlpha.max}`;
    }
    if (options.diamondMode !== 'paper' && options.diamondMode !== 'reference') {
      errors.diamondMode = `mode must be "paper" or "reference"`;
    }
  }
  if (options.method === 'rwr' && !(options.restart > 0 && options.restart < 1)) {
    errors.restart = 'the restart probability must be between 0 and 1 (exclusive)';
  }
  return errors;
}

/** Throws one error naming every bad field (the worker's boundary check). */
export function validateModuleOptions(options: ModuleOptions): ModuleOptions {
  const errors = Object.entries(moduleOptionErrors(options));
  if (errors.length > 0) {
    throw new RangeError(
      `Module options: ${errors.map(([field, problem]) => `${field}: ${problem}`).join('; ')}`,
    );
  }
  return options;
}
