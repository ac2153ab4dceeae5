/**
 * Drug–drug–disease combination classes (Cheng et al. 2019)
 * =========================================================
 * Cheng, Kovács & Barabási 2019 (Nat Commun 10:1197), ALGORITHMS.md §3.5. For drugs A and B
 * and a disease module C, with proximity z-scores z_AC, z_BC and drug–drug separation s_AB:
 *
 * | class | proximal to C | s_AB |
 * |---|---|---|
 * | P1 Overlapping Exposure | both | < 0 |
 * | P2 Complementary Exposure (the efficacious class) | both | ≥ 0 |
 * | P3 Indirect Exposure | only one | < 0 |
 * | P4 Single Exposure | only one | ≥ 0 |
 * | P5 Non-Exposure | neither | < 0 |
 * | P6 Independent Action | neither | ≥ 0 |
 *
 * A drug counts as proximal when z ≤ `proximalZ`. The threshold is a parameter: the default
 * −0.15 is Guney 2016's "proximal" operating point; the class names and the paper's own
 * threshold are marked [unverified] in ALGORITHMS.md and must be checked before being relied on.
 * The s_AB sign rule is confirmed by the paper's Fig. 1.
 */

export type DrugCombinationClass = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6';

export const DRUG_COMBINATION_CLASS_NAMES: Record<DrugCombinationClass, string> = {
  P1: 'Overlapping Exposure',
  P2: 'Complementary Exposure',
  P3: 'Indirect Exposure',
  P4: 'Single Exposure',
  P5: 'Non-Exposure',
  P6: 'Independent Action',
};

export interface DrugCombinationClassOptions {
  /** A drug is proximal to the disease when its z ≤ proximalZ. [unverified] */
  proximalZ: number;
}

export const DRUG_COMBINATION_CLASS_DEFAULTS: DrugCombinationClassOptions = { proximalZ: -0.15 };

export function drugCombinationClass(
  zAC: number,
  zBC: number,
  sAB: number,
  options: Partial<DrugCombinationClassOptions> = {},
): DrugCombinationClass {
  const { proximalZ } = { ...DRUG_COMBINATION_CLASS_DEFAULTS, ...options };
  if ([zAC, zBC, sAB, proximalZ].some(Number.isNaN)) {
    throw new RangeError(
      `drugCombinationClass: inputs must be numbers, got zAC = ${zAC}, zBC = ${zBC}, sAB = ${sAB}`,
    );
  }
  const proximal = (zAC <= proximalZ ? 1 : 0) + (zBC <= proximalZ ? 1 : 0);
  const separated = sAB >= 0;
  if (proximal === 2) return separated ? 'P2' : 'P1';
  if (proximal === 1) return separated ? 'P4' : 'P3';
  return separated ? 'P6' : 'P5';
}
