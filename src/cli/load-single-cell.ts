/**
 * Single-cell input of the CLI: `--h5ad FILE` or `--mtx DIR [--cells FILE]`
 * =========================================================================
 * Reads the expression file(s) with src/io/single-cell, resolves the cell columns the user named
 * (`--cell-type`, `--condition` with `--case` / `--control` values, optional `--donor`), and
 * hands the core what it needs: the gene-major matrix, log-normalised when the file holds raw
 * counts (x = log1p(count / total · 10⁴), Seurat LogNormalize; already normalised values are
 * used as they are), and the (cell type, condition, donor) groups of cell-groups.ts. Every file
 * read is recorded in the output's provenance.
 */
import { existsSync, openAsBlob, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { groupCells, NO_LABEL, type TwinGroups } from '@/core/expression/cell-groups';
import {
  logNormalize,
  sparseExpressionFromCellMajor,
  type SparseExpression,
} from '@/core/expression/sparse-expression';
import {
  CONDITION,
  matchTenxNames,
  readTenx,
  resolveCellAnnotation,
  type CellAnnotation,
  type SingleCellData,
} from '@/io/single-cell';
import { readH5adPath } from '@/io/single-cell/h5ad-node';
import type { GeneIndex } from '@/io';
import { UsageError } from './cli-error';
import type { FlagSpec, ParsedFlags } from './parse-flags';
import { recordInput } from './provenance';

export const SINGLE_CELL_FLAGS: readonly FlagSpec[] = [
  {
    name: 'h5ad',
    kind: 'string',
    placeholder: 'FILE',
    help: 'AnnData file (layers/counts when present, else X; cell columns from obs)',
  },
  {
    name: 'mtx',
    kind: 'string',
    placeholder: 'DIR',
    help: '10x folder: matrix.mtx[.gz], features.tsv[.gz] (or genes.tsv), barcodes.tsv[.gz]',
  },
  {
    name: 'cells',
    kind: 'string',
    placeholder: 'FILE',
    help: 'cell table for --mtx (a barcode column plus the cell columns); default: a cells.tsv[.gz] in the folder',
  },
  {
    name: 'cell-type',
    kind: 'string',
    placeholder: 'COL',
    help: 'cell column with the cell type (cluster)',
  },
  {
    name: 'condition',
    kind: 'string',
    placeholder: 'COL',
    help: 'cell column with the condition (disease / control)',
  },
  {
    name: 'case',
    kind: 'string',
    placeholder: 'V[,V…]',
    help: 'value(s) of the condition column that mean case (disease, stimulated), comma-separated',
  },
  {
    name: 'control',
    kind: 'string',
    placeholder: 'V[,V…]',
    help: 'value(s) of the condition column that mean control, comma-separated',
  },
  {
    name: 'donor',
    kind: 'string',
    placeholder: 'COL',
    help: 'cell column with the donor (patient); groups and bootstrap strata become (cell type, condition, donor)',
  },
];

export interface LoadedSingleCell {
  /** The file(s) as written: the h5ad path, or the MTX folder. */
  readonly shownAs: string;
  readonly data: SingleCellData;
  readonly annotation: CellAnnotation;
  /** Gene-major, log-normalised when the file held raw counts. */
  readonly expression: SparseExpression;
  readonly normalisation: string;
  readonly groups: TwinGroups;
  readonly cellTypeNames: readonly string[];
  /** Donor names (['(all cells)'] without --donor). */
  readonly donorNames: readonly string[];
}

function requireFlag(flags: ParsedFlags, name: string, why: string): string {
  const value = flags.string(name);
  if (value === undefined || value === '') throw new UsageError(`--${name} COL is needed ${why}`);
  return value;
}

function checkedPath(flag: string, path: string, cwd: string, kind: 'file' | 'folder'): string {
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute)) throw new UsageError(`--${flag}: no such ${kind}: ${path}`);
  const isFolder = statSync(absolute).isDirectory();
  if (kind === 'folder' && !isFolder) throw new UsageError(`--${flag}: not a folder: ${path}`);
  if (kind === 'file' && isFolder) throw new UsageError(`--${flag}: not a file: ${path}`);
  return absolute;
}

/** Whether the command line names a single-cell input (--h5ad or --mtx). */
export function hasSingleCellInput(flags: ParsedFlags): boolean {
  return flags.given('h5ad') || flags.given('mtx');
}

/** Reads the single-cell input and resolves the cell columns (see the header). */
export async function loadSingleCell(
  flags: ParsedFlags,
  cwd: string,
  geneIndex: GeneIndex | null,
): Promise<LoadedSingleCell> {
  const h5ad = flags.string('h5ad');
  const mtx = flags.string('mtx');
  if ((h5ad === undefined) === (mtx === undefined)) {
    throw new UsageError('give exactly one of --h5ad FILE or --mtx DIR');
  }
  if (h5ad !== undefined && flags.given('cells')) {
    throw new UsageError('--cells goes with --mtx (an h5ad file has its cell columns in obs)');
  }
  const why = 'to group the cells';
  const cellType = requireFlag(flags, 'cell-type', why);
  const condition = requireFlag(flags, 'condition', why);
  const valuesOf = (name: string): string[] =>
    (flags.string(name) ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter((value) => value !== '');
  const caseValues = valuesOf('case');
  const controlValues = valuesOf('control');
  if (caseValues.length === 0) throw new UsageError('--case V is needed (the case condition)');
  if (controlValues.length === 0) {
    throw new UsageError('--control V is needed (the control condition)');
  }

  let data: SingleCellData;
  let shownAs: string;
  if (h5ad !== undefined) {
    const path = checkedPath('h5ad', h5ad, cwd, 'file');
    recordInput('h5ad', path, h5ad);
    data = await readH5adPath(path, { fileName: basename(h5ad), geneIndex });
    shownAs = h5ad;
  } else {
    const folder = checkedPath('mtx', mtx as string, cwd, 'folder');
    const names = matchTenxNames(readdirSync(folder), mtx as string);
    const open = async (role: string, path: string, shown: string) => {
      recordInput(role, path, shown);
      return { source: await openAsBlob(path), fileName: basename(path) };
    };
    const inFolder = (name: string) => join(mtx as string, name);
    const cellsFlag = flags.string('cells');
    const cellsPath =
      cellsFlag !== undefined
        ? { path: checkedPath('cells', cellsFlag, cwd, 'file'), shown: cellsFlag }
        : names.cells
          ? { path: join(folder, names.cells), shown: inFolder(names.cells) }
          : null;
    if (cellsPath === null) {
      throw new UsageError(
        `--mtx ${mtx}: no cells.tsv[.gz] in the folder; give --cells FILE (barcode plus cell columns)`,
      );
    }
    data = await readTenx(
      {
        matrix: await open('mtx', join(folder, names.matrix), inFolder(names.matrix)),
        features: await open('mtx', join(folder, names.features), inFolder(names.features)),
        barcodes: await open('mtx', join(folder, names.barcodes), inFolder(names.barcodes)),
        cells: await open('cells', cellsPath.path, cellsPath.shown),
      },
      { geneIndex },
    );
    shownAs = mtx as string;
  }

  const annotation = resolveCellAnnotation(
    data,
    { cellType, condition, caseValues, controlValues, donor: flags.string('donor') ?? null },
    shownAs,
  );
  const m = data.matrix;
  const counts = sparseExpressionFromCellMajor(
    {
      cellCount: m.cellCount,
      geneCount: m.geneCount,
      rowOffsets: m.rowOffsets,
      genes: m.columnIndices,
      values: m.values,
    },
    'float64',
  );
  const isRaw = data.report.values.isRawCounts;
  const expression = isRaw ? logNormalize(counts) : counts;
  const conditionLabel = Uint32Array.from(annotation.condition, (role) =>
    role === CONDITION.case ? 1 : role === CONDITION.control ? 0 : NO_LABEL,
  );
  const groups = groupCells({
    cellType: annotation.cellType.labels,
    condition: conditionLabel,
    donor: annotation.donor?.labels,
    caseCondition: 1,
    controlCondition: 0,
  });
  return {
    shownAs,
    data,
    annotation,
    expression,
    normalisation: isRaw
      ? 'raw counts → log1p(count / total count of the cell · 10⁴) (Seurat LogNormalize)'
      : 'values used as stored (not raw counts)',
    groups,
    cellTypeNames: annotation.cellType.names,
    donorNames: annotation.donor?.names ?? ['(all cells)'],
  };
}
