/**
 * A toy screen whose answers can be worked out on paper (used by the core and engine tests).
 */
import { csrFromEdges } from '@/core/graph/csr';
import type { ScreenInput } from '@/core/screen/drug-screen';
import { geneNames, pathGraph } from './screen-graphs';

// Interactome: path G0 – G1 – … – G11; module {G0, G1}.
// Signed network (names as the interactome): G2 → G1 (+), G1 → G0 (+), G11 ⊣ G10 (−).
const names = geneNames(12);
const signedGraph = csrFromEdges(
  12,
  Uint32Array.of(2, 1, 11),
  Uint32Array.of(1, 0, 10),
  Float32Array.of(1, 1, -1),
);
export const TOY_INPUT: ScreenInput = {
  network: { graph: pathGraph(12), nodeIds: names, name: 'path12' },
  module: { name: 'toy', genes: [{ gene: 'G0' }, { gene: 'G1' }, { gene: 'NOPE' }] },
  drugs: {
    name: 'toy drugs',
    drugs: [
      { name: 'inside', targets: [{ gene: 'G0', action: 'INHIBITOR' }] },
      { name: 'near', targets: [{ gene: 'G2', action: 'INHIBITOR' }] },
      { name: 'far', targets: [{ gene: 'G11', action: 'AGONIST' }] },
      { name: 'twin', targets: [{ gene: 'g2', action: 'BLOCKER' }] },
      { name: 'mixed', targets: [{ gene: 'G5', action: 'ANTAGONIST' }, { gene: 'G6' }] },
      { name: 'ghost', targets: [{ gene: 'XYZ', action: 'INHIBITOR' }] },
    ],
  },
  degs: {
    name: 'toy degs',
    rows: [
      { group: 'g', gene: 'G0', logFC: 1 },
      { group: 'g', gene: 'G1', logFC: -0.5 },
      { group: 'g', gene: 'G2', logFC: -1 },
      { group: 'g', gene: 'G11', logFC: 2 },
      { group: 'h', gene: 'G2', logFC: 1 },
    ],
  },
  signedNetwork: { graph: signedGraph, nodeIds: names, name: 'toy signed' },
  indications: { name: 'toy indications', drugNames: ['TWIN', 'inside'] },
};
export const TOY_OPTIONS = { iterations: 400, seed: 9, candidateP: 0.5, combinationsTopK: 3 };
