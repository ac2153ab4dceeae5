// Network exports read back by an independent parser: Chromium's DOMParser for GraphML (an XML
// parser that fails on any escaping mistake), JSON.parse for Cytoscape.js JSON. Names carry
// markup and script so that escaping is exercised; a hand-built network makes every count and
// value checkable by eye.
import { describe, expect, it } from 'vitest';
import { writeCytoscapeJson, writeGraphMl, type ExportNetwork } from '@/io/network-export';

const HOSTILE = '<script>alert("x")</script>';
const NETWORK: ExportNetwork = {
  names: ['TP53', HOSTILE, 'A&B "quoted" \'single\'', 'lone<img src=x onerror=alert(1)>'],
  edges: [
    [0, 1],
    [1, 2],
  ],
  nodeAttributes: {
    role: ['module gene', 'added gene', 'disease gene', null],
    rank: [null, 1, 2, 3],
    score: [0.5, Number.NaN, 0.25, 1e-300],
    seed: [true, false, true, false],
  },
  edgeAttributes: { weight: [1, 0.5] },
  description: { generator: 'test', file: 'my <file>.tsv' },
};

describe('GraphML export, parsed by DOMParser', () => {
  const doc = new DOMParser().parseFromString(writeGraphMl(NETWORK), 'application/xml');

  it('is well-formed XML with the GraphML namespace', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(doc.getElementsByTagName('graph')[0].getAttribute('edgedefault')).toBe('undirected');
    expect(doc.getElementsByTagName('desc')).toHaveLength(1);
    expect(doc.getElementsByTagName('desc')[0].textContent).toBe(
      'generator: test; file: my <file>.tsv',
    );
  });

  it('declares each attribute with its type and gives every node and edge its values', () => {
    const keys = Array.from(doc.getElementsByTagName('key'), (key) => [
      key.getAttribute('for'),
      key.getAttribute('attr.name'),
      key.getAttribute('attr.type'),
    ]);
    expect(keys).toEqual([
      ['node', 'name', 'string'],
      ['node', 'role', 'string'],
      ['node', 'rank', 'int'],
      ['node', 'score', 'double'],
      ['node', 'seed', 'boolean'],
      ['edge', 'weight', 'double'],
    ]);
    const keyName = new Map(
      Array.from(doc.getElementsByTagName('key'), (key) => [
        key.getAttribute('id'),
        key.getAttribute('attr.name'),
      ]),
    );
    const nodes = Array.from(doc.getElementsByTagName('node'), (node) =>
      Object.fromEntries(
        Array.from(node.getElementsByTagName('data'), (data) => [
          keyName.get(data.getAttribute('key')),
          data.textContent,
        ]),
      ),
    );
    expect(nodes.map((node) => node.name)).toEqual(NETWORK.names); // markup kept as text
    expect(nodes[1]).toEqual({ name: HOSTILE, role: 'added gene', rank: '1', seed: 'false' }); // NaN left out
    expect(nodes[3].score).toBe('1e-300');
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
    const edges = Array.from(doc.getElementsByTagName('edge'), (edge) => [
      edge.getAttribute('source'),
      edge.getAttribute('target'),
      edge.getElementsByTagName('data')[0].textContent,
    ]);
    expect(edges).toEqual([
      ['n0', 'n1', '1'],
      ['n1', 'n2', '0.5'],
    ]);
  });
});

describe('Cytoscape.js JSON export', () => {
  it('has elements.nodes and elements.edges with ids, names and attributes (NaN → null)', () => {
    const parsed = JSON.parse(writeCytoscapeJson(NETWORK));
    expect(parsed.elements.nodes).toHaveLength(4);
    expect(parsed.elements.nodes[1].data).toEqual({
      id: 'n1',
      name: HOSTILE,
      role: 'added gene',
      rank: 1,
      score: null,
      seed: false,
    });
    expect(parsed.elements.edges[1].data).toEqual({
      id: 'e1',
      source: 'n1',
      target: 'n2',
      weight: 0.5,
    });
  });
});
