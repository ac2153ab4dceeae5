import { describe, expect, it } from 'vitest';
import type { GeneSetSummary } from '@/app/analysis-types';
import { filterGeneSets } from '@/app/gene-set-filter';

const set = (name: string, origin: 'demo' | 'imported' = 'demo'): GeneSetSummary => ({
  id: name,
  name,
  fileName: 'x.tsv',
  origin,
  geneCount: 1,
});
const SETS = [
  set('asthma'),
  set('arthritis, rheumatoid'),
  set('lupus erythematosus, systemic'),
  set('arthritis, juvenile rheumatoid'),
  set('my cohort', 'imported'),
];
const names = (query: string) => filterGeneSets(SETS, query).map((s) => s.name);

describe('filterGeneSets', () => {
  it('lists everything for an empty query, imported sets first, then by name', () => {
    expect(names('')).toEqual([
      'my cohort',
      'arthritis, juvenile rheumatoid',
      'arthritis, rheumatoid',
      'asthma',
      'lupus erythematosus, systemic',
    ]);
  });

  it('matches word starts in any order, case-insensitively', () => {
    expect(names('rheum ART')).toEqual(['arthritis, juvenile rheumatoid', 'arthritis, rheumatoid']);
    expect(names('systemic lupus')).toEqual(['lupus erythematosus, systemic']);
  });

  it('does not match inside a word', () => {
    expect(names('thma')).toEqual([]);
  });
});
