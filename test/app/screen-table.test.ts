import { describe, expect, it } from 'vitest';
import { screenDrugs, type ScreenInput } from '@/core/screen/drug-screen';
import { DIRECTION_UNKNOWN } from '@/core/screen/screen-direction';
import {
  DIRECTION_TAGS,
  directionBanner,
  drugDirectionLine,
  drugRows,
  filterDrugRows,
  knownNameSet,
  pageCount,
  pageRows,
  sortDrugRows,
  type DrugRow,
} from '@/app/screen-table';
import { formatFixed, formatP } from '@/app/screen-format';
import { TOY_INPUT, TOY_OPTIONS } from '../core/screen/toy-screen';

/** A row with only what a test sets; everything else missing. */
function row(entry: number, values: Partial<DrugRow>): DrugRow {
  const names = values.names ?? [values.drug ?? `drug${entry}`];
  const targets = values.targets ?? [];
  return {
    entry,
    rank: entry + 1,
    drug: names[0],
    names,
    targets,
    targetsInNetwork: targets.length,
    dC: null,
    z: null,
    p: null,
    q: null,
    rwrScore: null,
    rwrP: null,
    counteracting: null,
    mimicking: null,
    direction: null,
    cureScore: null,
    candidate: null,
    known: false,
    ...values,
    searchText: [...names, ...targets].join('\n').toLowerCase(),
  };
}

const ROWS: DrugRow[] = [
  row(0, {
    names: ['Tofacitinib'],
    targets: ['JAK1', 'JAK3'],
    z: -1.5,
    dC: 1.25,
    known: true,
    candidate: true,
  }),
  row(1, { names: ['anakinra'], targets: ['IL1R1', 'IL1RAP'], z: 0.2, dC: 2, candidate: false }),
  row(2, { names: ['talastine', 'emedastine'], targets: ['HRH1'], z: -2.4, dC: 1 }),
  row(3, { names: ['zeta'], targets: ['ZZZ'], z: Number.NaN }),
  row(4, { names: ['Baricitinib'], targets: ['JAK1', 'JAK2'], z: -1.5, dC: 1.5, known: true }),
];
const entries = (rows: DrugRow[]) => rows.map((r) => r.entry);

describe('drug table rows', () => {
  it('flattens the screen result and flags known drugs by any member name', () => {
    const result = screenDrugs(TOY_INPUT, TOY_OPTIONS);
    const rows = drugRows(result, knownNameSet(['TWIN', 'inside']));
    expect(rows).toHaveLength(result.drugs.length);
    const near = rows.find((r) => r.names.includes('near')) as DrugRow;
    // "near" and "twin" target G2 with an inhibitor: one entry, known through "twin".
    expect(near.names).toEqual(['near', 'twin']);
    expect(near.known).toBe(true);
    expect(near.dC).toBe(1); // G2 is one hop from G1
    expect(near.targets).toEqual(['G2']);
    const far = rows.find((r) => r.drug === 'far') as DrugRow;
    expect(far.dC).toBe(10); // G11 → G1 on the path G0 … G11
    expect(far.known).toBe(false);
  });
});

describe('direction in the table header and the drug details', () => {
  const toyDegs = TOY_INPUT.degs as NonNullable<ScreenInput['degs']>;

  it('says plainly, without DEGs, that the ranking cannot tell treating from aggravating', () => {
    const bare = screenDrugs({ ...TOY_INPUT, degs: null }, TOY_OPTIONS);
    expect(directionBanner(bare)).toEqual({
      tone: 'warning',
      lines: [
        'Direction unknown: no DEG direction loaded; proximity and propagation cannot tell a drug that treats from one that aggravates',
      ],
    });
    const rows = drugRows(bare, knownNameSet([]));
    expect(rows.every((r) => r.direction === null && r.candidate !== true)).toBe(true);
    expect(drugDirectionLine(bare.drugs[0], bare)).toBe(
      DIRECTION_UNKNOWN.charAt(0).toUpperCase() + DIRECTION_UNKNOWN.slice(1),
    );
  });

  it('names the DEG group, counts the verdicts and marks drugs that mimic the disease', () => {
    const result = screenDrugs(TOY_INPUT, TOY_OPTIONS);
    const banner = directionBanner(result);
    expect(banner.tone).toBe('info');
    expect(banner.lines[0]).toMatch(/^Direction from DEG group "g" of toy degs: /);
    // inside counteracts; near (and twin) and far mimic; mixed has no targeted DEG.
    expect(banner.lines[1]).toBe(
      '1 entry counteracts the disease, 2 mimic it, 0 mixed, 1 without direction evidence.',
    );
    const near = result.drugs.find((d) => d.drug === 'near');
    if (!near) throw new Error('toy lacks near');
    expect(drugDirectionLine(near, result)).toBe(
      'Mimics the disease: its actions reinforce the fold change of its targeted DEGs and counteract none (g: 0 counteracting, 1 mimicking).',
    );
    const rows = drugRows(result, knownNameSet([]));
    expect(rows.find((r) => r.drug === 'near')?.direction).toBe('mimics');
    expect(DIRECTION_TAGS.mimics?.label).toBe('mimics disease');
    expect(DIRECTION_TAGS.counteracts).toBeUndefined();
  });

  it('warns in the header when the DEGs come from another disease', () => {
    const other = screenDrugs(
      { ...TOY_INPUT, degs: { ...toyDegs, disease: 'seasonal allergic rhinitis' } },
      TOY_OPTIONS,
    );
    const banner = directionBanner(other);
    expect(banner.tone).toBe('warning');
    expect(banner.lines.at(-1)).toBe(
      'Warning: DEGs from "seasonal allergic rhinitis" (toy degs) used to screen "toy": ' +
        "counteraction, the direction labels and the candidate flag judge drugs by another disease's expression",
    );
  });
});

describe('filterDrugRows', () => {
  it('searches drug names and targets, case-insensitive, every word', () => {
    expect(entries(filterDrugRows(ROWS, { query: 'jak1' }))).toEqual([0, 4]);
    expect(entries(filterDrugRows(ROWS, { query: 'EMEDASTINE' }))).toEqual([2]);
    expect(entries(filterDrugRows(ROWS, { query: 'jak1 jak3' }))).toEqual([0]);
    expect(entries(filterDrugRows(ROWS, { query: '  ' }))).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps candidates, known drugs, and z at or below a limit', () => {
    expect(entries(filterDrugRows(ROWS, { candidatesOnly: true }))).toEqual([0]);
    expect(entries(filterDrugRows(ROWS, { knownOnly: true }))).toEqual([0, 4]);
    expect(entries(filterDrugRows(ROWS, { maxZ: -1.5 }))).toEqual([0, 2, 4]);
    expect(entries(filterDrugRows(ROWS, { maxZ: -1.5, knownOnly: true, query: 'bari' }))).toEqual([
      4,
    ]);
  });
});

describe('sortDrugRows', () => {
  it('sorts z ascending and descending with missing values last, ties by rank', () => {
    expect(entries(sortDrugRows(ROWS, 'z', 'asc'))).toEqual([2, 0, 4, 1, 3]);
    expect(entries(sortDrugRows(ROWS, 'z', 'desc'))).toEqual([1, 0, 4, 2, 3]);
  });

  it('sorts names alphabetically whatever their case', () => {
    expect(sortDrugRows(ROWS, 'drug', 'asc').map((r) => r.drug)).toEqual([
      'anakinra',
      'Baricitinib',
      'talastine',
      'Tofacitinib',
      'zeta',
    ]);
  });

  it('sorts by target count, and counteraction by counteracting then fewer mimicking', () => {
    expect(entries(sortDrugRows(ROWS, 'targets', 'desc'))).toEqual([0, 1, 4, 2, 3]);
    const counter = [
      row(0, { counteracting: 1, mimicking: 1 }),
      row(1, { counteracting: 2, mimicking: 0 }),
      row(2, { counteracting: 1, mimicking: 0 }),
      row(3, {}),
    ];
    expect(entries(sortDrugRows(counter, 'counteraction', 'desc'))).toEqual([1, 2, 0, 3]);
  });

  it('does not change its input', () => {
    const before = entries(ROWS);
    sortDrugRows(ROWS, 'dC', 'desc');
    expect(entries(ROWS)).toEqual(before);
  });
});

describe('pages', () => {
  it('cuts rows into pages and clamps the page number', () => {
    const rows = Array.from({ length: 53 }, (_, k) => k);
    expect(pageCount(53, 25)).toBe(3);
    expect(pageCount(0, 25)).toBe(1);
    expect(pageRows(rows, 0, 25)).toEqual(rows.slice(0, 25));
    expect(pageRows(rows, 2, 25)).toEqual([50, 51, 52]);
    expect(pageRows(rows, 9, 25)).toEqual([50, 51, 52]);
    expect(pageRows(rows, -1, 25)).toEqual(rows.slice(0, 25));
  });
});

describe('number formats', () => {
  it('writes missing values as a dash and p = 0 as < 1/R', () => {
    expect(formatFixed(null)).toBe('–');
    expect(formatFixed(Number.NaN)).toBe('–');
    expect(formatFixed(-2.4913, 2)).toBe('−2.49');
    expect(formatFixed(-0.001, 2)).toBe('0.00');
    expect(formatP(0, 1000)).toBe('< 0.001');
    expect(formatP(0.0125)).toBe('0.013');
    expect(formatP(3.2e-6)).toBe('3.2e−6');
    expect(formatP(null)).toBe('–');
  });
});
