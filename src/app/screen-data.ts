/**
 * Bundled data of the drug screen, loaded on first use
 * ====================================================
 * The demo loads the interactome, the disease genes and the DrugCentral targets; the screen
 * panel needs three more bundled files (public/data, fetched same-origin by fetch-data.ts):
 *   - DrugCentral indications (drug_name, indication, umls_cui, doid) and the disease →
 *     indication-concept table (scripts/data/build_indication_concepts.py): validation against
 *     known drugs (core/screen/indication-match.ts);
 *   - the OmniPath signed, directed network (source target sign …): the digital cure;
 *   - SAR DEGs (Li et al. 2022, day 3; cell_type symbol … log10_fc qval …): counteraction,
 *     the candidate flag and the cure's signature.
 * Each is fetched and parsed once, when first asked for; a failed or cancelled load is
 * forgotten, so the next request tries again. Runs in the analysis worker.
 */
import {
  importDegTable,
  ImportError,
  importNetwork,
  openTable,
  readLineBatches,
  type GeneIndex,
  type ImportedDegTable,
  type ImportedNetwork,
  type ImportSource,
  findIndicationColumns,
  readIndicationRows,
} from '@/io';
import { fetchDataFile, type FetchDataOptions } from './fetch-data';
import {
  parseIndicationConcepts,
  type IndicationConcepts,
  type IndicationRow,
} from '@/core/screen/indication-match';
import { bundledDegDisease } from '@/core/screen/screen-direction';

export const SCREEN_FILES = {
  /** DrugCentral indications (CC BY 4.0): one row per (drug, indication). */
  indications: 'drug_indications_drugcentral.tsv.gz',
  /** Disease name → indication concepts (UMLS CUIs, DOIDs) that denote the disease itself. */
  indicationConcepts: 'disease_indication_concepts.tsv',
  /** OmniPath signed directed interactions (Türei et al. 2016). */
  signedNetwork: 'signed_network_omnipath.tsv.gz',
  /** Seasonal allergic rhinitis DEGs, day 3, per cell type (Li et al. 2022). */
  degs: 'sar_degs_li2022_day3.tsv.gz',
} as const;

/** How the bundled DEG table is named in the panel and the provenance. */
export const BUNDLED_DEGS_NAME = 'SAR DEGs, day 3 (Li et al. 2022)';

/** The disease the bundled DEGs come from (checked against the module screened). */
export const BUNDLED_DEGS_DISEASE = bundledDegDisease(SCREEN_FILES.degs) as string;

/**
 * Reads an indication table: a header naming a drug column (drug_name, drug, …) and an
 * indication column (indication, disease, …), optionally umls_cui and doid columns (for
 * matching by concept); other columns are ignored.
 */
export async function readIndicationTable(
  source: ImportSource,
  fileName: string,
  options: { signal?: AbortSignal } = {},
): Promise<IndicationRow[]> {
  const table = await openTable(readLineBatches(source, fileName, options), fileName);
  const header = table.sample[0];
  if (!header) throw new ImportError(fileName, null, 'the file is empty', 'a header row');
  const columns = findIndicationColumns(header);
  if (columns === null) {
    throw new ImportError(
      fileName,
      header.lineNumber,
      `header "${header.text}" names no drug and indication columns`,
      'a header with a drug_name and an indication column',
    );
  }
  return readIndicationRows(table, columns);
}

export interface ScreenDataLoader {
  indications(signal?: AbortSignal): Promise<IndicationRow[]>;
  indicationConcepts(signal?: AbortSignal): Promise<IndicationConcepts>;
  signedNetwork(signal?: AbortSignal): Promise<ImportedNetwork>;
  degs(signal?: AbortSignal): Promise<ImportedDegTable>;
}

type FetchFile = (fileName: string, options?: FetchDataOptions) => Promise<Uint8Array>;

/**
 * @param geneIndex the workspace's gene index at the time of the load (maps DEG and network
 *   identifiers to Entrez IDs, like every import)
 */
export function createScreenDataLoader(
  geneIndex: () => GeneIndex | null,
  fetchFile: FetchFile = fetchDataFile,
): ScreenDataLoader {
  const once = <T>(load: (signal?: AbortSignal) => Promise<T>) => {
    let pending: Promise<T> | null = null;
    return (signal?: AbortSignal): Promise<T> => {
      pending ??= load(signal).catch((error: unknown) => {
        pending = null; // a failed or cancelled load may be retried
        throw error;
      });
      return pending;
    };
  };
  return {
    indications: once(async (signal) => {
      const bytes = await fetchFile(SCREEN_FILES.indications, { signal });
      return readIndicationTable(bytes, SCREEN_FILES.indications, { signal });
    }),
    indicationConcepts: once(async (signal) => {
      const bytes = await fetchFile(SCREEN_FILES.indicationConcepts, { signal });
      return parseIndicationConcepts(
        new TextDecoder().decode(bytes),
        SCREEN_FILES.indicationConcepts,
      );
    }),
    signedNetwork: once(async (signal) => {
      const bytes = await fetchFile(SCREEN_FILES.signedNetwork, { signal });
      const network = await importNetwork(bytes, SCREEN_FILES.signedNetwork, geneIndex(), {
        signal,
      });
      if (!network.signed) {
        throw new Error(`${SCREEN_FILES.signedNetwork}: expected a sign column (1 / -1)`);
      }
      return network;
    }),
    degs: once(async (signal) => {
      const bytes = await fetchFile(SCREEN_FILES.degs, { signal });
      return importDegTable(bytes, SCREEN_FILES.degs, geneIndex(), { signal });
    }),
  };
}
