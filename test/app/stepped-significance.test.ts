// The stepped loops must give exactly what the core's one-call functions give for the same
// seed, however often they pause: the core functions are the specification (and are checked
// against networkx and published values in test/core).
import { describe, expect, it } from 'vitest';
import { createStepper } from '@/app/stepped-loop';
import { lccSignificanceStepped, runInSteps } from '@/app/stepped-significance';
import { largestConnectedComponent } from '@/core/graph/connected-components';
import { lccSignificance } from '@/core/module/lcc-significance';
import {
  createPropagationSignificanceRun,
  propagationSignificance,
} from '@/core/propagation/propagation-significance';
import type { NullModel } from '@/core/random/random-node-sets';
import { randomGraph } from '../fixtures/core/graphs';
import { loadMencheDiseaseGenes, loadMencheInteractome } from '../helpers/load-public-data';

const NULLS: NullModel[] = ['degree-scdrugprio', 'degree-guney', 'uniform'];

/** Pauses after every iteration, yielding nothing: the worst case for the stream. */
const everyStep = (progress?: number[]) =>
  createStepper({
    budgetMs: 0,
    yieldToEventLoop: async () => undefined,
    onProgress: (done) => progress?.push(done),
  });

function raOnMencheLcc() {
  const interactome = loadMencheInteractome();
  const lcc = largestConnectedComponent(interactome.graph);
  const seeds = (loadMencheDiseaseGenes().get('arthritis, rheumatoid') ?? [])
    .map((entrez) => interactome.indexOf.get(entrez))
    .filter((node): node is number => node !== undefined && lcc.localOf[node] >= 0)
    .map((node) => lcc.localOf[node]);
  return { graph: lcc.graph, seeds };
}

describe('lccSignificanceStepped', () => {
  const { graph, seeds } = raOnMencheLcc();

  it.each(NULLS)('equals core lccSignificance on RA / Menche LCC (%s null)', async (nullModel) => {
    const options = { iterations: 300, seed: 7, nullModel };
    const progress: number[] = [];
    const stepped = await lccSignificanceStepped(graph, seeds, options, everyStep(progress));
    const core = lccSignificance(graph, seeds, options);
    expect(stepped).toEqual(core);
    expect(stepped.size).toBe(9); // networkx: test/fixtures/app/disease-view-counts.json
    expect(progress).toHaveLength(300);
    expect(progress.at(-1)).toBe(300);
  });

  it('stops at the next pause once cancelled', async () => {
    const controller = new AbortController();
    let pauses = 0;
    const stepper = createStepper({
      signal: controller.signal,
      budgetMs: 0,
      yieldToEventLoop: async () => {
        if (++pauses === 5)
          controller.abort(new DOMException('Cancelled by the user', 'AbortError'));
      },
    });
    await expect(
      lccSignificanceStepped(graph, seeds, { iterations: 100_000 }, stepper),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(pauses).toBe(5);
  });
});

describe('runInSteps on the core propagation run', () => {
  it.each(NULLS)(
    'equals core propagationSignificance on a random graph (%s null)',
    async (nullModel) => {
      const graph = randomGraph(300, 900, 11);
      const seeds = [3, 17, 40, 41, 99, 150, 201];
      const options = { iterations: 40, seed: 3, nullModel, restart: 0.2, minBinSize: 20 };
      const progress: number[] = [];
      const run = createPropagationSignificanceRun(graph, seeds, options);
      const stepped = await runInSteps(run, everyStep(progress));
      const core = propagationSignificance(graph, seeds, { ...options, method: 'random-walk' });
      expect(stepped).toEqual(core);
      expect(progress).toEqual(Array.from({ length: 40 }, (_, k) => k + 1));
    },
  );

  it('gives the plain result without a stepper', async () => {
    const graph = randomGraph(100, 300, 2);
    const options = { iterations: 15, seed: 9, minBinSize: 10 };
    const run = createPropagationSignificanceRun(graph, [1, 2, 3], options);
    expect(await runInSteps(run)).toEqual(propagationSignificance(graph, [1, 2, 3], options));
  });
});
