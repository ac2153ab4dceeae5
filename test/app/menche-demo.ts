// The app's bundled demo data as the analysis worker loads it (gene table, Menche 2015
// interactome, Menche disease genes), read from public/data for the tests on real data.
import { readFileSync } from 'node:fs';
import { loadedNetwork, type LoadedNetwork } from '@/app/disease-view';
import type { ModuleGeneSet } from '@/app/module-analysis';
import { importGeneSets, importNetwork, parseGeneTable, type GeneIndex, type GeneSet } from '@/io';

export const MENCHE_DISEASE_FILE = 'disease_genes_menche2015.tsv.gz';

export interface MencheDemo {
  geneIndex: GeneIndex;
  network: LoadedNetwork;
  sets: GeneSet[];
}

const read = (name: string) => new Uint8Array(readFileSync(`public/data/${name}`));

export async function loadMencheDemo(): Promise<MencheDemo> {
  const geneIndex = await parseGeneTable(read('genes.tsv.gz'), 'genes.tsv.gz');
  const interactome = 'interactome_menche2015.tsv.gz';
  const imported = await importNetwork(read(interactome), interactome, geneIndex);
  const network = loadedNetwork(
    { id: 'menche', name: 'Menche 2015', fileName: interactome, origin: 'demo' },
    imported,
  );
  const { sets } = await importGeneSets(read(MENCHE_DISEASE_FILE), MENCHE_DISEASE_FILE, geneIndex);
  return { geneIndex, network, sets };
}

/** A disease's gene set by its name ("arthritis, rheumatoid"); throws when there is none. */
export function mencheSet(demo: MencheDemo, name: string): GeneSet {
  const set = demo.sets.find((candidate) => candidate.name === name);
  if (!set) throw new Error(`no gene set "${name}" in ${MENCHE_DISEASE_FILE}`);
  return set;
}

/** A disease as the workspace stores it: what the module analysis takes. */
export function mencheModuleSet(demo: MencheDemo, name: string, id: string): ModuleGeneSet {
  return { id, fileName: MENCHE_DISEASE_FILE, origin: 'demo', ...mencheSet(demo, name) };
}
