/**
 * Known indications of a disease: disease names → DrugCentral indications
 * =======================================================================
 * The drug screen is validated against the drugs already used for the disease (ALGORITHMS.md
 * §3.14). Disease gene sets carry MeSH-style names with inverted qualifiers ("arthritis,
 * rheumatoid", "carcinoma, renal cell"); DrugCentral indications are free text with a UMLS
 * concept (CUI) and often a Disease Ontology ID. One rule, shared by the command line
 * (src/cli/load-inputs.ts `loadIndications`) and the app (src/app/screen-analysis.ts):
 *
 * 1. By concept, when the disease has an entry in the concept table
 *    (public/data/disease_indication_concepts.tsv, built and reviewed by
 *    scripts/data/build_indication_concepts.py) and the indication table has a umls_cui
 *    column: a row matches when its CUI is one of the disease's CUIs; a row without a CUI
 *    matches when its DOID is one of the disease's DOIDs or its text is one of the reviewed
 *    texts (exactly, ignoring case). The table lists only concepts that denote the disease
 *    itself, so "Rheumatoid Arthritis in Patient at High Ulcer Risk" (misoprostol) and
 *    "Anxiety due to Cardiac Asthma" (oxymorphone) do not count. A term finds its entry when
 *    it has the same words as the entry's disease name, in any order ("rheumatoid arthritis"
 *    finds "arthritis, rheumatoid").
 * 2. By words, for a disease without an entry (or a table without CUIs): an indication
 *    matches a term when it contains every word of the term, in any order and case,
 *
 * where a word is a run of letters or digits, reduced to a simple singular on both sides
 * (neoplasms → neoplasm, cardiomyopathies → cardiomyopathy; words ending in -ss, -us, -is are
 * kept), the possessive "s" of "Crohn's" is dropped, and the term's joining words (and, of, the,
 * in, with, or, for, to, by) are ignored. So "crohn disease" matches "Crohn's Disease",
 * "breast neoplasms" matches "Secondary malignant neoplasm of female breast", and
 * "Osteoarthritis" or "Psoriatic Arthritis" do not match "arthritis, rheumatoid" — but
 * qualified indications ("… in Patient at High Ulcer Risk") do, which is why concepts come first.
 * The result says which rule was used (`method`).
 */

/** Joining words left out of a term (they add nothing to what it names). */
export const INDICATION_STOP_WORDS: ReadonlySet<string> = new Set([
  'and',
  'of',
  'the',
  'in',
  'with',
  'or',
  'for',
  'to',
  'by',
]);

/** A word in its simple singular (see the header). */
export function singularWord(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) {
    return word.slice(0, -1);
  }
  return word;
}

/** Normalised words of an indication or a disease name, in order (repeats kept). */
export function indicationWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && word !== 's')
    .map(singularWord);
}

/** The distinct words a term asks for (joining words removed). */
export function termWords(term: string): string[] {
  return [...new Set(indicationWords(term).filter((word) => !INDICATION_STOP_WORDS.has(word)))];
}

/** Whether an indication text contains every word of the term (`termWords`). */
export function matchesTerm(indication: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const have = new Set(indicationWords(indication));
  return words.every((word) => have.has(word));
}

/**
 * A MeSH name in reading order: the qualifiers after the commas go first, last one first
 * ("arthritis, rheumatoid" → "rheumatoid arthritis"; "brain diseases, metabolic, inborn" →
 * "inborn metabolic brain diseases"). Names without a comma are returned trimmed.
 */
export function uninvertName(name: string): string {
  const parts = name
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length <= 1) return parts[0] ?? '';
  return [...parts.slice(1).reverse(), parts[0]].join(' ');
}

/** One row of an indication table: a drug and one of its indications. */
export interface IndicationRow {
  readonly drugName: string;
  readonly indication: string;
  /** UMLS CUI of the indication ('' when the row has none; absent when the table has no column). */
  readonly umlsCui?: string;
  /** Disease Ontology ID ("DOID:7148"; '' or absent when none). */
  readonly doid?: string;
}

/** The indication concepts that denote one disease (a row of the concept table). */
export interface IndicationConcept {
  /** The disease name the entry is for ("arthritis, rheumatoid"). */
  readonly disease: string;
  readonly umlsCuis: readonly string[];
  readonly doids: readonly string[];
  /** Exact indication texts of rows without a CUI that denote the disease (reviewed by hand). */
  readonly texts: readonly string[];
  /** 'hand': reviewed by hand; 'auto': an indication text with exactly the disease's words. */
  readonly review: 'hand' | 'auto';
}

/** Concept entries by the order-free key of their disease name (`conceptKey`). */
export type IndicationConcepts = ReadonlyMap<string, IndicationConcept>;

/** The order-free key a term and a disease name share when they have the same words. */
export function conceptKey(term: string): string {
  return [...termWords(term)].sort().join(' ');
}

const CONCEPT_COLUMNS = ['disease', 'umls_cuis', 'doids', 'indication_texts', 'review'] as const;

/**
 * Reads the concept table (tab-separated, header `disease umls_cuis doids indication_texts
 * review …`, lists joined with "; "). An entry without a CUI, DOID or text is left out (the
 * disease falls back to word matching). Throws on a malformed table, naming file and line.
 */
export function parseIndicationConcepts(text: string, fileName: string): IndicationConcepts {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  const columns = CONCEPT_COLUMNS.map((name) => header.indexOf(name));
  const missing = CONCEPT_COLUMNS.filter((_, i) => columns[i] === -1);
  if (missing.length > 0) {
    throw new Error(
      `${fileName}, line 1: expected a header with the columns ${CONCEPT_COLUMNS.join(', ')}; ` +
        `missing ${missing.join(', ')}`,
    );
  }
  const list = (field: string): string[] =>
    field
      .split(';')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const concepts = new Map<string, IndicationConcept>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const fields = lines[i].split('\t');
    if (fields.length < header.length) {
      throw new Error(
        `${fileName}, line ${i + 1}: expected ${header.length} tab-separated columns, got ${fields.length}`,
      );
    }
    const [disease, cuis, doids, texts, review] = columns.map((column) => fields[column].trim());
    if (review !== 'hand' && review !== 'auto') {
      throw new Error(
        `${fileName}, line ${i + 1}: review must be "hand" or "auto", got "${review}"`,
      );
    }
    const key = conceptKey(disease);
    if (key === '') throw new Error(`${fileName}, line ${i + 1}: empty disease name`);
    if (concepts.has(key)) {
      throw new Error(
        `${fileName}, line ${i + 1}: "${disease}" has the same words as "${concepts.get(key)?.disease}"`,
      );
    }
    const entry: IndicationConcept = {
      disease,
      umlsCuis: list(cuis),
      doids: list(doids),
      texts: list(texts),
      review,
    };
    if (entry.umlsCuis.length + entry.doids.length + entry.texts.length > 0) {
      concepts.set(key, entry);
    }
  }
  return concepts;
}

export interface IndicationMatch {
  /** The term as given. */
  readonly term: string;
  /** Which rule matched (see the header): the disease's concepts, or the term's words. */
  readonly method: 'concept' | 'words';
  /** The concept entry used (method 'concept'), else null. */
  readonly concept: IndicationConcept | null;
  /** Why word matching was used: no entry for the term, or no CUI column (null for 'concept'). */
  readonly fallback: string | null;
  /** The words every matching indication contains (method 'words'; the term's words either way). */
  readonly words: readonly string[];
  /** Distinct drug names with a matching indication, in table order. */
  readonly drugNames: readonly string[];
  /** Distinct indication texts that matched, sorted. */
  readonly indications: readonly string[];
}

/**
 * The drugs whose indication matches `term` (rule in the header): by concept when `concepts`
 * has an entry for the term and the rows carry CUIs, else by words.
 */
export function matchIndications(
  rows: readonly IndicationRow[],
  term: string,
  concepts: IndicationConcepts | null = null,
): IndicationMatch {
  const words = termWords(term);
  const concept = concepts?.get(conceptKey(term)) ?? null;
  const hasCuis = rows.some((row) => row.umlsCui !== undefined);
  let method: IndicationMatch['method'] = 'words';
  let fallback: string | null = null;
  let isMatch: (row: IndicationRow) => boolean;
  if (concept !== null && hasCuis) {
    method = 'concept';
    const cuis = new Set(concept.umlsCuis);
    const doids = new Set(concept.doids);
    const texts = new Set(concept.texts.map((text) => text.toLowerCase()));
    isMatch = (row) => {
      const cui = row.umlsCui ?? '';
      if (cui !== '') return cuis.has(cui);
      return (
        (row.doid !== undefined && row.doid !== '' && doids.has(row.doid)) ||
        texts.has(row.indication.trim().toLowerCase())
      );
    };
  } else {
    fallback =
      concepts === null
        ? 'no concept table'
        : concept === null
          ? `no concept entry for "${term}"`
          : 'the indication table has no umls_cui column';
    const verdict = new Map<string, boolean>(); // many rows share one indication text
    isMatch = (row) => {
      let match = verdict.get(row.indication);
      if (match === undefined) {
        match = matchesTerm(row.indication, words);
        verdict.set(row.indication, match);
      }
      return match;
    };
  }
  const drugNames = new Set<string>();
  const indications = new Set<string>();
  for (const row of rows) {
    if (row.drugName === '' || !isMatch(row)) continue;
    drugNames.add(row.drugName);
    indications.add(row.indication);
  }
  return {
    term,
    method,
    concept: method === 'concept' ? concept : null,
    fallback,
    words,
    drugNames: [...drugNames],
    indications: [...indications].sort((a, b) => a.localeCompare(b)),
  };
}
