import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '@/core/graph/csr';
import { buildDrugLibrary, targetSetNodes } from '@/core/screen/drug-library';
import { createGeneMatcher, mapGeneSet, prepareScreenNetwork } from '@/core/screen/screen-network';
import { undirected } from './screen-graphs';

// Nodes 0–3 form a path (the LCC); 4 – 5 is a separate component.
const graph = undirected(6, [
  [0, 1],
  [1, 2],
  [2, 3],
  [4, 5],
]);
const names = ['A', 'B', 'C', 'D', 'E', 'F'];
const entrez = ['1', '2', '3', '4', '5', null];
const network = prepareScreenNetwork(graph, names, entrez);

describe('prepareScreenNetwork and mapGeneSet', () => {
  it('keeps the LCC and says where every gene is', () => {
    expect(network.lccNodeCount).toBe(4);
    expect(network.networkNodeCount).toBe(6);
    expect(network.names).toEqual(['A', 'B', 'C', 'D']);
    expect(network.locate({ gene: 'c' })).toEqual({ status: 'in-graph', node: 2 });
    expect(network.locate({ gene: 'whatever', entrez: '4' })).toEqual({
      status: 'in-graph',
      node: 3,
    });
    expect(network.locate({ gene: 'F' })).toEqual({ status: 'outside-lcc', originalNode: 5 });
    expect(network.locate({ gene: 'Z' })).toEqual({ status: 'missing' });
  });

  it('refuses a symbol match when the Entrez IDs disagree', () => {
    const matcher = createGeneMatcher(names, entrez);
    expect(matcher.find({ gene: 'A', entrez: '999' })).toBe(-1);
    expect(matcher.find({ gene: 'F', entrez: '6' })).toBe(5); // node F has no Entrez ID
  });

  it('maps a gene set to distinct LCC nodes and lists the dropped genes', () => {
    const mapped = mapGeneSet(network, [
      { gene: 'B' },
      { gene: 'x', entrez: '2' },
      { gene: 'E' },
      { gene: 'Q' },
      { gene: 'D' },
    ]);
    expect(Array.from(mapped.nodes)).toEqual([1, 3]);
    expect(mapped.outsideLcc).toEqual(['E']);
    expect(mapped.missing).toEqual(['Q']);
  });
});

describe('buildDrugLibrary', () => {
  const library = buildDrugLibrary(network, [
    {
      name: 'alpha',
      id: 'D1',
      targets: [
        { gene: 'B', action: 'INHIBITOR' },
        { gene: 'C', action: 'BLOCKER' },
      ],
    },
    {
      name: 'beta',
      id: 'D2',
      targets: [
        { gene: 'C', action: 'antagonist' },
        { gene: 'B', action: 'inhibitor' },
        { gene: 'Z', action: 'INHIBITOR' },
      ],
    },
    {
      name: 'gamma',
      targets: [
        { gene: 'B', action: 'AGONIST' },
        { gene: 'C', action: 'AGONIST' },
      ],
    },
    {
      name: 'delta',
      targets: [
        { gene: 'A', action: 'binder' },
        { gene: 'F', action: 'INHIBITOR' },
      ],
    },
    { name: 'epsilon', targets: [{ gene: 'E', action: 'INHIBITOR' }] },
    { name: 'zeta', targets: [{ gene: 'Y' }] },
    { name: 'eta', targets: [{ gene: 'A', action: 'frobnicator' }] },
  ]);

  it('groups drugs with the same targets and action classes, keeping all names and actions', () => {
    expect(library.entries.map((entry) => entry.names)).toEqual([
      ['alpha', 'beta'],
      ['gamma'],
      ['delta', 'eta'], // binder and an unknown term: both 'unknown' on A
    ]);
    const [first, second] = library.entries;
    expect(first.ids).toEqual(['D1', 'D2']);
    expect(first.targets).toEqual([
      { node: 1, gene: 'B', actionClass: 'down', actions: ['INHIBITOR', 'inhibitor'] },
      { node: 2, gene: 'C', actionClass: 'down', actions: ['BLOCKER', 'antagonist'] },
    ]);
    expect(first.notInNetwork).toEqual(['Z']);
    // Same targets in the opposite direction: another entry, same target set.
    expect(second.targets.map((t) => t.actionClass)).toEqual(['up', 'up']);
    expect(second.targetSet).toBe(first.targetSet);
    expect(library.entries[2].outsideLcc).toEqual(['F']);
    expect(library.entries[2].targets[0].actions).toEqual(['binder', 'frobnicator']);
  });

  it('stores each distinct target set once, sorted', () => {
    expect(library.targetSets.offsets.length - 1).toBe(2);
    expect(Array.from(targetSetNodes(library, 0))).toEqual([1, 2]);
    expect(Array.from(targetSetNodes(library, 1))).toEqual([0]);
  });

  it('reports drugs without a screenable target, with the reason', () => {
    expect(library.excluded).toEqual([
      { name: 'epsilon', id: null, reason: 'targets-outside-lcc', targets: ['E'] },
      { name: 'zeta', id: null, reason: 'no-target-in-network', targets: ['Y'] },
    ]);
    expect(library.drugCount).toBe(7);
    expect(library.screenedDrugCount).toBe(5);
    expect(library.unrecognisedActions).toEqual([{ term: 'frobnicator', count: 1 }]);
  });
});

describe('prepareScreenNetwork input checks', () => {
  it('rejects a directed network and mismatched name tables', () => {
    const directed = csrFromEdges(2, Uint32Array.of(0), Uint32Array.of(1), Float32Array.of(1));
    expect(() => prepareScreenNetwork(directed, ['A', 'B'])).toThrow(/must be undirected/);
    expect(() => prepareScreenNetwork(graph, ['A'])).toThrow(/1 node names for 6 nodes/);
  });
});
