import { describe, expect, it } from 'vitest';
import { multiSourceBfs } from '@/core/engine/multi-source-bfs';
import { adjacencyPattern, randomWalkMatrix } from '@/core/engine/sparse-matrix';
import { spmm } from '@/core/engine/spmm';
import {
  balancedRowRanges,
  bfsWordRange,
  setsToBits,
  spmmRows,
  type MatrixArrays,
} from '@/engine/cpu-kernels';
import { fixtureGraph, maxAbsDiff } from './fixture-graphs';
import { loadEngineFixture } from './interactome-node';
import { randomSets, seededRandom } from './parity-suite';

const fixture = loadEngineFixture();
const graph = fixtureGraph(fixture);
const n = graph.nodeCount;

describe('spmmRows', () => {
  const w = randomWalkMatrix(graph);
  const matrix: MatrixArrays = {
    offsets: w.offsets,
    columns: w.columns,
    values: Float32Array.from(w.values),
  };

  it.each([1, 7, 8, 19, 300, 520])(
    'matches the float64 SpMM for %i columns (8-wide blocks, 256-column tiles, remainders)',
    (width) => {
      const random = seededRandom(width);
      const x = Float32Array.from({ length: n * width }, () => random());
      const y = new Float32Array(n * width);
      spmmRows(matrix, x, y, width, 0, n);
      const reference = spmm(w, x, width);
      expect(maxAbsDiff(y, reference)).toBeLessThan(1e-6);
    },
  );

  it('splits rows without changing a single bit', () => {
    const width = 24;
    const x = Float32Array.from({ length: n * width }, (_, k) => Math.sin(k));
    const whole = new Float32Array(n * width);
    spmmRows(matrix, x, whole, width, 0, n);
    const parts = new Float32Array(n * width);
    const bounds = balancedRowRanges(matrix.offsets, 3);
    for (let k = 0; k < 3; k++) spmmRows(matrix, x, parts, width, bounds[k], bounds[k + 1]);
    expect(parts).toEqual(whole);
  });
});

describe('balancedRowRanges', () => {
  it('covers every row once with about equal stored values per part', () => {
    const bounds = balancedRowRanges(graph.offsets, 4);
    expect(bounds[0]).toBe(0);
    expect(bounds[4]).toBe(n);
    const work = [0, 1, 2, 3].map(
      (k) => graph.offsets[bounds[k + 1]] - graph.offsets[bounds[k]] + bounds[k + 1] - bounds[k],
    );
    const total = graph.offsets[n] + n;
    for (const part of work) expect(Math.abs(part - total / 4)).toBeLessThan(total / 8);
  });
});

describe('bit-parallel BFS', () => {
  it('packs set b into bit b mod 32 of word ⌊b/32⌋', () => {
    const bits = setsToBits(Uint32Array.of(2, 0, 2), Uint32Array.of(0, 1, 1, 3), 3, 1);
    // set 0 = {2}, set 1 = {}, set 2 = {0, 2}
    expect([...bits]).toEqual([0b100, 0, 0b101]);
    const second = setsToBits(Uint32Array.of(1), Uint32Array.of(0, 0, 1), 2, 1, 1);
    expect([...second]).toEqual([0, 1]); // firstSet = 1: set 1 becomes bit 0
  });

  it('equals queue BFS per set, also when threads take word ranges (70 sets: 3 words)', () => {
    const { sets, offsets } = randomSets(n, 70, 12, 4);
    const pattern = adjacencyPattern(graph);
    const words = 3;
    const bits = setsToBits(sets, offsets, n, words);
    const dist = new Uint8Array(n * 70).fill(255);
    bfsWordRange(pattern, bits, n, words, 70, 0, 1, dist);
    bfsWordRange(pattern, bits, n, words, 70, 1, 3, dist);
    expect(dist).toEqual(multiSourceBfs(graph, sets, offsets));
  });
});
