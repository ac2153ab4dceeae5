// The single-cell malformed corpus (scripts/fixtures/gen_h5ad_fixtures.py → malformed/): every
// bad file fails with an ImportError whose message names the file, says what is wrong (the
// phrase in expected.json) and what was expected.
import { describe, expect, it } from 'vitest';
import { ImportError } from '@/io/import-error';
import { readH5adPath } from '@/io/single-cell/h5ad-node';
import { readTenx } from '@/io/single-cell/mtx';
import { expected, fixturePath, tenxFolder } from './single-cell-fixtures';

const cases = Object.entries(expected.malformed);

describe('single-cell malformed corpus', () => {
  it('covers every kind of bad file the issue lists', () => {
    expect(cases.map(([name]) => name).sort()).toEqual([
      'gzipped.h5ad',
      'mtx_bad_header',
      'mtx_dims_barcodes',
      'mtx_dims_features',
      'mtx_nan',
      'mtx_negative',
      'mtx_out_of_range',
      'mtx_truncated',
      'nan.h5ad',
      'negative.h5ad',
      'not_anndata.h5',
      'not_hdf5.h5ad',
      'pre08_categories.h5ad',
      'pre08_compound.h5ad',
      'truncated.h5ad',
    ]);
  });

  it.each(cases)('%s fails with a clear error', async (name, { reader, phrase }) => {
    const read =
      reader === 'h5ad'
        ? readH5adPath(fixturePath(`malformed/${name}`))
        : readTenx(await tenxFolder(fixturePath(`malformed/${name}`), { cells: null }));
    const error = await read.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    const { message, fileName } = error as ImportError;
    expect(message).toContain(phrase);
    expect(message).toContain('; expected ');
    expect(message.startsWith(`${fileName}`)).toBe(true);
    expect(fileName).toBe(reader === 'h5ad' ? name : 'matrix.mtx');
  });

  it('names both files and both numbers when the matrix disagrees with features and barcodes', async () => {
    const files = await tenxFolder(fixturePath('malformed/mtx_dims_features'), { cells: null });
    await expect(readTenx(files)).rejects.toThrow(
      'matrix.mtx, line 2: matrix.mtx has 3 genes (rows) but features.tsv lists 2; expected the ' +
        'matrix, features.tsv and barcodes.tsv of one data set (rows = features, columns = barcodes)',
    );
  });

  it('says why a pre-0.8 file is refused and what to do', async () => {
    await expect(readH5adPath(fixturePath('malformed/pre08_compound.h5ad'))).rejects.toThrow(
      'pre08_compound.h5ad: AnnData written before 0.8 (obs is a compound table); expected re-save ' +
        'with anndata ≥ 0.8',
    );
  });
});
