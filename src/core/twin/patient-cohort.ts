/**
 * Per-patient twins, cohort shards and the side-by-side comparison of two patients
 * ================================================================================
 * Issue 11 item 6. A patient's twin is the twin (cell-type-twin.ts) built from the DEGs of
 * that case donor's cells of each cell type against the pooled control cells of the cell type
 * (twin-de.ts, perDonor). A cohort of D case donors (in the donor table's order) is split into
 * N disjoint shards for a scheduler: donor i (0-based) belongs to shard (i mod N) + 1, so shard
 * I of N holds donors I − 1, I − 1 + N, …; a shard may be empty (N > D). Every patient's twin
 * depends on its own cells, the pooled controls and the seed only, so the union of the shards
 * is the unsharded cohort; `mergeCohortShards` checks that the shards are the N distinct
 * shards of one run (same settings, same donors) and joins them in donor order.
 *
 * Two patients side by side (`comparePatients`): for every drug entry whose twin rank differs,
 * Δ = rank_B − rank_A, with the cell types where it is a candidate for one patient only and,
 * for each, the targeted DEGs it counteracts there (why it moved). Listed by |Δ| descending,
 * then drug name; the first `top` (20) per pair.
 */

export interface PatientDrugRecord {
  readonly rank: number;
  readonly drug: string;
  readonly score: number;
  readonly candidate_cell_types: readonly string[];
  /** Cell type → counteracted targeted DEGs (only cell types where it is a candidate). */
  readonly counteracted_targets: Readonly<Record<string, readonly string[]>>;
}

export interface PatientRecord {
  readonly donor: string;
  readonly ranking: readonly PatientDrugRecord[];
  readonly [key: string]: unknown;
}

export interface RankChange {
  readonly drug: string;
  readonly rankA: number;
  readonly rankB: number;
  /** rank_B − rank_A (negative: better for B). */
  readonly delta: number;
  readonly candidateOnlyInA: readonly string[];
  readonly candidateOnlyInB: readonly string[];
  /** Counteracted targets, per cell type where only A (B) has it as a candidate. */
  readonly whyA: Readonly<Record<string, readonly string[]>>;
  readonly whyB: Readonly<Record<string, readonly string[]>>;
}

export interface PatientPair {
  readonly a: string;
  readonly b: string;
  /** Entries whose rank differs. */
  readonly changed: number;
  readonly changes: readonly RankChange[];
}

export const COHORT_DEFAULTS = { pairTop: 20 } as const;

/** Parses "I/N" (1 ≤ I ≤ N). */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!(Number.isInteger(index) && Number.isInteger(count) && count >= 1 && index >= 1)) {
    throw new RangeError(`shard must be I/N with 1 ≤ I ≤ N, got "${text}"`);
  }
  if (index > count) throw new RangeError(`shard must be I/N with 1 ≤ I ≤ N, got "${text}"`);
  return { index, count };
}

/** Donor positions (0-based, ascending) of shard `index` of `count` among `donorCount`. */
export function shardDonors(donorCount: number, index: number, count: number): number[] {
  const out: number[] = [];
  for (let i = index - 1; i < donorCount; i += count) out.push(i);
  return out;
}

/** Every pair of patients (in the given order), compared as in the header. */
export function comparePatients(
  patients: readonly PatientRecord[],
  top: number = COHORT_DEFAULTS.pairTop,
): PatientPair[] {
  const pairs: PatientPair[] = [];
  for (let i = 0; i < patients.length; i++) {
    for (let j = i + 1; j < patients.length; j++) {
      pairs.push(comparePair(patients[i], patients[j], top));
    }
  }
  return pairs;
}

function comparePair(a: PatientRecord, b: PatientRecord, top: number): PatientPair {
  const ofB = new Map(b.ranking.map((row) => [row.drug, row]));
  const changes: RankChange[] = [];
  for (const rowA of a.ranking) {
    const rowB = ofB.get(rowA.drug);
    if (!rowB || rowB.rank === rowA.rank) continue;
    const inB = new Set(rowB.candidate_cell_types);
    const inA = new Set(rowA.candidate_cell_types);
    const onlyA = rowA.candidate_cell_types.filter((c) => !inB.has(c));
    const onlyB = rowB.candidate_cell_types.filter((c) => !inA.has(c));
    changes.push({
      drug: rowA.drug,
      rankA: rowA.rank,
      rankB: rowB.rank,
      delta: rowB.rank - rowA.rank,
      candidateOnlyInA: onlyA,
      candidateOnlyInB: onlyB,
      whyA: Object.fromEntries(onlyA.map((c) => [c, rowA.counteracted_targets[c] ?? []])),
      whyB: Object.fromEntries(onlyB.map((c) => [c, rowB.counteracted_targets[c] ?? []])),
    });
  }
  changes.sort(
    (x, y) =>
      Math.abs(y.delta) - Math.abs(x.delta) || (x.drug < y.drug ? -1 : x.drug > y.drug ? 1 : 0),
  );
  return { a: a.donor, b: b.donor, changed: changes.length, changes: changes.slice(0, top) };
}

/** A cohort output (of one shard, or of the whole cohort when `shard` is null). */
export interface CohortOutput {
  readonly shard: { readonly index: number; readonly count: number } | null;
  readonly cohort: { readonly donors: readonly string[]; readonly [key: string]: unknown };
  readonly patients: readonly PatientRecord[];
  readonly pairs: readonly PatientPair[];
  readonly [key: string]: unknown;
}

/**
 * Joins the N shards of one cohort run into the unsharded output: every field but `shard`,
 * `patients` and `pairs` must be equal in all shards (same inputs, settings and donors);
 * patients are put in donor order and the pairs recomputed. `names` label the shards in errors.
 */
export function mergeCohortShards(
  shards: readonly CohortOutput[],
  names: readonly string[],
  top: number = COHORT_DEFAULTS.pairTop,
): CohortOutput {
  if (shards.length === 0) throw new RangeError('merge: no shard given');
  const count = shards[0].shard?.count;
  const seen = new Map<number, string>();
  shards.forEach((shard, k) => {
    if (shard.shard === null || shard.shard === undefined) {
      throw new RangeError(
        `merge: ${names[k]} is not a shard (no "shard" field: run with --shard I/N)`,
      );
    }
    if (shard.shard.count !== count) {
      throw new RangeError(
        `merge: ${names[k]} is shard ${shard.shard.index}/${shard.shard.count}, expected one of N = ${count} (as ${names[0]})`,
      );
    }
    const earlier = seen.get(shard.shard.index);
    if (earlier !== undefined) {
      throw new RangeError(
        `merge: ${names[k]} and ${earlier} are both shard ${shard.shard.index}/${count}`,
      );
    }
    seen.set(shard.shard.index, names[k]);
  });
  const missing: number[] = [];
  for (let i = 1; i <= (count as number); i++) if (!seen.has(i)) missing.push(i);
  if (missing.length > 0) {
    throw new RangeError(
      `merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`,
    );
  }
  const common = (output: CohortOutput): string => {
    const { shard: _s, patients: _p, pairs: _q, ...rest } = output;
    void _s;
    void _p;
    void _q;
    return JSON.stringify(rest);
  };
  const reference = common(shards[0]);
  shards.forEach((shard, k) => {
    if (common(shard) !== reference) {
      throw new RangeError(
        `merge: ${names[k]} differs from ${names[0]} outside its patients (other inputs, settings or donors); expected shards of one run`,
      );
    }
  });
  const donors = shards[0].cohort.donors;
  const position = new Map(donors.map((donor, i) => [donor, i]));
  const patients = shards.flatMap((shard) => shard.patients);
  for (const patient of patients) {
    if (!position.has(patient.donor)) {
      throw new RangeError(`merge: patient "${patient.donor}" is not among the cohort's donors`);
    }
  }
  patients.sort((x, y) => (position.get(x.donor) as number) - (position.get(y.donor) as number));
  if (patients.length !== donors.length) {
    throw new RangeError(
      `merge: ${patients.length} patients in the shards, expected the cohort's ${donors.length}`,
    );
  }
  const { shard: _s, patients: _p, pairs: _q, provenance, ...rest } = shards[0];
  void _s;
  void _p;
  void _q;
  // Key order as the unsharded run writes it: …, shard, patients, pairs, provenance.
  return {
    ...rest,
    shard: null,
    patients,
    pairs: comparePatients(patients, top),
    ...(provenance === undefined ? {} : { provenance }),
  } as CohortOutput;
}
