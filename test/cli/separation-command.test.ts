import { describe, expect, it } from 'vitest';
import { readCoreFixture } from '../helpers/load-public-data';
import { mencheArgs, RA, readCliExpected, runJson, tinyArgs } from './run-cli';

interface SeparationJson {
  a: { name: string; inLcc: number };
  b: { name: string; inLcc: number };
  dAA: number;
  dBB: number;
  dAB: number;
  sAB: number;
  z: number;
  p: number;
  mean: number;
  sd: number;
  null: string;
  random: number;
  seed: number;
  overlapping: boolean;
}

describe('twinscreen separation', () => {
  it('gives d_AA, d_BB, d_AB and s_AB of RA and asthma as networkx computes them', async () => {
    const core = readCoreFixture<{
      pairs: { a: string; b: string; dAA: number; dBB: number; dAB: number; sAB: number }[];
    }>('separation-menche.json');
    const pair = core.pairs.find((p) => p.a === RA && p.b === 'asthma');
    if (!pair) throw new Error('no RA–asthma pair in the core fixture');
    const out = await runJson<SeparationJson>(
      mencheArgs('separation', RA, '--disease', 'asthma', '--random', '30', '--seed', '7'),
    );
    expect(out.a.name).toBe(RA);
    expect(out.b.name).toBe('asthma');
    expect(out.dAA).toBeCloseTo(pair.dAA, 12);
    expect(out.dBB).toBeCloseTo(pair.dBB, 12);
    expect(out.dAB).toBeCloseTo(pair.dAB, 12);
    expect(out.sAB).toBeCloseTo(pair.sAB, 12);
    expect(out.overlapping).toBe(pair.sAB < 0);
    expect(out).toMatchObject({ null: 'degree', random: 30, seed: 7 });
    expect(out.sd).toBeGreaterThan(0);
    expect(out.z).toBeCloseTo((out.sAB - out.mean) / out.sd, 12);
    expect(out.p).toBeGreaterThanOrEqual(0);
    expect(out.p).toBeLessThanOrEqual(1);
  });

  it('on the small network: s_AB = 1.25 for {TP53, MDM2} vs {ATM, CHEK2}', async () => {
    const out = await runJson<SeparationJson>(
      tinyArgs('separation', 'alpha', '--disease', 'BETA', '--random', '20', '--null', 'uniform'),
    );
    const { separation } = readCliExpected().tiny;
    // By hand: d_AA = d_BB = 1; d_AB = (3 + 2 + 2 + 2)/4 = 2.25.
    expect([out.dAA, out.dBB, out.dAB, out.sAB]).toEqual([
      separation.dAA,
      separation.dBB,
      separation.dAB,
      separation.sAB,
    ]);
    expect(out.b.name).toBe('beta');
    expect(out.null).toBe('uniform');
  });
});
