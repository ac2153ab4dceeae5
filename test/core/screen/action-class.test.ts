import { describe, expect, it } from 'vitest';
import {
  ACTION_CLASS_TABLE,
  actionSign,
  classifyAction,
  classifyActionField,
  normalizeActionTerm,
} from '@/core/screen/action-class';
import { readGzipTsv } from '../../helpers/load-public-data';

describe('classifyAction', () => {
  it.each([
    ['INHIBITOR', 'down'],
    ['ANTAGONIST', 'down'],
    ['BLOCKER', 'down'],
    ['NEGATIVE ALLOSTERIC MODULATOR', 'down'],
    ['ALLOSTERIC ANTAGONIST', 'down'],
    ['INVERSE AGONIST', 'down'],
    ['ANTIBODY BINDING', 'down'],
    ['AGONIST', 'up'],
    ['PARTIAL AGONIST', 'up'],
    ['POSITIVE ALLOSTERIC MODULATOR', 'up'],
    ['POSITIVE MODULATOR', 'up'],
    ['ACTIVATOR', 'up'],
    ['OPENER', 'up'],
    ['MODULATOR', 'unknown'],
    ['RELEASING AGENT', 'unknown'],
    ['SUBSTRATE', 'unknown'],
    ['OTHER', 'unknown'],
    // DrugBank spellings
    ['inhibitor', 'down'],
    ['potentiator', 'up'],
    ['inducer', 'up'],
    ['negative modulator', 'down'],
    ['binder', 'unknown'],
    ['ligand', 'unknown'],
    ['cofactor', 'unknown'],
    ['', 'unknown'],
    [null, 'unknown'],
  ] as const)('%j → %s', (action, expected) => {
    expect(classifyAction(action)).toBe(expected);
  });

  it('lets several terms vote: agreeing terms keep their class, disagreeing ones give unknown', () => {
    expect(classifyAction('antagonist, inhibitor')).toBe('down');
    expect(classifyAction('agonist|partial agonist')).toBe('up');
    expect(classifyAction('antagonist, other/unknown')).toBe('down');
    expect(classifyActionField('antagonist, agonist')).toEqual({
      actionClass: 'unknown',
      unrecognised: [],
      isConflicting: true,
    });
  });

  it('normalises case, underscores, hyphens and spaces, and reports unknown terms', () => {
    expect(normalizeActionTerm('  Positive_Allosteric-Modulator ')).toBe(
      'positive allosteric modulator',
    );
    expect(classifyAction('Partial-Agonist')).toBe('up');
    expect(classifyActionField('frobnicator; INHIBITOR')).toEqual({
      actionClass: 'down',
      unrecognised: ['frobnicator'],
      isConflicting: false,
    });
  });

  it('classifies every action_type in the bundled DrugCentral table from the table', () => {
    const { header, rows } = readGzipTsv('drug_targets_drugcentral.tsv.gz');
    const column = header.indexOf('action_type');
    const terms = new Set(rows.map((row) => normalizeActionTerm(row[column])));
    expect(terms.size).toBeGreaterThanOrEqual(17);
    for (const term of terms) expect(ACTION_CLASS_TABLE.has(term), term).toBe(true);
  });

  it('maps classes to signs', () => {
    expect([actionSign('up'), actionSign('down'), actionSign('unknown')]).toEqual([1, -1, 0]);
  });
});
