/**
 * Multilayer twin benchmark: `npm run bench -- multilayer`
 * =========================================================
 * The supra-graph walk of core/multilayer/multilayer-twin.ts over 4 molecular layers on the
 * whole Menche interactome (asthma, rheumatoid arthritis, multiple sclerosis and psoriasis gene
 * sets as layers) plus the bundled HPO symptom layer: modules, links, supra-graph and the walk
 * to 1e-10, median of 5 runs. Same-run baseline: one plain RWR on the interactome from the same
 * genes (core/propagation/random-walk-with-restart.ts). Issue 12 goal: ≤ 1 s.
 */
import { fileURLToPath } from 'node:url';
import {
  findGeneSet,
  loadGeneIndex,
  loadGeneSets,
  loadNetwork,
  mapSeeds,
  resolveInputFile,
} from '@/cli/load-inputs';
import { BUNDLED_HPO_ANNOTATIONS, loadSymptomTerms } from '@/cli/load-phenotypes';
import { multilayerTwin } from '@/core/multilayer/multilayer-twin';
import {
  randomWalkWithRestart,
  seedDistribution,
} from '@/core/propagation/random-walk-with-restart';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<void> {
  const geneIndex = await loadGeneIndex(undefined, ROOT);
  const network = await loadNetwork(
    resolveInputFile('network', 'public/data/interactome_menche2015.tsv.gz', ROOT),
    geneIndex,
  );
  const sets = await loadGeneSets(
    resolveInputFile('genes', 'public/data/disease_genes_menche2015.tsv.gz', ROOT),
    geneIndex,
  );
  const names = ['asthma', 'arthritis, rheumatoid', 'multiple sclerosis', 'psoriasis'];
  const layers = names.map((name) => ({
    name,
    kind: 'variant' as const,
    genes: mapSeeds(findGeneSet(sets, name), network, geneIndex, 'network').nodes,
  }));
  const { terms: phenotypes } = await loadSymptomTerms(BUNDLED_HPO_ANNOTATIONS, null, network);
  const graph = network.whole.graph;
  const times: number[] = [];
  let twin = multilayerTwin(graph, layers, phenotypes);
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    twin = multilayerTwin(graph, layers, phenotypes);
    times.push(performance.now() - start);
  }
  const seeds = [...new Set(layers.flatMap((layer) => Array.from(layer.genes)))];
  const baseline: number[] = [];
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    randomWalkWithRestart(graph, seedDistribution(graph.nodeCount, seeds));
    baseline.push(performance.now() - start);
  }
  console.log(
    `supra-graph: ${twin.supra.graph.nodeCount} nodes (${twin.supra.molecularNodes} molecular, ${twin.terms.length} symptoms), ${twin.supra.graph.targets.length / 2} edges; walk ${twin.walk.iterations} steps`,
  );
  console.log(
    `multilayer twin, 4 layers + HPO (modules, links, supra-graph, walk): ${median(times).toFixed(1)} ms (median of 5; goal ≤ 1000 ms)`,
  );
  console.log(
    `baseline: one RWR on the whole interactome from the same ${seeds.length} genes: ${median(baseline).toFixed(1)} ms`,
  );
}
