/**
 * Gene symbols that a spreadsheet turned into dates
 * =================================================
 * Excel (and LibreOffice) read a cell such as MARCH1, SEPT2 or DEC1 as a date unless the column
 * is formatted as text, and write it back as "1-Mar", "2-Sep" or "1-Dec" (Zeeberg et al. 2004,
 * BMC Bioinformatics 5:80; Ziemann et al. 2016, Genome Biology 17:177, who found the error in
 * about a fifth of papers with supplementary gene lists). HGNC renamed the families in 2020
 * (MARCH → MARCHF, SEPT → SEPTIN, DEC1 → DELEC1) but old lists stay mangled. Such a value is
 * never a gene symbol, so the importers never map it to a gene: `parseExcelDate` recognises it
 * and `preExcelSpellings` gives what it most likely was, for the warning.
 *
 * Recognised forms (case-insensitive; month as a 3-letter abbreviation, "Sept", or in full):
 *
 *   d-Mon, dd-Mon, d-Mon-yy, d-Mon-yyyy    1-Mar, 01-Mar, 2-Sep-23   (Excel's d-mmm display)
 *   Mon-d, Mon-dd                          Mar-1, Mar-01, Sep-02     (Excel's mmm-yy display)
 *   yyyy-mm-dd, optionally with a time     2023-03-01, 2023-09-02 00:00:00  (via R/pandas)
 *
 * with a space allowed instead of "-", and a day that exists in that month (Excel leaves SEPT31
 * as text). Slash dates (3/1/2023, 1/3/2023) are not recognised: their day/month order depends
 * on the locale; they match no gene either and are reported as unmapped. Excel's serial numbers
 * (43891 for 2020-03-01) cannot be told from Entrez IDs and are not recognised.
 *
 * The pre-Excel spelling of day d of month m is PREFIX + d, with prefixes in the order tried:
 * March → MARCH, MAR (MARCH5 is MARCHF5; MAR5 an alias of RTL5); September → SEPT, SEP (SEPT2
 * is SEPTIN2; SEP15 is SELENOF's old symbol); December → DEC (DEC1 is DELEC1); any other month
 * → its 3-letter abbreviation (4-Oct → OCT4, an alias of POU5F1).
 */

export interface ExcelDate {
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

const MONTH_NAMES = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
] as const;
const MONTH_OF = new Map<string, number>(
  MONTH_NAMES.flatMap((names, k) => names.map((name) => [name, k + 1] as [string, number])),
);
/** Longest day of each month (29 for February: Excel takes FEB29 in a leap year). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Prefixes of gene symbols that end in a number and start with a month's name. */
const GENE_PREFIXES: Record<number, readonly string[]> = {
  3: ['MARCH', 'MAR'],
  9: ['SEPT', 'SEP'],
  12: ['DEC'],
};

const DAY_FIRST = /^(\d{1,2})[- ]([a-z]{3,9})(?:[- ](?:\d{2}|\d{4}))?$/;
const MONTH_FIRST = /^([a-z]{3,9})[- ](\d{1,2})$/;
// Matched on lower-cased text, hence "t" and "z".
const ISO = /^\d{4}-(\d{2})-(\d{2})(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/;

/** The date `id` is a spreadsheet rendering of, or null when it is not date-like. */
export function parseExcelDate(id: string): ExcelDate | null {
  const text = id.trim().toLowerCase();
  if (text.length < 4 || text.length > 25) return null;
  let month: number | undefined;
  let day: number;
  let match = DAY_FIRST.exec(text);
  if (match !== null) {
    month = MONTH_OF.get(match[2]);
    day = Number(match[1]);
  } else if ((match = MONTH_FIRST.exec(text)) !== null) {
    month = MONTH_OF.get(match[1]);
    day = Number(match[2]);
  } else if ((match = ISO.exec(text)) !== null) {
    month = Number(match[1]);
    day = Number(match[2]);
  } else {
    return null;
  }
  if (month === undefined || month < 1 || month > 12) return null;
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]) return null;
  return { month, day };
}

/** What the gene symbol was before the spreadsheet, most likely first ("MARCH1", "MAR1"). */
export function preExcelSpellings(date: ExcelDate): string[] {
  const prefixes = GENE_PREFIXES[date.month] ?? [MONTH_NAMES[date.month - 1][0].toUpperCase()];
  return prefixes.map((prefix) => `${prefix}${date.day}`);
}
