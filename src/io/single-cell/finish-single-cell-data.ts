/**
 * The last step every single-cell reader shares
 * =============================================
 * Checks the values (no negative, NaN or infinite value; raw counts detected), maps the genes
 * through the gene table when one is given, counts the groups of each cell column, and writes
 * the report.
 */
import { ImportError } from '../import-error';
import type { GeneIndex } from '../gene-index';
import { describeInvalidValue, summariseValues, type BuiltMatrix } from './csr-builder';
import { mapMatrixGenes } from './gene-mapping';
import {
  describeValues,
  summariseColumns,
  type CellColumn,
  type MatrixSource,
  type SingleCellData,
  type SingleCellFormat,
} from './single-cell-data';

export interface SingleCellParts {
  fileName: string;
  /** The file named in an error about a stored value (the matrix file). */
  matrixFileName: string;
  format: SingleCellFormat;
  matrixSource: MatrixSource;
  built: BuiltMatrix;
  cellIds: string[];
  geneIds: string[];
  geneNames: string[];
  geneNameSource: string;
  cellColumns: CellColumn[];
  warnings: string[];
  geneIndex?: GeneIndex | null;
}

export function finishSingleCellData(parts: SingleCellParts): SingleCellData {
  const { matrix, duplicatesSummed } = parts.built;
  const values = summariseValues(matrix, ({ cell, gene, value }) => {
    throw new ImportError(
      parts.matrixFileName,
      null,
      `${parts.matrixSource} holds a ${describeInvalidValue(value)} for cell "${parts.cellIds[cell]}" ` +
        `(cell ${cell + 1}) and gene "${parts.geneNames[gene]}" (gene ${gene + 1})`,
      'raw counts (non-negative integers) or normalised expression (non-negative numbers); ' +
        'no negative, NaN or infinite values',
    );
  });
  const warnings = [...parts.warnings];
  if (duplicatesSummed > 0) {
    warnings.push(`${duplicatesSummed} repeated (cell, gene) entries were added up`);
  }
  const mapping = parts.geneIndex
    ? mapMatrixGenes(parts.geneNames, parts.geneIds, parts.geneIndex)
    : null;
  return {
    matrix,
    cellIds: parts.cellIds,
    geneIds: parts.geneIds,
    geneNames: parts.geneNames,
    cellColumns: parts.cellColumns,
    geneEntrez: mapping ? mapping.entrez : null,
    report: {
      fileName: parts.fileName,
      format: parts.format,
      matrixSource: parts.matrixSource,
      cells: matrix.cellCount,
      genes: matrix.geneCount,
      nonZeros: matrix.values.length,
      values,
      valueNote: describeValues(values),
      geneNameSource: parts.geneNameSource,
      groups: summariseColumns(parts.cellColumns),
      geneMapping: mapping ? mapping.report : null,
      duplicatesSummed,
      warnings,
    },
  };
}
