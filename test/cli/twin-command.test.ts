import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectFailure, readLines, runCli, runJson, scratchDir } from './run-cli';

const scratch = scratchDir('twinscreen-twin-');

const NETWORK = 'public/data/interactome_menche2015.tsv.gz';
const DRUGS = 'public/data/drug_targets_drugcentral.tsv.gz';
const SAR = 'public/data/sar_degs_li2022_day3.tsv.gz';
const KANG = [
  '--mtx',
  'public/data/scrna_kang2018_ifnb1k',
  '--cell-type',
  'seurat_annotations',
  '--condition',
  'stim',
  '--case',
  'STIM',
  '--control',
  'CTRL',
];
const TWIN = ['twin', '--network', NETWORK, '--drugs', DRUGS];
const SLOW = 180_000;

interface PerCellType {
  cellType: string;
  d_c: number | null;
  z: number | null;
  p_gaussian: number | null;
  counteracting: number | null;
  candidate: boolean | null;
  intra: number;
}
interface TwinJson {
  weights: string;
  conventions: Record<string, string>;
  cellTypes: {
    name: string;
    weight: number;
    degs: { significant: number; used: number; inLcc: number };
    module: { size: number; genes: { gene: string; eigenvector: number }[] };
    moduleFrequency: { gene: string; frequency: number }[] | null;
    candidates: string[];
  }[];
  overlaps: { a: string; b: string; shared: number; jaccard: number; sizeA: number }[];
  ranking: {
    rank: number;
    drug: string;
    score: number;
    intra: number;
    candidate_weight: number;
    candidate_cell_types: string[];
    median_rank: number | null;
    rank_q05: number | null;
    rank_q95: number | null;
    p_top10: number | null;
    cellTypes: PerCellType[];
  }[];
}

/** Checks the rules every twin output must satisfy (definitions in the README). */
function expectConsistent(twin: TwinJson): void {
  expect(twin.weights).toBe('equal (1 per cell type) until the multicellular model');
  for (const cellType of twin.cellTypes) expect(cellType.weight).toBe(1);
  let previous = 0;
  for (const row of twin.ranking) {
    // scDrugPrio candidate rule per cell type: Φ(z) < 0.05 ∧ d_c < 1 ∧ counteracting ≥ 1.
    for (const c of row.cellTypes) {
      if (c.d_c === null) continue;
      const rule = (c.p_gaussian as number) < 0.05 && c.d_c < 1 && (c.counteracting ?? 0) >= 1;
      expect(c.candidate, `${row.drug} in ${c.cellType}`).toBe(rule);
    }
    const candidates = row.cellTypes.filter((c) => c.candidate === true);
    expect(row.candidate_cell_types).toEqual(candidates.map((c) => c.cellType));
    expect(row.candidate_weight).toBe(candidates.length);
    const intra = row.cellTypes.reduce((sum, c) => sum + c.intra, 0) / row.cellTypes.length;
    expect(row.intra).toBeCloseTo(intra, 14);
    expect(row.score).toBeCloseTo(candidates.length + 0.1 * intra, 14);
    expect(row.rank).toBeGreaterThanOrEqual(previous);
    previous = row.rank;
  }
  // Equal scores share the mean rank.
  const byScore = new Map<number, number[]>();
  for (const row of twin.ranking)
    byScore.set(row.score, [...(byScore.get(row.score) ?? []), row.rank]);
  for (const ranks of byScore.values()) expect(new Set(ranks).size).toBe(1);
  // Candidates listed per cell type are the entries flagged there.
  for (const cellType of twin.cellTypes) {
    const flagged = twin.ranking
      .filter((row) => row.candidate_cell_types.includes(cellType.name))
      .map((row) => row.drug)
      .sort();
    expect([...cellType.candidates].sort()).toEqual(flagged);
  }
  // Overlaps: Jaccard from the module gene lists of the output.
  const genesOf = new Map(
    twin.cellTypes.map((c) => [c.name, new Set(c.module.genes.map((g) => g.gene))]),
  );
  expect(twin.overlaps).toHaveLength((twin.cellTypes.length * (twin.cellTypes.length - 1)) / 2);
  for (const overlap of twin.overlaps) {
    const a = genesOf.get(overlap.a) as Set<string>;
    const b = genesOf.get(overlap.b) as Set<string>;
    const shared = [...a].filter((gene) => b.has(gene)).length;
    expect(overlap.shared).toBe(shared);
    expect(overlap.jaccard).toBeCloseTo(shared / (a.size + b.size - shared), 14);
  }
}

describe('twinscreen twin', () => {
  it(
    'builds the Kang twin from the MTX: DEG counts as `twinscreen de`, candidate rule, ranking',
    async () => {
      const de = await runJson<{ rows: { cell_type: string; q: number }[] }>(['de', ...KANG]);
      const twin = await runJson<TwinJson>([...TWIN, ...KANG, '--random', '100']);
      expect(twin.cellTypes.map((c) => c.name).sort()).toEqual(
        ['B', 'CD14 Mono', 'CD16 Mono', 'CD4 Memory T', 'CD4 Naive T', 'CD8 T'].sort(),
      );
      for (const cellType of twin.cellTypes) {
        const significant = de.rows.filter((r) => r.cell_type === cellType.name && r.q < 0.05);
        expect(cellType.degs.significant).toBe(significant.length);
        expect(cellType.degs.used).toBe(Math.min(1800, significant.length));
        expect(cellType.module.size).toBeLessThanOrEqual(cellType.degs.inLcc);
      }
      expect(twin.ranking.some((row) => row.candidate_cell_types.length > 0)).toBe(true);
      expectConsistent(twin);
    },
    SLOW,
  );

  it(
    'caps the DEGs with --max-degs',
    async () => {
      const twin = await runJson<TwinJson>([
        ...TWIN,
        ...KANG,
        '--random',
        '20',
        '--max-degs',
        '50',
      ]);
      const mono = twin.cellTypes.find((c) => c.name === 'CD14 Mono');
      expect(mono?.degs.significant).toBeGreaterThan(50);
      expect(mono?.degs.used).toBe(50);
    },
    SLOW,
  );

  it(
    'builds the allergic-rhinitis twin from a DEG table (3 cell types), TSV with the weights line',
    async () => {
      const out = join(scratch, 'sar.tsv');
      const run = await runCli([...TWIN, '--degs', SAR, '--random', '100', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      const [comment, header, ...rows] = readLines(out);
      expect(comment).toMatch(
        /^# weights: equal \(1 per cell type\) until the multicellular model/,
      );
      expect(header.split('\t').slice(0, 5)).toEqual(['rank', 'drug', 'names', 'targets', 'score']);
      expect(rows.length).toBeGreaterThan(100);
      const twin = await runJson<TwinJson>([...TWIN, '--degs', SAR, '--random', '100']);
      expect(twin.cellTypes.map((c) => c.name)).toEqual(['B cells', 'CD8+ T cells', 'Monocytes']);
      expectConsistent(twin);
    },
    SLOW,
  );

  it(
    'copies: same seed gives byte-identical output; intervals and P(top 10) are well formed',
    async () => {
      const args = [...TWIN, ...KANG, '--random', '30', '--copies', '3', '--top', '40'];
      const first = await runCli(args);
      const second = await runCli(args);
      expect(first.code, first.stderr).toBe(0);
      expect(second.stdout).toBe(first.stdout);
      const other = await runCli([...args, '--seed', '2']);
      expect(other.stdout).not.toBe(first.stdout);
      const twin = JSON.parse(first.stdout) as TwinJson;
      for (const row of twin.ranking) {
        const { rank_q05: low, median_rank: median, rank_q95: high, p_top10: top } = row;
        expect(low as number).toBeLessThanOrEqual(median as number);
        expect(median as number).toBeLessThanOrEqual(high as number);
        // 3 copies: P(top 10) is a multiple of 1/3.
        expect([0, 1 / 3, 2 / 3, 1]).toContainEqual(top);
      }
      for (const cellType of twin.cellTypes) {
        for (const { frequency } of cellType.moduleFrequency ?? []) {
          expect([1 / 3, 2 / 3, 1]).toContainEqual(frequency);
        }
      }
    },
    SLOW,
  );

  it('refuses --copies with a DEG table and two inputs at once', async () => {
    expectFailure(
      await runCli([...TWIN, '--degs', SAR, '--copies', '2']),
      2,
      '--copies resamples cells',
    );
    expectFailure(await runCli([...TWIN, '--degs', SAR, ...KANG]), 2, 'give one input');
    expectFailure(await runCli([...TWIN]), 2, 'give one input');
  });
});

describe('per-patient twins, shards and merge (muscat, 2 case donors)', () => {
  const MUSCAT = [
    ...TWIN,
    '--mtx',
    'public/data/scrna_kang2018_muscat',
    '--cells',
    'public/data/scrna_kang2018_muscat/cells.tsv',
    '--cell-type',
    'cluster_id',
    '--condition',
    'group_id',
    '--case',
    'stim',
    '--control',
    'ctrl',
    '--donor',
    'sample_id',
    '--random',
    '20',
  ];

  it(
    'merges N = 2 and N = 3 shards (one of them empty) into the unsharded JSON byte for byte',
    async () => {
      const whole = join(scratch, 'cohort.json');
      const run = await runCli([...MUSCAT, '--out', whole]);
      expect(run.code, run.stderr).toBe(0);
      const cohort = JSON.parse(readLines(whole).join('\n')) as {
        cohort: { donors: string[] };
        shard: null;
        patients: { donor: string; cellTypes: { name: string; caseCells: number }[] }[];
        pairs: { a: string; b: string; changes: unknown[] }[];
      };
      expect(cohort.cohort.donors).toEqual(['stim101', 'stim107']);
      expect(cohort.shard).toBeNull();
      // cells.tsv: B cells stim101 100, stim107 54.
      const bCells = cohort.patients.map(
        (p) => p.cellTypes.find((c) => c.name === 'B cells')?.caseCells,
      );
      expect(bCells).toEqual([100, 54]);
      expect(cohort.pairs.map((p) => [p.a, p.b])).toEqual([['stim101', 'stim107']]);
      const wholeText = readLines(whole).join('\n');
      for (const count of [2, 3]) {
        const files: string[] = [];
        for (let index = count; index >= 1; index--) {
          const file = join(scratch, `shard-${index}-of-${count}.json`);
          const shardRun = await runCli([...MUSCAT, '--shard', `${index}/${count}`, '--out', file]);
          expect(shardRun.code, shardRun.stderr).toBe(0);
          files.push(file);
        }
        const merged = join(scratch, `merged-${count}.json`);
        const mergeRun = await runCli([
          'merge',
          ...files.flatMap((file) => ['--input', file]),
          '--out',
          merged,
        ]);
        expect(mergeRun.code, mergeRun.stderr).toBe(0);
        expect(readLines(merged).join('\n')).toBe(wholeText);
        if (count === 3) {
          const empty = JSON.parse(readLines(files[0]).join('\n')) as { patients: unknown[] };
          expect(empty.patients).toEqual([]); // shard 3/3 of 2 donors
          expectFailure(
            await runCli(['merge', '--input', files[1], '--input', files[2]]),
            1,
            'shard 3/3 missing',
          );
        }
      }
    },
    SLOW,
  );

  it('checks --shard', async () => {
    expectFailure(await runCli([...MUSCAT, '--shard', '3/2']), 2, '--shard: shard must be I/N');
    const noDonor = MUSCAT.filter(
      (_, i) => i !== MUSCAT.indexOf('--donor') && i !== MUSCAT.indexOf('--donor') + 1,
    );
    expectFailure(await runCli([...noDonor, '--shard', '1/2']), 2, '--shard splits the donors');
  });
});
