import { describe, expect, it } from 'vitest';
import { screenDrugs } from '@/core/screen/drug-screen';
import { SCREEN_COLUMNS, screenRecords, screenTsv } from '@/core/screen/screen-table';
import { TOY_INPUT, TOY_OPTIONS } from './toy-screen';

describe('screenRecords and screenTsv', () => {
  const result = screenDrugs(TOY_INPUT, TOY_OPTIONS);
  const records = screenRecords(result);

  it('flattens every entry with the column names the CLI and UI use', () => {
    expect(records).toHaveLength(4);
    const near = records.find((r) => r.drug === 'near');
    expect(near).toMatchObject({
      names: ['near', 'twin'],
      targets: ['G2'],
      targets_in_network: 1,
      d_c: 1,
      counteracting: 0,
      mimicking: 1,
      nearest_module_genes: ['G2→G1:1'],
      candidate: false,
    });
    expect(near?.cure_tanh_score).not.toBeNull();
    for (const column of [
      'drug',
      'names',
      'targets',
      'targets_in_network',
      'd_c',
      'z',
      'p',
      'rwr_score',
      'rwr_p',
      'counteracting',
      'mimicking',
      'cure_score',
      'rank',
    ] as const) {
      expect(SCREEN_COLUMNS).toContain(column);
    }
    expect(Object.keys(records[0]).sort()).toEqual([...SCREEN_COLUMNS].sort());
  });

  it('writes a TSV with one line per record, lists joined by |', () => {
    const lines = screenTsv(records).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0].split('\t')).toEqual([...SCREEN_COLUMNS]);
    const near = lines.find((line) => line.includes('\tnear\t')) as string;
    const fields = near.split('\t');
    expect(fields[SCREEN_COLUMNS.indexOf('names')]).toBe('near|twin');
    expect(fields[SCREEN_COLUMNS.indexOf('d_c')]).toBe('1');
    expect(fields[SCREEN_COLUMNS.indexOf('ids')]).toBe('|');
  });

  it('leaves methods that did not run empty', () => {
    const bare = screenRecords(screenDrugs({ ...TOY_INPUT, degs: null }, TOY_OPTIONS));
    expect(bare[0].counteracting).toBeNull();
    expect(bare[0].cure_score).toBeNull();
    expect(bare[0].rank_cure).toBeNull();
  });
});
