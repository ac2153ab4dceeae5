/**
 * Matching disease names to DrugCentral indications, on the bundled table's real rows.
 * Expected drug names: test/fixtures/screen/ra-drugcentral.json (scripts/fixtures/
 * gen_screen_fixtures.py: drugs whose indication contains "rheumatoid arthritis", by Python);
 * the other counts were worked out with a separate Python pass over the same file.
 */
import { describe, expect, it } from 'vitest';
import {
  indicationWords,
  matchesTerm,
  matchIndications,
  singularWord,
  termWords,
  uninvertName,
  type IndicationRow,
} from '@/core/screen/indication-match';
import { readGzipTsv } from '../../helpers/load-public-data';
import { loadScreenFixture } from './screen-data';

const { header, rows: raw } = readGzipTsv('drug_indications_drugcentral.tsv.gz');
const drugColumn = header.indexOf('drug_name');
const indicationColumn = header.indexOf('indication');
const ROWS: IndicationRow[] = raw.map((row) => ({
  drugName: row[drugColumn],
  indication: row[indicationColumn],
}));

describe('indication words', () => {
  it.each([
    ['neoplasms', 'neoplasm'],
    ['cardiomyopathies', 'cardiomyopathy'],
    ['arthritis', 'arthritis'],
    ['sclerosis', 'sclerosis'],
    ['mellitus', 'mellitus'],
    ['illness', 'illness'],
    ['gas', 'gas'],
  ])('singular of %s is %s', (word, singular) => {
    expect(singularWord(word)).toBe(singular);
  });

  it('splits on anything but letters and digits, drops the possessive s, keeps order', () => {
    expect(indicationWords("Crohn's Disease, Type-2 (Adult)")).toEqual([
      'crohn',
      'disease',
      'type',
      '2',
      'adult',
    ]);
    expect(termWords('diseases of the blood and of the bone')).toEqual([
      'disease',
      'blood',
      'bone',
    ]);
  });

  it('puts MeSH qualifiers first', () => {
    expect(uninvertName('arthritis, rheumatoid')).toBe('rheumatoid arthritis');
    expect(uninvertName('brain diseases, metabolic, inborn')).toBe(
      'inborn metabolic brain diseases',
    );
    expect(uninvertName('  asthma ')).toBe('asthma');
  });

  it('needs every word of the term, in any order', () => {
    const words = termWords('arthritis, rheumatoid');
    expect(matchesTerm('Juvenile Rheumatoid Arthritis', words)).toBe(true);
    expect(matchesTerm('Rheumatoid Arthritis in Patient at High Ulcer Risk', words)).toBe(true);
    expect(matchesTerm('Psoriatic Arthritis', words)).toBe(false);
    expect(matchesTerm('Osteoarthritis', words)).toBe(false);
    expect(matchesTerm('anything', [])).toBe(false);
  });
});

describe('matchIndications by words (the fallback, no concept table) on DrugCentral', () => {
  it('finds the 84 rheumatoid-arthritis drugs of the Python fixture, from 3 indication texts', () => {
    const expected = loadScreenFixture().validation.indications;
    const match = matchIndications(ROWS, 'arthritis, rheumatoid');
    expect(match.words).toEqual(['arthritis', 'rheumatoid']);
    expect([...match.drugNames].sort()).toEqual([...expected].sort());
    expect(match.drugNames).toHaveLength(84);
    expect(match.indications).toEqual([
      'Juvenile Rheumatoid Arthritis',
      'Rheumatoid Arthritis',
      'Rheumatoid Arthritis in Patient at High Ulcer Risk',
    ]);
    expect(match.drugNames).toContain('tofacitinib');
    expect(match.drugNames).not.toContain('apremilast'); // psoriatic arthritis only
  });

  it('gives the same drugs for the name in reading order', () => {
    const inverted = matchIndications(ROWS, 'arthritis, rheumatoid');
    const plain = matchIndications(ROWS, 'Rheumatoid arthritis');
    expect(plain.drugNames).toEqual(inverted.drugNames);
  });

  it.each([
    ['crohn disease', 24, ["Crohn's Disease", "Crohn's Disease in Remission"]],
    ['lupus erythematosus, systemic', 20, ['Systemic Lupus Erythematosus']],
    ['breast neoplasms', 2, ['Secondary malignant neoplasm of female breast']],
  ])('matches %s: %i drugs', (term, drugs, indications) => {
    const match = matchIndications(ROWS, term);
    expect(match.drugNames).toHaveLength(drugs);
    expect(match.indications).toEqual(indications);
  });

  it('matches nothing for an empty term', () => {
    expect(matchIndications(ROWS, ' , ').drugNames).toEqual([]);
  });
});
