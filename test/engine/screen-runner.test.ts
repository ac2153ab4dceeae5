/**
 * The engine runner gives the core reference's numbers: proximity and rwr bit-identical (BFS
 * distances are integers; rwr is the same float64 code), the cure within float32 rounding.
 * CPU engine on one thread and on a 2-thread pool; WebGPU (Node Dawn, SwiftShader) when an
 * adapter exists.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  screenDrugs,
  type ScreenInput,
  type ScreenOptions,
  type ScreenResult,
} from '@/core/screen/drug-screen';
import { cpuInfo } from './backend-info';
import { terminateSharedPools } from '@/engine/cpu-engine';
import { createEngine } from '@/engine/engine';
import { runScreen, type ScreenStage } from '@/engine/screen-runner';
import type { BackendInfo } from '@/gpu/backend';
import { requestEngineAdapter } from '@/gpu/gpu-device';
import {
  loadDrugCentralDrugs,
  loadMencheScreenInputs,
  loadSarDegs,
  loadSignedNetwork,
} from '../core/screen/screen-data';
import { TOY_INPUT, TOY_OPTIONS } from '../core/screen/toy-screen';

const gpuInfo: BackendInfo = {
  engine: 'webgpu',
  tfjsBackend: 'webgpu',
  adapter: null,
  threads: 1,
  reason: 'test: forced WebGPU',
};
const hasGpu = (await requestEngineAdapter()) !== null;

afterAll(() => terminateSharedPools());

function realInput(): ScreenInput {
  const signed = loadSignedNetwork();
  return {
    ...loadMencheScreenInputs(),
    drugs: { drugs: loadDrugCentralDrugs().slice(0, 120) },
    degs: { rows: loadSarDegs() },
    signedNetwork: { graph: signed.graph, nodeIds: signed.nodeIds, entrezIds: signed.entrezIds },
  };
}
const realOptions: Partial<ScreenOptions> = {
  iterations: 96,
  degGroup: 'Monocytes',
  cure: { signatureScope: 'all-degs', activations: ['linear'] },
  combinationsTopK: 10,
};

function expectSameScreen(engine: ScreenResult, core: ScreenResult): void {
  expect(engine.drugs.map((d) => d.entry)).toEqual(core.drugs.map((d) => d.entry));
  let cured = 0;
  engine.drugs.forEach((row, i) => {
    const reference = core.drugs[i];
    expect(row.proximity).toEqual(reference.proximity);
    expect(row.rwr).toEqual(reference.rwr);
    expect(row.counteraction).toEqual(reference.counteraction);
    expect(row.explanation.targets).toEqual(reference.explanation.targets);
    if (reference.cure === null) {
      expect(row.cure).toBeNull();
      return;
    }
    cured++;
    expect(row.cure?.moved).toBe(reference.cure.moved);
    expect(row.cure?.reversed).toBe(reference.cure.reversed);
    expect(row.cure?.cureScore).toBe(reference.cure.cureScore);
    if (Number.isNaN(reference.cure.spearman)) expect(row.cure?.spearman).toBeNaN();
    else expect(row.cure?.spearman).toBeCloseTo(reference.cure.spearman, 4);
  });
  expect(engine.combinations).toEqual(core.combinations);
  expect(cured).toBeGreaterThan(0);
}

describe('runScreen on the CPU engine', () => {
  it('matches screenDrugs on the toy screen, and reports stages and progress', async () => {
    const stages: ScreenStage[] = [];
    let last = [0, 0];
    const result = await runScreen(
      TOY_INPUT,
      TOY_OPTIONS,
      { backend: cpuInfo(1), bfsBatchColumns: 70, cureBatchColumns: 3 },
      {
        onStage: (stage) => stages.push(stage),
        onProgress: (done, total) => (last = [done, total]),
      },
    );
    expectSameScreen(result, screenDrugs(TOY_INPUT, TOY_OPTIONS));
    expect(stages).toEqual(['prepare', 'proximity', 'rwr', 'cure', 'assemble']);
    expect(last).toEqual([400 + 4 * 2, 400 + 4 * 2]);
    expect(result.provenance.engine).toMatch(/^engine \(cpu/);
  });

  it.each(['shared', 'guney'] as const)(
    'matches screenDrugs on real data (%s sampling, 2-thread pool)',
    async (sampling) => {
      const input = realInput();
      const options = { ...realOptions, sampling };
      const result = await runScreen(input, options, {
        backend: cpuInfo(2),
        engine: { cpu: { minParallelWork: 0, maxSetsPerChunk: 64 } },
        bfsBatchColumns: 40,
      });
      expectSameScreen(result, screenDrugs(input, options));
    },
  );

  it('stops with the abort reason', async () => {
    const controller = new AbortController();
    const run = runScreen(
      TOY_INPUT,
      TOY_OPTIONS,
      { backend: cpuInfo(1), bfsBatchColumns: 8 },
      {
        signal: controller.signal,
        onProgress: (done) => {
          if (done >= 16) controller.abort(new Error('stop here'));
        },
      },
    );
    await expect(run).rejects.toThrow('stop here');
  });

  it('uses the engine it is given', async () => {
    let built = 0;
    await runScreen(
      TOY_INPUT,
      { ...TOY_OPTIONS, methods: ['proximity'] },
      {
        backend: cpuInfo(1),
        createEngine: (graph) => {
          built++;
          return createEngine(cpuInfo(1), graph);
        },
      },
    );
    expect(built).toBe(1);
  });
});

describe.skipIf(!hasGpu)('runScreen on WebGPU (Node Dawn, software adapter)', () => {
  it('matches screenDrugs on the toy screen and on real data', async () => {
    const toy = await runScreen(TOY_INPUT, TOY_OPTIONS, { backend: gpuInfo });
    expect(toy.provenance.engine).toMatch(/^engine \(webgpu/);
    expectSameScreen(toy, screenDrugs(TOY_INPUT, TOY_OPTIONS));
    const input = realInput();
    const options = { ...realOptions, iterations: 64 };
    expectSameScreen(
      await runScreen(input, options, { backend: gpuInfo }),
      screenDrugs(input, options),
    );
  });
});
