/**
 * Canonical node order
 * ====================
 * Seeded random draws (degree-binned nulls, ALGORITHMS.md §3.2) walk nodes by index, so a
 * result can only depend on the data and the seed, never on the order of a file's lines, if
 * node k is the same gene whatever that order was. `canonicalNodeRank` numbers nodes by their
 * identity:
 *
 *   1. nodes with an Entrez ID, by that ID as a number (ascending);
 *   2. then the other nodes, by their identifier upper-cased, in code-unit order;
 *   3. exact ties (only possible for identical identifiers, which importers merge) by input
 *      position, so the order is always total.
 *
 * This is the order of the core's test loader (nodes by ascending Entrez ID), so the app, the
 * command line and the tests draw the same random sets for the same seed.
 */

/** rank[k] = canonical index of input node k. */
export function canonicalNodeRank(
  identifiers: readonly string[],
  entrez: readonly (string | null)[],
): Uint32Array {
  const n = identifiers.length;
  if (entrez.length !== n) {
    throw new RangeError(`canonicalNodeRank: ${entrez.length} Entrez IDs for ${n} identifiers`);
  }
  const numeric = new Float64Array(n);
  const upper: string[] = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    const id = entrez[k];
    numeric[k] = id !== null && /^\d+$/.test(id) ? Number(id) : Infinity;
    upper[k] = identifiers[k].toUpperCase();
  }
  const order = Array.from({ length: n }, (_, k) => k);
  order.sort((a, b) => {
    if (numeric[a] !== numeric[b]) return numeric[a] < numeric[b] ? -1 : 1;
    if (upper[a] !== upper[b]) return upper[a] < upper[b] ? -1 : 1;
    return a - b;
  });
  const rank = new Uint32Array(n);
  for (let r = 0; r < n; r++) rank[order[r]] = r;
  return rank;
}

/** Applies `rank` to a per-node table: out[rank[k]] = values[k]. */
export function permuteByRank<T>(values: readonly T[], rank: Uint32Array): T[] {
  const out = new Array<T>(values.length);
  for (let k = 0; k < values.length; k++) out[rank[k]] = values[k];
  return out;
}
