/**
 * The six Cheng 2019 classes on hand-built cases: a 9-node path where d_c, z and s_AB are
 * worked out by hand (arithmetic in the comments), then classified.
 *
 * Graph: the path 0 − 1 − … − 8; disease module C = {4}, so d(t, C) = |t − 4|.
 * Drugs have two targets. Proximity: d_c(T, C) = mean over t ∈ T of |t − 4|. Its null (hand
 * computable instead of sampled): every 2-node set of the 9 nodes, equally likely — the mean of
 * 2 values drawn without replacement from the population {4, 3, 2, 1, 0, 1, 2, 3, 4}:
 *   population mean μ = 20/9, population variance σ² = 60/9 − (20/9)² = 140/81;
 *   the null of the mean of 2: mean μ = 20/9, variance σ²/2 · (N − 2)/(N − 1)
 *     = 140/81 / 2 · 7/8 = 980/1296, sd = √980 / 36 ≈ 0.869569;
 *   z(T) = (d_c − 20/9) / (√980/36), so z < 0 (proximal) exactly when d_c < 20/9 ≈ 2.22.
 * Separation (Menche 2015): d_AA = mean distance of each target to the other (|a1 − a2| for
 * two targets), d_AB = [Σ_a min_b d + Σ_b min_a d] / 4, s_AB = d_AB − (d_AA + d_BB)/2.
 */
import { describe, expect, it } from 'vitest';
import {
  drugCombinationClass,
  DRUG_COMBINATION_CLASS_DEFAULTS,
  DRUG_COMBINATION_CLASS_NAMES,
  isProximal,
} from '@/core/metrics/drug-combination-class';
import { closestDistance } from '@/core/metrics/proximity';
import { separation } from '@/core/metrics/separation';
import { path } from '../../fixtures/core/graphs';

const GRAPH = path(9);
const MODULE = [4];
const NULL_MEAN = 20 / 9;
const NULL_SD = Math.sqrt(980) / 36;

/** z by the hand formula above. */
const zOf = (dc: number): number => (dc - NULL_MEAN) / NULL_SD;

interface Case {
  cls: string;
  a: [number, number];
  b: [number, number];
  /** d_c of A and B, by hand. */
  dcA: number;
  dcB: number;
  /** d_AA, d_BB, d_AB, s_AB, by hand. */
  dAA: number;
  dBB: number;
  dAB: number;
  sAB: number;
}

const CASES: Case[] = [
  // A = {3,5}: d_c = (1+1)/2 = 1, z = (1 − 20/9)/0.8696 = −1.405; B = {4,5}: d_c = 0.5,
  // z = −1.980. d_AA = 2, d_BB = 1; d_AB = (3→4:1, 5→5:0, 4→3|5:1, 5→5:0)/4 = 0.5;
  // s = 0.5 − 1.5 = −1 < 0: both proximal, overlapping.
  { cls: 'P1', a: [3, 5], b: [4, 5], dcA: 1, dcB: 0.5, dAA: 2, dBB: 1, dAB: 0.5, sAB: -1 },
  // A = {2,3}: d_c = (2+1)/2 = 1.5, z = −0.831; B = {5,6}: d_c = 1.5, z = −0.831.
  // d_AA = d_BB = 1; d_AB = (2→5:3, 3→5:2, 5→3:2, 6→3:3)/4 = 2.5; s = 2.5 − 1 = 1.5 ≥ 0.
  { cls: 'P2', a: [2, 3], b: [5, 6], dcA: 1.5, dcB: 1.5, dAA: 1, dBB: 1, dAB: 2.5, sAB: 1.5 },
  // A = {1,3}: d_c = (3+1)/2 = 2, z = (2 − 2.2222)/0.8696 = −0.256 (proximal); B = {0,2}:
  // d_c = (4+2)/2 = 3, z = +0.894. d_AA = d_BB = 2; d_AB = (1→0|2:1, 3→2:1, 0→1:1, 2→1|3:1)/4
  // = 1; s = 1 − 2 = −1 < 0: one proximal, overlapping.
  { cls: 'P3', a: [1, 3], b: [0, 2], dcA: 2, dcB: 3, dAA: 2, dBB: 2, dAB: 1, sAB: -1 },
  // A = {2,3}: z = −0.831; B = {0,1}: d_c = (4+3)/2 = 3.5, z = +1.470. d_AA = d_BB = 1;
  // d_AB = (2→1:1, 3→1:2, 0→2:2, 1→2:1)/4 = 1.5; s = 1.5 − 1 = 0.5 ≥ 0.
  { cls: 'P4', a: [2, 3], b: [0, 1], dcA: 1.5, dcB: 3.5, dAA: 1, dBB: 1, dAB: 1.5, sAB: 0.5 },
  // A = {0,2}: z = +0.894; B = {0,1}: z = +1.470. d_AA = 2, d_BB = 1;
  // d_AB = (0→0:0, 2→1:1, 0→0:0, 1→0|2:1)/4 = 0.5; s = 0.5 − 1.5 = −1 < 0: neither, overlapping.
  { cls: 'P5', a: [0, 2], b: [0, 1], dcA: 3, dcB: 3.5, dAA: 2, dBB: 1, dAB: 0.5, sAB: -1 },
  // A = {0,1}, B = {7,8}: both d_c = 3.5, z = +1.470. d_AA = d_BB = 1;
  // d_AB = (0→7:7, 1→7:6, 7→1:6, 8→1:7)/4 = 6.5; s = 6.5 − 1 = 5.5 ≥ 0.
  { cls: 'P6', a: [0, 1], b: [7, 8], dcA: 3.5, dcB: 3.5, dAA: 1, dBB: 1, dAB: 6.5, sAB: 5.5 },
];

describe('Cheng 2019 classes on a 9-node path (hand-computed d_c, z, s_AB)', () => {
  it('the hand null is the exhaustive null of 2-target sets', () => {
    // All 36 two-node sets: their d_c have mean 20/9 and population sd √980/36.
    const values: number[] = [];
    for (let x = 0; x < 9; x++) {
      for (let y = x + 1; y < 9; y++) values.push(closestDistance(GRAPH, [x, y], MODULE).distance);
    }
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(values).toHaveLength(36);
    expect(mean).toBeCloseTo(NULL_MEAN, 14);
    expect(Math.sqrt(variance)).toBeCloseTo(NULL_SD, 14);
  });

  it.each(CASES)('$cls: A = $a, B = $b', (c) => {
    expect(closestDistance(GRAPH, c.a, MODULE).distance).toBe(c.dcA);
    expect(closestDistance(GRAPH, c.b, MODULE).distance).toBe(c.dcB);
    expect(separation(GRAPH, c.a, c.b)).toEqual({
      dAA: c.dAA,
      dBB: c.dBB,
      dAB: c.dAB,
      sAB: c.sAB,
    });
    const combinationClass = drugCombinationClass(zOf(c.dcA), zOf(c.dcB), c.sAB);
    expect(combinationClass).toBe(c.cls);
  });

  it('covers all six classes, with the names of Cheng 2019', () => {
    expect(CASES.map((c) => c.cls)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    expect(Object.values(DRUG_COMBINATION_CLASS_NAMES)).toEqual([
      'Overlapping Exposure',
      'Complementary Exposure',
      'Indirect Exposure',
      'Single Exposure',
      'Non-Exposure',
      'Independent Action',
    ]);
  });
});

describe('the proximal threshold (Cheng 2019: z < 0) and the s_AB boundary', () => {
  it('defaults to z < 0, strictly; s_AB = 0 counts as separated', () => {
    expect(DRUG_COMBINATION_CLASS_DEFAULTS.proximalZ).toBe(0);
    expect(isProximal(-1e-9)).toBe(true);
    expect(isProximal(0)).toBe(false);
    expect(drugCombinationClass(0, 0, 0)).toBe('P6');
    expect(drugCombinationClass(-0.1, -0.1, 0)).toBe('P2');
    expect(drugCombinationClass(-0.1, 0, -1e-9)).toBe('P3');
  });

  it('keeps the threshold as an option (e.g. Guney 2016 z < −0.15)', () => {
    // z = −0.1: proximal by Cheng's sign rule, not at the stricter −0.15.
    expect(drugCombinationClass(-0.1, -0.1, 1)).toBe('P2');
    expect(drugCombinationClass(-0.1, -0.1, 1, { proximalZ: -0.15 })).toBe('P6');
    expect(drugCombinationClass(-0.2, -0.1, 1, { proximalZ: -0.15 })).toBe('P4');
    expect(() => drugCombinationClass(-1, -1, 1, { proximalZ: NaN })).toThrow(
      /inputs must be numbers/,
    );
  });
});
