/**
 * Network exports: GraphML, Cytoscape.js JSON and SIF
 * ===================================================
 * Writes a (sub)network with per-node and per-edge attributes in three formats other tools
 * open:
 *
 * - **GraphML** (graphml.graphdrawing.org, the 1.0 schema): `<key>` declarations for every
 *   attribute (attr.type string | double | boolean | int), one `<node id>` per node with its
 *   `<data>`, one `<edge source target>` per undirected edge. Opens in networkx
 *   (`read_graphml`), Cytoscape desktop, Gephi and yEd. Every name and value is XML-escaped
 *   (& < > " '), control characters other than tab/newline are dropped (XML 1.0 forbids them),
 *   so a gene or file name holding markup stays text.
 * - **Cytoscape.js JSON** (`{ elements: { nodes: [{ data }], edges: [{ data }] } }`, the
 *   `cy.json()` layout that Cytoscape desktop imports as "Cytoscape.js JSON"): node `data.id`
 *   and `data.name`, edge `data.id`, `source`, `target`, plus the attributes.
 * - **SIF** (Cytoscape simple interaction format): `a <tab> pp <tab> b` per edge, and a lone
 *   node on its own line; names with a tab or newline are refused (SIF cannot hold them).
 *
 * Node identifiers are the node's index as `n<k>`; names go in attributes, so duplicates or odd
 * characters in names cannot break the structure. NaN and ±Infinity numbers are left out of
 * GraphML and written as null in JSON.
 */

export type AttributeValue = string | number | boolean | null;

export interface ExportNetwork {
  /** Display name of node k (also the SIF name). */
  readonly names: readonly string[];
  /** Undirected edges as node index pairs (each once). */
  readonly edges: readonly (readonly [number, number])[];
  /** Per-node attributes: name → one value per node. */
  readonly nodeAttributes?: Readonly<Record<string, readonly AttributeValue[]>>;
  /** Per-edge attributes: name → one value per edge. */
  readonly edgeAttributes?: Readonly<Record<string, readonly AttributeValue[]>>;
  /** Graph-level description (GraphML `<desc>`, JSON `data`). */
  readonly description?: Readonly<Record<string, string>>;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe inside XML content or an attribute value. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  const legal = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return legal.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

function checkNetwork(network: ExportNetwork): void {
  const n = network.names.length;
  network.edges.forEach(([a, b], e) => {
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < n && b < n)) {
      throw new RangeError(
        `network export: edge ${e} (${a}, ${b}) names a node outside 0…${n - 1}`,
      );
    }
  });
  for (const [name, values] of Object.entries(network.nodeAttributes ?? {})) {
    if (values.length !== n) {
      throw new RangeError(
        `network export: node attribute "${name}" has ${values.length} values for ${n} nodes`,
      );
    }
  }
  for (const [name, values] of Object.entries(network.edgeAttributes ?? {})) {
    if (values.length !== network.edges.length) {
      throw new RangeError(
        `network export: edge attribute "${name}" has ${values.length} values for ${network.edges.length} edges`,
      );
    }
  }
}

type GraphMlType = 'string' | 'double' | 'boolean' | 'int';

function graphMlType(values: readonly AttributeValue[]): GraphMlType {
  let type: GraphMlType | null = null;
  for (const value of values) {
    if (value === null) continue;
    const here: GraphMlType =
      typeof value === 'boolean'
        ? 'boolean'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'int'
            : 'double'
          : 'string';
    if (type === null) type = here;
    else if (type !== here) {
      if ((type === 'int' && here === 'double') || (type === 'double' && here === 'int')) {
        type = 'double';
      } else return 'string';
    }
  }
  return type ?? 'string';
}

function graphMlValue(value: AttributeValue, type: GraphMlType): string | null {
  if (value === null) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (type === 'string') return escapeXml(String(value));
  return String(value);
}

export function writeGraphMl(network: ExportNetwork): string {
  checkNetwork(network);
  const nodeAttributes = { name: network.names, ...(network.nodeAttributes ?? {}) };
  const edgeAttributes = network.edgeAttributes ?? {};
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const keys: {
    id: string;
    for: 'node' | 'edge';
    name: string;
    type: GraphMlType;
    values: readonly AttributeValue[];
  }[] = [];
  Object.entries(nodeAttributes).forEach(([name, values], k) =>
    keys.push({ id: `v${k}`, for: 'node', name, type: graphMlType(values), values }),
  );
  Object.entries(edgeAttributes).forEach(([name, values], k) =>
    keys.push({ id: `e${k}`, for: 'edge', name, type: graphMlType(values), values }),
  );
  for (const key of keys) {
    lines.push(
      `  <key id="${key.id}" for="${key.for}" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>`,
    );
  }
  lines.push('  <graph id="G" edgedefault="undirected">');
  const description = Object.entries(network.description ?? {});
  if (description.length > 0) {
    // GraphML allows one <desc> per graph.
    const text = description.map(([name, value]) => `${name}: ${value}`).join('; ');
    lines.push(`    <desc>${escapeXml(text)}</desc>`);
  }
  const nodeKeys = keys.filter((key) => key.for === 'node');
  const edgeKeys = keys.filter((key) => key.for === 'edge');
  network.names.forEach((_name, v) => {
    const data = nodeKeys
      .map((key) => [key, graphMlValue(key.values[v], key.type)] as const)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => `<data key="${key.id}">${value}</data>`);
    lines.push(`    <node id="n${v}">${data.join('')}</node>`);
  });
  network.edges.forEach(([a, b], e) => {
    const data = edgeKeys
      .map((key) => [key, graphMlValue(key.values[e], key.type)] as const)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => `<data key="${key.id}">${value}</data>`);
    lines.push(`    <edge id="e${e}" source="n${a}" target="n${b}">${data.join('')}</edge>`);
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}

const jsonValue = (value: AttributeValue): AttributeValue =>
  typeof value === 'number' && !Number.isFinite(value) ? null : value;

export function writeCytoscapeJson(network: ExportNetwork): string {
  checkNetwork(network);
  const nodeAttributes = Object.entries(network.nodeAttributes ?? {});
  const edgeAttributes = Object.entries(network.edgeAttributes ?? {});
  const nodes = network.names.map((name, v) => ({
    data: {
      id: `n${v}`,
      name,
      ...Object.fromEntries(nodeAttributes.map(([key, values]) => [key, jsonValue(values[v])])),
    },
  }));
  const edges = network.edges.map(([a, b], e) => ({
    data: {
      id: `e${e}`,
      source: `n${a}`,
      target: `n${b}`,
      ...Object.fromEntries(edgeAttributes.map(([key, values]) => [key, jsonValue(values[e])])),
    },
  }));
  return (
    JSON.stringify(
      {
        format_version: '1.0',
        generated_by: 'twinscreen',
        data: network.description ?? {},
        elements: { nodes, edges },
      },
      null,
      1,
    ) + '\n'
  );
}

export function writeSif(network: ExportNetwork, interaction = 'pp'): string {
  checkNetwork(network);
  network.names.forEach((name, v) => {
    if (/[\t\r\n]/.test(name) || name === '') {
      throw new RangeError(
        `SIF export: node ${v} is named ${JSON.stringify(name)}; SIF names cannot be empty or hold tabs or line breaks (use GraphML)`,
      );
    }
  });
  const linked = new Uint8Array(network.names.length);
  const lines: string[] = [];
  for (const [a, b] of network.edges) {
    linked[a] = linked[b] = 1;
    lines.push(`${network.names[a]}\t${interaction}\t${network.names[b]}`);
  }
  network.names.forEach((name, v) => {
    if (!linked[v]) lines.push(name);
  });
  return lines.join('\n') + '\n';
}
