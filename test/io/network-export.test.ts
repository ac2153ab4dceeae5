import { describe, expect, it } from 'vitest';
import { escapeXml, writeGraphMl, writeSif } from '@/io/network-export';

describe('network export (Node)', () => {
  it('escapes the five XML specials and drops control characters XML 1.0 forbids', () => {
    expect(escapeXml(`a&b<c>d"e'f\u0001g\th`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;fg\th');
  });

  it('SIF: one line per edge, lone nodes alone, names with tabs refused', () => {
    const network = { names: ['A', 'B', 'C'], edges: [[0, 1]] as [number, number][] };
    expect(writeSif(network)).toBe('A\tpp\tB\nC\n');
    expect(() => writeSif({ names: ['A\tB'], edges: [] })).toThrow(/SIF names cannot/);
  });

  it('refuses edges to unknown nodes and attribute lists of the wrong length', () => {
    expect(() => writeGraphMl({ names: ['A'], edges: [[0, 1]] })).toThrow(/outside 0…0/);
    expect(() =>
      writeGraphMl({ names: ['A', 'B'], edges: [], nodeAttributes: { x: [1] } }),
    ).toThrow(/1 values for 2 nodes/);
  });
});
