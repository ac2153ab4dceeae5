import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIRECTION_NOT_LOADED, DIRECTION_UNKNOWN } from '@/core/screen/screen-direction';
import {
  expectFailure,
  mencheArgs,
  RA,
  readCliExpected,
  readLines,
  runCli,
  runJson,
  scratchDir,
} from './run-cli';

const scratch = scratchDir('twinscreen-screen-');

const DRUGS = 'public/data/drug_targets_drugcentral.tsv.gz';
const INDICATIONS = 'public/data/drug_indications_drugcentral.tsv.gz';
const DEGS = 'public/data/sar_degs_li2022_day3.tsv.gz';

interface ScreenJson {
  seeds: { inLcc: number };
  indications: {
    term: string;
    indicationMatch: string;
    concept: { disease: string; umlsCuis: string[] } | null;
    matched: string[];
    drugNames: string[];
  } | null;
  provenance: { methods: string[]; null: { iterations: number; seed: number } };
  direction: {
    loaded: boolean;
    statement: string;
    degsDisease: string | null;
    moduleDisease: string;
    diseaseCheck: string | null;
    warnings: string[];
  };
  auc?: number;
  positives?: number;
  negatives?: number;
  drugs: {
    drug: string;
    names: string[];
    targets: string[];
    targets_in_network: number;
    rank: number;
    d_c: number | null;
    z: number | null;
    p: number | null;
    rwr_score: number | null;
    rwr_p: number | null;
    counteracting: number | null;
    mimicking: number | null;
    direction: string;
    candidate: boolean | null;
    cure_score: number | null;
    is_known: boolean | null;
    explanation: { proteinsToMeasure: unknown[] };
  }[];
  validation: Record<
    string,
    { positives: number; negatives: number; unscored: number; auc: number }
  > | null;
  notes: string[];
}

describe('twinscreen screen', () => {
  it('screens DrugCentral against RA: d_c as networkx, validation against indications', async () => {
    const expected = readCliExpected().screen;
    const args = mencheArgs(
      'screen',
      RA,
      '--drugs',
      DRUGS,
      '--indications',
      INDICATIONS,
      '--methods',
      'proximity,cure',
      '--random',
      '20',
      '--combinations',
      '0',
    );
    const out = await runJson<ScreenJson>(args);
    expect(out.provenance.methods).toEqual(['proximity']);
    expect(out.provenance.null).toMatchObject({ iterations: 20, seed: 1 });
    expect(out.notes).toContain('cure skipped: no signed network given');
    for (const [drug, { targets, dC }] of Object.entries(expected.proximity)) {
      const entry = out.drugs.find((row) => row.names.includes(drug));
      expect(entry, drug).toBeDefined();
      expect([...(entry?.targets ?? [])].sort(), drug).toEqual([...targets].sort());
      expect(entry?.d_c, drug).toBeCloseTo(dC, 12);
      expect(entry?.targets_in_network, drug).toBe(targets.length);
      expect(entry?.rwr_score).toBeNull();
      expect(entry?.explanation.proteinsToMeasure.length).toBeGreaterThan(0);
    }
    expect(out.indications?.term).toBe(RA);
    expect(out.indications?.drugNames).toHaveLength(expected.indicationDrugs);
    expect(out.indications?.matched).toEqual(['Rheumatoid Arthritis']);
    // By concept (C0003873), so misoprostol's "Rheumatoid Arthritis in Patient at High Ulcer
    // Risk" does not make it a known RA drug.
    expect(out.indications?.indicationMatch).toBe('concept');
    expect(out.indications?.concept?.umlsCuis).toEqual(['C0003873']);
    expect(out.indications?.drugNames).not.toContain('misoprostol');
    expect(out.drugs.find((row) => row.names.includes('misoprostol'))?.is_known).toBe(false);
    const known = out.drugs.filter((row) => row.is_known && row.z !== null);
    const validation = out.validation?.proximity;
    expect(validation?.positives).toBe(known.length);
    expect(out.positives).toBe(known.length);
    expect(out.negatives).toBe(validation?.negatives);
    expect(out.auc).toBe(validation?.auc);
    // Entries whose z is undefined (sd = 0) are left out of the validation and counted.
    const unscored = out.drugs.filter((row) => row.z === null).length;
    expect(validation?.unscored).toBe(unscored);
    expect((validation?.positives ?? 0) + (validation?.negatives ?? 0) + unscored).toBe(
      out.drugs.length,
    );
    expect(out.drugs.map((row) => row.rank)).toEqual(
      [...out.drugs.map((row) => row.rank)].sort((a, b) => a - b),
    );
    // No DEGs: the ranking says it cannot tell treating from aggravating, and no drug is a
    // candidate.
    expect(out.direction).toMatchObject({ loaded: false, statement: DIRECTION_UNKNOWN });
    expect(out.drugs.some((row) => row.candidate === true)).toBe(false);
    expect(out.drugs.every((row) => row.direction === DIRECTION_NOT_LOADED)).toBe(true);

    const tsv = join(scratch, 'screen.tsv');
    const run = await runCli([...args, '--top', '5', '--out', tsv]);
    expect(run.code).toBe(0);
    const lines = readLines(tsv);
    expect(lines).toHaveLength(7);
    // The statement heads the table, as a comment line (pandas: comment='#').
    expect(lines[0]).toBe(`# ${DIRECTION_UNKNOWN}`);
    const header = lines[1].split('\t');
    for (const column of ['rank', 'drug', 'targets', 'targets_in_network', 'd_c', 'z', 'p']) {
      expect(header).toContain(column);
    }
    expect(header.at(-1)).toBe('is_known');
    const first = lines[2].split('\t');
    expect(first[header.indexOf('direction')]).toBe(DIRECTION_NOT_LOADED);
    expect(first[header.indexOf('candidate')]).toBe('');
    expect(first[header.indexOf('drug')]).toBe(out.drugs[0].drug);
    expect(Number(first[header.indexOf('d_c')])).toBe(out.drugs[0].d_c);
  });

  it('runs the digital cure with a signed network and a DEG group', async () => {
    const run = await runCli(
      mencheArgs(
        'screen',
        RA,
        '--drugs',
        'test/fixtures/cli/drugs-small.tsv',
        '--methods',
        'cure',
        '--degs',
        DEGS,
        '--deg-group',
        'Monocytes',
        '--signed',
        'public/data/signed_network_omnipath.tsv.gz',
        '--combinations',
        '0',
      ),
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as ScreenJson & {
      provenance: { cure: { group: string; signatureSize: number } | null };
    };
    // SAR DEGs (known by the bundled file's name) for an RA module: a warning naming both.
    const warning =
      'DEGs from "seasonal allergic rhinitis" (public/data/sar_degs_li2022_day3.tsv.gz) used to screen "arthritis, rheumatoid": ' +
      "counteraction, the direction labels and the candidate flag judge drugs by another disease's expression";
    expect(run.stderr).toContain(`twinscreen screen: warning: ${warning}`);
    expect(out.direction).toMatchObject({
      loaded: true,
      degsDisease: 'seasonal allergic rhinitis',
      moduleDisease: RA,
      diseaseCheck: 'different',
      warnings: [warning],
    });
    expect(out.notes).toContain(`warning: ${warning}`);
    expect(out.direction.statement).toMatch(/^direction from DEG group "Monocytes" of /);
    expect(
      out.drugs.every((row) =>
        ['counteracts', 'mimics', 'mixed', 'no-evidence'].includes(row.direction),
      ),
    ).toBe(true);
    expect(out.provenance.methods).toEqual(['cure']);
    expect(out.provenance.cure?.group).toBe('Monocytes');
    expect(out.provenance.cure?.signatureSize).toBeGreaterThan(0);
    expect(out.drugs.length).toBeGreaterThan(0);
    expect(out.drugs.some((row) => row.cure_score !== null)).toBe(true);
    expect(out.drugs.every((row) => row.d_c === null)).toBe(true);
    expect(out.drugs.every((row) => row.counteracting !== null)).toBe(true);
  });

  it('takes the DEG disease from --degs-disease: no warning when it is the module disease', async () => {
    const run = await runCli(
      mencheArgs(
        'screen',
        RA,
        '--drugs',
        'test/fixtures/cli/drugs-small.tsv',
        '--methods',
        'proximity',
        '--random',
        '10',
        '--degs',
        DEGS,
        '--degs-disease',
        'Rheumatoid arthritis',
        '--combinations',
        '0',
      ),
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as ScreenJson;
    expect(out.direction).toMatchObject({ diseaseCheck: 'same', warnings: [] });
    expect(run.stderr).not.toContain('warning');
    expectFailure(
      await runCli(mencheArgs('screen', RA, '--drugs', DRUGS, '--degs-disease', 'asthma')),
      2,
      '--degs-disease needs --degs FILE',
    );
  });

  it('rejects a DEG group the table does not hold (usage error)', async () => {
    const run = await runCli(
      mencheArgs('screen', RA, '--drugs', DRUGS, '--degs', DEGS, '--deg-group', 'Neutrophils'),
    );
    expectFailure(
      run,
      2,
      '--deg-group: no group "Neutrophils" in public/data/sar_degs_li2022_day3.tsv.gz; groups: B cells, CD8+ T cells, Monocytes',
    );
  });
});
