/**
 * Drug–drug–disease combination classes (Cheng et al. 2019)
 * =========================================================
 * Cheng F., Kovács I.A. & Barabási A.-L. 2019, "Network-based prediction of drug
 * combinations", Nat Commun 10:1197 (ALGORITHMS.md §3.5). For drugs A and B and a disease
 * module C, with the drugs' proximity z-scores z_AC, z_BC (closest distance against a
 * degree-matched null) and the drug–drug separation s_AB (Menche 2015, separation.ts):
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
 * Sources of each rule (README "Drug combinations"):
 * - Six classes, and P2 as the one class tied to therapeutic effect ("the targets of the drugs
 *   both hit the disease module, but target separate neighborhoods"): the paper's abstract.
 * - s_AB sign: s_AB < 0 overlapping, s_AB ≥ 0 topologically separated: the caption of the
 *   paper's Fig. 1 (panels b, c), read on nature.com.
 * - "Overlapping Exposure (P1)" and "Complementary Exposure (P2)", with s_AB < 0 for P1 pairs
 *   and s_AB ≥ 0 for P2 pairs: the paper's Table 1 and its caption (PMC6416394, table Tab1).
 * - The names of P3–P6 and the proximity rule "z < 0" (a drug is proximal when its z-score is
 *   negative: closer to C than the random expectation, not necessarily significantly): the
 *   paper's Fig. 2, as quoted second-hand (SyndrumNET's method notes, github.com/
 *   nihadaslanzade-02/SyndrumNET docs/METHOD_NOTES.md, quoting panel P2 as
 *   "z_DA < 0, z_DB < 0, s_AB ≥ 0"). [unverified: the paper's full text and figure could
 *   not be read here, so the threshold was not checked against the paper itself.]
 * Hence the default proximalZ = 0 with a strict "<", kept as an option; Guney 2016's relaxed
 * drug–disease cutoff z ≤ −0.15 (a different paper, used for the screen's Fisher test) is
 * proximalZ = −0.15 (strict "<" differs from "≤" only at z exactly −0.15).
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
  /** A drug is proximal to the disease when its z < proximalZ (Cheng 2019: 0; see header). */
  proximalZ: number;
}

export const DRUG_COMBINATION_CLASS_DEFAULTS: Readonly<DrugCombinationClassOptions> = {
  proximalZ: 0,
};

/** Whether a drug with proximity z counts as proximal to the disease (z < proximalZ). */
export function isProximal(z: number, proximalZ = DRUG_COMBINATION_CLASS_DEFAULTS.proximalZ) {
  return z < proximalZ;
}

export function drugCombinationClass(
  zAC: number,
  zBC: number,
  sAB: number,
  options: Partial<DrugCombinationClassOptions> = {},
): DrugCombinationClass {
  const { proximalZ } = { ...DRUG_COMBINATION_CLASS_DEFAULTS, ...options };
  if ([zAC, zBC, sAB, proximalZ].some(Number.isNaN)) {
    throw new RangeError(
      `drugCombinationClass: inputs must be numbers, got zAC = ${zAC}, zBC = ${zBC}, sAB = ${sAB}, proximalZ = ${proximalZ}`,
    );
  }
  const proximal = (isProximal(zAC, proximalZ) ? 1 : 0) + (isProximal(zBC, proximalZ) ? 1 : 0);
  const separated = sAB >= 0;
  if (proximal === 2) return separated ? 'P2' : 'P1';
  if (proximal === 1) return separated ? 'P4' : 'P3';
  return separated ? 'P6' : 'P5';
}
