/**
 * Gene → phenotype annotation tables (HPO)
 * ========================================
 * Reads an HPO-style annotation table: one row per (gene, phenotype term), with a header that
 * names a gene column (`entrez_id` / `entrez` / `gene_id`, and/or `symbol` / `gene_symbol` /
 * `gene`), a term column (`hpo_id`, `term_id`, `phenotype_id`) and optionally a term name column
 * (`hpo_name`, `term_name`, `phenotype`, `name`). The bundled file is the HPO consortium's
 * genes_to_phenotype (build #117, 2017-02-24: public/data/hpo_genes_to_phenotype_2017.tsv.gz).
 * Terms are kept in order of first appearance; genes stay as written (Entrez ID and symbol) so
 * the caller maps them onto its network.
 */
import { ImportError } from './import-error';
import { openTable } from './read-table';
import { readLineBatches, type ImportSource } from './read-lines';

export interface PhenotypeGene {
  readonly symbol: string;
  readonly entrez: string | null;
}

export interface ImportedPhenotypeGenes {
  readonly fileName: string;
  /** Term identifiers (e.g. HP:0012735), in order of first appearance. */
  readonly termIds: string[];
  /** Term names ('' when the table has no name column). */
  readonly termNames: string[];
  /** Genes annotated to each term (distinct by Entrez ID, else symbol). */
  readonly genes: PhenotypeGene[][];
  readonly rowsRead: number;
}

const ENTREZ_NAMES = ['entrez_id', 'entrez', 'gene_id', 'entrezgene'];
const SYMBOL_NAMES = ['symbol', 'gene_symbol', 'gene', 'hgnc_symbol'];
const TERM_NAMES = ['hpo_id', 'term_id', 'phenotype_id', 'hpo_term_id'];
const LABEL_NAMES = ['hpo_name', 'term_name', 'phenotype', 'name', 'hpo_term_name'];

export async function importPhenotypeGenes(
  source: ImportSource,
  fileName: string,
): Promise<ImportedPhenotypeGenes> {
  const contents = 'gene → phenotype annotations (gene and HPO term columns)';
  const table = await openTable(
    readLineBatches(source, fileName, { tableContents: contents }),
    fileName,
    contents,
  );
  const header = table.sample[0];
  if (!header) throw new ImportError(fileName, null, 'the file is empty', 'a header row');
  const names = header.fields.map((field) => field.trim().toLowerCase());
  const find = (accepted: readonly string[]) => names.findIndex((n) => accepted.includes(n));
  const entrezColumn = find(ENTREZ_NAMES);
  const symbolColumn = find(SYMBOL_NAMES);
  const termColumn = find(TERM_NAMES);
  const labelColumn = find(LABEL_NAMES);
  if (termColumn === -1 || (entrezColumn === -1 && symbolColumn === -1)) {
    throw new ImportError(
      fileName,
      header.lineNumber,
      `header "${header.text}" names no ${termColumn === -1 ? 'phenotype term' : 'gene'} column`,
      `a header with a gene column (${[...ENTREZ_NAMES, ...SYMBOL_NAMES].join(', ')}) and a term column (${TERM_NAMES.join(', ')})`,
    );
  }
  const termIds: string[] = [];
  const termNames: string[] = [];
  const genes: PhenotypeGene[][] = [];
  const termIndex = new Map<string, number>();
  const seen: Set<string>[] = [];
  const width = header.fields.length;
  const rowsRead = await table.forEachRow(
    1,
    { exact: width, describe: `${width} columns, as in the header` },
    (fields) => {
      const id = fields[termColumn].trim();
      if (id === '') return;
      let t = termIndex.get(id);
      if (t === undefined) {
        t = termIds.push(id) - 1;
        termNames.push(labelColumn === -1 ? '' : fields[labelColumn].trim());
        genes.push([]);
        seen.push(new Set());
        termIndex.set(id, t);
      }
      const entrez = entrezColumn === -1 ? '' : fields[entrezColumn].trim();
      const symbol = symbolColumn === -1 ? entrez : fields[symbolColumn].trim();
      const key = entrez !== '' ? entrez : symbol.toUpperCase();
      if (key === '' || seen[t].has(key)) return;
      seen[t].add(key);
      genes[t].push({ symbol: symbol || entrez, entrez: /^\d+$/.test(entrez) ? entrez : null });
    },
  );
  return { fileName, termIds, termNames, genes, rowsRead };
}

export interface ImportedPhenotypeOntology {
  readonly fileName: string;
  /** Term → its parents (`is_a`, several separated by "|"). */
  readonly parents: Map<string, string[]>;
  readonly names: Map<string, string>;
}

/**
 * Reads an ontology table `hpo_id  name  is_a  …` (the bundled hpo_terms_2016.tsv.gz: HPO
 * release 2016-04-01, parents separated by "|").
 */
export async function importPhenotypeOntology(
  source: ImportSource,
  fileName: string,
): Promise<ImportedPhenotypeOntology> {
  const contents = 'phenotype ontology terms (term, name and is_a columns)';
  const table = await openTable(
    readLineBatches(source, fileName, { tableContents: contents }),
    fileName,
    contents,
  );
  const header = table.sample[0];
  if (!header) throw new ImportError(fileName, null, 'the file is empty', 'a header row');
  const names = header.fields.map((field) => field.trim().toLowerCase());
  const idColumn = names.findIndex((n) => TERM_NAMES.includes(n) || n === 'id');
  const nameColumn = names.indexOf('name');
  const parentColumn = names.indexOf('is_a');
  if (idColumn === -1 || parentColumn === -1) {
    throw new ImportError(
      fileName,
      header.lineNumber,
      `header "${header.text}" names no term or is_a column`,
      'a header with hpo_id (or id), name and is_a columns',
    );
  }
  const parents = new Map<string, string[]>();
  const termNames = new Map<string, string>();
  await table.forEachRow(
    1,
    { min: parentColumn + 1, describe: 'term, name and is_a columns' },
    (f) => {
      const id = f[idColumn].trim();
      parents.set(
        id,
        f[parentColumn]
          .split('|')
          .map((parent) => parent.trim())
          .filter((parent) => parent !== ''),
      );
      if (nameColumn !== -1) termNames.set(id, f[nameColumn].trim());
    },
  );
  return { fileName, parents, names: termNames };
}
