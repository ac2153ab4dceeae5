import { describe, expect, it } from 'vitest';
import { screenDrugs } from '@/core/screen/drug-screen';
import { DIRECTION_NOT_LOADED, DIRECTION_UNKNOWN } from '@/core/screen/screen-direction';
import { SCREEN_COLUMNS } from '@/core/screen/screen-table';
import {
  provenanceLines,
  screenExportFileName,
  screenExportJson,
  screenExportTsv,
} from '@/app/screen-export';
import type { ScreenRun } from '@/app/screen-types';
import { TOY_INPUT, TOY_OPTIONS } from '../core/screen/toy-screen';

const RUN: ScreenRun = {
  id: 'screen-7',
  result: screenDrugs(TOY_INPUT, TOY_OPTIONS),
  request: {
    geneSetId: 'set-1',
    drugTable: 0,
    methods: ['proximity', 'rwr', 'cure'],
    degSource: 'bundled',
    degGroup: 'g',
    degDisease: null,
    indicationTerm: 'Toy, disease',
    iterations: 400,
    seed: 9,
    sampling: 'shared',
  },
  network: { id: 'n1', name: 'path12', fileName: 'path12.tsv', origin: 'imported' },
  module: {
    geneSetId: 'set-1',
    name: 'Toy, disease (severe)',
    fileName: 'toy.txt',
    origin: 'imported',
  },
  drugLibrary: { fileName: 'toy-drugs.tsv', origin: 'demo', drugs: 6 },
  degs: { fileName: 'degs.tsv', name: 'toy degs', disease: null, group: 'g' },
  signedNetwork: { fileName: 'signed.tsv' },
  indications: {
    fileName: 'indications.tsv',
    term: 'Toy, disease',
    method: 'words',
    concept: null,
    fallback: 'no concept entry for "Toy, disease"',
    words: ['toy', 'disease'],
    drugNames: ['TWIN', 'inside'],
    indications: ['Toy disease'],
  },
  startedAt: '2025-01-02T03:04:05.000Z',
  durationMs: 1234.4,
};

describe('provenanceLines', () => {
  it('joins nested keys with dots and flat lists with commas', () => {
    expect(
      provenanceLines({ a: 1, b: { c: 'x\ty', d: [1, 2, null] }, e: null, f: [{ g: 1 }] }),
    ).toEqual(['a: 1', 'b.c: x y', 'b.d: 1, 2, null', 'e: null', 'f: [{"g":1}]']);
  });
});

describe('screen export', () => {
  it('writes a TSV: provenance comments, then core’s columns and known_indication', () => {
    const lines = screenExportTsv(RUN).trimEnd().split('\n');
    expect(lines[0]).toBe('# Twinscreen drug screen (twinscreen-drug-screen/1)');
    expect(lines[1]).toBe(`# ${RUN.result.direction.statement}`);
    expect(lines[1]).toMatch(/^# direction from DEG group "g" of toy degs: /);
    const comments = lines.filter((line) => line.startsWith('# '));
    expect(comments).toContain('# request.iterations: 400');
    expect(comments).toContain('# request.seed: 9');
    expect(comments).toContain('# request.methods: proximity, rwr, cure');
    expect(comments).toContain('# provenance.null.iterations: 400');
    expect(comments).toContain('# provenance.null.sampling: shared');
    expect(comments).toContain('# indications.words: toy, disease');
    expect(comments).toContain('# run.durationMs: 1234');
    expect(comments.some((line) => line.startsWith('# validation.proximity.auroc: '))).toBe(true);

    const table = lines.filter((line) => !line.startsWith('#'));
    expect(table[0].split('\t')).toEqual([...SCREEN_COLUMNS, 'known_indication']);
    expect(table).toHaveLength(1 + RUN.result.drugs.length);
    const drug = SCREEN_COLUMNS.indexOf('drug');
    const known = new Map(
      table.slice(1).map((line) => {
        const fields = line.split('\t');
        return [fields[drug], fields[fields.length - 1]];
      }),
    );
    // "near" shares its entry with "twin" (a known drug); "inside" is known; "far" is not.
    expect(known.get('near')).toBe('true');
    expect(known.get('inside')).toBe('true');
    expect(known.get('far')).toBe('false');
  });

  it('says in both formats that direction is unknown without DEGs, and flags no candidate', () => {
    const bare: ScreenRun = {
      ...RUN,
      result: screenDrugs({ ...TOY_INPUT, degs: null }, TOY_OPTIONS),
      request: { ...RUN.request, degSource: 'none', degGroup: null },
      degs: null,
    };
    const lines = screenExportTsv(bare).trimEnd().split('\n');
    expect(lines[1]).toBe(`# ${DIRECTION_UNKNOWN}`);
    expect(lines).toContain(`# direction.statement: ${DIRECTION_UNKNOWN}`);
    const table = lines.filter((line) => !line.startsWith('#'));
    const column = (name: string) => table[0].split('\t').indexOf(name);
    for (const line of table.slice(1)) {
      expect(line.split('\t')[column('direction')]).toBe(DIRECTION_NOT_LOADED);
      expect(line.split('\t')[column('candidate')]).toBe('');
    }
    const json = JSON.parse(screenExportJson(bare)) as {
      direction: { loaded: boolean; statement: string };
      drugs: { candidate: boolean | null; direction: string }[];
    };
    expect(json.direction).toMatchObject({ loaded: false, statement: DIRECTION_UNKNOWN });
    expect(json.drugs.some((d) => d.candidate === true)).toBe(false);
    expect(json.drugs.every((d) => d.direction === DIRECTION_NOT_LOADED)).toBe(true);
  });

  it('writes JSON with the same blocks, the records and the full validation', () => {
    const json = JSON.parse(screenExportJson(RUN)) as Record<string, unknown> & {
      drugs: { drug: string; known_indication: boolean | null }[];
      provenance: { null: { seed: number } };
      validation: { proximity: { roc: unknown[] } };
    };
    expect(json.format).toBe('twinscreen-drug-screen/1');
    expect(json.request).toEqual(RUN.request);
    expect(json.provenance.null.seed).toBe(9);
    expect(json.drugs).toHaveLength(RUN.result.drugs.length);
    expect(json.drugs.find((d) => d.drug === 'far')?.known_indication).toBe(false);
    expect(json.validation.proximity.roc.length).toBeGreaterThan(1);
    expect(json.indicationDrugNames).toEqual(['TWIN', 'inside']);
  });

  it('names the file after the module, R and the seed', () => {
    expect(screenExportFileName(RUN, 'tsv')).toBe(
      'twinscreen-screen-toy-disease-severe-R400-seed9.tsv',
    );
  });
});
