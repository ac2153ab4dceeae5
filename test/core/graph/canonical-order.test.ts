import { describe, expect, it } from 'vitest';
import { canonicalNodeRank, permuteByRank } from '@/core/graph/canonical-order';

describe('canonicalNodeRank', () => {
  it('orders Entrez IDs numerically, then identifiers case-insensitively', () => {
    // Entrez 10 < 9 as strings but 9 < 10 as numbers; "b" and "A" compare upper-cased.
    const ids = ['b', 'TEN', 'NINE', 'A', 'X'];
    const entrez = [null, '10', '9', null, 'not-a-number'];
    const rank = canonicalNodeRank(ids, entrez);
    expect(permuteByRank(ids, rank)).toEqual(['NINE', 'TEN', 'A', 'b', 'X']);
    expect(Array.from(rank)).toEqual([3, 1, 0, 2, 4]);
  });

  it('is a permutation that does not depend on input order', () => {
    const ids = ['TP53', 'MDM2', 'CDKN1A', 'ZZZ'];
    const entrez = ['7157', '4193', '1026', null];
    const forward = permuteByRank(ids, canonicalNodeRank(ids, entrez));
    const reversedIds = ids.slice().reverse();
    const reversedEntrez = entrez.slice().reverse();
    const backward = permuteByRank(reversedIds, canonicalNodeRank(reversedIds, reversedEntrez));
    expect(forward).toEqual(['CDKN1A', 'MDM2', 'TP53', 'ZZZ']);
    expect(backward).toEqual(forward);
  });
});
