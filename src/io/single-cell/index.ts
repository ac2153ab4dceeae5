/**
 * io/single-cell: single-cell expression files → cells × genes CSR
 * ================================================================
 * h5ad (AnnData ≥ 0.8), 10x MTX folders and dense CSV/TSV tables, all read into one
 * `SingleCellData` (single-cell-data.ts) with a report; the user's choice of cell columns
 * becomes index labels through `resolveCellAnnotation`. The h5ad openers are platform entry
 * points and are imported directly: `./h5ad-node` (CLI: a path) and `./h5ad-browser`
 * (worker: a File mounted with WORKERFS); both call `readH5adFile`.
 */
export * from './single-cell-data';
export {
  CsrRowBuilder,
  csrFromTriplets,
  summariseValues,
  MAX_NON_ZEROS,
  type BuiltMatrix,
} from './csr-builder';
export { mapMatrixGenes, type GeneMapping, type GeneMappingReport } from './gene-mapping';
export {
  readH5adFile,
  inspectH5adFile,
  checkHdf5Signature,
  H5AD_DEFAULTS,
  type H5wasmApi,
  type H5adOptions,
  type H5adMatrixChoice,
  type H5adInspection,
  type H5adMatrixInfo,
  type H5adObsColumnInfo,
} from './h5ad';
export {
  readTenx,
  matchTenxNames,
  type TenxFiles,
  type TenxNames,
  type TenxOptions,
  type NamedSource,
} from './mtx';
export {
  readDenseMatrix,
  detectOrientation,
  type DenseMatrixOptions,
  type DenseOrientation,
} from './dense-matrix';
export {
  readCellMetadata,
  resolveCellAnnotation,
  toLabels,
  columnFromText,
  MISSING_LABEL,
  CONDITION,
  type CellMetadata,
  type CellMetadataOptions,
  type CellAnnotation,
  type CellAnnotationChoice,
  type CellLabels,
} from './cell-metadata';
