/**
 * `twinscreen separation`: network separation of two gene sets
 * ============================================================
 * Menche et al. 2015 (ALGORITHMS.md §3.5; core/metrics/separation.ts), on the whole network as
 * given (`--graph lcc`: its largest connected component), with shortest-path lengths d; a gene
 * that reaches no gene of the other set (of its own, for d_AA) is skipped:
 *
 *   d_AA = mean over a ∈ A of the distance to the nearest other member of A (0 when |A| = 1)
 *   d_AB = [Σ_a min_b d(a, b) + Σ_b min_a d(a, b)] / (|A| + |B|)
 *   s_AB = d_AB − (d_AA + d_BB)/2      (< 0: overlapping neighbourhoods; ≥ 0: separated)
 *
 * z = (s_AB − mean)/sd and p = #{s_r ≤ s_AB}/R against R pairs of random sets drawn from the
 * degree-binned null (NetMedPy `separation_z_score`); p is small when the sets are closer than
 * chance.
 */
import { separationSignificance } from '@/core/metrics/separation';
import { degreeBins } from '@/core/random/degree-bins';
import type { GeneSet } from '@/io';
import { UsageError } from '../cli-error';
import {
  GENE_TABLE_FLAG,
  GRAPH_FLAG,
  graphScopeOf,
  GENES_FLAG,
  NETWORK_FLAG,
  NULL_MODEL_FLAGS,
  nullModelOf,
  nullModelSettingsOf,
  OUT_FLAG,
} from '../common-flags';
import type { Command } from '../command';
import {
  findGeneSet,
  inputFileOf,
  loadGeneIndex,
  loadGeneSets,
  loadNetwork,
  mapSeeds,
  noSeedsInGraph,
  graphSummaryOf,
  networkOfScope,
} from '../load-inputs';
import type { CommandResult } from '../write-output';

export const separationCommand: Command = {
  spec: {
    name: 'separation',
    summary: 'network separation s_AB of two gene sets, with a z-score against random set pairs',
    description: [
      'Both sets are mapped onto the whole network (--graph lcc: its largest connected ' +
        'component); a gene that reaches no gene of the other set is skipped (Menche 2015). Reports d_AA, d_BB ' +
        '(mean distance of each gene to the nearest other gene of its set), d_AB, s_AB = d_AB − ' +
        '(d_AA + d_BB)/2 (negative: the neighbourhoods overlap), and z and p = #{s_r ≤ s_AB}/R ' +
        'against R pairs of random sets.',
      'Name the two sets with --disease A --disease B; a file holding exactly two sets needs no --disease.',
    ],
    flags: [
      NETWORK_FLAG,
      GENES_FLAG,
      {
        name: 'disease',
        kind: 'string',
        placeholder: 'NAME',
        repeatable: true,
        help: 'a gene set by name (case-insensitive); give it twice, for A and for B',
      },
      GRAPH_FLAG,
      ...NULL_MODEL_FLAGS,
      GENE_TABLE_FLAG,
      OUT_FLAG,
    ],
    examples: [
      'twinscreen separation --network public/data/interactome_menche2015.tsv.gz --genes public/data/disease_genes_menche2015.tsv.gz --disease "arthritis, rheumatoid" --disease asthma',
    ],
  },

  async run(flags, io): Promise<CommandResult> {
    const networkFile = inputFileOf(flags, 'network', io.cwd);
    const genesFile = inputFileOf(flags, 'genes', io.cwd);
    const names = flags.strings('disease');
    if (names.length !== 0 && names.length !== 2) {
      throw new UsageError(
        `--disease must be given twice (set A and set B), got ${names.length} time(s)`,
      );
    }
    const { nullChoice, random, seed, binSize } = nullModelSettingsOf(flags);
    const geneIndex = await loadGeneIndex(flags.string('gene-table'), io.cwd);
    const geneSets = await loadGeneSets(genesFile, geneIndex);
    let pair: [GeneSet, GeneSet];
    if (names.length === 2) {
      pair = [findGeneSet(geneSets, names[0]), findGeneSet(geneSets, names[1])];
    } else if (geneSets.sets.length === 2) {
      pair = [geneSets.sets[0], geneSets.sets[1]];
    } else {
      throw new UsageError(
        `--genes ${geneSets.file} holds ${geneSets.sets.length} gene sets; name two with --disease A --disease B`,
      );
    }
    const network = await loadNetwork(networkFile, geneIndex);
    const scope = graphScopeOf(flags);
    const { graph } = networkOfScope(network, scope);
    const [a, b] = pair.map((set) => mapSeeds(set, network, geneIndex, scope));
    for (const side of [a, b]) {
      if (side.nodes.length === 0) throw noSeedsInGraph(side.report, geneSets.file);
    }
    const bins = degreeBins(graph, { minBinSize: binSize });
    const result = separationSignificance(graph, a.nodes, b.nodes, {
      iterations: random,
      seed,
      nullModel: nullModelOf(nullChoice),
      bins,
    });
    const json = {
      network: network.summary,
      graph: graphSummaryOf(network, scope),
      a: a.report,
      b: b.report,
      dAA: result.dAA,
      dBB: result.dBB,
      dAB: result.dAB,
      sAB: result.sAB,
      z: result.z,
      p: result.pValue,
      mean: result.nullMean,
      sd: result.nullSd,
      null: nullChoice,
      nullDescription: result.nullDescription,
      random: result.iterations,
      seed: result.seed,
      binSize: bins.minBinSize,
      overlapping: result.sAB < 0,
    };
    return {
      json,
      table: {
        columns: [
          'a',
          'b',
          'graph',
          'aInGraph',
          'bInGraph',
          'dAA',
          'dBB',
          'dAB',
          'sAB',
          'z',
          'p',
          'mean',
          'sd',
        ],
        rows: [
          [
            a.report.name,
            b.report.name,
            scope,
            a.report.inGraph,
            b.report.inGraph,
            json.dAA,
            json.dBB,
            json.dAB,
            json.sAB,
            json.z,
            json.p,
            json.mean,
            json.sd,
          ],
        ],
      },
    };
  },
};
