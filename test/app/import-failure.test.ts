import { describe, expect, it } from 'vitest';
import { importFailure } from '@/app/import-failure';
import { ImportError, importNetwork } from '@/io';

describe('importFailure', () => {
  it('keeps file, line, problem and expectation of an ImportError', async () => {
    const error = await importNetwork(
      'gene_a\tgene_b\tweight\nTP53\tMDM2\t0.9\nIL6\tSTAT3\tstrong\n',
      'bad.tsv',
      null,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    const failure = importFailure(error, 'bad.tsv');
    expect(failure.fileName).toBe('bad.tsv');
    expect(failure.line).toBe(3);
    expect(failure.message).toMatch(/^bad\.tsv, line 3: .*expected /);
    expect(failure.problem).toContain('strong');
    expect(failure.expected).not.toBeNull();
  });

  it('calls an aborted import cancelled, without a line', () => {
    const failure = importFailure(new DOMException('stop', 'AbortError'), 'big.tsv');
    expect(failure).toMatchObject({ fileName: 'big.tsv', line: null, problem: 'Import cancelled' });
  });

  it('attributes any other error to the file', () => {
    expect(importFailure(new Error('out of memory'), 'x.tsv')).toMatchObject({
      fileName: 'x.tsv',
      line: null,
      message: 'x.tsv: out of memory',
    });
  });
});
