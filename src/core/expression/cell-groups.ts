/**
 * Cell groups and the comparisons of the twin
 * ===========================================
 * A group is one (cell type, condition, donor) combination (STYLE.md §2.2b: labels are indices
 * into tables owned by io/). The comparisons of issue 11 are sets of groups:
 *
 * - per cell type: all case cells of the cell type against all its control cells;
 * - per patient (the twin): one case donor's cells of a cell type against the pooled control
 *   cells of that cell type (ALGORITHMS.md §3.16);
 * - each group against all other grouped cells (marker genes; the presto benchmark).
 *
 * Cells whose condition is neither the case nor the control label, or whose label is
 * NO_LABEL, are in no group. Groups are numbered by ascending (cell type, condition, donor).
 */
import { NO_GROUP, type CellGroups, type Comparison } from './differential-expression';

/** A cell label meaning "unknown / excluded". */
export const NO_LABEL = 0xffffffff;

export interface CellLabels {
  readonly cellType: ArrayLike<number>;
  readonly condition: ArrayLike<number>;
  /** Donor (patient) of each cell; omit for one donor per condition. */
  readonly donor?: ArrayLike<number>;
  readonly caseCondition: number;
  readonly controlCondition: number;
}

/** Groups plus the labels of each group. */
export interface TwinGroups extends CellGroups {
  readonly cellTypeOfGroup: Uint32Array;
  /** 1 for the case condition, 0 for the control condition. */
  readonly isCaseGroup: Uint8Array;
  readonly donorOfGroup: Uint32Array;
}

/** Groups cells by (cell type, condition, donor). */
export function groupCells(labels: CellLabels): TwinGroups {
  const { cellType, condition, donor, caseCondition, controlCondition } = labels;
  const cellCount = cellType.length;
  if (condition.length !== cellCount || (donor && donor.length !== cellCount)) {
    throw new RangeError(
      `groupCells: cellType (${cellCount}), condition (${condition.length})` +
        (donor ? ` and donor (${donor.length})` : '') +
        ' must have one entry per cell',
    );
  }
  if (caseCondition === controlCondition) {
    throw new RangeError(`groupCells: case and control condition are both ${caseCondition}`);
  }
  const keyOfCell = new Float64Array(cellCount).fill(-1);
  const keys = new Set<number>();
  const DONORS = 2 ** 32;
  for (let c = 0; c < cellCount; c++) {
    const t = cellType[c];
    const isCase = condition[c] === caseCondition;
    if (t === NO_LABEL || (!isCase && condition[c] !== controlCondition)) continue;
    const d = donor ? donor[c] : 0;
    if (d === NO_LABEL) continue;
    if (!Number.isInteger(t) || t < 0 || t >= 2 ** 20) {
      throw new RangeError(`groupCells: cell ${c} has cell type ${t}, expected an index < 2^20`);
    }
    if (!Number.isInteger(d) || d < 0 || d >= DONORS) {
      throw new RangeError(`groupCells: cell ${c} has donor ${d}, expected a 32-bit index`);
    }
    // (cellType, condition, donor) as one integer below 2^53, ordered like the tuple.
    const key = (t * 2 + (isCase ? 1 : 0)) * DONORS + d;
    keyOfCell[c] = key;
    keys.add(key);
  }
  const sorted = [...keys].sort((a, b) => a - b);
  const groupOf = new Map(sorted.map((key, g) => [key, g]));
  const groupOfCell = new Uint32Array(cellCount).fill(NO_GROUP);
  for (let c = 0; c < cellCount; c++) {
    if (keyOfCell[c] >= 0) groupOfCell[c] = groupOf.get(keyOfCell[c]) as number;
  }
  const groupCount = sorted.length;
  const cellTypeOfGroup = new Uint32Array(groupCount);
  const isCaseGroup = new Uint8Array(groupCount);
  const donorOfGroup = new Uint32Array(groupCount);
  sorted.forEach((key, g) => {
    const donorIndex = key % DONORS;
    const rest = (key - donorIndex) / DONORS;
    donorOfGroup[g] = donorIndex;
    isCaseGroup[g] = rest % 2;
    cellTypeOfGroup[g] = (rest - (rest % 2)) / 2;
  });
  return { groupOfCell, groupCount, cellTypeOfGroup, isCaseGroup, donorOfGroup };
}

export interface CellTypeComparison extends Comparison {
  readonly cellType: number;
}

export interface PatientComparison extends Comparison {
  readonly cellType: number;
  readonly donor: number;
}

/** Per cell type (ascending): every case group of it against every control group of it. */
export function cellTypeComparisons(groups: TwinGroups): CellTypeComparison[] {
  const byType = new Map<number, { caseGroups: number[]; controlGroups: number[] }>();
  for (let g = 0; g < groups.groupCount; g++) {
    const t = groups.cellTypeOfGroup[g];
    let entry = byType.get(t);
    if (!entry) byType.set(t, (entry = { caseGroups: [], controlGroups: [] }));
    (groups.isCaseGroup[g] ? entry.caseGroups : entry.controlGroups).push(g);
  }
  return [...byType.entries()]
    .sort(([a], [b]) => a - b)
    .map(([cellType, sides]) => ({ cellType, ...sides }));
}

/** Per (cell type, case donor): the donor's case group against the pooled control groups. */
export function patientComparisons(groups: TwinGroups): PatientComparison[] {
  const controlsOfType = new Map<number, number[]>();
  for (let g = 0; g < groups.groupCount; g++) {
    if (groups.isCaseGroup[g]) continue;
    const t = groups.cellTypeOfGroup[g];
    const list = controlsOfType.get(t) ?? [];
    list.push(g);
    controlsOfType.set(t, list);
  }
  const out: PatientComparison[] = [];
  for (let g = 0; g < groups.groupCount; g++) {
    if (!groups.isCaseGroup[g]) continue;
    const cellType = groups.cellTypeOfGroup[g];
    out.push({
      cellType,
      donor: groups.donorOfGroup[g],
      caseGroups: [g],
      controlGroups: controlsOfType.get(cellType) ?? [],
    });
  }
  return out;
}

/** Group k against all other groups, for k = 0 … groupCount − 1. */
export function oneVsRestComparisons(groupCount: number): Comparison[] {
  const all = Array.from({ length: groupCount }, (_, g) => g);
  return all.map((k) => ({ caseGroups: [k], controlGroups: all.filter((g) => g !== k) }));
}
