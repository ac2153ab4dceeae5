import { describe, expect, it } from 'vitest';
import {
  formatCentrality,
  formatEmpiricalP,
  formatMeanSd,
  formatNullEngine,
  formatSignificant,
  formatZ,
} from '@/app/format-stats';

describe('formatSignificant', () => {
  it.each([
    [0.0123456, 2, '0.012'],
    [5.327129855908004e-5, 2, '5.3 × 10⁻⁵'],
    [1e-5, 2, '10⁻⁵'],
    [2.4786821202806956e-12, 3, '2.48 × 10⁻¹²'],
    [0.001, 2, '0.001'],
    [42, 3, '42'],
    [0, 2, '0'],
    [NaN, 2, '—'],
  ])('%d with %d digits is %s', (value, digits, text) => {
    expect(formatSignificant(value, digits)).toBe(text);
  });
});

describe('formatEmpiricalP', () => {
  it('shows p = 0 as below 1/R', () => {
    expect(formatEmpiricalP(0, 100)).toBe('< 0.01');
    expect(formatEmpiricalP(0, 1000)).toBe('< 0.001');
    expect(formatEmpiricalP(0, 100_000)).toBe('< 10⁻⁵');
  });

  it('shows other p with three significant digits', () => {
    expect(formatEmpiricalP(0.0021, 100_000)).toBe('0.0021');
    expect(formatEmpiricalP(0.37, 100)).toBe('0.37');
    expect(formatEmpiricalP(1 / 3, 3)).toBe('0.333');
  });
});

describe('formatZ, formatMeanSd, formatCentrality', () => {
  it('writes z with a true minus sign and NaN as undefined', () => {
    expect(formatZ(5.197449622117833)).toBe('5.20');
    expect(formatZ(-1.5)).toBe('−1.50');
    expect(formatZ(NaN)).toBe('undefined');
  });

  it('writes mean ± sd and centralities', () => {
    expect(formatMeanSd(2.88673, 1.1762)).toBe('2.89 ± 1.18');
    expect(formatMeanSd(NaN, 0)).toBe('—');
    expect(formatCentrality(0.12525056465273857)).toBe('0.125');
    expect(formatCentrality(0)).toBe('0');
  });
});

describe('formatNullEngine', () => {
  it('names the backend, the precision and the tolerance of the RWR null', () => {
    const engine = { backend: 'webgpu', precision: 'float32', tolerance: 5e-8 } as const;
    expect(formatNullEngine(engine)).toBe('RWR null on WebGPU (float32, tolerance 5 × 10⁻⁸)');
    expect(formatNullEngine({ ...engine, backend: 'cpu', tolerance: 2e-8 })).toBe(
      'RWR null on CPU (float32, tolerance 2 × 10⁻⁸)',
    );
  });
});
