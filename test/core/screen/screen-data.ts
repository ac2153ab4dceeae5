/**
 * Test-only loaders for the drug-screen tests: bundled public/data tables → core screen inputs
 * ===========================================================================================
 * Node only (through test/helpers/load-public-data.ts). Independent of src/io so the core tests
 * do not depend on the importers; they follow the same rules as the fixture generator
 * (scripts/fixtures/gen_screen_fixtures.py): DrugCentral rows with organism HUMAN and an Entrez
 * ID, first action per (drug, gene); DEG rows with q ≤ 0.05; the signed network with self-loops
 * and repeated ordered pairs dropped (first sign kept), nodes named as in the file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csrFromEdges, type CsrGraph } from '@/core/graph/csr';
import type { DegSignatureRow } from '@/core/screen/counteraction';
import type { ScreenDrugInput } from '@/core/screen/drug-library';
import {
  loadMencheDiseaseGenes,
  loadMencheInteractome,
  readGzipTsv,
} from '../../helpers/load-public-data';

export interface FixtureDrug extends ScreenDrugInput {
  readonly id: string;
}

let drugs: FixtureDrug[] | undefined;

/** DrugCentral drugs with at least one human target, in file order of first appearance. */
export function loadDrugCentralDrugs(): FixtureDrug[] {
  if (drugs) return drugs;
  const { rows } = readGzipTsv('drug_targets_drugcentral.tsv.gz');
  const byId = new Map<
    string,
    { id: string; name: string; targets: { gene: string; entrez: string; action: string }[] }
  >();
  for (const row of rows) {
    const [id, name, , , symbol, entrez, , , organism, , , action] = row;
    if (organism !== 'HUMAN' || entrez === '') continue;
    let drug = byId.get(id);
    if (!drug) {
      drug = { id, name, targets: [] };
      byId.set(id, drug);
    }
    if (!drug.targets.some((target) => target.entrez === entrez)) {
      drug.targets.push({ gene: symbol, entrez, action });
    }
  }
  drugs = [...byId.values()];
  return drugs;
}

/** Drug names with a DrugCentral indication mentioning rheumatoid arthritis. */
export function loadRaIndications(): string[] {
  const { rows } = readGzipTsv('drug_indications_drugcentral.tsv.gz');
  return [
    ...new Set(rows.filter((row) => /rheumatoid arthritis/i.test(row[3])).map((row) => row[1])),
  ];
}

function parseLogFC(text: string): number {
  if (text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

let degs: DegSignatureRow[] | undefined;

/** SAR day-3 DEG rows (all three cell types). */
export function loadSarDegs(): DegSignatureRow[] {
  if (degs) return degs;
  const { rows } = readGzipTsv('sar_degs_li2022_day3.tsv.gz');
  degs = rows.map(([group, gene, entrez, logFC, q]) => ({
    group,
    gene,
    entrez: entrez === '' ? null : entrez,
    logFC: parseLogFC(logFC),
    q: Number(q),
  }));
  return degs;
}

export interface SignedNetwork {
  graph: CsrGraph;
  nodeIds: string[];
  entrezIds: (string | null)[];
}

let signed: SignedNetwork | undefined;

/** The OmniPath signed network (directed, weight = sign). */
export function loadSignedNetwork(): SignedNetwork {
  if (signed) return signed;
  const { rows } = readGzipTsv('signed_network_omnipath.tsv.gz');
  const index = new Map<string, number>();
  const nodeIds: string[] = [];
  const entrezIds: (string | null)[] = [];
  const seen = new Set<string>();
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  const nodeOf = (name: string, entrez: string) => {
    let node = index.get(name);
    if (node === undefined) {
      node = nodeIds.length;
      index.set(name, node);
      nodeIds.push(name);
      entrezIds.push(entrez === '' ? null : entrez);
    }
    return node;
  };
  for (const [source, target, sign, sourceEntrez, targetEntrez] of rows) {
    const a = nodeOf(source, sourceEntrez);
    const b = nodeOf(target, targetEntrez);
    if (a === b || seen.has(`${a},${b}`)) continue;
    seen.add(`${a},${b}`);
    sources.push(a);
    targets.push(b);
    weights.push(Number(sign));
  }
  const graph = csrFromEdges(
    nodeIds.length,
    Uint32Array.from(sources),
    Uint32Array.from(targets),
    Float32Array.from(weights),
  );
  signed = { graph, nodeIds, entrezIds };
  return signed;
}

/** The Menche interactome as a screen network input, and the RA module genes. */
export function loadMencheScreenInputs() {
  const interactome = loadMencheInteractome();
  const ra = loadMencheDiseaseGenes().get('arthritis, rheumatoid') as string[];
  return {
    network: {
      graph: interactome.graph,
      nodeIds: interactome.names,
      entrezIds: interactome.entrez,
      name: 'Menche 2015',
    },
    module: {
      name: 'arthritis, rheumatoid',
      genes: ra.map((entrez) => ({ gene: entrez, entrez })),
    },
  };
}

export interface ScreenFixture {
  lcc: { nodes: number; edges: number; bins: number };
  module: string[];
  screenedDrugs: number;
  exact: {
    id: string;
    name: string;
    dC: number;
    targets: { entrez: string; symbol: string; distance: number; nearest: string[] }[];
  }[];
  counteraction: {
    id: string;
    name: string;
    groups: Record<
      string,
      { counteracting: number; mimicking: number; unknownAction: number; targetedDegs: number }
    >;
  }[];
  validation: {
    indications: string[];
    drugIds: string[];
    dC: number[];
    positives: number;
    negatives: number;
    auc: number;
    precisionAtK: Record<string, number>;
    fisher: { cutoff: number; table: number[][]; oddsRatio: number; pValue: number };
  };
  separation: { a: string; b: string; dAA: number; dBB: number; dAB: number; sAB: number }[];
  z: Record<'shared' | 'guney', { id: string; name: string; dC: number; z: number }[]>;
  cure: {
    signatureSize: number;
    alpha: number;
    moveThreshold: number;
    drugs: ({
      id: string;
      name: string;
      clamped: string[];
    } & Record<
      'linear' | 'tanh',
      {
        moved: number;
        reversed: number;
        aggravated: number;
        borderline: number;
        spearman: number | null;
        changes: Record<string, number>;
      }
    >)[];
  };
}

/** test/fixtures/screen/ra-drugcentral.json (scripts/fixtures/gen_screen_fixtures.py). */
export function loadScreenFixture(): ScreenFixture {
  const path = fileURLToPath(new URL('../../fixtures/screen/ra-drugcentral.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as ScreenFixture;
}
