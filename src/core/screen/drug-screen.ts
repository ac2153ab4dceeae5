/**
 * Drug screen against one disease module: the whole pipeline, CPU reference
 * ========================================================================
 * Steps (each in its own file; ALGORITHMS.md §3.4, §3.5, §3.7, §3.12, §3.14, §4):
 * 1. network → its LCC (screen-network.ts); module genes and drug targets mapped into it;
 *    drugs grouped into entries by identical target set and action classes (drug-library.ts).
 * 2. proximity: d_c, z, empirical p = #{d_r ≤ d_c}/R and Gaussian Φ(z) for every target set
 *    against the degree-binned null (R = 1000, bins ≥ 100 nodes, seeded; 'shared' or 'guney'
 *    sampling, screen-sampler.ts; σ with ddof 0) — proximity-screen.ts.
 * 3. rwr: influence of the targets on the module from one adjoint RWR (r = 0.15), z against
 *    the same degree-matched random target sets, p = #{I_r ≥ I}/R — rwr-screen.ts.
 * 4. counteraction per DEG group (counteraction.ts) and the scDrugPrio candidate flag
 *    P = Φ(z) < 0.05 ∧ d_c < 1 ∧ counteracting ≥ 1 (in the chosen group), each drug's direction
 *    (counteracts / mimics / mixed / no-evidence), and the screen's direction statement
 *    (screen-direction.ts): without DEGs it says direction is unknown and no drug is a
 *    candidate; DEGs of another disease than the module's give a warning naming both.
 * 5. cure: signed linear and tanh dynamics on the signed network, one column per drug
 *    (digital-cure.ts).
 * 6. ranking: per method (proximity z ascending, rwr z descending, cure score descending;
 *    mid-ranks, unscored drugs tied last), combined by mean rank (or rank product) over the
 *    methods that ran, final rank = mid-rank of the combination (screen-ranking.ts); FDR by
 *    Benjamini–Hochberg on the proximity and rwr empirical p over all entries.
 * 7. explanation per drug (drug-explanation.ts), 8. pairwise combinations of the top K
 *    (drug-combinations.ts), 9. validation against known indications (screen-validation.ts).
 * Every entry (drugs with identical targets and actions) is one row; proximity and rwr are
 * computed once per distinct target set. The engine runner (src/engine/screen-runner.ts) runs the
 * same steps with the BFS and the cure dynamics on the engine: `prepareScreen` and
 * `assembleScreen` are shared, so only those kernels can differ.
 */
import type { CsrGraph } from '../graph/csr';
import type { Activation } from '../engine/signed-dynamics';
import { degreeBins, type DegreeBins } from '../random/degree-bins';
import { DRUG_COMBINATION_CLASS_DEFAULTS } from '../metrics/drug-combination-class';
import { NULL_MODEL_DESCRIPTIONS } from '../random/random-node-sets';
import { benjaminiHochberg } from '../stats/benjamini-hochberg';
import {
  buildDegSignature,
  counteraction,
  drugDirection,
  type Counteraction,
  type DrugDirection,
  type DegSignature,
  type DegSignatureGroup,
  type DegSignatureRow,
} from './counteraction';
import {
  buildCureProblem,
  prepareCureNetwork,
  resolveCureOptions,
  screenCure,
  type CureOptions,
  type CureProblem,
  type CureScore,
  type CureScreen,
} from './digital-cure';
import { screenCombinations, type DrugPair } from './drug-combinations';
import {
  explainTargets,
  proteinsToMeasure,
  type ProteinToMeasure,
  type TargetExplanation,
} from './drug-explanation';
import {
  buildDrugLibrary,
  targetSetNodes,
  type DrugLibrary,
  type ExcludedDrug,
  type ScreenDrugInput,
} from './drug-library';
import {
  moduleDistanceField,
  resolveProximityScreenOptions,
  screenProximity,
  type ProximityScreen,
} from './proximity-screen';
import { screenRwr, type RwrScreen } from './rwr-screen';
import {
  degDiseaseUnstatedNote,
  degDiseaseWarning,
  screenDirection,
  type ScreenDirection,
} from './screen-direction';
import { combineRanks, midRanks, type RankCombination } from './screen-ranking';
import {
  SCREEN_SAMPLING_DESCRIPTIONS,
  SCREEN_SAMPLING_NULL_MODEL,
  type ScreenSampling,
} from './screen-sampler';
import {
  mapGeneSet,
  prepareScreenNetwork,
  type GeneRef,
  type MappedGeneSet,
  type ScreenNetwork,
} from './screen-network';
import {
  validateScreen,
  type ScreenValidation,
  type ScreenValidationOptions,
} from './screen-validation';

export type ScreenMethod = 'proximity' | 'rwr' | 'cure';
export const SCREEN_METHODS: readonly ScreenMethod[] = ['proximity', 'rwr', 'cure'];

/** A network as the importer gives it (structurally io's `ImportedNetwork`). */
export interface ScreenNetworkInput {
  readonly graph: CsrGraph;
  readonly nodeIds: readonly string[];
  readonly entrezIds?: readonly (string | null)[] | null;
  /** Data set name, for the provenance. */
  readonly name?: string;
}

export interface ScreenInput {
  /** Undirected interactome (proximity, rwr, combinations). */
  readonly network: ScreenNetworkInput;
  readonly module: { readonly name: string; readonly genes: readonly GeneRef[] };
  readonly drugs: { readonly name?: string; readonly drugs: readonly ScreenDrugInput[] };
  /**
   * DEG table: counteraction, candidate flag and the cure's signature. `disease`: the disease
   * the DEGs come from, checked against the module's name (screen-direction.ts).
   */
  readonly degs?: {
    readonly name?: string;
    readonly disease?: string | null;
    readonly rows: readonly DegSignatureRow[];
  } | null;
  /** Signed directed network (weights ±1) for the digital cure. */
  readonly signedNetwork?: ScreenNetworkInput | null;
  /** Names of drugs known to treat the disease (validation). */
  readonly indications?: { readonly name?: string; readonly drugNames: readonly string[] } | null;
}

export interface ScreenOptions {
  methods: ScreenMethod[];
  iterations: number;
  seed: number;
  sampling: ScreenSampling;
  minBinSize: number;
  ddof: 0 | 1;
  /** RWR restart probability. */
  restart: number;
  combination: RankCombination;
  /** DEG group used for the cure, the candidate flag and the headline counts (null: the first). */
  degGroup: string | null;
  /** DEG rows with q above this are ignored. */
  maxQ: number;
  cure: Partial<CureOptions>;
  /** Combinations are computed among the best `combinationsTopK` entries (0: none). */
  combinationsTopK: number;
  /** Proximal when z < proximalZ (combination classes; Cheng 2019: z < 0, drug-combination-class.ts). */
  proximalZ: number;
  validation: Partial<ScreenValidationOptions>;
  /** scDrugPrio candidate rule: Φ(z) < candidateP ∧ d_c < candidateDistance ∧ counteracting ≥ 1. */
  candidateP: number;
  candidateDistance: number;
}

export const SCREEN_DEFAULTS: Readonly<ScreenOptions> = {
  methods: ['proximity', 'rwr', 'cure'],
  iterations: 1000,
  seed: 1,
  sampling: 'shared',
  minBinSize: 100,
  ddof: 0,
  restart: 0.15,
  combination: 'mean-rank',
  degGroup: null,
  maxQ: 0.05,
  cure: {},
  combinationsTopK: 100,
  proximalZ: DRUG_COMBINATION_CLASS_DEFAULTS.proximalZ,
  validation: {},
  candidateP: 0.05,
  candidateDistance: 1,
};

/** Everything the kernels need, resolved and validated once. */
export interface ScreenContext {
  readonly input: ScreenInput;
  readonly options: ScreenOptions;
  /** Methods that will run (requested and possible). */
  readonly methods: ScreenMethod[];
  readonly network: ScreenNetwork;
  readonly module: MappedGeneSet & { readonly name: string; readonly genesGiven: number };
  readonly library: DrugLibrary;
  readonly bins: DegreeBins;
  readonly signature: DegSignature | null;
  readonly group: DegSignatureGroup | null;
  readonly cureProblem: CureProblem | null;
  readonly notes: string[];
}

export function resolveScreenOptions(options: Partial<ScreenOptions> = {}): ScreenOptions {
  const resolved = { ...SCREEN_DEFAULTS, ...options };
  for (const method of resolved.methods) {
    if (!SCREEN_METHODS.includes(method)) {
      throw new RangeError(
        `screen: unknown method "${String(method)}"; expected some of ${SCREEN_METHODS.join(', ')}`,
      );
    }
  }
  if (resolved.methods.length === 0) throw new RangeError('screen: no method requested');
  resolveProximityScreenOptions({
    iterations: resolved.iterations,
    seed: resolved.seed,
    sampling: resolved.sampling,
    minBinSize: resolved.minBinSize,
    ddof: resolved.ddof,
  });
  if (!(resolved.restart > 0 && resolved.restart <= 1)) {
    throw new RangeError(`screen: restart must be in (0, 1], got ${resolved.restart}`);
  }
  if (resolved.combination !== 'mean-rank' && resolved.combination !== 'rank-product') {
    throw new RangeError(
      `screen: combination must be 'mean-rank' or 'rank-product', got "${String(resolved.combination)}"`,
    );
  }
  if (!Number.isInteger(resolved.combinationsTopK) || resolved.combinationsTopK < 0) {
    throw new RangeError(`screen: combinationsTopK must be an integer ≥ 0`);
  }
  resolveCureOptions(resolved.cure);
  return resolved;
}

/** Maps the inputs and decides which methods can run (see the header). */
export function prepareScreen(
  input: ScreenInput,
  options: Partial<ScreenOptions> = {},
): ScreenContext {
  const resolved = resolveScreenOptions(options);
  const notes: string[] = [];
  const network = prepareScreenNetwork(
    input.network.graph,
    input.network.nodeIds,
    input.network.entrezIds ?? null,
  );
  const mapped = mapGeneSet(network, input.module.genes);
  if (mapped.nodes.length === 0) {
    throw new RangeError(
      `screen: none of the ${input.module.genes.length} genes of module "${input.module.name}" is in the network's largest connected component`,
    );
  }
  const library = buildDrugLibrary(network, input.drugs.drugs);
  if (library.entries.length === 0) {
    throw new RangeError(
      `screen: none of the ${library.drugCount} drugs has a target in the network's largest connected component`,
    );
  }
  const bins = degreeBins(network.graph, { minBinSize: resolved.minBinSize });

  let signature: DegSignature | null = null;
  let group: DegSignatureGroup | null = null;
  if (input.degs) {
    signature = buildDegSignature(input.degs.rows, { maxQ: resolved.maxQ });
    if (resolved.degGroup !== null) {
      group = signature.groups.find((g) => g.name === resolved.degGroup) ?? null;
      if (group === null) {
        throw new RangeError(
          `screen: DEG group "${resolved.degGroup}" not found; groups: ${signature.groups.map((g) => g.name).join(', ')}`,
        );
      }
    } else {
      group = signature.groups[0] ?? null;
      if (signature.groups.length > 1 && group) {
        notes.push(
          `DEG table has ${signature.groups.length} groups; counteraction headline, candidate flag and cure use "${group.name}" (choose with degGroup)`,
        );
      }
    }
    if (group) {
      const name = input.degs.name ?? null;
      const warning = degDiseaseWarning(input.module.name, input.degs.disease, name);
      const unstated = degDiseaseUnstatedNote(input.module.name, input.degs.disease, name);
      if (warning) notes.push(`warning: ${warning}`);
      if (unstated) notes.push(unstated);
    }
  }

  const methods = resolved.methods.filter((method) => {
    if (method !== 'cure') return true;
    if (!input.signedNetwork) {
      notes.push('cure skipped: no signed network given');
      return false;
    }
    if (!group) {
      notes.push('cure skipped: no DEG table given (the cure scores reversal of DEG signs)');
      return false;
    }
    return true;
  });

  let cureProblem: CureProblem | null = null;
  if (methods.includes('cure') && input.signedNetwork && group) {
    const cureNetwork = prepareCureNetwork(
      input.signedNetwork.graph,
      input.signedNetwork.nodeIds,
      input.signedNetwork.entrezIds ?? null,
    );
    cureProblem = buildCureProblem(
      cureNetwork,
      group,
      input.module.genes,
      library.entries.map((entry) => ({
        targets: entry.targets.map((target) => ({
          gene: target.gene,
          entrez: network.entrez[target.node],
          actionClass: target.actionClass,
        })),
      })),
      resolved.cure,
    );
    if (cureProblem.signatureNodes.length === 0) {
      notes.push(
        `cure: no module gene has a DEG sign in "${group.name}" and is in the signed network; cure scores are empty` +
          (cureProblem.options.signatureScope === 'module'
            ? " (try signatureScope 'all-degs')"
            : ''),
      );
    }
  }
  return {
    input,
    options: resolved,
    methods,
    network,
    module: { ...mapped, name: input.module.name, genesGiven: input.module.genes.length },
    library,
    bins,
    signature,
    group,
    cureProblem,
    notes,
  };
}

export interface ScreenProvenance {
  readonly method: string;
  readonly methods: ScreenMethod[];
  readonly engine: string;
  readonly null: {
    readonly sampling: ScreenSampling;
    readonly samplingDescription: string;
    readonly nullModel: string;
    readonly nullModelDescription: string;
    readonly iterations: number;
    readonly seed: number;
    readonly minBinSize: number;
    readonly binCount: number;
    readonly ddof: 0 | 1;
    readonly pValue: string;
  };
  readonly rwr: {
    readonly restart: number;
    readonly tolerance: number;
    readonly iterations: number;
    readonly converged: boolean;
  } | null;
  readonly cure: {
    readonly group: string;
    readonly activations: Activation[];
    readonly coupling: number;
    readonly tolerance: number;
    readonly maxIterations: number;
    readonly moveThreshold: number;
    readonly signatureScope: 'module' | 'all-degs';
    readonly signatureSize: number;
    readonly perturbableDrugs: number;
    /** Drug columns whose dynamics hit maxIterations before the tolerance (per activation). */
    readonly unconverged: Readonly<Partial<Record<Activation, number>>>;
  } | null;
  readonly ranking: {
    readonly combination: RankCombination;
    readonly methodsRanked: ScreenMethod[];
    readonly fdr: string;
  };
  readonly data: {
    readonly network: {
      readonly name: string | null;
      readonly nodes: number;
      readonly lccNodes: number;
      readonly lccEdges: number;
    };
    readonly module: {
      readonly name: string;
      readonly genesGiven: number;
      readonly inLcc: number;
      readonly notInNetwork: string[];
      readonly outsideLcc: string[];
    };
    readonly drugs: {
      readonly name: string | null;
      readonly drugsRead: number;
      readonly drugsScreened: number;
      readonly entries: number;
      readonly targetSets: number;
      readonly excluded: number;
    };
    readonly degs: {
      readonly name: string | null;
      readonly groups: string[];
      readonly group: string | null;
      readonly maxQ: number;
      /** The disease the DEGs come from, as given (null: not stated). */
      readonly disease: string | null;
    } | null;
    readonly signedNetwork: { readonly name: string | null; readonly nodes: number } | null;
    readonly indications: { readonly name: string | null; readonly drugNames: number } | null;
  };
}

export interface DrugScreenResult {
  /** Index in the library's entries. */
  readonly entry: number;
  /** Display name (first member). */
  readonly drug: string;
  readonly names: readonly string[];
  readonly ids: readonly (string | null)[];
  /** Screened targets (in the LCC). */
  readonly targets: readonly string[];
  readonly targetsInNetwork: number;
  readonly targetsNotInNetwork: readonly string[];
  readonly targetsOutsideLcc: readonly string[];
  readonly proximity: {
    readonly dC: number;
    readonly z: number;
    readonly p: number;
    readonly gaussianP: number;
    /** BH-adjusted empirical p. */
    readonly q: number;
    readonly nullMean: number;
    readonly nullSd: number;
  } | null;
  readonly rwr: {
    readonly influence: number;
    /** Degree-corrected influence (z against degree-matched random target sets). */
    readonly score: number;
    readonly p: number;
    readonly q: number;
    readonly nullMean: number;
    readonly nullSd: number;
  } | null;
  /** In the chosen DEG group (null without DEGs). */
  readonly counteraction: Counteraction | null;
  /** Verdict of `counteraction` (counteraction.ts `drugDirection`); null without DEGs. */
  readonly direction: DrugDirection | null;
  /** Every DEG group. */
  readonly counteractionByGroup: readonly Counteraction[];
  /** First activation's cure score (null: not run, or no target with a known action in the signed network). */
  readonly cure: CureScore | null;
  readonly cureByActivation: Readonly<Partial<Record<Activation, CureScore | null>>>;
  readonly ranks: Readonly<Partial<Record<ScreenMethod, number>>>;
  /** Combined score (mean rank or rank product; lower = better). */
  readonly combinedScore: number;
  /** Final rank (1 = best; ties averaged). */
  readonly rank: number;
  /**
   * scDrugPrio candidate: Φ(z) < 0.05 ∧ d_c < 1 ∧ counteracting ≥ 1. Null when the rule cannot
   * be evaluated (no proximity, or no DEGs: then no drug is a candidate).
   */
  readonly isCandidate: boolean | null;
  readonly explanation: {
    readonly targets: readonly TargetExplanation[];
    readonly proteinsToMeasure: readonly ProteinToMeasure[];
  };
}

export interface DrugCombination extends DrugPair {
  readonly entryA: number;
  readonly entryB: number;
  readonly drugA: string;
  readonly drugB: string;
}

export interface ScreenResult {
  readonly provenance: ScreenProvenance;
  /** Whether the screen can tell treating from aggravating, and from which DEGs (see above). */
  readonly direction: ScreenDirection;
  /** One per entry, best rank first (ties in entry order). */
  readonly drugs: readonly DrugScreenResult[];
  readonly excluded: readonly ExcludedDrug[];
  readonly unrecognisedActions: DrugLibrary['unrecognisedActions'];
  /** Pairs among the top K entries, in rank order of A then B. */
  readonly combinations: readonly DrugCombination[];
  readonly validation: Readonly<
    Partial<Record<ScreenMethod | 'combined', ScreenValidation>>
  > | null;
  readonly notes: readonly string[];
}

export interface ScreenParts {
  readonly proximity: ProximityScreen | null;
  readonly rwr: RwrScreen | null;
  readonly cure: CureScreen | null;
}

/** RWR part (one float64 propagation + gathers; shared by both runners). */
export function runRwrPart(context: ScreenContext): RwrScreen {
  const { network, module, library, bins, options } = context;
  return screenRwr(
    network.graph,
    module.nodes,
    library.targetSets.offsets,
    library.targetSets.nodes,
    bins,
    {
      restart: options.restart,
      iterations: options.iterations,
      seed: options.seed,
      sampling: options.sampling,
    },
  );
}

/** Turns the parts into the result (shared by both runners). */
export function assembleScreen(
  context: ScreenContext,
  parts: ScreenParts,
  engine: string,
): ScreenResult {
  const { library, network, module, options, group, signature, input } = context;
  const entries = library.entries;
  const count = entries.length;
  const { proximity, rwr, cure } = parts;

  const setStats = proximity?.sets ?? null;
  const rwrStats = rwr?.sets ?? null;
  const proximityQ = setStats
    ? benjaminiHochberg(entries.map((entry) => setStats[entry.targetSet].pValue))
    : null;
  const rwrQ = rwrStats
    ? benjaminiHochberg(entries.map((entry) => rwrStats[entry.targetSet].pValue))
    : null;
  const activations = cure ? [...cure.byActivation.keys()] : [];

  const ranksByMethod = new Map<ScreenMethod, Float64Array>();
  if (setStats) {
    ranksByMethod.set(
      'proximity',
      midRanks(
        entries.map((e) => setStats[e.targetSet].z),
        true,
      ),
    );
  }
  if (rwrStats) {
    ranksByMethod.set(
      'rwr',
      midRanks(
        entries.map((e) => rwrStats[e.targetSet].z),
        false,
      ),
    );
  }
  if (cure && activations.length > 0) {
    const scores = cure.byActivation.get(activations[0]) as readonly (CureScore | null)[];
    if (scores.some((score) => score !== null)) {
      ranksByMethod.set(
        'cure',
        midRanks(
          scores.map((s) => (s ? s.cureScore : NaN)),
          false,
        ),
      );
    }
  }
  const methodsRanked = [...ranksByMethod.keys()];
  const combined =
    methodsRanked.length > 0
      ? combineRanks([...ranksByMethod.values()], options.combination)
      : new Float64Array(count).fill(NaN);
  const finalRanks = midRanks(combined, true);
  const field = proximity?.field ?? moduleDistanceField(network.graph, module.nodes);

  const rows: DrugScreenResult[] = entries.map((entry, j) => {
    const set = setStats ? setStats[entry.targetSet] : null;
    const influence = rwrStats ? rwrStats[entry.targetSet] : null;
    const counteractionByGroup = signature
      ? signature.groups.map((g) =>
          counteraction(
            g,
            entry.targets.map((target) => ({
              gene: target.gene,
              entrez: network.entrez[target.node],
              actionClass: target.actionClass,
            })),
          ),
        )
      : [];
    const headline = group
      ? (counteractionByGroup.find((c) => c.group === group.name) ?? null)
      : null;
    const cureByActivation: Partial<Record<Activation, CureScore | null>> = {};
    for (const activation of activations) {
      cureByActivation[activation] = (cure as CureScreen).byActivation.get(activation)?.[j] ?? null;
    }
    const firstCure = activations.length > 0 ? (cureByActivation[activations[0]] ?? null) : null;
    const ranks: Partial<Record<ScreenMethod, number>> = {};
    for (const [method, list] of ranksByMethod) ranks[method] = list[j];
    const targets = explainTargets(network.names, field, entry);
    return {
      entry: j,
      drug: entry.names[0],
      names: entry.names,
      ids: entry.ids,
      targets: entry.targets.map((target) => target.gene),
      targetsInNetwork: entry.targets.length,
      targetsNotInNetwork: entry.notInNetwork,
      targetsOutsideLcc: entry.outsideLcc,
      proximity: set
        ? {
            dC: set.distance,
            z: set.z,
            p: set.pValue,
            gaussianP: set.gaussianP,
            q: (proximityQ as Float64Array)[j],
            nullMean: set.nullMean,
            nullSd: set.nullSd,
          }
        : null,
      rwr: influence
        ? {
            influence: influence.influence,
            score: influence.z,
            p: influence.pValue,
            q: (rwrQ as Float64Array)[j],
            nullMean: influence.nullMean,
            nullSd: influence.nullSd,
          }
        : null,
      counteraction: headline,
      direction: headline ? drugDirection(headline) : null,
      counteractionByGroup,
      cure: firstCure,
      cureByActivation,
      ranks,
      combinedScore: combined[j],
      rank: finalRanks[j],
      isCandidate:
        set && headline
          ? set.gaussianP < options.candidateP &&
            set.distance < options.candidateDistance &&
            headline.counteracting >= 1
          : null,
      explanation: {
        targets,
        proteinsToMeasure: proteinsToMeasure(targets, headline, firstCure),
      },
    };
  });
  const ordered = [...rows].sort((a, b) => a.rank - b.rank || a.entry - b.entry);

  let combinations: DrugCombination[] = [];
  if (options.combinationsTopK > 0 && setStats) {
    const top = ordered.slice(0, options.combinationsTopK);
    const pairs = screenCombinations(
      network.graph,
      top.map((row) => targetSetNodes(library, entries[row.entry].targetSet)),
      top.map((row) => (row.proximity as { z: number }).z),
      { proximalZ: options.proximalZ },
    );
    combinations = pairs.map((pair) => ({
      ...pair,
      entryA: top[pair.a].entry,
      entryB: top[pair.b].entry,
      drugA: top[pair.a].drug,
      drugB: top[pair.b].drug,
    }));
  }

  let validation: ScreenResult['validation'] = null;
  if (input.indications) {
    const names = entries.map((entry) => entry.names);
    const known = input.indications.drugNames;
    const result: Partial<Record<ScreenMethod | 'combined', ScreenValidation>> = {};
    if (setStats) {
      result.proximity = validateScreen(
        names,
        entries.map((e) => setStats[e.targetSet].z),
        known,
        options.validation,
      );
    }
    if (rwrStats) {
      result.rwr = validateScreen(
        names,
        entries.map((e) => -rwrStats[e.targetSet].z),
        known,
        { ...options.validation, cutoff: -1.645 },
      );
    }
    if (ranksByMethod.has('cure')) {
      result.cure = validateScreen(
        names,
        rows.map((row) => (row.cure ? -row.cure.cureScore : NaN)),
        known,
        { ...options.validation, cutoff: null },
      );
    }
    if (methodsRanked.length > 0) {
      result.combined = validateScreen(names, combined, known, {
        ...options.validation,
        cutoff: null,
      });
    }
    validation = result;
  }

  const cureProblem = context.cureProblem;
  const direction = screenDirection({
    moduleDisease: module.name,
    degs: group
      ? { name: input.degs?.name ?? null, group: group.name, disease: input.degs?.disease ?? null }
      : null,
    directions: rows.map((row) => row.direction),
  });
  return {
    direction,
    provenance: {
      method:
        'twinscreen drug screen (network proximity, RWR influence, counteraction, digital cure)',
      methods: context.methods,
      engine,
      null: {
        sampling: options.sampling,
        samplingDescription: SCREEN_SAMPLING_DESCRIPTIONS[options.sampling],
        nullModel: SCREEN_SAMPLING_NULL_MODEL[options.sampling],
        nullModelDescription: NULL_MODEL_DESCRIPTIONS[SCREEN_SAMPLING_NULL_MODEL[options.sampling]],
        iterations: options.iterations,
        seed: options.seed,
        minBinSize: options.minBinSize,
        binCount: context.bins.binCount,
        ddof: options.ddof,
        pValue:
          'proximity p = #{d_r ≤ d_c}/R (empirical, one-sided; 0 means < 1/R), gaussianP = Φ(z); rwr p = #{I_r ≥ I}/R',
      },
      rwr: rwr
        ? {
            restart: rwr.options.restart,
            tolerance: rwr.options.tolerance,
            iterations: rwr.iterations,
            converged: rwr.converged,
          }
        : null,
      cure:
        cure && cureProblem
          ? {
              group: cureProblem.group,
              activations: [...cureProblem.options.activations],
              coupling: cureProblem.options.coupling,
              tolerance: cureProblem.options.tolerance,
              maxIterations: cureProblem.options.maxIterations,
              moveThreshold: cureProblem.options.moveThreshold,
              signatureScope: cureProblem.options.signatureScope,
              signatureSize: cureProblem.signatureNodes.length,
              perturbableDrugs: cureProblem.columns.length,
              unconverged: Object.fromEntries(
                [...cure.byActivation].map(([activation, scores]) => [
                  activation,
                  scores.filter((score) => score !== null && !score.converged).length,
                ]),
              ),
            }
          : null,
      ranking: {
        combination: options.combination,
        methodsRanked,
        fdr: 'Benjamini–Hochberg over all entries, on the proximity p and on the rwr p separately',
      },
      data: {
        network: {
          name: input.network.name ?? null,
          nodes: network.networkNodeCount,
          lccNodes: network.lccNodeCount,
          lccEdges: network.graph.targets.length / 2,
        },
        module: {
          name: module.name,
          genesGiven: module.genesGiven,
          inLcc: module.nodes.length,
          notInNetwork: module.missing,
          outsideLcc: module.outsideLcc,
        },
        drugs: {
          name: input.drugs.name ?? null,
          drugsRead: library.drugCount,
          drugsScreened: library.screenedDrugCount,
          entries: entries.length,
          targetSets: library.targetSets.offsets.length - 1,
          excluded: library.excluded.length,
        },
        degs:
          input.degs && signature
            ? {
                name: input.degs.name ?? null,
                groups: signature.groups.map((g) => g.name),
                group: group ? group.name : null,
                maxQ: signature.maxQ,
                disease: input.degs.disease?.trim() || null,
              }
            : null,
        signedNetwork: input.signedNetwork
          ? { name: input.signedNetwork.name ?? null, nodes: input.signedNetwork.graph.nodeCount }
          : null,
        indications: input.indications
          ? { name: input.indications.name ?? null, drugNames: input.indications.drugNames.length }
          : null,
      },
    },
    drugs: ordered,
    excluded: library.excluded,
    unrecognisedActions: library.unrecognisedActions,
    combinations,
    validation,
    notes: context.notes,
  };
}

/** The whole screen on the calling thread (float64 CPU reference). */
export function screenDrugs(
  input: ScreenInput,
  options: Partial<ScreenOptions> = {},
): ScreenResult {
  const context = prepareScreen(input, options);
  const { network, module, library, bins, methods } = context;
  const proximity = methods.includes('proximity')
    ? screenProximity(
        network.graph,
        module.nodes,
        library.targetSets.offsets,
        library.targetSets.nodes,
        {
          iterations: context.options.iterations,
          seed: context.options.seed,
          sampling: context.options.sampling,
          minBinSize: context.options.minBinSize,
          ddof: context.options.ddof,
        },
        bins,
      )
    : null;
  const rwr = methods.includes('rwr') ? runRwrPart(context) : null;
  const cure = context.cureProblem ? screenCure(context.cureProblem) : null;
  return assembleScreen(context, { proximity, rwr, cure }, 'cpu (core reference, float64)');
}
