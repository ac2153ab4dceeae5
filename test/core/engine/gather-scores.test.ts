import { describe, expect, it } from 'vitest';
import { gatherScores } from '@/core/engine/gather-scores';
import { multiSourceBfs } from '@/core/engine/multi-source-bfs';
import { fixtureGraph, flatten, toCsrLists } from '../../engine/fixture-graphs';
import { loadEngineFixture } from '../../engine/interactome-node';

// 3 nodes × 2 columns: dist column 0 = (0, 2, 255), column 1 = (4, 1, 3)
const dist = Uint8Array.of(0, 4, 2, 1, 255, 3);

describe('gatherScores (reference)', () => {
  it('averages and minimises over fixed target lists, skipping unreachable targets', () => {
    // drug 0: {0, 1}; drug 1: {2}; drug 2: {1, 2, 2}
    const lists = {
      offsets: Uint32Array.of(0, 2, 3, 6),
      targets: Uint32Array.of(0, 1, 2, 1, 2, 2),
      perColumn: false,
    };
    const mean = gatherScores(dist, 3, 2, lists, 'mean');
    expect([...mean]).toEqual([1, 2.5, NaN, 3, 2, (1 + 3 + 3) / 3]);
    expect([...gatherScores(dist, 3, 2, lists, 'min')]).toEqual([0, 1, NaN, 3, 2, 1]);
  });

  it('reads one draw per column in the slot-major layout', () => {
    // one drug with 2 slots; column 0 draws {0, 1}, column 1 draws {2, 2}: targets[k·B + c]
    const lists = {
      offsets: Uint32Array.of(0, 2),
      targets: Uint32Array.of(0, 2, 1, 2),
      perColumn: true,
    };
    expect([...gatherScores(dist, 3, 2, lists)]).toEqual([1, 3]);
  });

  it('matches the fixture gathers over scipy BFS distances', () => {
    const fixture = loadEngineFixture();
    const sets = toCsrLists(fixture.bfs.sets.slice(0, 3));
    const d = multiSourceBfs(fixtureGraph(fixture), sets.members, sets.offsets);
    const drugs = toCsrLists(fixture.drugs.targets);
    const lists = { offsets: drugs.offsets, targets: drugs.members, perColumn: false };
    expect([...gatherScores(d, fixture.nodes.length, 3, lists, 'mean')]).toEqual([
      ...flatten(fixture.drugs.gatherMean),
    ]);
    expect([...gatherScores(d, fixture.nodes.length, 3, lists, 'min')]).toEqual([
      ...flatten(fixture.drugs.gatherMin),
    ]);
  });

  it('validates the target lists', () => {
    const bad = { offsets: Uint32Array.of(0, 2), targets: Uint32Array.of(0), perColumn: false };
    expect(() => gatherScores(dist, 3, 2, bad)).toThrow(/expected 2 targets/);
    const slotMajor = {
      offsets: Uint32Array.of(0, 1),
      targets: Uint32Array.of(0),
      perColumn: true,
    };
    expect(() => gatherScores(dist, 3, 2, slotMajor)).toThrow(/1 slots × 2 columns/);
  });
});
