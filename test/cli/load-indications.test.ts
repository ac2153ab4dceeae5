/**
 * The command line's known-indication loader (src/cli/load-inputs.ts `loadIndications`): which
 * rule it uses for which table, on small hand-written tables and the bundled concept table.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledIndicationConcepts, loadIndications } from '@/cli/load-inputs';
import { scratchDir } from './run-cli';

const scratch = scratchDir('twinscreen-indications-');

function file(name: string, text: string) {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return { path, shownAs: name, role: 'indications' };
}

const WITH_CUIS = file(
  'with-cuis.tsv',
  [
    'drug_name\tindication\tumls_cui\tdoid',
    'methotrexate\tRheumatoid Arthritis\tC0003873\tDOID:7148',
    'misoprostol\tRheumatoid Arthritis in Patient at High Ulcer Risk\t\t',
    'colchicine\tGout\tC0018099\t',
    'allopurinol\tGout prevention\t\t',
  ].join('\n') + '\n',
);

describe('loadIndications', () => {
  it('matches by concept when the disease has an entry and the table has CUIs', async () => {
    const ra = await loadIndications(WITH_CUIS, 'arthritis, rheumatoid');
    expect(ra).toMatchObject({
      indicationMatch: 'concept',
      concept: { disease: 'arthritis, rheumatoid', umlsCuis: ['C0003873'], review: 'hand' },
      fallback: null,
      matched: ['Rheumatoid Arthritis'],
      drugNames: ['methotrexate'],
    });
  });

  it('uses the automatic entries too (gout: "Gout", C0018099)', async () => {
    const gout = await loadIndications(WITH_CUIS, 'gout');
    expect(gout.indicationMatch).toBe('concept');
    expect(gout.concept?.review).toBe('auto');
    expect(gout.drugNames).toEqual(['colchicine']);
  });

  it('falls back to words without a CUI column or without an entry, and says why', async () => {
    const plain = file(
      'plain.tsv',
      'drug\tindication\nmethotrexate\tRheumatoid Arthritis\nmisoprostol\tRheumatoid Arthritis in Patient at High Ulcer Risk\n',
    );
    const ra = await loadIndications(plain, 'arthritis, rheumatoid');
    expect(ra.indicationMatch).toBe('words');
    expect(ra.fallback).toBe('the indication table has no umls_cui column');
    expect(ra.drugNames).toEqual(['methotrexate', 'misoprostol']);

    const noEntry = await loadIndications(WITH_CUIS, 'high ulcer risk');
    expect(noEntry).toMatchObject({
      indicationMatch: 'words',
      concept: null,
      fallback: 'no concept entry for "high ulcer risk"',
      drugNames: ['misoprostol'],
    });
  });

  it('takes every drug of a plain list', async () => {
    const list = await loadIndications(file('list.txt', 'drug\naspirin\nibuprofen\n'), null);
    expect(list).toMatchObject({ indicationMatch: 'list', drugNames: ['aspirin', 'ibuprofen'] });
  });

  it('reads the bundled concept table', () => {
    const concepts = bundledIndicationConcepts();
    expect(concepts.size).toBe(42);
    expect([...concepts.values()].filter((entry) => entry.review === 'hand')).toHaveLength(8);
  });
});
