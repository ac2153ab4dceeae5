/**
 * Bootstrap copies of a twin: resampling cells within each group
 * ===============================================================
 * A twin copy (issue 11 item 5) is the twin's data with the cells of every group (cell type,
 * condition, donor: cell-groups.ts) drawn n_g times with replacement from the n_g cells of that
 * group (Efron's bootstrap, stratified by group), so each copy keeps every group's size.
 * A copy is a seed, not a new data set (STYLE.md §2.2b): it is an index array over the cells of
 * the one shared matrix, and `cellMultiplicity` turns it into the per-cell counts that
 * differentialExpression accepts (a cell drawn w times counts w times).
 *
 * Copy k of seed s draws from xoshiro128** (src/core/random) seeded with
 * copySeed(s, k) = fmix32(s ⊕ fmix32(k + 1)) (MurmurHash3's finaliser), so any copy can be
 * rebuilt alone, and the same (seed, copy) gives the same cells on every platform.
 * Within a group, cells are listed ascending; draw i picks member nextInt(n_g). Output order:
 * groups ascending, draws in order.
 */
import { createRandom } from '@/core/random/random';
import { NO_GROUP, type CellGroups } from './differential-expression';

export const BOOTSTRAP_DEFAULTS = { copies: 100 } as const;

function fmix32(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The 32-bit seed of copy `copy` of a run seeded with `seed`. */
export function copySeed(seed: number, copy: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new RangeError(`bootstrapCells: seed must be an integer in [0, 2^32), got ${seed}`);
  }
  if (!Number.isInteger(copy) || copy < 0 || copy >= 2 ** 32 - 1) {
    throw new RangeError(`bootstrapCells: copy must be a non-negative integer, got ${copy}`);
  }
  return fmix32((seed ^ fmix32(copy + 1)) >>> 0);
}

/** Cells of one bootstrap copy: for each group, n_g cells drawn with replacement from it. */
export function bootstrapCells(groups: CellGroups, seed: number, copy: number): Uint32Array {
  const { groupOfCell, groupCount } = groups;
  const offsets = new Uint32Array(groupCount + 1);
  for (let c = 0; c < groupOfCell.length; c++) {
    const g = groupOfCell[c];
    if (g === NO_GROUP) continue;
    if (g >= groupCount) {
      throw new RangeError(`bootstrapCells: cell ${c} has group ${g}, outside [0, ${groupCount})`);
    }
    offsets[g + 1]++;
  }
  for (let g = 0; g < groupCount; g++) offsets[g + 1] += offsets[g];
  const members = new Uint32Array(offsets[groupCount]);
  const cursor = offsets.slice(0, groupCount);
  for (let c = 0; c < groupOfCell.length; c++) {
    const g = groupOfCell[c];
    if (g !== NO_GROUP) members[cursor[g]++] = c;
  }
  const random = createRandom(copySeed(seed, copy));
  const drawn = new Uint32Array(members.length);
  for (let g = 0; g < groupCount; g++) {
    const start = offsets[g];
    const size = offsets[g + 1] - start;
    for (let i = 0; i < size; i++) drawn[start + i] = members[start + random.nextInt(size)];
  }
  return drawn;
}

/** How often each cell occurs in `cells` (an index array that may repeat cells). */
export function cellMultiplicity(cells: ArrayLike<number>, cellCount: number): Uint32Array {
  const counts = new Uint32Array(cellCount);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (!(Number.isInteger(c) && c >= 0 && c < cellCount)) {
      throw new RangeError(`cellMultiplicity: entry ${i} is cell ${c}, outside [0, ${cellCount})`);
    }
    counts[c]++;
  }
  return counts;
}
