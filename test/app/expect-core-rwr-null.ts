// The module panel's RWR rows for rheumatoid arthritis on the whole Menche network checked against the
// float64 core (propagationSignificance on the same random seed sets): p exactly (the engine's
// float32 walks differ only at near ties, none among these genes at the R and seeds used), z to
// 1e−3 relative, and the score itself, which is the core's float64 walk.
import { expect } from 'vitest';
import type { RwrRow } from '@/app/analysis-types';
import type { LoadedNetwork } from '@/app/disease-view';
import { analysisGraph } from '@/app/module-analysis';
import { propagationSignificance } from '@/core/propagation/propagation-significance';
import diamondFixture from '../fixtures/core/diamond-ra.json';

export function expectCoreRwrNull(
  network: LoadedNetwork,
  rows: readonly RwrRow[],
  options: { iterations: number; seed: number; restart: number },
): void {
  const { graph, localOf: local, bins } = analysisGraph(network, 'network');
  const localOf = (entrez: string) => local[network.byEntrez.get(entrez)!];
  const core = propagationSignificance(graph, diamondFixture.seeds.map(localOf), {
    ...options,
    bins,
  });
  expect(rows).toHaveLength(50);
  for (const row of rows) {
    const v = localOf(row.entrezId);
    expect(row.score).toBe(core.scores[v]);
    expect(row.pValue).toBe(core.pValues[v]);
    expect(Math.abs(row.z - core.z[v])).toBeLessThan(1e-3 * (1 + Math.abs(core.z[v])));
  }
}
