/**
 * Column names
 * ============
 * Header cells are compared after normalisation: lower case, leading `#` dropped, and every
 * character other than a–z and 0–9 removed, so "Gene Symbol", "gene_symbol" and "GeneSymbol"
 * all read "genesymbol", and Seurat's "avg_log2FC" reads "avglog2fc". Each role below lists
 * the names it accepts, in priority order (the first one present wins).
 */

export function normalizeColumnName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^#+/, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Index of the first candidate present in `normalized` (priority order), or -1. */
export function findColumn(normalized: readonly string[], candidates: readonly string[]): number {
  for (const candidate of candidates) {
    const index = normalized.indexOf(candidate);
    if (index !== -1) return index;
  }
  return -1;
}

/** Index of the first [a, b] candidate pair present, or null. */
export function findColumnPair(
  normalized: readonly string[],
  candidates: readonly (readonly [string, string])[],
): [number, number] | null {
  for (const [a, b] of candidates) {
    const ia = normalized.indexOf(a);
    const ib = normalized.indexOf(b);
    if (ia !== -1 && ib !== -1 && ia !== ib) return [ia, ib];
  }
  return null;
}

/** Entrez ID columns of an edge list: the node identity when present. */
export const ENTREZ_PAIR_NAMES: readonly (readonly [string, string])[] = [
  ['entreza', 'entrezb'],
  ['entrezida', 'entrezidb'],
  ['entrez1', 'entrez2'],
  ['geneida', 'geneidb'],
  ['sourceentrez', 'targetentrez'],
  ['entrezsource', 'entreztarget'],
  ['ncbigeneida', 'ncbigeneidb'],
];

/** Node columns of an edge list (symbols or any gene/protein identifier). */
export const NODE_PAIR_NAMES: readonly (readonly [string, string])[] = [
  ['symbola', 'symbolb'],
  ['genesymbola', 'genesymbolb'],
  ['protein1', 'protein2'],
  ['proteina', 'proteinb'],
  ['source', 'target'],
  ['sourcegene', 'targetgene'],
  ['sourcesymbol', 'targetsymbol'],
  ['node1', 'node2'],
  ['nodea', 'nodeb'],
  ['genea', 'geneb'],
  ['gene1', 'gene2'],
  ['interactora', 'interactorb'],
  ['ida', 'idb'],
  ['from', 'to'],
  ['ligand', 'receptor'],
];

/** Edge weight columns. `sign` makes the network signed (±1) and directed. */
export const SIGN_NAMES = ['sign', 'consensussign', 'interactionsign'] as const;
export const WEIGHT_NAMES = [
  'weight',
  'combinedscore',
  'score',
  'confidence',
  'edgeweight',
  'value',
  'strength',
  'w',
] as const;

/** Gene columns of gene-set, drug-target and DEG tables. */
export const ENTREZ_NAMES = [
  'entrezid',
  'entrez',
  'entrezgeneid',
  'ncbigeneid',
  'geneid',
  'targetentrez',
  'targetentrezid',
] as const;
export const GENE_NAMES = [
  'symbol',
  'genesymbol',
  'gene',
  'genename',
  'hgncsymbol',
  'genes',
  'targetsymbol',
  'targetgene',
  'target',
  'feature',
  'names',
  'primerid',
  'ensemblid',
  'ensemblgeneid',
  'ensembl',
  'geneids',
] as const;

/** Gene-set tables: the set (disease, pathway…) column. */
export const SET_NAMES = [
  'disease',
  'diseasename',
  'set',
  'setname',
  'geneset',
  'genesetname',
  'pathway',
  'pathwayname',
  'term',
  'termname',
  'module',
  'category',
  'phenotype',
  'hponame',
  'hpoterm',
  'hpoid',
  'name',
  'group',
] as const;

/** Drug-target tables. */
export const DRUG_NAME_NAMES = ['drugname', 'drug', 'compoundname', 'compound', 'name'] as const;
export const DRUG_ID_NAMES = [
  'drugcentralid',
  'drugbankid',
  'drugids', // DrugBank's target tables: the drugs of each target, "DB00001; DB00002"
  'drugid',
  'chemblid',
  'compoundid',
  'pubchemcid',
  'cid',
] as const;
/** Target columns of drug-target tables: the gene columns, and the plural names of list columns. */
export const TARGET_GENE_NAMES = [
  ...GENE_NAMES,
  'targets',
  'targetgenes',
  'targetsymbols',
  'targetgenesymbol',
  'targetgenesymbols',
  'genesymbols',
  'genetargets',
] as const;
export const ACTION_NAMES = [
  'actiontype',
  'action',
  'drugaction',
  'interactiontype',
  'moa',
  'mechanism',
  'mechanismofaction',
] as const;
export const ORGANISM_NAMES = ['organism', 'targetorganism', 'species', 'taxon'] as const;

/** DEG tables. */
export const GROUP_NAMES = [
  'celltype',
  'cluster',
  'group',
  'contrast',
  'comparison',
  'ident',
  'groups',
  'celltypes',
] as const;
/** Fold-change columns, each with the logarithm base its name implies (null: not stated). */
export const LOG_FC_NAMES: readonly (readonly [string, 2 | 10 | 'e' | null])[] = [
  ['log10fc', 10],
  ['log10foldchange', 10],
  ['avglog2fc', 2],
  ['log2foldchange', 2],
  ['log2fc', 2],
  ['logfoldchanges', null],
  ['logfoldchange', null],
  ['logfc', null],
  ['avglogfc', 'e'],
  ['lfc', null],
];
export const P_NAMES = ['pval', 'pvalue', 'pvals', 'p', 'pvalueraw', 'rawp'] as const;
export const Q_NAMES = [
  'pvaladj',
  'padj',
  'qval',
  'qvalue',
  'fdr',
  'adjpval',
  'adjpvalue',
  'pvalsadj',
  'padjust',
  'bhadjp',
  'q',
] as const;
