/**
 * Genes of a single-cell matrix through the gene table
 * ====================================================
 * Each matrix gene is looked up by its name (symbol, or whatever the chosen var column holds)
 * and, when that finds nothing, by its stored ID (10x features.tsv column 1, the var index:
 * often an Ensembl ID), with the gene table's usual order of levels (src/io/gene-index.ts).
 * Ambiguous names resolve to nothing, as everywhere else in the app.
 */
import { lookupGene, type GeneIndex } from '../gene-index';

export interface GeneMappingReport {
  mapped: number;
  ambiguous: number;
  unmapped: number;
  /** Up to 20 unmapped gene names, in matrix order. */
  unmappedExamples: string[];
}

export interface GeneMapping {
  /** Entrez ID of matrix gene j, or null. */
  entrez: (string | null)[];
  report: GeneMappingReport;
}

const EXAMPLES = 20;

export function mapMatrixGenes(
  geneNames: readonly string[],
  geneIds: readonly string[],
  index: GeneIndex,
): GeneMapping {
  const entrez: (string | null)[] = new Array(geneNames.length).fill(null);
  const report: GeneMappingReport = { mapped: 0, ambiguous: 0, unmapped: 0, unmappedExamples: [] };
  for (let j = 0; j < geneNames.length; j++) {
    let found = lookupGene(index, geneNames[j]);
    if (found.status !== 'mapped' && geneIds[j] !== geneNames[j]) {
      const byId = lookupGene(index, geneIds[j]);
      if (byId.status === 'mapped') found = byId;
    }
    if (found.status === 'mapped') {
      entrez[j] = found.entrez;
      report.mapped++;
    } else if (found.status === 'ambiguous') {
      report.ambiguous++;
    } else {
      report.unmapped++;
      if (report.unmappedExamples.length < EXAMPLES) report.unmappedExamples.push(geneNames[j]);
    }
  }
  return { entrez, report };
}
