import { describe, expect, it } from 'vitest';
import type { ModuleOptions } from '@/app/analysis-types';
import { MODULE_DEFAULTS, moduleOptionErrors, validateModuleOptions } from '@/app/module-options';

const options = (change: Partial<ModuleOptions>): ModuleOptions => ({
  ...MODULE_DEFAULTS,
  ...change,
});

describe('module options', () => {
  it('defaults to the published settings', () => {
    expect(MODULE_DEFAULTS).toEqual({
      method: 'lcc',
      graph: 'network',
      nullModel: 'degree-scdrugprio',
      randomSets: 1000,
      seed: 1,
      diamondIterations: 200,
      diamondAlpha: 1,
      diamondMode: 'paper',
      restart: 0.15,
    });
    expect(moduleOptionErrors(MODULE_DEFAULTS)).toEqual({});
  });

  it.each([
    [{ randomSets: 0 }, 'randomSets', /R must be a whole number from 1 to 1,000,000/],
    [{ randomSets: 2.5 }, 'randomSets', /whole number/],
    [{ randomSets: 1_000_001 }, 'randomSets', /to 1,000,000/],
    [{ seed: -1 }, 'seed', /from 0 to 4294967295/],
    [{ seed: 2 ** 32 }, 'seed', /from 0 to 4294967295/],
    [{ method: 'diamond', diamondIterations: 0 }, 'diamondIterations', /n must be/],
    [{ method: 'diamond', diamondAlpha: 1.5 }, 'diamondAlpha', /α must be/],
    [{ method: 'rwr', restart: 0 }, 'restart', /between 0 and 1/],
    [{ method: 'rwr', restart: 1 }, 'restart', /between 0 and 1/],
    [{ method: 'rwr', restart: NaN }, 'restart', /between 0 and 1/],
  ] as const)('flags %j on its field', (change, field, message) => {
    const errors = moduleOptionErrors(options(change as Partial<ModuleOptions>));
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
  });

  it('checks method-specific fields only for their method', () => {
    expect(moduleOptionErrors(options({ method: 'lcc', restart: 5, diamondAlpha: 0 }))).toEqual({});
  });

  it('throws one error naming every bad field at the worker boundary', () => {
    expect(() => validateModuleOptions(options({ randomSets: 0, seed: -3 }))).toThrow(
      /^Module options: randomSets: .*; seed: /,
    );
    expect(validateModuleOptions(MODULE_DEFAULTS)).toBe(MODULE_DEFAULTS);
  });
});
