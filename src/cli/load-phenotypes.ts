/**
 * The symptom layer's terms, read and mapped onto the network (Node only)
 * =======================================================================
 * Reads a gene → HPO annotation table (src/io/import-phenotype-genes.ts) and the ontology,
 * keeps the terms under Phenotypic abnormality (HP:0000118: not modes of inheritance, onset,
 * frequency or terms the ontology does not know) and maps each term's genes onto the whole
 * network (Entrez ID first, then symbol). Used by `twinscreen multilayer`, its benchmark and
 * its tests, so all three see the same layer.
 */
import { fileURLToPath } from 'node:url';
import {
  descendsFrom,
  PHENOTYPIC_ABNORMALITY,
  type PhenotypeTerms,
} from '@/core/multilayer/multilayer-twin';
import { importPhenotypeGenes, importPhenotypeOntology } from '@/io/import-phenotype-genes';
import { openInput, type InputFile, type LoadedNetwork } from './load-inputs';

/** The HPO annotations shipped with the app (build #117, 2017-02-24). */
export const BUNDLED_HPO_ANNOTATIONS: InputFile = {
  path: fileURLToPath(
    new URL('../../public/data/hpo_genes_to_phenotype_2017.tsv.gz', import.meta.url),
  ),
  shownAs: 'hpo_genes_to_phenotype_2017.tsv.gz',
  role: 'bundled',
};

/** The HPO ontology shipped with the app (release 2016-04-01). */
export const BUNDLED_HPO_TERMS: InputFile = {
  path: fileURLToPath(new URL('../../public/data/hpo_terms_2016.tsv.gz', import.meta.url)),
  shownAs: 'hpo_terms_2016.tsv.gz',
  role: 'bundled',
};

export interface SymptomTerms {
  /** Every annotated term; a term outside Phenotypic abnormality has no genes. */
  readonly terms: PhenotypeTerms;
  /** Annotated terms left out (not under HP:0000118). */
  readonly leftOut: number;
}

export async function loadSymptomTerms(
  annotations: InputFile,
  ontologyFile: InputFile | null,
  network: LoadedNetwork,
): Promise<SymptomTerms> {
  const hpo = await importPhenotypeGenes(openInput(annotations), annotations.shownAs);
  const termsFile = ontologyFile ?? BUNDLED_HPO_TERMS;
  const ontology = await importPhenotypeOntology(openInput(termsFile), termsFile.shownAs);
  const isSymptom = descendsFrom(hpo.termIds, ontology.parents, PHENOTYPIC_ABNORMALITY);
  const genes = hpo.genes.map((list, t) => {
    if (!isSymptom[t]) return new Uint32Array(0);
    const nodes = new Set<number>();
    for (const gene of list) {
      const location = network.whole.locate({ gene: gene.symbol, entrez: gene.entrez });
      if (location.status === 'in-graph') nodes.add(location.node);
    }
    return Uint32Array.from(nodes);
  });
  return {
    terms: { ids: hpo.termIds, names: hpo.termNames, genes },
    leftOut: isSymptom.filter((keep) => !keep).length,
  };
}
