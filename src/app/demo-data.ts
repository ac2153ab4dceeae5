/**
 * Demo data
 * =========
 * The bundled files the app opens with (public/data/, fetched same-origin), and the view shown
 * before the user clicks anything: rheumatoid arthritis on the Menche 2015 interactome.
 * Sources and licences: public/data is described in the README's data section.
 */

export const DEMO_FILES = {
  /** HGNC symbols, Entrez ids, previous symbols and aliases: resolves gene names on import. */
  genes: 'genes.tsv.gz',
  /** Menche et al., Science 347:1257601 (2015), Data S1: 13,460 genes, 141,296 interactions. */
  interactome: 'interactome_menche2015.tsv.gz',
  /** Menche et al. 2015, Data S2: OMIM and GWAS genes of 299 diseases (MeSH names). */
  diseaseGenes: 'disease_genes_menche2015.tsv.gz',
  /** DrugCentral mechanism-of-action targets (CC BY 4.0). */
  drugTargets: 'drug_targets_drugcentral.tsv.gz',
} as const;

export const DEMO_NETWORK_NAME = 'Menche 2015 interactome';

/** MeSH name of the disease shown first. */
export const DEMO_DISEASE = 'arthritis, rheumatoid';
