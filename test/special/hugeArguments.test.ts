import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import raw from '../fixtures/mpmath/huge-quantiles.json';
import { poissonCI, proportionCI, rateCI, rateRatioCI, standardisedRatio, type Interval } from '../../src/index';
import { relErr } from './fixture';

// Exact interval methods at huge counts (an audit found the inverse incomplete gamma and beta functions
// losing accuracy from about 1e28, then giving limits on the wrong side of the estimate, inverted, or
// NaN). References: quantiles from 50-digit mpmath quadrature (test/fixtures/mpmath/huge-quantiles.py),
// composed here as the public functions compose them. Where the interval is narrower than an ulp of the
// estimate the limits are the estimate, or an ulp or few beside it on the correct side.
const data = raw as unknown as { gamma: (number | null)[][]; beta: (number | null)[][] };
const TOL = 1e-13;
const TAIL = 0.025;

function gammaRef(a: number, p: number, upper: boolean): number {
  const row = data.gamma.find((r) => r[0] === a && r[1] === p);
  if (row === undefined) throw new Error(`no gamma reference for a = ${a}, p = ${p}`);
  return row[upper ? 3 : 2] as number;
}

function betaRef(a: number, b: number, p: number, upper: boolean): number {
  const row = data.beta.find((r) => r[0] === a && r[1] === b && r[2] === p);
  if (row === undefined) throw new Error(`no beta reference for Beta(${a}, ${b}), p = ${p}`);
  return row[upper ? 4 : 3] as number;
}

function expectOrdered(r: Interval): void {
  expect(Number.isNaN(r.lower) || Number.isNaN(r.upper) || Number.isNaN(r.value)).toBe(false);
  expect(r.lower).toBeLessThanOrEqual(r.value);
  expect(r.value).toBeLessThanOrEqual(r.upper);
}

function expectNear(r: Interval, lower: number, upper: number): void {
  expect(relErr(r.lower, lower), `lower ${r.lower} vs ${lower}`).toBeLessThanOrEqual(TOL);
  expect(relErr(r.upper, upper), `upper ${r.upper} vs ${upper}`).toBeLessThanOrEqual(TOL);
}

describe('exact Poisson limits at huge counts (gamma quantiles)', () => {
  for (const x of [1e30, 3e38, 1e305, 1e306, 1e308]) {
    it(`poissonCI(${x}): ordered, finite, and the mpmath limits`, () => {
      const r = poissonCI(x);
      expectOrdered(r);
      expectNear(r, gammaRef(x, TAIL, false), gammaRef(x + 1, TAIL, true));
    });
  }
  it('poissonCI(1e30) is 1e30 -+ 1.96e15 to an ulp of 1e30 (1.4e14; it was 9.5e8 standard errors low)', () => {
    const r = poissonCI(1e30);
    expect(Math.abs(r.lower - (1e30 - 1.959964e15))).toBeLessThanOrEqual(1.5e14);
    expect(Math.abs(r.upper - (1e30 + 1.959964e15))).toBeLessThanOrEqual(1.5e14);
  });
  it("standardisedRatio(1e308, 1, { method: 'exact' }) and rateCI(1e308, 1e10, { method: 'exact' }) (were NaN and Infinity)", () => {
    const s = standardisedRatio(1e308, 1, { method: 'exact' });
    expectOrdered(s);
    expectNear(s, gammaRef(1e308, TAIL, false), gammaRef(1e308, TAIL, true));
    const r = rateCI(1e308, 1e10, { method: 'exact' });
    expectOrdered(r);
    expectNear(r, (gammaRef(1e308, TAIL, false) / 1e10) * 1e5, (gammaRef(1e308, TAIL, true) / 1e10) * 1e5);
  });
});

describe('Clopper-Pearson and Jeffreys limits at huge counts (beta quantiles)', () => {
  const cases: [number, number][] = [
    [1e75, 1e227],
    [3.4597269395967784e232, 7.543281248143676e232],
    [1e308, 1.7e308],
    [4e306, 1e307],
  ];
  for (const [x, n] of cases) {
    it(`proportionCI(${x}, ${n}): Clopper-Pearson and Jeffreys ordered, finite, and the mpmath limits`, () => {
      const cp = proportionCI(x, n, { method: 'clopper-pearson' });
      expectOrdered(cp);
      expectNear(cp, betaRef(x, n - x + 1, TAIL, false), betaRef(x + 1, n - x, TAIL, true));
      const j = proportionCI(x, n, { method: 'jeffreys' });
      expectOrdered(j);
      expectNear(j, betaRef(x + 0.5, n - x + 0.5, TAIL, false), betaRef(x + 0.5, n - x + 0.5, TAIL, true));
    });
  }
  it('proportionCI(1e75, 1e227) upper is 1e-152, not 7.9e-37', () => {
    const r = proportionCI(1e75, 1e227, { method: 'clopper-pearson' });
    expect(relErr(r.upper, 1e-152)).toBeLessThan(1e-14);
  });
  it('rateRatioCI(1e308 / 1, 1e308 / 1): ordered, finite, 1 to an ulp or few (was [0, Infinity])', () => {
    const r = rateRatioCI({ count: 1e308, population: 1 }, { count: 1e308, population: 1 });
    expectOrdered(r);
    const p = betaRef(1e308, 1e308 + 1, TAIL, false);
    expectNear(r, p / (1 - p), (1 - p) / p);
  });
});

describe('exact limits at random huge counts (fast-check): never NaN, never inverted, never on the wrong side', () => {
  const huge = fc.double({ min: 0, max: 308.25, noNaN: true }).map((e) => Math.min(10 ** e, Number.MAX_VALUE));
  const level = fc.oneof(fc.constantFrom(0.9, 0.95, 0.99, 0.998), fc.double({ min: 0.5, max: 0.999999, noNaN: true }));
  it('poissonCI, rateCI and standardisedRatio (exact)', () => {
    fc.assert(
      fc.property(huge, level, (x, lvl) => {
        expectOrdered(poissonCI(x, { level: lvl }));
        expectOrdered(rateCI(x, Math.max(1, x), { method: 'exact', level: lvl, per: 1 }));
        expectOrdered(standardisedRatio(x, Math.max(1, x / 3), { method: 'exact', level: lvl }));
      }),
    );
  });
  it("proportionCI ('clopper-pearson', 'jeffreys'), successes and failures each 1e4 to 1.8e308", () => {
    const big = fc.double({ min: 4, max: 308.25, noNaN: true }).map((e) => Math.min(10 ** e, Number.MAX_VALUE));
    const method = fc.constantFrom('clopper-pearson' as const, 'jeffreys' as const);
    fc.assert(
      fc.property(big, big, level, method, (x, failures, lvl, m) => {
        expectOrdered(proportionCI(x, Math.min(x + failures, Number.MAX_VALUE), { method: m, level: lvl }));
      }),
    );
  });
  it('rateRatioCI (exact conditional), counts up to 1.8e308 and near-equal huge counts', () => {
    fc.assert(
      fc.property(huge, huge, fc.double({ min: -1e-9, max: 1e-9, noNaN: true }), level, (x1, x2, d, lvl) => {
        fc.pre(x1 + x2 > 0);
        expectOrdered(rateRatioCI({ count: x1, population: 1 }, { count: x2, population: 1 }, { level: lvl }));
        const y = Math.min(x1 * (1 + d), Number.MAX_VALUE);
        if (x1 > 0) expectOrdered(rateRatioCI({ count: x1, population: 2 }, { count: y, population: 6 }, { level: lvl }));
      }),
    );
  });
});
