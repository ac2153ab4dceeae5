/**
 * Session state: the choices and results kept with the inputs
 * ===========================================================
 * What `SessionPersistence` stores beside the imported files, and what a session file's
 * `results/state.json` holds (`stateVersion` 1):
 * - `choices`: backend preference, the active network and the gene set shown (by reference:
 *   origin, file name and name, since the worker numbers ids in import order), the module
 *   options, the node selected, and the screen panel (open, tab, form, table sort, filter,
 *   page, drug chosen), drug and DEG tables by file name;
 * - `results`: the disease view drawn, the module result and the screen run, as the worker
 *   returned them (typed arrays kept), so restoring shows the same numbers without recomputing.
 * `validateSessionState` checks a state from storage or from a stranger's file field by field
 * before anything changes; `remapIds` rewrites the workspace ids inside results when the
 * restoring workspace numbered the same files differently.
 */
import type {
  BackendPreference,
  DiseaseViewResult,
  ModuleOptions,
  ModuleResult,
  Origin,
} from '../analysis-types';
import { BACKEND_PREFERENCES } from '../analysis-types';
import { SAMPLING_NAMES, type ScreenForm } from '../screen-options';
import type { DrugFilter, DrugColumnKey, SortDirection } from '../screen-table';
import type { ScreenTab } from '../screen-session.svelte';
import type { ScreenRun } from '../screen-types';

export const STATE_VERSION = 1;

/** A network, gene set or table named by where it came from (stable across reloads). */
export interface WorkspaceRef {
  origin: Origin;
  fileName: string;
  name: string;
}

export interface ScreenChoices {
  open: boolean;
  tab: ScreenTab;
  /** The form, with `geneSetId` as a reference and the tables by reference. */
  form: Omit<ScreenForm, 'geneSetId' | 'drugTable' | 'degSource'> & {
    geneSet: WorkspaceRef | null;
    drugTable: WorkspaceRef | null;
    degSource: 'none' | 'bundled' | { fileName: string };
  };
  sortKey: DrugColumnKey;
  sortDirection: SortDirection;
  filter: DrugFilter;
  page: number;
  selectedEntry: number;
}

export interface SessionState {
  stateVersion: number;
  choices: {
    backendPreference: BackendPreference;
    network: WorkspaceRef | null;
    geneSet: WorkspaceRef | null;
    moduleOptions: ModuleOptions;
    selectedNode: number;
    screen: ScreenChoices;
  };
  results: {
    diseaseView: DiseaseViewResult | null;
    moduleResult: ModuleResult | null;
    screenRun: ScreenRun | null;
  };
  /** The workspace ids the results name, each with its reference (for `remapIds`). */
  ids: Record<string, WorkspaceRef>;
}

export class SessionStateError extends Error {
  override name = 'SessionStateError';
}

type Check = (value: unknown, where: string) => void;
const fail = (where: string, expected: string): never => {
  throw new SessionStateError(`${where}: expected ${expected}`);
};
const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  !ArrayBuffer.isView(value);
const record = (value: unknown, where: string): Record<string, unknown> =>
  isRecord(value) ? value : fail(where, 'an object');
const text: Check = (value, where) => void (typeof value === 'string' || fail(where, 'text'));
const num: Check = (value, where) => void (typeof value === 'number' || fail(where, 'a number'));
const bool: Check = (value, where) =>
  void (typeof value === 'boolean' || fail(where, 'true or false'));
const int: Check = (value, where) =>
  void (Number.isInteger(value) || fail(where, 'a whole number'));
const oneOf =
  (...options: readonly unknown[]): Check =>
  (value, where) =>
    void (options.includes(value) || fail(where, `one of ${options.map(String).join(', ')}`));
const nullable =
  (check: Check): Check =>
  (value, where) =>
    void (value === null || check(value, where));
const list =
  (check: Check, max = 10_000_000): Check =>
  (value, where) => {
    if (!Array.isArray(value) || value.length > max) fail(where, 'a list');
    (value as unknown[]).forEach((item, k) => check(item, `${where}[${k}]`));
  };
const shape =
  (fields: Record<string, Check>): Check =>
  (value, where) => {
    const object = record(value, where);
    for (const [key, check] of Object.entries(fields)) check(object[key], `${where}.${key}`);
  };
const typed =
  (
    Type: { prototype: object; name: string },
    length?: (parent: Record<string, unknown>) => number,
  ) =>
  (parent: Record<string, unknown>, key: string, where: string) => {
    const value = parent[key];
    if (!(value instanceof (Type as unknown as new () => object)))
      fail(`${where}.${key}`, `a ${Type.name}`);
    const expected = length?.(parent);
    if (expected !== undefined && (value as ArrayLike<number>).length !== expected) {
      fail(`${where}.${key}`, `${expected} values`);
    }
  };

const ref: Check = shape({ origin: oneOf('demo', 'imported'), fileName: text, name: text });

function checkView(value: unknown, where: string): void {
  const result = record(value, where);
  const view = record(result.view, `${where}.view`);
  int(view.nodeCount, `${where}.view.nodeCount`);
  int(view.edgeCount, `${where}.view.edgeCount`);
  const n = view.nodeCount as number;
  const m = view.edgeCount as number;
  const at = `${where}.view`;
  typed(Float32Array, () => 3 * n)(view, 'nodePositions', at);
  typed(Uint8ClampedArray, () => 4 * n)(view, 'nodeColors', at);
  typed(Float32Array, () => n)(view, 'nodeRadii', at);
  typed(Uint8Array, () => n)(view, 'nodeRoles', at);
  typed(Uint32Array, () => 2 * m)(view, 'edgeEndpoints', at);
  typed(Float32Array, () => 3 * m)(view, 'edgeSourcePositions', at);
  typed(Float32Array, () => 3 * m)(view, 'edgeTargetPositions', at);
  typed(Uint8ClampedArray, () => 4 * m)(view, 'edgeColors', at);
  typed(Float32Array, () => 4)(view, 'bounds', at);
  const endpoints = view.edgeEndpoints as Uint32Array;
  if (endpoints.some((node) => node >= n)) fail(`${at}.edgeEndpoints`, `node indices below ${n}`);
  typed(Uint32Array, () => n)(result, 'nodes', where);
  typed(Uint32Array, () => n)(result, 'degrees', where);
  typed(Uint32Array, () => n)(result, 'seedLinks', where);
  list(text, n)(result.labels, `${where}.labels`);
  list(text, n)(result.entrezIds, `${where}.entrezIds`);
  if ((result.labels as string[]).length !== n) fail(`${where}.labels`, `${n} labels`);
  if ((result.entrezIds as string[]).length !== n) fail(`${where}.entrezIds`, `${n} ids`);
  shape({ geneSetId: text, geneSetName: text, networkName: text, genesMissing: list(text) })(
    result.stats,
    `${where}.stats`,
  );
}

function checkModule(value: unknown, where: string): void {
  const result = record(value, where);
  checkView(result.view, `${where}.view`);
  const lcc = record(result.lcc, `${where}.lcc`);
  typed(Uint32Array)(lcc, 'nullSizes', `${where}.lcc`);
  list(text)(lcc.members, `${where}.lcc.members`);
  num(lcc.size, `${where}.lcc.size`);
  list(shape({ symbol: text, entrezId: text, viewIndex: int, kind: oneOf('disease', 'added') }))(
    result.genes,
    `${where}.genes`,
  );
  shape({ description: text, size: num })(result.module, `${where}.module`);
  const provenance = record(result.provenance, `${where}.provenance`);
  shape({ id: text, name: text, fileName: text })(
    provenance.network,
    `${where}.provenance.network`,
  );
  shape({ id: text, name: text, fileName: text })(
    provenance.geneSet,
    `${where}.provenance.geneSet`,
  );
  nullable(shape({ rows: list(shape({ symbol: text, viewIndex: int })), exhausted: bool }))(
    result.diamond,
    `${where}.diamond`,
  );
  nullable(shape({ rows: list(shape({ symbol: text, viewIndex: int })), converged: bool }))(
    result.rwr,
    `${where}.rwr`,
  );
}

function checkScreenRun(value: unknown, where: string): void {
  const run = record(value, where);
  text(run.id, `${where}.id`);
  shape({ id: text, name: text, fileName: text })(run.network, `${where}.network`);
  shape({ geneSetId: text, name: text, fileName: text })(run.module, `${where}.module`);
  const result = record(run.result, `${where}.result`);
  list(shape({ entry: int, drug: text, names: list(text), targets: list(text) }))(
    result.drugs,
    `${where}.result.drugs`,
  );
  list(shape({ entryA: int, entryB: int, sAB: num, isComplementary: bool }))(
    result.combinations,
    `${where}.result.combinations`,
  );
  list(text)(result.notes, `${where}.result.notes`);
  record(result.direction, `${where}.result.direction`);
  record(run.request, `${where}.request`);
}

const moduleOptions: Check = shape({
  method: oneOf('lcc', 'diamond', 'rwr'),
  graph: oneOf('network', 'lcc'),
  nullModel: oneOf('degree-scdrugprio', 'degree-guney', 'uniform'),
  randomSets: int,
  seed: int,
  diamondIterations: int,
  diamondAlpha: num,
  diamondMode: oneOf('paper', 'reference'),
  restart: num,
});

const screenChoices: Check = shape({
  open: bool,
  tab: oneOf('setup', 'drugs', 'validation'),
  form: shape({
    geneSet: nullable(ref),
    drugTable: nullable(ref),
    degSource: (value, where) =>
      void (value === 'none' || value === 'bundled' || shape({ fileName: text })(value, where)),
    methods: shape({ proximity: bool, rwr: bool, cure: bool }),
    degGroup: nullable(text),
    degDisease: text,
    indicationTerm: nullable(text),
    iterations: int,
    seed: int,
    sampling: oneOf(...Object.keys(SAMPLING_NAMES)),
  }),
  sortKey: text,
  sortDirection: oneOf('asc', 'desc'),
  filter: shape({ query: text, candidatesOnly: bool, knownOnly: bool, maxZ: nullable(num) }),
  page: int,
  selectedEntry: int,
});

/** Checks a state from storage or a session file; throws a SessionStateError naming the field. */
export function validateSessionState(value: unknown): SessionState {
  const state = record(value, 'state');
  if (state.stateVersion !== STATE_VERSION) {
    fail('state.stateVersion', `${STATE_VERSION} (this state has ${String(state.stateVersion)})`);
  }
  const choices = record(state.choices, 'state.choices');
  oneOf(...BACKEND_PREFERENCES)(choices.backendPreference, 'state.choices.backendPreference');
  nullable(ref)(choices.network, 'state.choices.network');
  nullable(ref)(choices.geneSet, 'state.choices.geneSet');
  moduleOptions(choices.moduleOptions, 'state.choices.moduleOptions');
  int(choices.selectedNode, 'state.choices.selectedNode');
  screenChoices(choices.screen, 'state.choices.screen');
  const results = record(state.results, 'state.results');
  nullable(checkView)(results.diseaseView, 'state.results.diseaseView');
  nullable(checkModule)(results.moduleResult, 'state.results.moduleResult');
  nullable(checkScreenRun)(results.screenRun, 'state.results.screenRun');
  const ids = record(state.ids, 'state.ids');
  for (const [id, target] of Object.entries(ids)) ref(target, `state.ids["${id}"]`);
  return state as unknown as SessionState;
}

const rename = (ids: ReadonlyMap<string, string>, id: string): string => ids.get(id) ?? id;

function remapView(view: DiseaseViewResult, ids: ReadonlyMap<string, string>): DiseaseViewResult {
  return { ...view, stats: { ...view.stats, geneSetId: rename(ids, view.stats.geneSetId) } };
}

/** The results with every workspace id renamed by `ids` (old id → id in this workspace). */
export function remapIds(
  results: SessionState['results'],
  ids: ReadonlyMap<string, string>,
): SessionState['results'] {
  const { diseaseView, moduleResult, screenRun } = results;
  return {
    diseaseView: diseaseView && remapView(diseaseView, ids),
    moduleResult: moduleResult && {
      ...moduleResult,
      view: remapView(moduleResult.view, ids),
      provenance: {
        ...moduleResult.provenance,
        network: {
          ...moduleResult.provenance.network,
          id: rename(ids, moduleResult.provenance.network.id),
        },
        geneSet: {
          ...moduleResult.provenance.geneSet,
          id: rename(ids, moduleResult.provenance.geneSet.id),
        },
      },
    },
    screenRun: screenRun && {
      ...screenRun,
      network: { ...screenRun.network, id: rename(ids, screenRun.network.id) },
      module: { ...screenRun.module, geneSetId: rename(ids, screenRun.module.geneSetId) },
      request: { ...screenRun.request, geneSetId: rename(ids, screenRun.request.geneSetId) },
    },
  };
}
