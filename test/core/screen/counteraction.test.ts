import { describe, expect, it } from 'vitest';
import {
  buildDegSignature,
  counteraction,
  degLogFC,
  targetEffect,
} from '@/core/screen/counteraction';

describe('targetEffect', () => {
  it.each([
    ['down', 1.5, 'counteracts'],
    ['down', -0.2, 'mimics'],
    ['up', -0.2, 'counteracts'],
    ['up', 3, 'mimics'],
    ['up', -Infinity, 'counteracts'],
    ['down', Infinity, 'counteracts'],
    ['unknown', 2, 'unknown'],
    ['down', 0, null],
    ['up', NaN, null],
  ] as const)('%s on logFC %s → %s', (actionClass, logFC, expected) => {
    expect(targetEffect(actionClass, logFC)).toBe(expected);
  });
});

describe('buildDegSignature and counteraction', () => {
  const signature = buildDegSignature(
    [
      { group: 'Mono', gene: 'TNF', entrez: '7124', logFC: 1.2, q: 0.001 },
      { group: 'Mono', gene: 'IL6', entrez: '3569', logFC: -0.4, q: 0.01 },
      { group: 'Mono', gene: 'CD80', entrez: null, logFC: 2, q: null },
      { group: 'Mono', gene: 'JAK1', entrez: '3716', logFC: 0.5, q: 0.2 }, // above maxQ
      { group: 'Mono', gene: 'tnf', entrez: '7124', logFC: -9, q: 0 }, // repeat: first row wins
      { group: 'B', gene: 'TNF', entrez: '7124', logFC: -1, q: 0.01 },
    ],
    { maxQ: 0.05 },
  );

  it('keeps one row per gene and group, filtered by q', () => {
    expect(signature.groups.map((g) => g.name)).toEqual(['Mono', 'B']);
    expect(signature.rowsAboveMaxQ).toBe(1);
    const mono = signature.groups[0];
    expect(mono.rows).toHaveLength(3);
    expect(degLogFC(mono, { gene: 'x', entrez: '7124' })).toBe(1.2);
    expect(degLogFC(mono, { gene: 'cd80' })).toBe(2);
    expect(degLogFC(mono, { gene: 'JAK1', entrez: '3716' })).toBeUndefined();
  });

  it('counts counteracting, mimicking and unknown targeted DEGs', () => {
    const targets = [
      { gene: 'TNF', entrez: '7124', actionClass: 'down' as const }, // up in disease: counteracts
      { gene: 'IL6', entrez: '3569', actionClass: 'down' as const }, // down: mimics
      { gene: 'CD80', actionClass: 'unknown' as const },
      { gene: 'JAK1', entrez: '3716', actionClass: 'down' as const }, // not a DEG here
      { gene: 'EGFR', actionClass: 'up' as const },
    ];
    const mono = counteraction(signature.groups[0], targets);
    expect(mono).toMatchObject({
      group: 'Mono',
      counteracting: 1,
      mimicking: 1,
      unknownAction: 1,
      targetedDegs: 3,
    });
    expect(mono.targets.map((t) => [t.gene, t.effect])).toEqual([
      ['TNF', 'counteracts'],
      ['IL6', 'mimics'],
      ['CD80', 'unknown'],
    ]);
    expect(counteraction(signature.groups[1], targets)).toMatchObject({
      counteracting: 0,
      mimicking: 1,
      targetedDegs: 1,
    });
  });
});
