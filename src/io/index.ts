/**
 * io: files → core types
 * ======================
 * Pure parsers that turn user files (File/Blob, bytes, byte streams or strings; gzip or not)
 * into Twinscreen's data: networks (CSR graphs), gene sets, drug targets and DEG tables, with a
 * report of what was read, kept, dropped and left unmapped. No fetch, no DOM: they run in a
 * web worker and in Node alike.
 */
export { ImportError, type ImportErrorData } from './import-error';
export {
  readLines,
  readLineBatches,
  READ_LINES_DEFAULTS,
  type ImportSource,
  type Line,
  type ReadLinesOptions,
} from './read-lines';
export {
  parseGeneTable,
  resolveGene,
  lookupGene,
  withProteinMap,
  proteinKey,
  PROTEIN_HINT,
  type GeneIndex,
  type GeneIndexReport,
  type GeneLevel,
  type GeneLookup,
} from './gene-index';
export {
  type ExcelDateIdentifier,
  type FileKind,
  type ImportOptions,
  type ImportReport,
} from './import-report';
export { parseExcelDate, preExcelSpellings, type ExcelDate } from './excel-dates';
export { importNetwork, importNetworkTable, type ImportedNetwork } from './import-network';
export {
  importGeneSets,
  importGeneSetsTable,
  type GeneSet,
  type ImportedGeneSets,
} from './import-gene-sets';
export {
  importDrugTargets,
  importDrugTargetsTable,
  type Drug,
  type DrugTarget,
  type ImportedDrugTargets,
} from './import-drug-targets';
export {
  findIndicationColumns,
  INDICATION_DRUG_COLUMNS,
  INDICATION_TEXT_COLUMNS,
  readIndicationRows,
  type IndicationColumns,
} from './import-indications';
export {
  importDegTable,
  importDegTableTable,
  type DegRow,
  type ImportedDegTable,
} from './import-deg-table';
export {
  detectFileKind,
  importAuto,
  type ImportAutoOptions,
  type ImportedFile,
} from './import-auto';
export { openTable, type Table } from './read-table';
