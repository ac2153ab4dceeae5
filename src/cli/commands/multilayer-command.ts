/**
 * `twinscreen multilayer`: the multilayer twin — layer modules, links, symptoms, supra-walk
 * ==========================================================================================
 * Layers on the whole network as given (core/multilayer/multilayer-twin.ts, ALGORITHMS.md
 * §3.13, our synthesis): mRNA (`--degs`, rows of one `--deg-group` with q ≤ `--max-q`),
 * variant genes (`--genes` + `--disease`, e.g. the Menche GWAS/OMIM sets), proteins
 * (`--proteins`, any gene list or set) and, unless `--no-phenotypes`, a symptom layer of HPO
 * terms (`--hpo`, default the bundled HPO build #117 annotations). Each molecular layer's module
 * is the LCC of its genes; layers are linked by gene overlap (Jaccard, hypergeometric p) and
 * separation s_AB; genes and symptoms are ranked by a random walk with restart on the
 * supra-graph (coupling ω between layer copies of a gene, ω_p for term–gene links). With
 * `--drugs`, each variant gene whose protein is in an mRNA or protein module lists the drugs
 * that act on it and how (the table's action, classified up/down/unknown).
 */
import { classifyActionField } from '@/core/screen/action-class';
import {
  multilayerTwin,
  PHENOTYPIC_ABNORMALITY,
  type LayerKind,
  type MolecularLayer,
} from '@/core/multilayer/multilayer-twin';
import type { GeneIndex } from '@/io';
import { UsageError } from '../cli-error';
import { compareNames, numberFlag, type Command } from '../command';
import {
  DISEASE_FLAG,
  GENE_TABLE_FLAG,
  NETWORK_FLAG,
  OUT_FLAG,
  restartFlag,
} from '../common-flags';
import {
  findGeneSet,
  graphSummaryOf,
  inputFileOf,
  loadDegTable,
  loadDrugTargets,
  loadGeneIndex,
  loadGeneSets,
  loadNetwork,
  mapSeeds,
  optionalInputFileOf,
  resolveInputFile,
  selectGeneSets,
  type LoadedNetwork,
} from '../load-inputs';
import { BUNDLED_HPO_ANNOTATIONS, loadSymptomTerms } from '../load-phenotypes';
import type { CommandResult } from '../write-output';

interface LayerInput extends MolecularLayer {
  readonly file: string;
  readonly given: number;
}

export const multilayerCommand: Command = {
  spec: {
    name: 'multilayer',
    summary:
      'multilayer twin: layer modules (mRNA, variants, proteins), symptoms, supra-graph walk',
    description: [
      'Builds one module per molecular layer on the whole network (the LCC of its genes), links ' +
        'the layers (gene overlap: Jaccard and hypergeometric p; separation s_AB), adds a symptom ' +
        'layer of HPO terms annotated to module genes, and ranks genes and symptoms by a random ' +
        'walk with restart on the supra-graph. Our synthesis of the multilayer strategy ' +
        '(ALGORITHMS.md §3.13).',
      'Give at least one of --degs, --genes/--disease, --proteins.',
    ],
    flags: [
      NETWORK_FLAG,
      {
        name: 'degs',
        kind: 'string',
        placeholder: 'FILE',
        help: 'mRNA layer: a DE table (e.g. public/data/sar_degs_li2022_day3.tsv.gz)',
      },
      {
        name: 'deg-group',
        kind: 'string',
        placeholder: 'NAME',
        help: 'mRNA layer: the DE table group (cell type) to use; needed when it has several',
      },
      {
        name: 'max-q',
        kind: 'number',
        placeholder: 'Q',
        min: 0,
        max: 1,
        default: 0.05,
        help: 'mRNA layer: DEG rows with q above this are left out (rows without q are kept)',
      },
      {
        name: 'max-degs',
        kind: 'integer',
        placeholder: 'N',
        min: 1,
        default: 1800,
        help: 'mRNA layer: at most the N DEGs of smallest q (then largest |log FC}), as scDrugPrio caps the network steps',
      },
      {
        name: 'genes',
        kind: 'string',
        placeholder: 'FILE',
        help: 'variant layer: gene sets (GWAS/OMIM), e.g. public/data/disease_genes_menche2015.tsv.gz',
      },
      { ...DISEASE_FLAG, help: 'variant layer: the set of --genes to use' },
      {
        name: 'proteins',
        kind: 'string',
        placeholder: 'FILE',
        help: 'protein layer: a gene list or gene-set file (e.g. differentially abundant proteins)',
      },
      {
        name: 'protein-set',
        kind: 'string',
        placeholder: 'NAME',
        help: 'protein layer: the set of --proteins to use when it holds several',
      },
      {
        name: 'hpo',
        kind: 'string',
        placeholder: 'FILE',
        help: 'symptom layer: gene → HPO term annotations (default: the bundled HPO build #117)',
      },
      {
        name: 'hpo-terms',
        kind: 'string',
        placeholder: 'FILE',
        help: 'the ontology (hpo_id, name, is_a): only phenotypic abnormalities (HP:0000118 and below) join the symptom layer (default: the bundled HPO release 2016-04-01)',
      },
      { name: 'no-phenotypes', kind: 'boolean', help: 'leave out the symptom layer' },
      {
        name: 'drugs',
        kind: 'string',
        placeholder: 'FILE',
        help: 'drug–target table: lists the drugs acting on each variant-gene hypothesis',
      },
      {
        name: 'coupling',
        kind: 'number',
        placeholder: 'W',
        min: 0,
        exclusiveMin: true,
        default: 1,
        help: 'ω: weight of the links between copies of a gene in two molecular layers',
      },
      {
        name: 'phenotype-coupling',
        kind: 'number',
        placeholder: 'W',
        min: 0,
        exclusiveMin: true,
        default: 1,
        help: 'ω_p: weight of a term–gene link',
      },
      {
        name: 'min-term-genes',
        kind: 'integer',
        placeholder: 'K',
        min: 1,
        default: 1,
        help: 'a symptom joins the layer with at least K module genes',
      },
      { ...restartFlag(0.15), help: 'restart probability of the supra-graph walk' },
      {
        name: 'top',
        kind: 'integer',
        placeholder: 'N',
        min: 1,
        default: 50,
        help: 'genes and symptoms listed',
      },
      GENE_TABLE_FLAG,
      OUT_FLAG,
    ],
    examples: [
      'twinscreen multilayer --network public/data/interactome_menche2015.tsv.gz --genes public/data/disease_genes_menche2015.tsv.gz --disease asthma --degs public/data/sar_degs_li2022_day3.tsv.gz --deg-group "CD8+ T cells" --drugs public/data/drug_targets_drugcentral.tsv.gz',
    ],
  },

  async run(flags, io): Promise<CommandResult> {
    const networkFile = inputFileOf(flags, 'network', io.cwd);
    const degsFile = optionalInputFileOf(flags, 'degs', io.cwd);
    const genesFile = optionalInputFileOf(flags, 'genes', io.cwd);
    const proteinsFile = optionalInputFileOf(flags, 'proteins', io.cwd);
    const drugsFile = optionalInputFileOf(flags, 'drugs', io.cwd);
    const withPhenotypes = !flags.boolean('no-phenotypes');
    const hpoPath = flags.string('hpo');
    if (hpoPath !== undefined && !withPhenotypes) {
      throw new UsageError('--hpo and --no-phenotypes contradict each other');
    }
    const hpoFile = withPhenotypes
      ? hpoPath === undefined
        ? BUNDLED_HPO_ANNOTATIONS
        : resolveInputFile('hpo', hpoPath, io.cwd)
      : null;
    if (degsFile === null && genesFile === null && proteinsFile === null) {
      throw new UsageError(
        'give at least one layer: --degs, --genes (with --disease) or --proteins',
      );
    }
    if (flags.given('disease') && genesFile === null)
      throw new UsageError('--disease needs --genes');
    if (flags.given('deg-group') && degsFile === null)
      throw new UsageError('--deg-group needs --degs');
    const geneIndex = await loadGeneIndex(flags.string('gene-table'), io.cwd);
    const network = await loadNetwork(networkFile, geneIndex);
    const { names } = network.whole;
    const layers: LayerInput[] = [];
    if (degsFile !== null) {
      layers.push(
        await mrnaLayer(
          degsFile,
          flags.string('deg-group'),
          numberFlag(flags, 'max-q'),
          numberFlag(flags, 'max-degs'),
          network,
          geneIndex,
        ),
      );
    }
    if (genesFile !== null) {
      const sets = await loadGeneSets(genesFile, geneIndex);
      const set = selectGeneSets(sets, flags.string('disease'), false)[0];
      const mapped = mapSeeds(set, network, geneIndex, 'network');
      layers.push({
        name: `variants: ${set.name}`,
        kind: 'variant',
        file: genesFile.shownAs,
        given: set.genes.length,
        genes: mapped.nodes,
      });
    }
    if (proteinsFile !== null) {
      const sets = await loadGeneSets(proteinsFile, geneIndex);
      const setName = flags.string('protein-set');
      const set =
        setName === undefined
          ? selectGeneSets(sets, undefined, false)[0]
          : findGeneSet(sets, setName);
      const mapped = mapSeeds(set, network, geneIndex, 'network');
      layers.push({
        name: `proteins: ${set.name}`,
        kind: 'protein',
        file: proteinsFile.shownAs,
        given: set.genes.length,
        genes: mapped.nodes,
      });
    }
    for (const layer of layers) {
      if (layer.genes.length === 0) {
        throw new UsageError(
          `layer "${layer.name}" (${layer.file}): none of its genes is a node of the network`,
        );
      }
    }

    const symptomLayer =
      hpoFile === null
        ? null
        : await loadSymptomTerms(
            hpoFile,
            flags.string('hpo-terms') === undefined
              ? null
              : resolveInputFile('hpo-terms', flags.string('hpo-terms') as string, io.cwd),
            network,
          );
    const phenotypes = symptomLayer?.terms ?? null;
    const termsLeftOut = symptomLayer?.leftOut ?? 0;
    const options = {
      coupling: numberFlag(flags, 'coupling'),
      phenotypeCoupling: numberFlag(flags, 'phenotype-coupling'),
      minTermGenes: numberFlag(flags, 'min-term-genes'),
      restart: numberFlag(flags, 'restart'),
    };
    const twin = multilayerTwin(network.whole.graph, layers, phenotypes, options);
    const top = numberFlag(flags, 'top');
    const layerNames = twin.layers.map((layer) => layer.name);
    const layersOfGene = new Map<number, string[]>();
    twin.layers.forEach((layer) => {
      for (const v of layer.module) {
        const list = layersOfGene.get(v);
        if (list) list.push(layer.name);
        else layersOfGene.set(v, [layer.name]);
      }
    });
    const ranked = [...layersOfGene.keys()].sort(
      (a, b) => twin.geneScores[b] - twin.geneScores[a] || compareNames(names[a], names[b]),
    );
    const drugsByGene =
      drugsFile === null ? null : drugIndex(await loadDrugTargets(drugsFile, geneIndex), network);
    const genes = ranked.slice(0, top).map((v) => ({
      gene: names[v],
      score: twin.geneScores[v],
      layers: layersOfGene.get(v) ?? [],
    }));
    const byEnrichment = [...twin.terms].sort(
      (a, b) => a.enrichmentP - b.enrichmentP || b.score - a.score || a.term - b.term,
    );
    const symptoms = byEnrichment.slice(0, top).map((term) => ({
      id: phenotypes?.ids[term.term] ?? '',
      name: phenotypes?.names[term.term] ?? '',
      score: term.score,
      moduleGenes: Array.from(term.moduleGenes, (v) => names[v]).sort(compareNames),
      termGenes: term.termGenes,
      enrichmentP: term.enrichmentP,
    }));
    const hypotheses = twin.variantHypotheses.map((hypothesis) => ({
      gene: names[hypothesis.gene],
      score: twin.geneScores[hypothesis.gene],
      inModulesOf: hypothesis.inModulesOf.map((l) => layerNames[l]),
      drugs: drugsByGene?.get(hypothesis.gene) ?? null,
      measure: `${names[hypothesis.gene]} protein: a variant gene whose product is in the ${hypothesis.inModulesOf.map((l) => layerNames[l]).join(' and ')} module`,
    }));
    const notes = [
      'Our synthesis of the multilayer strategy (ALGORITHMS.md §3.13): modules are layer LCCs on the whole network; the supra-walk restarts uniformly on every molecular supra-node.',
    ];
    if (phenotypes !== null) {
      notes.push(
        `symptom layer: HPO terms under Phenotypic abnormality (${PHENOTYPIC_ABNORMALITY}); ${termsLeftOut} other annotated terms (inheritance, onset, …, or unknown to the ontology) left out; symptoms listed by enrichment p, then walk score`,
      );
      if (twin.terms.length === 0) notes.push('no HPO term is annotated to a module gene');
    }
    return {
      json: {
        network: network.summary,
        graph: graphSummaryOf(network, 'network'),
        layers: twin.layers.map((layer, l) => ({
          name: layer.name,
          kind: layer.kind,
          file: layers[l].file,
          given: layers[l].given,
          inNetwork: layer.genes,
          moduleSize: layer.module.length,
          moduleGenes: Array.from(layer.module, (v) => names[v]).sort(compareNames),
        })),
        links: twin.links.map((link) => ({
          a: layerNames[link.a],
          b: layerNames[link.b],
          overlap: link.overlap.overlap,
          jaccard: link.overlap.jaccard,
          hypergeometricP: link.overlap.hypergeometricP,
          universe: link.overlap.universe,
          dAA: link.separation.dAA,
          dBB: link.separation.dBB,
          dAB: link.separation.dAB,
          sAB: link.separation.sAB,
        })),
        supraGraph: {
          nodes: twin.supra.graph.nodeCount,
          molecularNodes: twin.supra.molecularNodes,
          phenotypeNodes: twin.supra.graph.nodeCount - twin.supra.molecularNodes,
          edges: twin.supra.graph.targets.length / 2,
          ...options,
          iterations: twin.walk.iterations,
          converged: twin.walk.converged,
        },
        genes,
        symptoms: phenotypes === null ? null : symptoms,
        hypotheses,
        notes,
      },
      table: {
        columns: ['rank', 'gene', 'score', 'layers'],
        rows: genes.map((row, i) => [i + 1, row.gene, row.score, row.layers]),
      },
    };
  },
};

/** The mRNA layer: the DEG rows of one group with q ≤ maxQ, mapped onto the network. */
async function mrnaLayer(
  file: ReturnType<typeof inputFileOf>,
  group: string | undefined,
  maxQ: number,
  maxDegs: number,
  network: LoadedNetwork,
  geneIndex: GeneIndex,
): Promise<LayerInput> {
  const table = await loadDegTable(file, geneIndex);
  if (group === undefined && table.groups.length > 1) {
    throw new UsageError(
      `--degs ${file.shownAs} has ${table.groups.length} groups; choose one with --deg-group (${table.groups.join(', ')})`,
    );
  }
  const chosen = group ?? table.groups[0];
  if (!table.groups.includes(chosen)) {
    throw new UsageError(
      `--deg-group: no group "${chosen}" in ${file.shownAs}; groups: ${table.groups.join(', ')}`,
    );
  }
  const kept = table.rows
    .filter((row) => row.group === chosen && (row.q === null || row.q <= maxQ))
    .sort(
      (a, b) =>
        (a.q ?? 1) - (b.q ?? 1) ||
        Math.abs(b.logFC) - Math.abs(a.logFC) ||
        compareNames(a.gene, b.gene),
    )
    .slice(0, maxDegs);
  const nodes = new Set<number>();
  const given = kept.length;
  for (const row of kept) {
    const location = network.whole.locate({ gene: row.gene, entrez: row.entrez });
    if (location.status === 'in-graph') nodes.add(location.node);
  }
  return {
    name: `mRNA: ${chosen}`,
    kind: 'mrna' satisfies LayerKind,
    file: file.shownAs,
    given,
    genes: Uint32Array.from(nodes),
  };
}

/** Network node → drugs acting on it, with the action and its class. */
function drugIndex(
  drugs: Awaited<ReturnType<typeof loadDrugTargets>>,
  network: LoadedNetwork,
): Map<number, { drug: string; action: string | null; actionClass: string }[]> {
  const byNode = new Map<number, { drug: string; action: string | null; actionClass: string }[]>();
  for (const drug of drugs.drugs) {
    for (const target of drug.targets) {
      const location = network.whole.locate({ gene: target.gene, entrez: target.entrez });
      if (location.status !== 'in-graph') continue;
      const list = byNode.get(location.node) ?? [];
      if (!list.some((entry) => entry.drug === drug.name)) {
        list.push({
          drug: drug.name,
          action: target.action,
          actionClass: classifyActionField(target.action).actionClass,
        });
      }
      byNode.set(location.node, list);
    }
  }
  for (const list of byNode.values()) list.sort((a, b) => compareNames(a.drug, b.drug));
  return byNode;
}
