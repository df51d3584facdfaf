// The internal funnel kernels: the interpolated quantiles against @stdlib's distribution functions (an
// independent implementation), their bisection safety net, Winsorising, tau² and the drawing grid.
import binomialCdfOracle from '@stdlib/stats-base-dists-binomial-cdf';
import poissonCdfOracle from '@stdlib/stats-base-dists-poisson-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialControlCount, binomialControlLimit } from '../../src/compare/funnel/binomialControlCount';
import { cornishFisherDeviation, LARGE_COUNT } from '../../src/compare/funnel/cornishFisherDeviation';
import { dersimonianLairdTau2 } from '../../src/compare/funnel/dersimonianLairdTau2';
import { poissonControlCount } from '../../src/compare/funnel/poissonControlCount';
import { precisionGrid } from '../../src/compare/funnel/precisionGrid';
import { productOver, sqrtProductOver } from '../../src/compare/funnel/productOver';
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

describe('large counts: no walk over whole counts that doubles cannot tell apart', () => {
  const cases = [0.025, 0.001, 5e-5].map((t) => [t, -normalQuantile(t)] as const);

  it('the Cornish-Fisher deviation equals the count-by-count limits where both apply (1e10 to 2^50 events)', { timeout: 10_000 }, () => {
    for (const [t, zt] of cases) {
      for (const mean of [1e10, 3.7e12, 1e14, LARGE_COUNT]) {
        for (const upper of [false, true]) {
          const walked = poissonControlCount(mean, t, zt, upper) - mean; // the walk (mean <= LARGE_COUNT)
          const cf = cornishFisherDeviation(mean, 1, 1, upper ? zt : -zt);
          // the walk's own resolution is an ulp of the count (1/8 at 1e15): agreement to a fraction of a count
          expect(Math.abs(walked - cf)).toBeLessThan(0.1);
        }
      }
      for (const p of [0.3, 0.001, 0.9]) {
        for (const n of [1e10, 1e13, 1e15]) {
          for (const upper of [false, true]) {
            const walked = binomialControlCount(n, p, t, zt, upper) - n * p;
            const cf = cornishFisherDeviation(n * p * (1 - p), 1 - 2 * p, 1 - 6 * p * (1 - p), upper ? zt : -zt);
            expect(Math.abs(walked - cf)).toBeLessThan(0.1);
          }
        }
      }
    }
  });

  it('limits are continuous across the switch at 2^50 events (to double precision)', { timeout: 10_000 }, () => {
    for (const [t, zt] of cases) {
      for (const upper of [false, true]) {
        const below = poissonControlCount(LARGE_COUNT, t, zt, upper) / LARGE_COUNT;
        const above = poissonControlCount(LARGE_COUNT + 0.25, t, zt, upper) / (LARGE_COUNT + 0.25);
        expect(Math.abs(above - below)).toBeLessThan(4e-16);
        const n = LARGE_COUNT * 4;
        const walked = binomialControlLimit(LARGE_COUNT, 0.25, t, zt, upper);
        const cf = binomialControlLimit(n, 0.25, t, zt, upper); // np = LARGE_COUNT: the walk on the rarer outcome
        const cf2 = binomialControlLimit(n + 4, 0.25, t, zt, upper); // np just above: Cornish-Fisher
        expect(Math.abs(cf2 - cf)).toBeLessThan(1e-16);
        expect(Math.abs(walked - 0.25)).toBeGreaterThan(Math.abs(cf - 0.25)); // narrower with 4 times the denominator
      }
    }
  });

  it('Poisson: finite, ordered limits for every finite mean, from 1e-320 to the largest double', { timeout: 10_000 }, () => {
    fc.assert(
      fc.property(fc.double({ min: -320, max: 308.25, noNaN: true }), fc.constantFrom(...cases), (e, [t, zt]) => {
        const mean = Math.min(10 ** e, Number.MAX_VALUE);
        const lo = poissonControlCount(mean, t, zt, false);
        const up = poissonControlCount(mean, t, zt, true);
        expect(Number.isFinite(lo) && Number.isFinite(up)).toBe(true);
        expect(lo).toBeLessThanOrEqual(up);
        if (mean >= 1e6) expect(lo).toBeLessThanOrEqual(mean);
      }),
      { numRuns: 500 },
    );
    expect(poissonControlCount(1e18, 0.025, cases[0]![1], true)).toBeCloseTo(1e18 + 1.959963984540054e9, -2);
  });

  it('binomial: proportions in [0, 1] for every whole n up to the largest double and p in (0, 1)', { timeout: 10_000 }, () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 308.25, noNaN: true }),
        fc.double({ min: -323, max: -0.302, noNaN: true }),
        fc.boolean(),
        fc.constantFrom(...cases),
        (e, pe, mirror, [t, zt]) => {
          const n = Math.max(1, Math.round(Math.min(10 ** e, Number.MAX_VALUE)));
          const p = mirror ? 1 - 10 ** pe : 10 ** pe;
          fc.pre(p > 0 && p < 1);
          const lo = binomialControlLimit(n, p, t, zt, false);
          const up = binomialControlLimit(n, p, t, zt, true);
          expect(Number.isFinite(lo) && Number.isFinite(up)).toBe(true);
          expect(lo).toBeLessThanOrEqual(up);
          expect(up).toBeLessThanOrEqual(1 + 1e-15);
          if (n * Math.min(p, 1 - p) >= 1e6) expect(lo).toBeLessThanOrEqual(p);
          if (n * Math.min(p, 1 - p) >= 1e6) expect(up).toBeGreaterThanOrEqual(p);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the mirror identity used beyond 2^50: lower(X) = n - 1 - upper(n - X), checked where both are walked', () => {
    for (const [n, p] of [[50, 0.8], [1000, 0.97], [123457, 0.6]] as const) {
      for (const [t, zt] of cases) {
        expect(binomialControlCount(n, p, t, zt, false)).toBeCloseTo(n - 1 - binomialControlCount(n, 1 - p, t, zt, true), 8);
        expect(binomialControlCount(n, p, t, zt, true)).toBeCloseTo(n - 1 - binomialControlCount(n, 1 - p, t, zt, false), 8);
      }
    }
  });

  it('huge n with a rare outcome: the binomial is Poisson (np) to double precision; near 1 no digits are lost', { timeout: 10_000 }, () => {
    const [t, zt] = cases[0]!;
    for (const n of [1e20, 1e100, 1.7e308]) {
      for (const upper of [false, true]) {
        const poisson = poissonControlCount(1e5, t, zt, upper);
        expect(binomialControlLimit(n, 1e5 / n, t, zt, upper) * n).toBeCloseTo(poisson, 6);
        // p = 1 - 1e5/n: the limit is 1 - (1 + the opposite Poisson limit) / n
        if (n === 1e20) {
          const p = 1 - 1e-15; // n(1 - p) = 1e5 non-events expected
          const mirrored = binomialControlLimit(n, p, t, zt, upper);
          const want = 1 - (1 + poissonControlCount(n * (1 - p), t, zt, !upper)) / n;
          expect(Math.abs(mirrored - want)).toBeLessThanOrEqual(1.2e-16);
          expect(mirrored < 1 && (upper ? mirrored >= p - 1e-16 : mirrored <= p)).toBe(true);
        }
      }
    }
    expect(binomialControlCount(1e20, 0.3, t, zt, true)).toBeCloseTo(3e19 + 1.959963984540054 * Math.sqrt(1e20 * 0.21), -5);
  });
});

describe('productOver and sqrtProductOver: no overflow or underflow on the way', () => {
  it('the plain formula where a · b is a normal double, scaled arithmetic otherwise', () => {
    expect(productOver(20, 669338, 1e5)).toBe((20 * 669338) / 1e5);
    expect(productOver(1e300, 1e300, 1e300)).toBeCloseTo(1e300, -287);
    expect(productOver(1e-300, 1e-300, 1e-300)).toBeCloseTo(1e-300, 313);
    expect(productOver(1e300, 1e300, 1e-300)).toBe(Infinity);
    expect(productOver(1e-300, 1e-300, 1e300)).toBe(0);
    expect(productOver(3, 5, 2, 64)).toBe(7.5 * 2 ** 64);
    expect(productOver(0, 5, 2)).toBe(0);
    expect(sqrtProductOver(1e-200, 1e-200, 1e200) / 1e-300).toBeCloseTo(1, 14);
    expect(sqrtProductOver(1e300, 1e300, 1e100) / 1e250).toBeCloseTo(1, 14);
    expect(sqrtProductOver(1e300, 1e300, 1e-100)).toBe(Infinity); // 1e350
    expect(sqrtProductOver(2, 8, 1)).toBe(4);
    expect(sqrtProductOver(0, 8, 1)).toBe(0);
  });
});

describe('overdispersion kernels beyond the doubles', () => {
  it('winsorisedPhi: squares that overflow are summed relative to the largest', () => {
    expect(winsorisedPhi(new Float64Array([1e154, -1e154, 1e154, 1e154]), 0) / 1e308).toBeCloseTo(1, 14);
    expect(winsorisedPhi(new Float64Array([1e200]), 0)).toBe(Infinity);
  });
  it('dersimonianLairdTau2: weights whose squares overflow give tau² from the standard errors', () => {
    const plain = dersimonianLairdTau2(3, new Float64Array([1, 2, 4]));
    const s = [1e-100, 1e-100 / Math.SQRT2, 0.5e-100];
    const huge = dersimonianLairdTau2(3, new Float64Array(s.map((x) => 1 / (x * x))), new Float64Array(s));
    expect(huge / (plain * 1e-200)).toBeCloseTo(1, 12);
    const tiny = [1e100, 1e100 / Math.SQRT2, 0.5e100]; // weights about 1e-200, their squares below the doubles
    const small = dersimonianLairdTau2(3, new Float64Array(tiny.map((x) => 1 / (x * x))), new Float64Array(tiny));
    expect(small / (plain * 1e200)).toBeCloseTo(1, 12);
    expect(dersimonianLairdTau2(Infinity, new Float64Array([Infinity, Infinity]), new Float64Array([1e-200, 1e-200]))).toBe(Infinity);
  });
});
