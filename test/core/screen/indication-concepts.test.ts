/**
 * Known indications by concept (UMLS CUI) instead of by words.
 * Toy cases: hand-built rows and a hand-written concept table. Real cases: the bundled
 * DrugCentral table with the bundled concept table (scripts/data/build_indication_concepts.py),
 * compared exactly with the hand-checked lists in test/fixtures/indications/ (see the README
 * there: every row was read in DrugCentral and checked to denote the disease itself).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  conceptKey,
  matchIndications,
  parseIndicationConcepts,
  uninvertName,
  type IndicationRow,
} from '@/core/screen/indication-match';
import { readIndicationTable } from '@/app/screen-data';
import { readGzipTsv } from '../../helpers/load-public-data';

const HEADER = 'disease\tumls_cuis\tdoids\tindication_texts\treview\tincluded\texcluded';

const TOY_CONCEPTS = parseIndicationConcepts(
  [
    HEADER,
    'arthritis, rheumatoid\tC0003873\tDOID:7148\t\thand\tRheumatoid Arthritis\t',
    'asthma\tC0004096; C1318955\t\tAdjunct Therapy to Achieve Long-term Asthma Control\thand\t\t',
    'gout\t\t\t\tauto\t\t', // no concept: left out, the disease falls back to words
  ].join('\n'),
  'toy-concepts.tsv',
);

const TOY_ROWS: IndicationRow[] = [
  { drugName: 'methotrexate', indication: 'Rheumatoid Arthritis', umlsCui: 'C0003873' },
  {
    drugName: 'misoprostol',
    indication: 'Rheumatoid Arthritis in Patient at High Ulcer Risk',
    umlsCui: '',
  },
  { drugName: 'tocilizumab', indication: 'Juvenile Rheumatoid Arthritis', umlsCui: 'C3495559' },
  // No CUI, but the disease's DOID: matched (tables with a DOID and no CUI).
  { drugName: 'doid-only', indication: 'RA (adult)', umlsCui: '', doid: 'DOID:7148' },
  // A CUI outside the set wins over a DOID inside it.
  { drugName: 'other-cui', indication: 'RA flare', umlsCui: 'C9999999', doid: 'DOID:7148' },
  { drugName: 'budesonide', indication: 'Bronchial Asthma', umlsCui: 'C0004096' },
  { drugName: 'montelukast', indication: 'Asthma Prevention', umlsCui: 'C1318955' },
  { drugName: 'oxymorphone', indication: 'Anxiety due to Cardiac Asthma', umlsCui: '' },
  {
    drugName: 'salmeterol',
    indication: 'adjunct therapy to achieve long-term asthma control',
    umlsCui: '',
  },
  { drugName: 'colchicine', indication: 'Gout', umlsCui: 'C0018099' },
  { drugName: '', indication: 'Rheumatoid Arthritis', umlsCui: 'C0003873' },
];

describe('concept keys and the concept table', () => {
  it('gives a disease name and its reading order the same key', () => {
    expect(conceptKey('arthritis, rheumatoid')).toBe(conceptKey('Rheumatoid arthritis'));
    expect(conceptKey("Crohn's Disease")).toBe(conceptKey('crohn disease'));
    expect(conceptKey('arthritis, rheumatoid')).not.toBe(conceptKey('arthritis, juvenile'));
  });

  it('reads entries with concepts and leaves out the ones without', () => {
    expect([...TOY_CONCEPTS.values()].map((entry) => entry.disease)).toEqual([
      'arthritis, rheumatoid',
      'asthma',
    ]);
    expect(TOY_CONCEPTS.get(conceptKey('asthma'))).toEqual({
      disease: 'asthma',
      umlsCuis: ['C0004096', 'C1318955'],
      doids: [],
      texts: ['Adjunct Therapy to Achieve Long-term Asthma Control'],
      review: 'hand',
    });
  });

  it('rejects a malformed table, naming file and line', () => {
    expect(() => parseIndicationConcepts('disease\tumls_cuis\n', 'c.tsv')).toThrow(
      /c\.tsv, line 1: .*missing doids, indication_texts, review/,
    );
    expect(() => parseIndicationConcepts(`${HEADER}\nasthma\tC1\n`, 'c.tsv')).toThrow(
      /c\.tsv, line 2: expected 7 tab-separated columns, got 2/,
    );
    expect(() =>
      parseIndicationConcepts(`${HEADER}\nasthma\tC1\t\t\tmaybe\t\t\n`, 'c.tsv'),
    ).toThrow(/line 2: review must be "hand" or "auto", got "maybe"/);
    expect(() =>
      parseIndicationConcepts(
        `${HEADER}\narthritis, rheumatoid\tC1\t\t\tauto\t\t\nrheumatoid arthritis\tC2\t\t\tauto\t\t\n`,
        'c.tsv',
      ),
    ).toThrow(/line 3: "rheumatoid arthritis" has the same words as "arthritis, rheumatoid"/);
  });
});

describe('matchIndications by concept (toy)', () => {
  it('keeps the disease concept and drops qualified and juvenile indications', () => {
    const match = matchIndications(TOY_ROWS, 'arthritis, rheumatoid', TOY_CONCEPTS);
    expect(match.method).toBe('concept');
    expect(match.fallback).toBeNull();
    expect(match.concept?.umlsCuis).toEqual(['C0003873']);
    expect(match.drugNames).toEqual(['methotrexate', 'doid-only']);
    expect(match.indications).toEqual(['RA (adult)', 'Rheumatoid Arthritis']);
  });

  it('finds the entry from the name in reading order', () => {
    const match = matchIndications(TOY_ROWS, 'rheumatoid arthritis', TOY_CONCEPTS);
    expect(match.method).toBe('concept');
    expect(match.drugNames).toEqual(['methotrexate', 'doid-only']);
  });

  it('matches CUI-less rows by a reviewed text, ignoring case', () => {
    const match = matchIndications(TOY_ROWS, 'asthma', TOY_CONCEPTS);
    expect(match.drugNames).toEqual(['budesonide', 'montelukast', 'salmeterol']);
  });

  it('falls back to words without an entry, a table or a CUI column, and says why', () => {
    const gout = matchIndications(TOY_ROWS, 'gout', TOY_CONCEPTS);
    expect(gout).toMatchObject({ method: 'words', concept: null });
    expect(gout.fallback).toBe('no concept entry for "gout"');
    expect(gout.drugNames).toEqual(['colchicine']);

    const noTable = matchIndications(TOY_ROWS, 'arthritis, rheumatoid');
    expect(noTable.fallback).toBe('no concept table');
    expect(noTable.drugNames).toEqual(['methotrexate', 'misoprostol', 'tocilizumab']);

    const plainRows = TOY_ROWS.map(({ drugName, indication }) => ({ drugName, indication }));
    const noCuis = matchIndications(plainRows, 'arthritis, rheumatoid', TOY_CONCEPTS);
    expect(noCuis.method).toBe('words');
    expect(noCuis.fallback).toBe('the indication table has no umls_cui column');
    expect(noCuis.drugNames).toContain('misoprostol');
  });
});

// The bundled tables.
const { header, rows: raw } = readGzipTsv('drug_indications_drugcentral.tsv.gz');
const column = (name: string): number => header.indexOf(name);
const ROWS: IndicationRow[] = raw.map((row) => ({
  drugName: row[column('drug_name')],
  indication: row[column('indication')],
  umlsCui: row[column('umls_cui')],
  doid: row[column('doid')],
}));
const CONCEPTS = parseIndicationConcepts(
  readFileSync(
    fileURLToPath(new URL('../../../public/data/disease_indication_concepts.tsv', import.meta.url)),
    'utf8',
  ),
  'disease_indication_concepts.tsv',
);

/** Fixture rows: drug_name, umls_cui ('-' for none), indication. */
function readFixture(name: string): { drug: string; cui: string; indication: string }[] {
  const text = readFileSync(
    fileURLToPath(new URL(`../../fixtures/indications/${name}`, import.meta.url)),
    'utf8',
  );
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => {
      const [drug, cui, indication] = line.split('\t');
      return { drug, cui, indication };
    });
}

describe.each([
  // [disease, fixture, excluded: a word-matching drug that is not a drug of the disease]
  ['arthritis, rheumatoid', 'rheumatoid-arthritis.tsv', 80, ['misoprostol', 'omeprazole']],
  ['asthma', 'asthma.tsv', 57, ['oxymorphone', 'methacholine']],
] as const)('known drugs of %s (DrugCentral, by concept)', (disease, fixture, size, excluded) => {
  const expected = readFixture(fixture);

  it('every fixture row is a DrugCentral row', () => {
    const have = new Set(
      ROWS.map((row) => `${row.drugName}\t${row.umlsCui || '-'}\t${row.indication}`),
    );
    for (const row of expected) {
      expect(have.has(`${row.drug}\t${row.cui}\t${row.indication}`), row.drug).toBe(true);
    }
  });

  it(`gives exactly the ${size} hand-checked drugs`, () => {
    const match = matchIndications(ROWS, disease, CONCEPTS);
    expect(match.method).toBe('concept');
    expect(match.concept?.review).toBe('hand');
    const want = [...new Set(expected.map((row) => row.drug))].sort();
    expect([...match.drugNames].sort()).toEqual(want);
    expect(want).toHaveLength(size);
    expect(match.indications).toEqual([...new Set(expected.map((r) => r.indication))].sort());
  });

  it('leaves out the drugs that word matching wrongly counts', () => {
    const byWords = matchIndications(ROWS, disease);
    const byConcept = matchIndications(ROWS, disease, CONCEPTS);
    for (const drug of excluded) {
      expect(byWords.drugNames).toContain(drug);
      expect(byConcept.drugNames).not.toContain(drug);
    }
  });
});

describe("the app's path (screen-data.ts reader, term in reading order)", () => {
  it('reads the CUI and DOID columns and finds the 80 RA drugs by concept', async () => {
    const bytes = readFileSync(
      fileURLToPath(
        new URL('../../../public/data/drug_indications_drugcentral.tsv.gz', import.meta.url),
      ),
    );
    const rows = await readIndicationTable(new Uint8Array(bytes), 'drug_indications.tsv.gz');
    expect(rows).toHaveLength(ROWS.length);
    expect(rows.find((row) => row.drugName === 'misoprostol')).toMatchObject({ umlsCui: '' });
    const match = matchIndications(rows, uninvertName('arthritis, rheumatoid'), CONCEPTS);
    expect(match.method).toBe('concept');
    expect(match.drugNames).toHaveLength(80);
    expect(match.drugNames).not.toContain('misoprostol');
  });
});
