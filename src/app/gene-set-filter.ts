/**
 * Gene set search
 * ===============
 * The disease picker's filter: every word of the query must start a word of the set's name
 * (case-insensitive), so "rheu art" finds "arthritis, rheumatoid" and "lupus" finds "lupus
 * erythematosus, systemic". Imported sets come first, then the rest in name order.
 */
import type { GeneSetSummary } from './analysis-types';

export function filterGeneSets(sets: readonly GeneSetSummary[], query: string): GeneSetSummary[] {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const matches = sets.filter((set) => {
    const nameWords = set.name.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)));
  });
  return matches.sort(
    (a, b) =>
      Number(b.origin === 'imported') - Number(a.origin === 'imported') ||
      a.name.localeCompare(b.name),
  );
}
