/**
 * The multilayer twin: layer modules, their links, symptoms and a supra-graph walk
 * ================================================================================
 * Our synthesis of the Björnsson multilayer strategy (ALGORITHMS.md §3.13; label it as ours).
 * Molecular layers ℓ (mRNA: DEGs; variants: GWAS/OMIM genes; proteins: any gene-level table)
 * are gene sets on one shared interactome G (the whole network as given):
 *
 * 1. Module per layer: M_ℓ = the largest connected component of G[genes_ℓ] (Menche 2015);
 *    among equally large components, the one holding the layer's earliest-listed gene.
 * 2. Links between layers (each unordered pair): gene overlap of the modules (Jaccard
 *    |A∩B|/|A∪B| and the hypergeometric P(X ≥ |A∩B|) with the universe N = the network's node
 *    count, metrics/set-overlap.ts) and network separation s_AB of the two modules on G
 *    (metrics/separation.ts, Menche 2015: unreachable genes skipped).
 * 3. Supra-graph (multilayer-graph.ts): supra-node (ℓ, v) per module member, intra-layer edges
 *    of G, identity coupling ω between copies of the same gene in different layers; plus a
 *    phenotype layer: one supra-node per HPO term annotated to at least `minTermGenes` genes of
 *    the union U of the modules, term–term edges weighted by the number of genes of U the two
 *    terms share, and term–gene links of weight ω_p (`phenotypeCoupling`) from a term to every
 *    layer copy of each of its genes in U.
 * 4. Random walk with restart on the supra-graph (edge weights as given), restarting uniformly
 *    on every molecular supra-node: p = r(I − (1 − r)W)⁻¹p₀ with W = A·D⁻¹. Gene score = the
 *    sum of its layer copies; term score = its node's probability.
 * 5. Symptoms linked to the molecular module: the terms of the phenotype layer, by score, each
 *    with its module genes and the enrichment P(X ≥ k) of module genes among the term's genes
 *    (hypergeometric, universe N = network nodes).
 * 6. Hypotheses: a variant-layer gene whose protein is in another layer's module (mRNA or
 *    protein); with drug targets, the drugs that act on it and how (caller's table).
 */
import type { CsrGraph } from '../graph/csr';
import { csrFromEdges } from '../graph/csr';
import { separation, type Separation } from '../metrics/separation';
import { setOverlap, type SetOverlap } from '../metrics/set-overlap';
import { largestComponentOfSet } from '../module/lcc-significance';
import { randomWalkWithRestart } from '../propagation/random-walk-with-restart';
import { hypergeometricUpperTail } from '../stats/hypergeometric';
import { multilayerGraph } from './multilayer-graph';

export type LayerKind = 'mrna' | 'variant' | 'protein' | 'other';

export interface MolecularLayer {
  readonly name: string;
  readonly kind: LayerKind;
  /** Network nodes of the layer's genes (distinct). */
  readonly genes: ArrayLike<number>;
}

/** Phenotype terms with the network nodes of their annotated genes. */
export interface PhenotypeTerms {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly genes: readonly ArrayLike<number>[];
}

export interface MultilayerTwinOptions {
  /** ω: weight of the identity links between copies of a gene in two molecular layers. */
  coupling: number;
  /** ω_p: weight of a term–gene link. */
  phenotypeCoupling: number;
  /** A term joins the phenotype layer with at least this many module genes. */
  minTermGenes: number;
  /** Restart probability r of the supra walk. */
  restart: number;
}

export const MULTILAYER_TWIN_DEFAULTS: Readonly<MultilayerTwinOptions> = {
  coupling: 1,
  phenotypeCoupling: 1,
  minTermGenes: 1,
  restart: 0.15,
};

export interface LayerModule {
  readonly name: string;
  readonly kind: LayerKind;
  /** Genes of the layer in the network. */
  readonly genes: number;
  /** M_ℓ: the LCC of the layer's genes, ascending node indices. */
  readonly module: Uint32Array;
}

export interface LayerLink {
  readonly a: number;
  readonly b: number;
  readonly overlap: SetOverlap;
  readonly separation: Separation;
}

export interface LinkedTerm {
  /** Index into the `PhenotypeTerms`. */
  readonly term: number;
  /** Module genes (union of the layer modules) annotated to the term. */
  readonly moduleGenes: Uint32Array;
  /** Genes annotated to the term in the network. */
  readonly termGenes: number;
  /** Supra-walk probability of the term's node. */
  readonly score: number;
  /** P(X ≥ module genes), X ~ Hypergeometric(N network nodes, |U|, term genes). */
  readonly enrichmentP: number;
}

export interface VariantHypothesis {
  /** A variant-layer gene … */
  readonly gene: number;
  /** … whose protein is in these layers' modules (mRNA or protein layers). */
  readonly inModulesOf: readonly number[];
}

export interface SupraGraph {
  readonly graph: CsrGraph;
  /** Molecular supra-nodes come first: layer of each (−1 for a term node). */
  readonly layerOf: Int32Array;
  /** Network node of a molecular supra-node, or the term index of a phenotype node. */
  readonly itemOf: Uint32Array;
  readonly molecularNodes: number;
}

export interface MultilayerTwin {
  readonly layers: readonly LayerModule[];
  readonly links: readonly LayerLink[];
  readonly supra: SupraGraph;
  /** Stationary probability per supra-node. */
  readonly supraScores: Float64Array;
  /** Per network node: the sum over its layer copies (0 outside every module). */
  readonly geneScores: Float64Array;
  readonly terms: readonly LinkedTerm[];
  readonly variantHypotheses: readonly VariantHypothesis[];
  readonly walk: { readonly iterations: number; readonly converged: boolean };
  readonly options: MultilayerTwinOptions;
}

/** The supra-graph of steps 3 (molecular modules + phenotype layer). */
export function multilayerSupraGraph(
  network: CsrGraph,
  modules: readonly ArrayLike<number>[],
  phenotypes: PhenotypeTerms | null,
  options: Pick<MultilayerTwinOptions, 'coupling' | 'phenotypeCoupling' | 'minTermGenes'>,
): { supra: SupraGraph; termsInLayer: number[]; termModuleGenes: Uint32Array[] } {
  const molecular = multilayerGraph(network, modules, { coupling: options.coupling });
  const m = molecular.graph.nodeCount;
  const copiesOf = new Map<number, number[]>();
  for (let s = 0; s < m; s++) {
    const v = molecular.nodeOf[s];
    const list = copiesOf.get(v);
    if (list) list.push(s);
    else copiesOf.set(v, [s]);
  }
  const termsInLayer: number[] = [];
  const termModuleGenes: Uint32Array[] = [];
  if (phenotypes) {
    if (!(options.phenotypeCoupling > 0 && options.phenotypeCoupling < Infinity)) {
      throw new RangeError(
        `multilayerSupraGraph: phenotype coupling must be finite and > 0, got ${options.phenotypeCoupling}`,
      );
    }
    phenotypes.genes.forEach((genes, t) => {
      const inModule = new Set<number>();
      for (let i = 0; i < genes.length; i++) if (copiesOf.has(genes[i])) inModule.add(genes[i]);
      if (inModule.size >= options.minTermGenes && inModule.size > 0) {
        termsInLayer.push(t);
        termModuleGenes.push(Uint32Array.from([...inModule].sort((x, y) => x - y)));
      }
    });
  }
  const total = m + termsInLayer.length;
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  const { offsets, targets: to, weights: w } = molecular.graph;
  for (let s = 0; s < m; s++) {
    for (let e = offsets[s]; e < offsets[s + 1]; e++) {
      sources.push(s);
      targets.push(to[e]);
      weights.push(w[e]);
    }
  }
  // Term–gene links, both ways.
  termModuleGenes.forEach((genes, k) => {
    const term = m + k;
    for (const v of genes) {
      for (const s of copiesOf.get(v) as number[]) {
        sources.push(term, s);
        targets.push(s, term);
        weights.push(options.phenotypeCoupling, options.phenotypeCoupling);
      }
    }
  });
  // Term–term links weighted by shared module genes.
  const termsOfGene = new Map<number, number[]>();
  termModuleGenes.forEach((genes, k) => {
    for (const v of genes) {
      const list = termsOfGene.get(v);
      if (list) list.push(k);
      else termsOfGene.set(v, [k]);
    }
  });
  const shared = new Map<number, number>();
  for (const list of termsOfGene.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i] * termsInLayer.length + list[j];
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [key, count] of shared) {
    const a = m + Math.floor(key / termsInLayer.length);
    const b = m + (key % termsInLayer.length);
    sources.push(a, b);
    targets.push(b, a);
    weights.push(count, count);
  }
  const layerOf = new Int32Array(total).fill(-1);
  const itemOf = new Uint32Array(total);
  for (let s = 0; s < m; s++) {
    layerOf[s] = molecular.layerOf[s];
    itemOf[s] = molecular.nodeOf[s];
  }
  termsInLayer.forEach((t, k) => (itemOf[m + k] = t));
  const graph = csrFromEdges(
    total,
    Uint32Array.from(sources),
    Uint32Array.from(targets),
    Float32Array.from(weights),
  );
  return { supra: { graph, layerOf, itemOf, molecularNodes: m }, termsInLayer, termModuleGenes };
}

/** Steps 1–6 (see the header), the walk on the float64 core. */
export function multilayerTwin(
  network: CsrGraph,
  layers: readonly MolecularLayer[],
  phenotypes: PhenotypeTerms | null,
  options: Partial<MultilayerTwinOptions> = {},
): MultilayerTwin {
  const resolved = { ...MULTILAYER_TWIN_DEFAULTS, ...options };
  if (layers.length === 0) throw new RangeError('multilayerTwin: no molecular layer');
  const n = network.nodeCount;
  const modules = layers.map((layer) => largestComponentOfSet(network, layer.genes));
  const links: LayerLink[] = [];
  for (let a = 0; a < layers.length; a++) {
    for (let b = a + 1; b < layers.length; b++) {
      if (modules[a].length === 0 || modules[b].length === 0) continue;
      links.push({
        a,
        b,
        overlap: setOverlap(modules[a], modules[b], n),
        separation: separation(network, modules[a], modules[b]),
      });
    }
  }
  const { supra, termsInLayer, termModuleGenes } = multilayerSupraGraph(
    network,
    modules,
    phenotypes,
    resolved,
  );
  const p0 = new Float64Array(supra.graph.nodeCount);
  p0.fill(1, 0, supra.molecularNodes);
  const walk = randomWalkWithRestart(supra.graph, p0, {
    restart: resolved.restart,
    weighted: true,
  });
  const geneScores = new Float64Array(n);
  for (let s = 0; s < supra.molecularNodes; s++) geneScores[supra.itemOf[s]] += walk.scores[s];
  const union = new Set<number>();
  for (const module of modules) for (const v of module) union.add(v);
  const terms: LinkedTerm[] = termsInLayer.map((t, k) => {
    const termGenes = new Set(Array.from(phenotypes?.genes[t] ?? [])).size;
    return {
      term: t,
      moduleGenes: termModuleGenes[k],
      termGenes,
      score: walk.scores[supra.molecularNodes + k],
      enrichmentP: hypergeometricUpperTail(termModuleGenes[k].length, n, union.size, termGenes),
    };
  });
  terms.sort((x, y) => y.score - x.score || x.term - y.term);
  const variantHypotheses: VariantHypothesis[] = [];
  const moduleSets = modules.map((module) => new Set(module));
  layers.forEach((layer, l) => {
    if (layer.kind !== 'variant') return;
    const seen = new Set<number>();
    for (let i = 0; i < layer.genes.length; i++) {
      const gene = layer.genes[i];
      if (seen.has(gene)) continue;
      seen.add(gene);
      const inModulesOf = layers
        .map((other, m) => ({ other, m }))
        .filter(
          ({ other, m }) =>
            m !== l &&
            (other.kind === 'mrna' || other.kind === 'protein') &&
            moduleSets[m].has(gene),
        )
        .map(({ m }) => m);
      if (inModulesOf.length > 0) variantHypotheses.push({ gene, inModulesOf });
    }
  });
  variantHypotheses.sort((x, y) => geneScores[y.gene] - geneScores[x.gene] || x.gene - y.gene);
  return {
    layers: layers.map((layer, l) => ({
      name: layer.name,
      kind: layer.kind,
      genes: new Set(Array.from(layer.genes)).size,
      module: modules[l],
    })),
    links,
    supra,
    supraScores: walk.scores,
    geneScores,
    terms,
    variantHypotheses,
    walk: { iterations: walk.iterations, converged: walk.converged },
    options: resolved,
  };
}

/** HPO's root of phenotypic abnormalities (the symptom layer's terms descend from it). */
export const PHENOTYPIC_ABNORMALITY = 'HP:0000118';

/**
 * Whether each term descends from `root` through `parents` (is_a links; a term is its own
 * descendant). Terms the ontology does not know are false.
 */
export function descendsFrom(
  terms: readonly string[],
  parents: ReadonlyMap<string, readonly string[]>,
  root: string,
): boolean[] {
  const memo = new Map<string, boolean>([[root, true]]);
  const visit = (term: string, path: Set<string>): boolean => {
    const known = memo.get(term);
    if (known !== undefined) return known;
    if (path.has(term)) return false; // a cycle: ignore this path
    path.add(term);
    const result = (parents.get(term) ?? []).some((parent) => visit(parent, path));
    path.delete(term);
    memo.set(term, result);
    return result;
  };
  return terms.map((term) => visit(term, new Set()));
}
