/**
 * Digital cure: apply each drug to a signed network and score reversal of the disease signature
 * ============================================================================================
 * Model (our formulation for Twinscreen, built on src/core/engine/signed-dynamics.ts):
 * - Network: a signed, directed regulatory network (the bundled OmniPath/CARNIVAL network:
 *   weight +1 = activation, −1 = inhibition). Ŝ[v, u] = w(u → v)/Σ_{u'} |w(u' → v)|: each node
 *   takes the signed average of its regulators.
 * - Drug j = one column. Each target with a known action class (action-class.ts) that is a
 *   node of the network is clamped at x₀ = +1 (activated: agonist, activator, …) or −1
 *   (inhibited: inhibitor, antagonist, …). Targets with unknown action are not perturbed;
 *   every other node starts at 0 and is free.
 * - Dynamics, iterated to the fixed point (column-iteration.ts schedule):
 *     linear:  x_v ← α·(Ŝx)_v           (free nodes; x₀ = 0 there)
 *     tanh:    x_v ← tanh(α·(Ŝx)_v)     (the nonlinear, saturating variant)
 *   With no drug x = 0 is the fixed point of both, so the fixed point x *is* the predicted
 *   change Δ. Defaults: α = 0.85, tolerance 1e−6 (L1 per column), ≤ 200 steps checked every 10.
 *   A response decays by ≥ α per hop and is shared among a node's regulators.
 * - Scores over the signature genes G: module genes that have a DEG sign (logFC ≠ 0) in the
 *   chosen group and are network nodes (or, with `signatureScope: 'all-degs'`, every DEG of
 *   the group that is a node). A gene *moves* when |Δ_g| ≥ ε (ε = 1e−4 of the unit
 *   perturbation; smaller values are below what float32 engines resolve at this tolerance).
 *     reversed_g   = moved ∧ sign Δ_g = −sign logFC_g      aggravated_g = moved ∧ sign Δ_g = sign logFC_g
 *     reversalFraction = #reversed/|G|          (the fraction of signature genes pushed back)
 *     cureScore        = (#reversed − #aggravated)/|G| ∈ [−1, 1]   (net reversal; > 0 = towards health)
 *     spearman         = ρ(Δ_g, logFC_g) over G, mid-ranks (negative = reversal; NaN when no
 *                        signature gene moves)
 *   A clamped target that is itself a signature gene counts (inhibiting an up-regulated gene
 *   reverses it), consistent with counteraction.ts.
 * Limits, plainly: this is signal flow on a prior-knowledge network, not a kinetic model. No
 * dose, time, cell type, Boolean logic or protein complexes (complex nodes like "A_B" only
 * relay); transcriptional logFC is compared with predicted *activity*; edges absent from
 * OmniPath cannot carry an effect; targets outside the signed network do nothing; Ŝ averages
 * regulators, so a node with many inputs responds weakly to any one of them. Read the scores
 * as "is the drug's predicted downstream effect aligned against the disease signature?".
 */
import type { CsrGraph } from '../graph/csr';
import { signedDynamics, type Activation } from '../engine/signed-dynamics';
import { actionSign, type ActionClass } from './action-class';
import { degLogFC, type DegSignatureGroup } from './counteraction';
import { spearman } from './screen-ranking';
import { createGeneMatcher, type GeneMatcher, type GeneRef } from './screen-network';

export interface CureOptions {
  /** Which dynamics to run (the first is the one `cureScore` ranks by). */
  activations: Activation[];
  /** Coupling α in (0, 1). */
  coupling: number;
  tolerance: number;
  maxIterations: number;
  checkEvery: number;
  /** |Δ| at or above this counts as a move. */
  moveThreshold: number;
  /** 'module': module genes with a DEG sign; 'all-degs': every DEG of the group. */
  signatureScope: 'module' | 'all-degs';
  /** Drugs per batch of columns (does not change any result). */
  batchColumns: number;
  /** Moved signature genes kept per drug for the explanation (largest |Δ| first). */
  keepMoved: number;
}

export const CURE_DEFAULTS: Readonly<CureOptions> = {
  activations: ['linear', 'tanh'],
  coupling: 0.85,
  tolerance: 1e-6,
  maxIterations: 200,
  checkEvery: 10,
  moveThreshold: 1e-4,
  signatureScope: 'module',
  batchColumns: 64,
  keepMoved: 20,
};

export function resolveCureOptions(options: Partial<CureOptions> = {}): CureOptions {
  const resolved = { ...CURE_DEFAULTS, ...options };
  if (resolved.activations.length === 0) {
    throw new RangeError('digital cure: activations must name at least one of linear, tanh');
  }
  for (const activation of resolved.activations) {
    if (activation !== 'linear' && activation !== 'tanh') {
      throw new RangeError(`digital cure: unknown activation "${String(activation)}"`);
    }
  }
  if (!(resolved.coupling > 0 && resolved.coupling < 1)) {
    throw new RangeError(`digital cure: coupling must be in (0, 1), got ${resolved.coupling}`);
  }
  if (!(resolved.moveThreshold > 0)) {
    throw new RangeError(`digital cure: moveThreshold must be > 0, got ${resolved.moveThreshold}`);
  }
  if (!Number.isInteger(resolved.batchColumns) || resolved.batchColumns < 1) {
    throw new RangeError(`digital cure: batchColumns must be an integer ≥ 1`);
  }
  return resolved;
}

/** The signed network with its gene lookup. */
export interface CureNetwork {
  readonly graph: CsrGraph;
  readonly names: readonly string[];
  readonly matcher: GeneMatcher;
}

export function prepareCureNetwork(
  graph: CsrGraph,
  names: readonly string[],
  entrez?: readonly (string | null)[] | null,
): CureNetwork {
  if (names.length !== graph.nodeCount) {
    throw new RangeError(`prepareCureNetwork: ${names.length} names for ${graph.nodeCount} nodes`);
  }
  for (let e = 0; e < graph.weights.length; e++) {
    if (!(graph.weights[e] === 1 || graph.weights[e] === -1)) {
      throw new RangeError(
        `prepareCureNetwork: edge weights must be signs (+1 activation, −1 inhibition), got ${graph.weights[e]}`,
      );
    }
  }
  return { graph, names, matcher: createGeneMatcher(names, entrez) };
}

/** One drug's perturbation: network nodes and their clamp values (±1). */
export interface CurePerturbation {
  readonly nodes: Uint32Array;
  readonly signs: Int8Array;
}

export interface CureProblem {
  readonly network: CureNetwork;
  readonly group: string;
  /** Signature genes G (network nodes) and their logFC. */
  readonly signatureNodes: Uint32Array;
  readonly signatureLogFC: Float64Array;
  /** One perturbation per entry (null: no target with a known action in the network). */
  readonly perturbations: readonly (CurePerturbation | null)[];
  /** Entries with a perturbation, in entry order: the columns of the problem. */
  readonly columns: Uint32Array;
  readonly options: CureOptions;
}

/**
 * Builds the problem: signature genes from the group (restricted to `moduleGenes` unless the
 * scope is 'all-degs') and one perturbation per entry.
 */
export function buildCureProblem(
  network: CureNetwork,
  group: DegSignatureGroup,
  moduleGenes: readonly GeneRef[],
  entries: readonly {
    readonly targets: readonly (GeneRef & { readonly actionClass: ActionClass })[];
  }[],
  options: Partial<CureOptions> = {},
): CureProblem {
  const resolved = resolveCureOptions(options);
  const signature = new Map<number, number>();
  const candidates: readonly GeneRef[] =
    resolved.signatureScope === 'module' ? moduleGenes : group.rows;
  for (const gene of candidates) {
    const logFC = degLogFC(group, gene);
    if (logFC === undefined || !(logFC > 0 || logFC < 0)) continue;
    const node = network.matcher.find(gene);
    if (node >= 0 && !signature.has(node)) signature.set(node, logFC);
  }
  const perturbations: (CurePerturbation | null)[] = [];
  const columns: number[] = [];
  for (let j = 0; j < entries.length; j++) {
    const held = new Map<number, number>();
    for (const target of entries[j].targets) {
      const sign = actionSign(target.actionClass);
      if (sign === 0) continue;
      const node = network.matcher.find(target);
      if (node >= 0 && !held.has(node)) held.set(node, sign);
    }
    if (held.size === 0) {
      perturbations.push(null);
      continue;
    }
    const nodes = [...held.keys()].sort((a, b) => a - b);
    perturbations.push({
      nodes: Uint32Array.from(nodes),
      signs: Int8Array.from(nodes, (node) => held.get(node) as number),
    });
    columns.push(j);
  }
  return {
    network,
    group: group.name,
    signatureNodes: Uint32Array.from(signature.keys()),
    signatureLogFC: Float64Array.from(signature.values()),
    perturbations,
    columns: Uint32Array.from(columns),
    options: resolved,
  };
}

/** Start values and clamps (node-major N×B) for problem columns first … first + count − 1. */
export function curePerturbationBlock(
  problem: CureProblem,
  first: number,
  count: number,
): { initial: Float64Array; clamp: Uint8Array } {
  const n = problem.network.graph.nodeCount;
  const initial = new Float64Array(n * count);
  const clamp = new Uint8Array(n * count);
  for (let c = 0; c < count; c++) {
    const perturbation = problem.perturbations[problem.columns[first + c]] as CurePerturbation;
    for (let k = 0; k < perturbation.nodes.length; k++) {
      const slot = perturbation.nodes[k] * count + c;
      initial[slot] = perturbation.signs[k];
      clamp[slot] = 1;
    }
  }
  return { initial, clamp };
}

/** A moved signature gene. */
export interface CureMove {
  readonly node: number;
  readonly gene: string;
  readonly change: number;
  readonly logFC: number;
  readonly isReversed: boolean;
}

export interface CureScore {
  readonly activation: Activation;
  /** Targets clamped. */
  readonly perturbedTargets: number;
  readonly signatureSize: number;
  readonly moved: number;
  readonly reversed: number;
  readonly aggravated: number;
  readonly reversalFraction: number;
  /** (reversed − aggravated)/|G|. */
  readonly cureScore: number;
  readonly spearman: number;
  /** Up to keepMoved moved signature genes, largest |Δ| first. */
  readonly topMoves: readonly CureMove[];
  /** The dynamics met the tolerance. */
  readonly converged: boolean;
}

/** Scores columns first … first + count − 1 from their fixed points (node-major N×count). */
export function scoreCureColumns(
  problem: CureProblem,
  activation: Activation,
  values: ArrayLike<number>,
  converged: ArrayLike<number>,
  first: number,
  count: number,
): CureScore[] {
  const { signatureNodes, signatureLogFC, network, options } = problem;
  const size = signatureNodes.length;
  const change = new Float64Array(size);
  const scores: CureScore[] = [];
  for (let c = 0; c < count; c++) {
    const perturbation = problem.perturbations[problem.columns[first + c]] as CurePerturbation;
    let moved = 0;
    let reversed = 0;
    let aggravated = 0;
    const moves: CureMove[] = [];
    for (let g = 0; g < size; g++) {
      const delta = values[signatureNodes[g] * count + c];
      change[g] = delta;
      if (!(Math.abs(delta) >= options.moveThreshold)) continue;
      moved++;
      const isReversed = delta > 0 !== signatureLogFC[g] > 0;
      if (isReversed) reversed++;
      else aggravated++;
      moves.push({
        node: signatureNodes[g],
        gene: network.names[signatureNodes[g]],
        change: delta,
        logFC: signatureLogFC[g],
        isReversed,
      });
    }
    moves.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.node - b.node);
    scores.push({
      activation,
      perturbedTargets: perturbation.nodes.length,
      signatureSize: size,
      moved,
      reversed,
      aggravated,
      reversalFraction: size > 0 ? reversed / size : NaN,
      cureScore: size > 0 ? (reversed - aggravated) / size : NaN,
      spearman: moved > 0 ? spearman(change, signatureLogFC) : NaN,
      topMoves: moves.slice(0, options.keepMoved),
      converged: converged[c] === 1,
    });
  }
  return scores;
}

/** Scores per activation, indexed by entry (null where the entry had no perturbation). */
export interface CureScreen {
  readonly problem: CureProblem;
  readonly byActivation: ReadonlyMap<Activation, readonly (CureScore | null)[]>;
}

/** Places column scores at their entries. */
export function cureScoresByEntry(
  problem: CureProblem,
  columnScores: readonly CureScore[],
): (CureScore | null)[] {
  const byEntry: (CureScore | null)[] = problem.perturbations.map(() => null);
  for (let k = 0; k < problem.columns.length; k++) byEntry[problem.columns[k]] = columnScores[k];
  return byEntry;
}

/** The CPU reference: float64 signed dynamics in batches of columns. */
export function screenCure(problem: CureProblem): CureScreen {
  const { options } = problem;
  const byActivation = new Map<Activation, (CureScore | null)[]>();
  const total = problem.columns.length;
  for (const activation of options.activations) {
    const columnScores: CureScore[] = [];
    if (problem.signatureNodes.length > 0) {
      for (let first = 0; first < total; first += options.batchColumns) {
        const count = Math.min(options.batchColumns, total - first);
        const block = curePerturbationBlock(problem, first, count);
        const result = signedDynamics(problem.network.graph, block, count, {
          activation,
          coupling: options.coupling,
          tolerance: options.tolerance,
          maxIterations: options.maxIterations,
          checkEvery: options.checkEvery,
        });
        columnScores.push(
          ...scoreCureColumns(problem, activation, result.values, result.converged, first, count),
        );
      }
    }
    byActivation.set(
      activation,
      columnScores.length === total
        ? cureScoresByEntry(problem, columnScores)
        : problem.perturbations.map(() => null),
    );
  }
  return { problem, byActivation };
}
