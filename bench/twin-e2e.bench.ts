/**
 * Benchmark: the Kang twin end to end (issue 11 item 10)
 * ======================================================
 * `npm run bench -- twin-e2e [-- --copies=N]`. Measured in one process, after the inputs are
 * read (reading is timed separately):
 *
 * 1. one twin: DE of the 6 Kang cell types (STIM vs CTRL) → DEG selection → 6 modules with
 *    their LCC significance (R = 1000) → 6 proximity screens of all DrugCentral entries
 *    (R = 1000 draws each) → twin ranking. Target ≤ 10 s.
 * 2. copies: N bootstrap copies (default 100; `--copies=N` measures fewer and extrapolates
 *    linearly), each recomputing all of 1. Target ≤ 120 s for 100.
 * Baseline in the same run: one `screenDrugs` call (the existing single-module screen,
 * proximity, R = 1000) on the largest cell type's DEGs, i.e. what a twin of one cell type costs.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { screenDrugs } from '../src/core/screen/drug-screen';
import { buildTwin, prepareTwinBase } from '../src/core/twin/cell-type-twin';
import { degRowsOfComparisons, twinCopies } from '../src/core/twin/twin-copies';
import { twinDifferentialExpression } from '../src/core/twin/twin-de';
import { groupCells, NO_LABEL } from '../src/core/expression/cell-groups';
import {
  logNormalize,
  sparseExpressionFromCellMajor,
} from '../src/core/expression/sparse-expression';
import { importDrugTargets, importNetwork, parseGeneTable } from '../src/io';
import { CONDITION, readTenx, resolveCellAnnotation } from '../src/io/single-cell';
import { openAsBlob } from 'node:fs';

const root = fileURLToPath(new URL('../', import.meta.url));
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const arg = (name: string, fallback: number): number => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};

export async function run(): Promise<void> {
  const copies = arg('copies', 100);
  const t0 = performance.now();
  const blob = (path: string) => openAsBlob(root + path);
  const geneIndex = await parseGeneTable(await blob('public/data/genes.tsv.gz'), 'genes.tsv.gz');
  const dir = 'public/data/scrna_kang2018_ifnb1k/';
  const named = async (name: string) => ({ source: await blob(dir + name), fileName: name });
  const data = await readTenx(
    {
      matrix: await named('matrix.mtx.gz'),
      features: await named('features.tsv.gz'),
      barcodes: await named('barcodes.tsv.gz'),
      cells: await named('cells.tsv.gz'),
    },
    { geneIndex },
  );
  const network = await importNetwork(
    await blob('public/data/interactome_menche2015.tsv.gz'),
    'interactome_menche2015.tsv.gz',
    geneIndex,
  );
  const drugs = await importDrugTargets(
    await blob('public/data/drug_targets_drugcentral.tsv.gz'),
    'drug_targets_drugcentral.tsv.gz',
    geneIndex,
  );
  const readMs = performance.now() - t0;

  const t1 = performance.now();
  const annotation = resolveCellAnnotation(
    data,
    {
      cellType: 'seurat_annotations',
      condition: 'stim',
      caseValues: ['STIM'],
      controlValues: ['CTRL'],
    },
    'kang',
  );
  const m = data.matrix;
  const expression = logNormalize(
    sparseExpressionFromCellMajor({
      cellCount: m.cellCount,
      geneCount: m.geneCount,
      rowOffsets: m.rowOffsets,
      genes: m.columnIndices,
      values: m.values,
    }),
  );
  const groups = groupCells({
    cellType: annotation.cellType.labels,
    condition: Uint32Array.from(annotation.condition, (c) =>
      c === CONDITION.case ? 1 : c === CONDITION.control ? 0 : NO_LABEL,
    ),
    caseCondition: 1,
    controlCondition: 0,
  });
  const screenNetwork = {
    graph: network.graph,
    nodeIds: network.nodeIds,
    entrezIds: network.entrezIds,
  };
  const drugInput = { drugs: drugs.drugs };
  const base = prepareTwinBase({ network: screenNetwork, drugs: drugInput });
  const prepMs = performance.now() - t1;

  const genes = data.geneNames.map((gene, g) => ({ gene, entrez: data.geneEntrez?.[g] ?? null }));
  const twinData = {
    expression,
    groups,
    cellTypeNames: annotation.cellType.names,
    genes,
    de: { minPct: 0.1, minCells: 3 },
    selection: { maxQ: 0.05, maxDegs: 1800 },
  };
  const options = { iterations: 1000, seed: 1 };
  const t2 = performance.now();
  const comparisons = twinDifferentialExpression(expression, groups, twinData.de);
  const deMs = performance.now() - t2;
  const cellTypes = degRowsOfComparisons(comparisons, twinData);
  const twin = buildTwin({ network: screenNetwork, drugs: drugInput, cellTypes }, options, base);
  const twinMs = performance.now() - t2;

  const largest = cellTypes.reduce((a, b) => (b.degs.length > a.degs.length ? b : a));
  const t3 = performance.now();
  screenDrugs(
    {
      network: screenNetwork,
      module: { name: largest.name, genes: largest.degs },
      drugs: drugInput,
      degs: { rows: largest.degs },
    },
    {
      methods: ['proximity'],
      iterations: 1000,
      seed: 1,
      degGroup: largest.name,
      maxQ: 1,
      combinationsTopK: 0,
    },
  );
  const oneScreenMs = performance.now() - t3;

  const t4 = performance.now();
  twinCopies(twinData, { network: screenNetwork, drugs: drugInput }, options, base, {
    copies,
    seed: 1,
  });
  const copiesMs = performance.now() - t4;
  const per100 = (copiesMs / copies) * 100;

  console.log(
    `machine load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(`read inputs (gene table, Kang MTX, Menche, DrugCentral): ${seconds(readMs)}`);
  console.log(`prepare (normalise, groups, LCC, drug library): ${seconds(prepMs)}`);
  console.log(
    `one twin: ${seconds(twinMs)} (DE ${seconds(deMs)}; ${twin.cellTypes.length} cell types, ` +
      `${base.library.entries.length} entries × R = 1000) — target ≤ 10 s`,
  );
  console.log(
    `baseline, one single-module screen (${largest.name}, ${largest.degs.length} DEGs, proximity, R = 1000): ${seconds(oneScreenMs)}`,
  );
  console.log(
    `${copies} copies: ${seconds(copiesMs)} (${seconds(copiesMs / copies)} per copy; 100 copies ≈ ${seconds(per100)}) — target ≤ 120 s`,
  );
}
