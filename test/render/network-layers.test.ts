import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '@/core/graph/csr';
import { labelledNodes, MAX_LABELS, networkLayers } from '@/render/network-layers';
import { buildNetworkView } from '@/render/network-view';
import { NODE_ROLE } from '@/render/palette';

// Triangle of module genes 0, 1, 2 and neighbour 3 hanging off node 2.
const pairs = [
  [0, 1],
  [1, 2],
  [0, 2],
  [2, 3],
];
const graph = csrFromEdges(
  4,
  Uint32Array.from(pairs.flatMap(([a, b]) => [a, b])),
  Uint32Array.from(pairs.flatMap(([a, b]) => [b, a])),
);
const view = buildNetworkView(
  graph,
  Float32Array.of(0, 0, 10, 0, 5, 8, 5, 20),
  Uint8Array.of(
    NODE_ROLE.moduleGene,
    NODE_ROLE.moduleGene,
    NODE_ROLE.moduleGene,
    NODE_ROLE.neighbour,
  ),
);
const labels = ['IL6', 'TNF', 'STAT3', 'JAK1'];

/** Layers by id, with their props readable without each layer's own props type. */
function byId(layers: ReturnType<typeof networkLayers>) {
  return Object.fromEntries(
    layers.map((layer) => [layer.id, { props: layer.props as unknown as Record<string, unknown> }]),
  );
}

describe('networkLayers', () => {
  it('draws edges, nodes, a selection ring and labels, bottom to top', () => {
    expect(networkLayers(view, labels).map((layer) => layer.id)).toEqual([
      'edges',
      'nodes',
      'selection',
      'labels',
      'selected-label',
    ]);
  });

  it('feeds the view’s typed arrays to deck.gl as binary attributes, without copying', () => {
    const { edges, nodes } = byId(networkLayers(view, labels));
    const nodeData = nodes.props.data as {
      length: number;
      attributes: Record<string, { value: unknown; size: number }>;
    };
    expect(nodeData.length).toBe(4);
    expect(nodeData.attributes.getPosition).toEqual({ value: view.nodePositions, size: 3 });
    expect(nodeData.attributes.getPosition.value).toBe(view.nodePositions);
    expect(nodeData.attributes.getFillColor.value).toBe(view.nodeColors);
    expect(nodeData.attributes.getRadius.value).toBe(view.nodeRadii);
    const edgeData = edges.props.data as typeof nodeData;
    expect(edgeData.length).toBe(4);
    expect(edgeData.attributes.getSourcePosition.value).toBe(view.edgeSourcePositions);
    expect(edgeData.attributes.getTargetPosition.value).toBe(view.edgeTargetPositions);
    expect(edgeData.attributes.getColor).toEqual({ value: view.edgeColors, size: 4 });
  });

  it('makes only the nodes pickable and sizes them in pixels', () => {
    const layers = byId(networkLayers(view, labels));
    expect(layers.nodes.props.pickable).toBe(true);
    expect(layers.nodes.props.radiusUnits).toBe('pixels');
    expect(layers.edges.props.pickable).toBe(false);
    expect(layers.labels.props.pickable).toBe(false);
  });

  it('labels the disease genes only, reusing one data array per view', () => {
    const first = byId(networkLayers(view, labels)).labels;
    const second = byId(networkLayers(view, labels, { selectedNode: 1 })).labels;
    expect(first.props.data).toEqual([0, 1, 2]);
    expect(second.props.data).toBe(first.props.data);
    const getText = first.props.getText as (k: number) => string;
    expect(getText(2)).toBe('STAT3');
  });

  it('names the selected gene even when it is not a labelled disease gene', () => {
    expect(byId(networkLayers(view, labels))['selected-label'].props.data).toEqual([]);
    const layer = byId(networkLayers(view, labels, { selectedNode: 3 }))['selected-label'];
    expect(layer.props.data).toEqual([3]);
    expect((layer.props.getText as (k: number) => string)(3)).toBe('JAK1');
  });

  it(`labels at most ${MAX_LABELS} disease genes: module genes first, best linked first`, () => {
    // A star: module gene 0 in the centre linked to 70 disease genes 1…70, of which 40…70 also
    // link to module gene 71; plus 10 module genes 72…81 with no links.
    const n = 82;
    const pairs: [number, number][] = [];
    for (let k = 1; k <= 70; k++) pairs.push([0, k]);
    for (let k = 40; k <= 70; k++) pairs.push([71, k]);
    const star = csrFromEdges(
      n,
      Uint32Array.from(pairs.flatMap(([a, b]) => [a, b])),
      Uint32Array.from(pairs.flatMap(([a, b]) => [b, a])),
    );
    const roles = new Uint8Array(n).fill(NODE_ROLE.diseaseGene);
    roles[0] = roles[71] = NODE_ROLE.moduleGene;
    for (let k = 72; k < n; k++) roles[k] = NODE_ROLE.moduleGene;
    const big = buildNetworkView(star, new Float32Array(2 * n), roles);
    const chosen = labelledNodes(big);
    expect(chosen).toHaveLength(MAX_LABELS);
    // 12 module genes, then the 31 disease genes with two links (40…70), then 17 of the
    // disease genes with one link, lowest index first (1…17).
    const expected = [0, 71, ...range(72, 81), ...range(40, 70), ...range(1, 17)].sort(
      (a, b) => a - b,
    );
    expect(chosen).toEqual(expected);
  });

  it('labels module genes before genes a module method added, and those before disease genes', () => {
    // No edges: 55 module genes (0…54), 15 disease genes (55…69), 10 added genes (70…79).
    const n = 80;
    const roles = new Uint8Array(n);
    roles.fill(NODE_ROLE.moduleGene, 0, 55);
    roles.fill(NODE_ROLE.diseaseGene, 55, 70);
    roles.fill(NODE_ROLE.addedGene, 70, 80);
    const none = csrFromEdges(n, new Uint32Array(0), new Uint32Array(0));
    const chosen = labelledNodes(buildNetworkView(none, new Float32Array(2 * n), roles));
    expect(chosen).toEqual([...range(0, 54), ...range(70, 74)]);
  });

  it('rings the selected and the hovered node once each', () => {
    const none = byId(networkLayers(view, labels)).selection;
    expect(none.props.data).toEqual([]);
    expect(none.props.visible).toBe(false);
    const both = byId(networkLayers(view, labels, { selectedNode: 2, hoveredNode: 3 })).selection;
    expect(both.props.data).toEqual([2, 3]);
    expect(both.props.visible).toBe(true);
    const same = byId(networkLayers(view, labels, { selectedNode: 2, hoveredNode: 2 })).selection;
    expect(same.props.data).toEqual([2]);
    const outside = byId(networkLayers(view, labels, { selectedNode: 9 })).selection;
    expect(outside.props.data).toEqual([]);
  });

  it('hides edges and labels with `visible`, keeping the layers', () => {
    const layers = byId(networkLayers(view, labels, { showEdges: false, showLabels: false }));
    expect(layers.edges.props.visible).toBe(false);
    expect(layers.labels.props.visible).toBe(false);
    expect(layers.nodes.props.visible).toBe(true);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}
