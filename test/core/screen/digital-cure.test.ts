import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '@/core/graph/csr';
import { buildDegSignature } from '@/core/screen/counteraction';
import {
  buildCureProblem,
  curePerturbationBlock,
  prepareCureNetwork,
  screenCure,
} from '@/core/screen/digital-cure';

// A → B (+), B ⊣ C (−), D → C (+), C → E (+). Ŝ rows: B = A; C = −B/2 + D/2; E = C.
const graph = csrFromEdges(
  5,
  Uint32Array.of(0, 1, 3, 2),
  Uint32Array.of(1, 2, 2, 4),
  Float32Array.of(1, -1, 1, 1),
);
const network = prepareCureNetwork(graph, ['A', 'B', 'C', 'D', 'E']);
const signature = buildDegSignature([
  { group: 'g', gene: 'A', logFC: -1 },
  { group: 'g', gene: 'B', logFC: 1 },
  { group: 'g', gene: 'C', logFC: 2 },
  { group: 'g', gene: 'D', logFC: 0.5 },
  { group: 'g', gene: 'E', logFC: -1 },
]);
const module = ['B', 'C', 'D', 'E'].map((gene) => ({ gene }));
const entries = [
  { targets: [{ gene: 'A', actionClass: 'down' as const }] },
  { targets: [{ gene: 'D', actionClass: 'up' as const }] },
  {
    targets: [
      { gene: 'B', actionClass: 'unknown' as const },
      { gene: 'ZZZ', actionClass: 'down' as const },
    ],
  },
];

describe('digital cure', () => {
  const problem = buildCureProblem(network, signature.groups[0], module, entries, {
    tolerance: 1e-13,
    maxIterations: 1000,
  });

  it('clamps targets with a known action at ±1 and skips the rest', () => {
    expect(Array.from(problem.columns)).toEqual([0, 1]);
    expect(problem.perturbations[2]).toBeNull();
    expect(Array.from(problem.signatureNodes)).toEqual([1, 2, 3, 4]);
    const block = curePerturbationBlock(problem, 0, 2);
    expect(Array.from(block.initial)).toEqual([-1, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(Array.from(block.clamp)).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('reaches the linear fixed point worked out by hand and scores the reversal', () => {
    const cure = screenCure(problem);
    const [inhibitA, activateD, none] = cure.byActivation.get('linear') ?? [];
    expect(none).toBeNull();
    // x_B = −α, x_C = α·(−½·x_B) = α²/2, x_E = α·x_C; x_D = 0 (no regulators).
    const a = 0.85;
    const change = new Map(inhibitA?.topMoves.map((m) => [m.gene, m.change]));
    expect(change.get('B')).toBeCloseTo(-a, 10);
    expect(change.get('C')).toBeCloseTo((a * a) / 2, 10);
    expect(change.get('E')).toBeCloseTo((a * a * a) / 2, 10);
    expect(change.has('D')).toBe(false);
    // B (up) pushed down and E (down) pushed up: reversed; C (up) pushed up: aggravated.
    expect(inhibitA).toMatchObject({ moved: 3, reversed: 2, aggravated: 1, signatureSize: 4 });
    expect(inhibitA?.reversalFraction).toBe(0.5);
    expect(inhibitA?.cureScore).toBe(0.25);
    // Δ ranks (B, C, D, E) = 1, 4, 2, 3; logFC ranks = 3, 4, 2, 1: ρ = 1 − 6·8/(4·15) = 0.2.
    expect(inhibitA?.spearman).toBeCloseTo(0.2, 12);
    // Activating D: D (up) held up and C = α/2 (up) aggravate; E = α²/2 (down gene pushed up) reverses.
    const moves = new Map(activateD?.topMoves.map((m) => [m.gene, m.change]));
    expect(moves.get('D')).toBe(1);
    expect(moves.get('C')).toBeCloseTo(a / 2, 10);
    expect(moves.get('E')).toBeCloseTo((a * a) / 2, 10);
    expect(activateD).toMatchObject({ reversed: 1, aggravated: 2, cureScore: -0.25 });
  });

  it('reaches the tanh fixed point worked out by hand', () => {
    const cure = screenCure(problem);
    const [inhibitA] = cure.byActivation.get('tanh') ?? [];
    const a = 0.85;
    const b = Math.tanh(-a);
    const c = Math.tanh(a * (-0.5 * b));
    const e = Math.tanh(a * c);
    const change = new Map(inhibitA?.topMoves.map((m) => [m.gene, m.change]));
    expect(change.get('B')).toBeCloseTo(b, 10);
    expect(change.get('C')).toBeCloseTo(c, 10);
    expect(change.get('E')).toBeCloseTo(e, 10);
  });

  it("uses every DEG with signatureScope 'all-degs' and rejects unsigned networks", () => {
    const all = buildCureProblem(network, signature.groups[0], [], entries, {
      signatureScope: 'all-degs',
    });
    expect(Array.from(all.signatureNodes)).toEqual([0, 1, 2, 3, 4]);
    const weighted = csrFromEdges(2, Uint32Array.of(0), Uint32Array.of(1), Float32Array.of(0.5));
    expect(() => prepareCureNetwork(weighted, ['A', 'B'])).toThrow(/edge weights must be signs/);
    expect(() =>
      buildCureProblem(network, signature.groups[0], module, entries, { coupling: 1 }),
    ).toThrow(/coupling must be in \(0, 1\)/);
  });
});
