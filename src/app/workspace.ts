/**
 * Workspace: everything loaded, held in the analysis worker
 * =========================================================
 * Networks, gene sets, drug-target tables and DEG tables, demo and imported, with the gene
 * index that maps names between them and the network the views are drawn on. Only the
 * worker holds one; the UI sees `summary()`. Adding is all-or-nothing: an import that failed
 * never reaches here, so a bad file cannot replace anything already loaded.
 */
import { edgeCount } from '@/core/graph/csr';
import type {
  GeneIndex,
  ImportedDegTable,
  ImportedDrugTargets,
  ImportedGeneSets,
  ImportedNetwork,
} from '@/io';
import type { Origin, WorkspaceSummary } from './analysis-types';
import { loadedNetwork, type LoadedNetwork } from './disease-view';

export interface StoredGeneSet {
  id: string;
  name: string;
  fileName: string;
  origin: Origin;
  genes: readonly string[];
  /** Entrez ID per gene when the file or the gene index gave one. */
  entrez: readonly (string | null)[];
}

export class Workspace {
  geneIndex: GeneIndex | null = null;
  readonly networks: LoadedNetwork[] = [];
  readonly geneSets: StoredGeneSet[] = [];
  readonly drugTables: { fileName: string; origin: Origin; result: ImportedDrugTargets }[] = [];
  readonly degTables: { fileName: string; result: ImportedDegTable }[] = [];
  activeNetworkId: string | null = null;
  #counter = 0;

  /** Adds a network; the first one added becomes the active one. Returns its id. */
  addNetwork(
    result: ImportedNetwork,
    meta: { name: string; fileName: string; origin: Origin },
  ): string {
    const id = `${meta.origin}-network-${++this.#counter}`;
    this.networks.push(loadedNetwork({ id, ...meta }, result));
    this.activeNetworkId ??= id;
    return id;
  }

  addGeneSets(result: ImportedGeneSets, fileName: string, origin: Origin): string[] {
    const batch = ++this.#counter;
    return result.sets.map((set, k) => {
      const id = `${origin}-set-${batch}-${k}`;
      this.geneSets.push({
        id,
        name: set.name,
        fileName,
        origin,
        genes: set.genes,
        entrez: set.entrez,
      });
      return id;
    });
  }

  addDrugTargets(result: ImportedDrugTargets, fileName: string, origin: Origin): void {
    this.drugTables.push({ fileName, origin, result });
  }

  addDegTable(result: ImportedDegTable, fileName: string): void {
    this.degTables.push({ fileName, result });
  }

  setActiveNetwork(id: string): void {
    if (!this.networks.some((network) => network.id === id)) {
      throw new Error(`Workspace: no network with id "${id}"`);
    }
    this.activeNetworkId = id;
  }

  get activeNetwork(): LoadedNetwork | null {
    return this.networks.find((network) => network.id === this.activeNetworkId) ?? null;
  }

  geneSet(id: string): StoredGeneSet {
    const set = this.geneSets.find((candidate) => candidate.id === id);
    if (!set) throw new Error(`Workspace: no gene set with id "${id}"`);
    return set;
  }

  summary(): WorkspaceSummary {
    return {
      networks: this.networks.map((network) => ({
        id: network.id,
        name: network.name,
        fileName: network.fileName,
        origin: network.origin,
        nodeCount: network.graph.nodeCount,
        interactionCount: edgeCount(network.graph) / 2, // stored undirected, both ways
      })),
      activeNetworkId: this.activeNetworkId,
      geneSets: this.geneSets.map((set) => ({
        id: set.id,
        name: set.name,
        fileName: set.fileName,
        origin: set.origin,
        geneCount: set.genes.length,
      })),
      drugCount: new Set(
        this.drugTables.flatMap((table) => table.result.drugs.map((drug) => drug.name)),
      ).size,
      drugTables: this.drugTables.map((table) => ({
        fileName: table.fileName,
        origin: table.origin,
        drugCount: table.result.drugs.length,
      })),
      degTables: this.degTables.map((table) => ({
        fileName: table.fileName,
        rowCount: table.result.rows.length,
        groups: [...table.result.groups],
      })),
    };
  }
}
