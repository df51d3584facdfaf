// The internal funnel kernels: the interpolated quantiles against @stdlib's distribution functions (an
// independent implementation), their bisection safety net, Winsorising, tau² and the drawing grid.
import binomialCdfOracle from '@stdlib/stats-base-dists-binomial-cdf';
import poissonCdfOracle from '@stdlib/stats-base-dists-poisson-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialControlCount } from '../../src/compare/funnel/binomialControlCount';
import { dersimonianLairdTau2 } from '../../src/compare/funnel/dersimonianLairdTau2';
import { poissonControlCount } from '../../src/compare/funnel/poissonControlCount';
import { precisionGrid } from '../../src/compare/funnel/precisionGrid';
import { winsorisedPhi } from '../../src/compare/funnel/winsorisedPhi';
import { normalQuantile } from '../../src/special/normalQuantile';

/**
 * Check Spiegelhalter's definition with an oracle distribution function F: the limit L = r - α has
 * r = ceil(L) the p-quantile (F(r - 1) < p <= F(r)) and α = (F(r) - p) / (F(r) - F(r - 1)).
 */
function checkDefinition(L: number, F: (k: number) => number, p: number) {
  const r = Math.ceil(L - 1e-9);
  const alpha = r - L;
  const fr = F(r);
  const fr1 = F(r - 1);
  expect(fr).toBeGreaterThanOrEqual(p - 1e-12);
  expect(fr1).toBeLessThanOrEqual(p + 1e-12);
  expect(Math.abs(alpha - (fr - p) / (fr - fr1))).toBeLessThan(1e-7);
}

// @stdlib's Poisson CDF loses digits for large means (1% off at mean 1000, where R and src/special agree), so
// the oracle check stays at moderate means and sizes; test/fixtures/r/funnel.R covers large ones.
describe('interpolated control counts satisfy the definition (against @stdlib CDFs)', () => {
  const tail = fc.constantFrom(0.025, 0.001, 0.05, 0.005, 0.1);
  it('Poisson', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 300, noNaN: true }), tail, fc.boolean(), (mean, t, upper) => {
        const L = poissonControlCount(mean, t, -normalQuantile(t), upper);
        checkDefinition(L, (k) => (k < 0 ? 0 : poissonCdfOracle(k, mean)), upper ? 1 - t : t);
      }),
      { numRuns: 300 },
    );
  });
  it('binomial', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), tail, fc.boolean(), (n, p, t, upper) => {
        const L = binomialControlCount(n, p, t, -normalQuantile(t), upper);
        checkDefinition(L, (k) => (k < 0 ? 0 : binomialCdfOracle(k, n, p)), upper ? 1 - t : t);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a far-off start falls back to bisection and gives the same limit', () => {
  it.each([
    [5, 0.025, false],
    [5, 0.025, true],
    [2500, 0.001, true],
    [2500, 0.001, false],
    [0.3, 0.025, true],
  ])('Poisson(%s), t = %s, upper %s', (mean, t, upper) => {
    const good = poissonControlCount(mean, t, -normalQuantile(t), upper);
    for (const wrongZ of [40, 1e-3]) {
      const far = poissonControlCount(mean, t, wrongZ, upper);
      expect(Math.abs(far - good)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(good)));
    }
  });
  it.each([
    [1000, 0.3, 0.025, false],
    [1000, 0.3, 0.025, true],
    [50000, 0.01, 0.001, true],
    [3, 0.5, 0.025, false],
  ])('Binomial(%s, %s), t = %s, upper %s', (n, p, t, upper) => {
    const good = binomialControlCount(n, p, t, -normalQuantile(t), upper);
    for (const wrongZ of [40, 1e-3]) {
      const far = binomialControlCount(n, p, t, wrongZ, upper);
      expect(Math.abs(far - good)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(good)));
    }
  });
});

describe('winsorisedPhi', () => {
  it("R's type-7 quantiles: z = -3, -1, 0, 1, 5 Winsorised at 10% gives -2.2 and 3.4", () => {
    // index 1 + 4 x 0.1 = 1.4: 0.6 x (-3) + 0.4 x (-1) = -2.2; 1 + 4 x 0.9 = 4.6: 0.4 x 1 + 0.6 x 5 = 3.4
    const phi = winsorisedPhi(new Float64Array([5, -1, 0, -3, 1]), 0.1);
    expect(phi).toBeCloseTo((2.2 ** 2 + 1 + 0 + 1 + 3.4 ** 2) / 5, 14);
  });
  it('trim 0 is the mean square; the input is not reordered', () => {
    const z = new Float64Array([2, -1, 0.5]);
    expect(winsorisedPhi(z, 0)).toBe((4 + 1 + 0.25) / 3);
    expect([...z]).toEqual([2, -1, 0.5]);
    expect(winsorisedPhi(new Float64Array([1.5]), 0.1)).toBe(2.25);
  });
});

describe('dersimonianLairdTau2', () => {
  it('(n phi - (n - 1)) / (Σw - Σw²/Σw), 0 without excess or with one area', () => {
    expect(dersimonianLairdTau2(3, new Float64Array([1, 1]))).toBe(5);
    expect(dersimonianLairdTau2(2, new Float64Array([1, 2, 3]))).toBeCloseTo(4 / (6 - 14 / 6), 14);
    expect(dersimonianLairdTau2(0.5, new Float64Array([1, 2]))).toBe(0);
    expect(dersimonianLairdTau2(9, new Float64Array([4]))).toBe(0);
  });
});

describe('precisionGrid', () => {
  it('log-spaced with exact ends; whole numbers rounded and deduplicated', () => {
    expect(precisionGrid(1, 1000, 4, false)).toEqual([1, 10, 100, 1000]);
    expect(precisionGrid(7, 7, 200, false)).toEqual([7]);
    expect(precisionGrid(1, 10, 200, true)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(precisionGrid(0.2, 0.4, 5, true)).toEqual([1]);
    const g = precisionGrid(30, 310, 200, true);
    expect(g[0]).toBe(30);
    expect(g[g.length - 1]).toBe(310);
  });
});
