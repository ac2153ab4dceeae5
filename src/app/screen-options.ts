/**
 * Screen panel options: defaults, names, validation and the request
 * =================================================================
 * What the "Screen drugs" form holds, its defaults (R = 1000 random draws and seed 1, as in
 * Guney 2016 and scDrugPrio; scDrugPrio's shared per-bin sampling; proximity and RWR on, the
 * digital cure off until a DEG table is chosen), one validation step for the form, and the
 * worker request it becomes. The known-indication term defaults to the module's name in reading
 * order ("arthritis, rheumatoid" → "rheumatoid arthritis"); matching ignores word order anyway.
 */
import type { ScreenMethod } from '@/core/screen/drug-screen';
import { SCREEN_SAMPLING_DESCRIPTIONS, type ScreenSampling } from '@/core/screen/screen-sampler';
import type { BackendInfo } from '@/gpu/backend';
import { plainBackendInfo } from './engine-backend';
import { uninvertName } from '@/core/screen/indication-match';
import type { DegSource, ScreenRequest } from './screen-types';

export interface ScreenForm {
  /** The module's gene set; null follows the disease shown on the network. */
  geneSetId: string | null;
  /** Index into the workspace's drug-target tables (0: bundled DrugCentral). */
  drugTable: number;
  methods: Record<ScreenMethod, boolean>;
  degSource: DegSource;
  /** Cell type of the DEG table; null: the table's first. */
  degGroup: string | null;
  /** The disease an imported DEG table comes from ('' : not stated; the bundled one's is known). */
  degDisease: string;
  /** Known-indication term; null: derived from the module's name. */
  indicationTerm: string | null;
  iterations: number;
  seed: number;
  sampling: ScreenSampling;
}

export const SCREEN_FORM_DEFAULTS: Readonly<ScreenForm> = {
  geneSetId: null,
  drugTable: 0,
  methods: { proximity: true, rwr: true, cure: false },
  degSource: 'none',
  degGroup: null,
  degDisease: '',
  indicationTerm: null,
  iterations: 1000,
  seed: 1,
  sampling: 'shared',
};

/** Bounds the form enforces (the core checks them again). */
export const SCREEN_LIMITS = {
  iterations: { min: 10, max: 100_000 },
  seed: { min: 0, max: 2 ** 32 - 1 },
} as const;

export const SCREEN_METHOD_NAMES: Readonly<Record<ScreenMethod, string>> = {
  proximity: 'Network proximity',
  rwr: 'Random-walk influence',
  cure: 'Digital cure',
};

export const SCREEN_METHOD_HINTS: Readonly<Record<ScreenMethod, string>> = {
  proximity: 'd_c to the module, z against degree-matched random draws (Guney 2016)',
  rwr: 'influence of the targets on the module from one walk with restart, r = 0.15',
  cure: 'signed dynamics on OmniPath; needs DEGs (reversal of their signs)',
};

export const SAMPLING_NAMES: Readonly<Record<ScreenSampling, string>> = {
  shared: 'Shared (scDrugPrio)',
  guney: 'Per node (Guney 2016)',
};

export const SAMPLING_DETAILS: Readonly<Record<ScreenSampling, string>> =
  SCREEN_SAMPLING_DESCRIPTIONS;

export type ScreenFormErrors = Partial<Record<'methods' | 'iterations' | 'seed' | 'cure', string>>;

const isIntegerIn = (value: number, { min, max }: { readonly min: number; readonly max: number }) =>
  Number.isInteger(value) && value >= min && value <= max;

/** Field → problem, in words for the form; empty when the form can run. */
export function screenFormErrors(form: ScreenForm): ScreenFormErrors {
  const errors: ScreenFormErrors = {};
  const { iterations, seed } = SCREEN_LIMITS;
  if (!Object.values(form.methods).some(Boolean)) errors.methods = 'choose at least one method';
  if (!isIntegerIn(form.iterations, iterations)) {
    errors.iterations = `R must be a whole number from ${iterations.min} to ${iterations.max.toLocaleString('en-US')}`;
  }
  if (!isIntegerIn(form.seed, seed)) {
    errors.seed = `the seed must be a whole number from 0 to ${seed.max}`;
  }
  if (form.methods.cure && form.degSource === 'none') {
    errors.cure = 'the digital cure needs a DEG table: choose one under “DEGs”';
  }
  return errors;
}

/** The methods ticked, in the pipeline's order. */
export function screenMethods(form: ScreenForm): ScreenMethod[] {
  return (['proximity', 'rwr', 'cure'] as const).filter((method) => form.methods[method]);
}

/** The indication term the form uses: the one typed, else the module's name in reading order. */
export function indicationTermFor(form: ScreenForm, moduleName: string): string {
  return form.indicationTerm ?? uninvertName(moduleName);
}

/** The worker request for a valid form (plain data: safe to send). */
export function screenRequest(
  form: ScreenForm,
  module: { geneSetId: string; name: string },
  backend: BackendInfo | null,
): ScreenRequest {
  return {
    geneSetId: module.geneSetId,
    drugTable: form.drugTable,
    methods: screenMethods(form),
    degSource: form.degSource,
    degGroup: form.degSource === 'none' ? null : form.degGroup,
    degDisease:
      typeof form.degSource === 'number' && form.degDisease.trim() !== ''
        ? form.degDisease.trim()
        : null,
    indicationTerm: indicationTermFor(form, module.name),
    iterations: form.iterations,
    seed: form.seed,
    sampling: form.sampling,
    backend: plainBackendInfo(backend),
  };
}
