/**
 * Node loader for the bundled interactomes and the engine fixture (fs + zlib), cached per file.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { CsrGraph } from '@/core/graph/csr';
import { bfsBall, parseInteractome, type Interactome } from './interactome';
import type { EngineFixture } from './fixture-graphs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const cache = new Map<string, Interactome>();

export type InteractomeName = 'menche2015' | 'dovalle2021';

export function loadInteractome(name: InteractomeName): Interactome {
  let result = cache.get(name);
  if (!result) {
    const text = gunzipSync(readFileSync(`${ROOT}public/data/interactome_${name}.tsv.gz`)).toString(
      'utf8',
    );
    result = parseInteractome(text);
    cache.set(name, result);
  }
  return result;
}

/** test/fixtures/engine/menche-subgraph.json (written by scripts/fixtures/engine_fixtures.py). */
export function loadEngineFixture(): EngineFixture {
  return JSON.parse(
    readFileSync(`${ROOT}test/fixtures/engine/menche-subgraph.json`, 'utf8'),
  ) as EngineFixture;
}

/** `size` nodes of the Menche interactome around IL6 (3569), built on first call and kept. */
export function lazyMencheBall(size: number): () => CsrGraph {
  let ball: CsrGraph | null = null;
  return () => {
    if (!ball) {
      const menche = loadInteractome('menche2015');
      ball = bfsBall(menche.graph, menche.index.get('3569')!, size);
    }
    return ball;
  };
}
