import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '@/core/graph/csr';
import { multiSourceBfs } from '@/core/engine/multi-source-bfs';
import { fixtureGraph, fixtureSignedGraph, toCsrLists } from '../../engine/fixture-graphs';
import { loadEngineFixture } from '../../engine/interactome-node';

const path = (n: number) => {
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i + 1 < n; i++) {
    from.push(i, i + 1);
    to.push(i + 1, i);
  }
  return csrFromEdges(n, Uint32Array.from(from), Uint32Array.from(to));
};

describe('multiSourceBfs (reference)', () => {
  it('gives hop distances to the nearest source on a path, one column per set', () => {
    // path 0–1–2–3–4 plus isolated node 5; sets {0}, {1, 4}, {}
    const g = csrFromEdges(
      6,
      Uint32Array.of(0, 1, 1, 2, 2, 3, 3, 4),
      Uint32Array.of(1, 0, 2, 1, 3, 2, 4, 3),
    );
    const d = multiSourceBfs(g, Uint32Array.of(0, 1, 4), Uint32Array.of(0, 1, 3, 3));
    const column = (b: number) => [0, 1, 2, 3, 4, 5].map((v) => d[v * 3 + b]);
    expect(column(0)).toEqual([0, 1, 2, 3, 4, 255]);
    expect(column(1)).toEqual([1, 0, 1, 1, 0, 255]);
    expect(column(2)).toEqual([255, 255, 255, 255, 255, 255]);
  });

  it('follows edge direction', () => {
    const g = csrFromEdges(3, Uint32Array.of(0, 1), Uint32Array.of(1, 2)); // 0 → 1 → 2
    expect([...multiSourceBfs(g, Uint32Array.of(1), Uint32Array.of(0, 1))]).toEqual([255, 0, 1]);
  });

  it('reports nodes beyond distance 254 as unreachable', () => {
    const d = multiSourceBfs(path(300), Uint32Array.of(0), Uint32Array.of(0, 1));
    expect(d[254]).toBe(254);
    expect(d[255]).toBe(255);
    expect(d[299]).toBe(255);
  });

  it('matches scipy shortest paths on the Menche subgraph (undirected and directed)', () => {
    const fixture = loadEngineFixture();
    const { offsets, members } = toCsrLists(fixture.bfs.sets);
    const d = multiSourceBfs(fixtureGraph(fixture), members, offsets);
    expect([...d]).toEqual(fixture.bfs.expected.flat());
    const directed = multiSourceBfs(
      fixtureSignedGraph(fixture),
      Uint32Array.from(fixture.bfs.directedSources),
      Uint32Array.of(0, fixture.bfs.directedSources.length),
    );
    expect([...directed]).toEqual(fixture.bfs.expectedDirected);
  });

  it('validates the sets', () => {
    const g = path(3);
    expect(() => multiSourceBfs(g, Uint32Array.of(3), Uint32Array.of(0, 1))).toThrow(
      /sets\[0\] = 3/,
    );
    expect(() => multiSourceBfs(g, Uint32Array.of(0), Uint32Array.of(0, 2))).toThrow(/end at/);
  });
});
