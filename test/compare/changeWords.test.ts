import { describe, expect, it } from 'vitest';
import { conditionalRatioLimits } from '../../src/intervals/kernels/conditionalRatioLimits';
import { levelPercent } from '../../src/compare/change/levelPercent';
import { plainNumber } from '../../src/core/plainNumber';
import { signedPercent } from '../../src/compare/change/signedPercent';

describe('internal helpers of changeOverTime and perDay', () => {
  it('plainNumber: whole numbers as they are, two significant digits below 100, thousands separators from 100', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [5, '5'],
      [22, '22'],
      [4.326, '4.3'],
      [0.0101, '0.010'],
      [57.236, '57'],
      [99.4, '99'],
      [99.5, '100'],
      [111.5, '112'],
      [1579.4, '1,579'],
      [41077.6, '41,078'],
      [1234567, '1,234,567'],
      [-4.5, '-4.5'],
      [-1234.4, '-1,234'],
      [5e-324, '4.9e-324'],
    ];
    for (const [x, text] of cases) expect(plainNumber(x), String(x)).toBe(text);
  });
  it('signedPercent and levelPercent', () => {
    expect([signedPercent(57.2), signedPercent(-27.8), signedPercent(0)]).toEqual(['+57%', '-28%', '0%']);
    expect([levelPercent(0.95), levelPercent(0.998), levelPercent(0.9), levelPercent(0.8)]).toEqual(['95', '99.8', '90', '80']);
  });
  it('conditionalRatioLimits: the @example, and the zero rules', () => {
    const [lower, upper] = conditionalRatioLimits(239, 365, 152, 365, 0.95);
    expect(lower).toBeCloseTo(1.277710799986910, 13); // R: poisson.test(c(239, 152), c(365, 365))
    expect(upper).toBeCloseTo(1.939844727208387, 13);
    expect(conditionalRatioLimits(0, 1, 5, 1, 0.95)[0]).toBe(0);
    expect(conditionalRatioLimits(5, 1, 0, 1, 0.95)[1]).toBe(Infinity);
  });
});
