/**
 * Known indications of a disease: disease names → DrugCentral indication texts
 * ===========================================================================
 * The drug screen is validated against the drugs already used for the disease (ALGORITHMS.md
 * §3.14). Disease gene sets carry MeSH-style names with inverted qualifiers ("arthritis,
 * rheumatoid", "carcinoma, renal cell"), DrugCentral indications are free text ("Rheumatoid
 * Arthritis", "Juvenile Rheumatoid Arthritis", "Renal Cell Carcinoma"). One rule, shared by the command
 * line (src/cli/load-inputs.ts `loadIndications`) and the app (src/app/screen-analysis.ts):
 *
 *   an indication matches a term when it contains every word of the term, in any order and case,
 *
 * where a word is a run of letters or digits, reduced to a simple singular on both sides
 * (neoplasms → neoplasm, cardiomyopathies → cardiomyopathy; words ending in -ss, -us, -is are
 * kept), the possessive "s" of "Crohn's" is dropped, and the term's joining words (and, of, the,
 * in, with, or, for, to, by) are ignored. So "arthritis, rheumatoid" matches exactly the 84 drugs
 * whose indication contains "rheumatoid arthritis", "crohn disease" matches "Crohn's Disease",
 * "breast neoplasms" matches "Secondary malignant neoplasm of female breast", and
 * "Osteoarthritis" or "Psoriatic Arthritis" do not match "arthritis, rheumatoid".
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
}

export interface IndicationMatch {
  /** The term as given. */
  readonly term: string;
  /** The words every matching indication contains. */
  readonly words: readonly string[];
  /** Distinct drug names with a matching indication, in table order. */
  readonly drugNames: readonly string[];
  /** Distinct indication texts that matched, sorted. */
  readonly indications: readonly string[];
}

/** The drugs whose indication matches `term` (rule in the header). */
export function matchIndications(rows: readonly IndicationRow[], term: string): IndicationMatch {
  const words = termWords(term);
  const drugNames = new Set<string>();
  const indications = new Set<string>();
  const verdict = new Map<string, boolean>(); // many rows share one indication text
  for (const row of rows) {
    let isMatch = verdict.get(row.indication);
    if (isMatch === undefined) {
      isMatch = matchesTerm(row.indication, words);
      verdict.set(row.indication, isMatch);
    }
    if (!isMatch || row.drugName === '') continue;
    drugNames.add(row.drugName);
    indications.add(row.indication);
  }
  return {
    term,
    words,
    drugNames: [...drugNames],
    indications: [...indications].sort((a, b) => a.localeCompare(b)),
  };
}
