/**
 * Module results as a JSON file
 * =============================
 * What the module panel's "Export JSON" downloads: the provenance (method, null model, R, seed,
 * network, gene set, genes dropped, time; for RWR, where its null ran: backend, float32
 * tolerance), the LCC statistics with the whole null distribution,
 * and the method's tables; `software` names the app's version and every bundled data file
 * with its checksum (app-provenance.ts). Typed arrays become plain arrays; numbers JSON cannot hold (NaN,
 * ±Infinity: an undefined z, a gene without degree) become null, as JSON.stringify would do
 * silently; here it is explicit. View-only fields (row positions in the drawing) are left out.
 */
import type { ModuleResult } from './analysis-types';
import { APP_PROVENANCE } from './app-provenance';

/** Changes whenever the layout of the file changes. */
export const MODULE_EXPORT_FORMAT = 'twinscreen-module-result/1';

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

function withoutViewIndex<T extends { viewIndex: number }>(rows: readonly T[]) {
  return rows.map(({ viewIndex: _viewIndex, ...rest }) => rest);
}

/** A plain, JSON-safe object. */
export function moduleExport(result: ModuleResult) {
  const { provenance, lcc } = result;
  return {
    format: MODULE_EXPORT_FORMAT,
    generator: 'Twinscreen module panel',
    software: APP_PROVENANCE,
    provenance,
    lccSignificance: {
      size: lcc.size,
      setSize: lcc.setSize,
      z: finite(lcc.z),
      pValue: lcc.pValue,
      nullMean: finite(lcc.nullMean),
      nullSd: finite(lcc.nullSd),
      members: lcc.members,
      nullSizes: Array.from(lcc.nullSizes),
    },
    module: result.module,
    genes: withoutViewIndex(result.genes).map((row) => ({
      ...row,
      betweenness: finite(row.betweenness),
      closeness: finite(row.closeness),
      eigenvector: finite(row.eigenvector),
      pagerank: finite(row.pagerank),
    })),
    diamond: result.diamond
      ? { exhausted: result.diamond.exhausted, added: withoutViewIndex(result.diamond.rows) }
      : null,
    rwr: result.rwr
      ? {
          converged: result.rwr.converged,
          walkIterations: result.rwr.walkIterations,
          top: withoutViewIndex(result.rwr.rows).map((row) => ({
            ...row,
            degreeCorrected: finite(row.degreeCorrected),
            z: finite(row.z),
          })),
        }
      : null,
  };
}

export function moduleExportJson(result: ModuleResult): string {
  return `${JSON.stringify(moduleExport(result), null, 2)}\n`;
}

/** e.g. "twinscreen-module_arthritis-rheumatoid_diamond_R1000_seed1.json". */
export function moduleExportFileName(result: ModuleResult): string {
  const { geneSet, method, randomSets, seed } = result.provenance;
  const slug =
    geneSet.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'gene-set';
  return `twinscreen-module_${slug}_${method}_R${randomSets}_seed${seed}.json`;
}
