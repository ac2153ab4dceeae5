import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModuleResult } from '@/app/analysis-types';
import { MODULE_EXPORT_FORMAT, moduleExportFileName, moduleExportJson } from '@/app/module-export';

const RESULT = {
  provenance: {
    method: 'diamond',
    methodName: 'DIAMOnD',
    nullModel: 'uniform',
    nullDescription: 'uniform: random nodes regardless of degree',
    randomSets: 100,
    seed: 1,
    minBinSize: 100,
    diamond: { iterations: 1, alpha: 1, mode: 'paper' },
    rwr: null,
    network: { id: 'n', name: 'Menche 2015 interactome', fileName: 'i.tsv.gz', origin: 'demo' },
    geneSet: { id: 's', name: 'Arthritis, Rheumatoid (RA)', outsideNetwork: ['X'], outsideLcc: [] },
    startedAt: '2025-01-01T00:00:00.000Z',
    durationMs: 12,
  },
  lcc: {
    size: 1,
    setSize: 2,
    z: NaN,
    pValue: 1,
    nullMean: 1,
    nullSd: 0,
    nullSizes: Uint32Array.of(1, 1, 1),
    members: ['A'],
  },
  module: { description: 'test', size: 2 },
  genes: [
    {
      symbol: 'A',
      entrezId: '1',
      viewIndex: 4,
      kind: 'disease',
      degree: 1,
      betweenness: 0,
      closeness: 1,
      eigenvector: 1,
      pagerank: 0.5,
    },
  ],
  diamond: {
    exhausted: false,
    rows: [{ rank: 1, symbol: 'B', entrezId: '2', viewIndex: 7, k: 3, ks: 1, p: 1e-4 }],
  },
  rwr: null,
  view: {},
} as unknown as ModuleResult;

describe('module export', () => {
  const parsed = JSON.parse(moduleExportJson(RESULT));

  it('carries the provenance: method, null, R, seed, network and gene set', () => {
    expect(parsed.format).toBe(MODULE_EXPORT_FORMAT);
    expect(parsed.provenance).toMatchObject({
      method: 'diamond',
      nullModel: 'uniform',
      randomSets: 100,
      seed: 1,
      network: { name: 'Menche 2015 interactome' },
      geneSet: { name: 'Arthritis, Rheumatoid (RA)', outsideNetwork: ['X'] },
    });
  });

  it('names the app version and every bundled data file with its SHA-256', () => {
    const root = new URL('../../', import.meta.url);
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    expect(parsed.software).toMatchObject({ app: 'twinscreen', version: pkg.version });
    const files = parsed.software.bundledData as { file: string; bytes: number; sha256: string }[];
    for (const name of ['interactome_menche2015.tsv.gz', 'genes.tsv.gz']) {
      const bytes = readFileSync(new URL(`public/data/${name}`, root));
      expect(files.find((entry) => entry.file === `data/${name}`)).toEqual({
        file: `data/${name}`,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
  });

  it('writes typed arrays as arrays and an undefined z as null', () => {
    expect(parsed.lccSignificance.nullSizes).toEqual([1, 1, 1]);
    expect(parsed.lccSignificance.z).toBeNull();
    expect(parsed.lccSignificance.nullSd).toBe(0);
  });

  it('leaves out the drawing positions of rows', () => {
    expect(parsed.genes[0]).not.toHaveProperty('viewIndex');
    expect(parsed.diamond.added).toEqual([
      { rank: 1, symbol: 'B', entrezId: '2', k: 3, ks: 1, p: 1e-4 },
    ]);
    expect(parsed).not.toHaveProperty('view');
  });

  it('records where an RWR null ran: backend, reason, float32 tolerance', () => {
    const nullEngine = {
      backend: 'cpu',
      reason: 'WebGPU device lost (destroyed): continuing on the CPU engine (2 threads)',
      precision: 'float32',
      tolerance: 5e-8,
      maxIterations: 100,
      unconvergedDraws: 0,
    };
    const rwr = {
      ...RESULT,
      provenance: {
        ...RESULT.provenance,
        method: 'rwr',
        diamond: null,
        rwr: { restart: 0.15, tolerance: 1e-10, weighted: false, nullEngine },
      },
      diamond: null,
      rwr: { rows: [], converged: true, walkIterations: 40 },
    } as unknown as ModuleResult;
    const exported = JSON.parse(moduleExportJson(rwr));
    expect(exported.provenance.rwr.nullEngine).toEqual(nullEngine);
    expect(exported.rwr).toEqual({ converged: true, walkIterations: 40, top: [] });
  });

  it('names the file after gene set, method, R and seed', () => {
    expect(moduleExportFileName(RESULT)).toBe(
      'twinscreen-module_arthritis-rheumatoid-ra_diamond_R100_seed1.json',
    );
  });
});
