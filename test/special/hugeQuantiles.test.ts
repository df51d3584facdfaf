import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import raw from '../fixtures/mpmath/huge-quantiles.json';
import { betaLogPrefactor } from '../../src/special/betaLogPrefactor';
import { betaQuantile, betaQuantileUpper } from '../../src/special/betaQuantile';
import { betaTemmeLog } from '../../src/special/betaTemme';
import { gammaQuantile, gammaQuantileUpper } from '../../src/special/gammaQuantile';
import { fmt, relErr, worst } from './fixture';

// Reference: quantiles at shapes from 1e3 to the largest double, from quadrature of the densities in
// 50-digit mpmath, rounded to the nearest double (test/fixtures/mpmath/huge-quantiles.py); null where the
// quantile is below 1e-290. Beyond about 1e32 the quantile is within an ulp or two of the centre, and
// the library rounds it towards its tail (never past the median): a few ulps, well inside TOL.
const data = raw as unknown as {
  /** [a, p, x with P(a, x) = p, x with Q(a, x) = p] */
  gamma: (number | null)[][];
  /** [a, b, p, x with I_x(a, b) = p, x with 1 - I_x(a, b) = p] */
  beta: (number | null)[][];
  /** [a, b, x, log I_x(a, b), log(1 - I_x(a, b))] */
  betaTail: number[][];
};
const TOL = 1e-14;

describe('gamma quantiles at huge shapes (1e3 to 1.8e308, tails 1e-300 to 0.5) against mpmath', () => {
  const rows = data.gamma as [number, number, number | null, number | null][];
  const lower = rows.filter((r) => r[2] !== null).map(([a, p, x]) => [a, p, gammaQuantile(p, a), x!] as const);
  const upper = rows.filter((r) => r[3] !== null).map(([a, p, , x]) => [a, p, gammaQuantileUpper(p, a), x!] as const);
  const wLo = worst(lower.map(([, , got, ref]) => relErr(got, ref)));
  const wUp = worst(upper.map(([, , got, ref]) => relErr(got, ref)));
  it(`gammaQuantile over ${lower.length} points: worst rel err ${fmt(wLo)} <= ${TOL}`, () => {
    for (const [a, p, got, ref] of lower) expect(relErr(got, ref), `a = ${a}, p = ${p}: ${got} vs ${ref}`).toBeLessThanOrEqual(TOL);
  });
  it(`gammaQuantileUpper over ${upper.length} points: worst rel err ${fmt(wUp)} <= ${TOL}`, () => {
    for (const [a, q, got, ref] of upper) expect(relErr(got, ref), `a = ${a}, q = ${q}: ${got} vs ${ref}`).toBeLessThanOrEqual(TOL);
  });
  it('the lower-tail quantile never exceeds a and the upper-tail one is never below a - 1/3 (the median lies between)', () => {
    for (const [a, p] of rows) {
      expect(gammaQuantile(p, a)).toBeLessThanOrEqual(a);
      expect(gammaQuantileUpper(p, a)).toBeGreaterThanOrEqual(a - 1 / 3);
    }
  });
});

describe('beta quantiles at huge shapes (both 1e3 to 1.8e308, a + b may overflow) against mpmath', () => {
  const rows = data.beta as [number, number, number, number | null, number | null][];
  const lower = rows.filter((r) => r[3] !== null).map(([a, b, p, x]) => [a, b, p, betaQuantile(p, a, b), x!] as const);
  const upper = rows.filter((r) => r[4] !== null).map(([a, b, p, , x]) => [a, b, p, betaQuantileUpper(p, a, b), x!] as const);
  const wLo = worst(lower.map(([, , , got, ref]) => relErr(got, ref)));
  const wUp = worst(upper.map(([, , , got, ref]) => relErr(got, ref)));
  it(`betaQuantile over ${lower.length} points: worst rel err ${fmt(wLo)} <= ${TOL}`, () => {
    for (const [a, b, p, got, ref] of lower) {
      expect(relErr(got, ref), `Beta(${a}, ${b}), p = ${p}: ${got} vs ${ref}`).toBeLessThanOrEqual(TOL);
    }
  });
  it(`betaQuantileUpper over ${upper.length} points: worst rel err ${fmt(wUp)} <= ${TOL}`, () => {
    for (const [a, b, q, got, ref] of upper) {
      expect(relErr(got, ref), `Beta(${a}, ${b}), q = ${q}: ${got} vs ${ref}`).toBeLessThanOrEqual(TOL);
    }
  });
  it('p > 0.5 goes through the mirrored problem: betaQuantile(1 - q, a, b) = betaQuantileUpper(q, a, b) for q = 0.25', () => {
    for (const [a, b] of [[1e20, 3e20], [1e75, 1e227], [1e308, 1e308], [1e5, 1e300]] as const) {
      expect(relErr(betaQuantile(0.75, a, b), betaQuantileUpper(0.25, a, b))).toBeLessThanOrEqual(TOL);
    }
  });
});

describe('betaTemmeLog (uniform asymptotic expansion) against mpmath, shapes 1e8 to 1e300, x within 38 sd of the mean', () => {
  // An error e in log T at x is that of x' = x (1 + e / (x |d log T/dx|)): measured as that relative shift
  // in x (the evaluation's own rounding of λ = a - (a + b)x is an ulp or two of x), or, for a tail near 1
  // (insensitive to x), as |e| itself: the smaller of the two.
  const rows = data.betaTail.filter(([a, b]) => Math.min(a!, b!) >= 1e8);
  const err = (a: number, b: number, x: number, upper: boolean, ref: number) => {
    const e = Math.abs(betaTemmeLog(x, 1 - x, a, b, upper) - ref);
    return Math.min(e, (e * (1 - x)) / Math.exp(betaLogPrefactor(x, 1 - x, a, b) - ref));
  };
  const errs = rows.flatMap(([a, b, x, logI, logU]) => [err(a!, b!, x!, false, logI!), err(a!, b!, x!, true, logU!)]);
  const w = worst(errs);
  it(`both tails at ${rows.length} points: worst error ${fmt(w)} <= 1e-15`, () => {
    expect(w).toBeLessThanOrEqual(1e-15);
  });
  it('the example: I_0.5(1e15, 1e15) = 0.5', () => {
    expect(Math.exp(betaTemmeLog(0.5, 0.5, 1e15, 1e15, false))).toBe(0.5);
  });
});

describe('huge-shape quantiles (fast-check): finite, monotone in p, on the right side of the median', () => {
  const huge = fc.double({ min: 4, max: 308.25, noNaN: true }).map((e) => Math.min(10 ** e, Number.MAX_VALUE));
  const tail = fc.double({ min: -300, max: Math.log10(0.5), noNaN: true }).map((e) => 10 ** e);
  // monotone up to rounding: a quantile is the nearest double to within an ulp or two
  const slack = 5e-16;
  it('gamma: lower-tail quantile <= a, upper-tail quantile >= a - 1/3 (the median lies between), monotone in p', () => {
    fc.assert(
      fc.property(huge, tail, tail, (a, p1, p2) => {
        const [p, q] = p1 < p2 ? [p1, p2] : [p2, p1];
        const lo = gammaQuantile(p, a);
        const up = gammaQuantileUpper(p, a);
        expect(Number.isFinite(lo) && Number.isFinite(up)).toBe(true);
        expect(lo).toBeLessThanOrEqual(gammaQuantile(q, a) * (1 + slack));
        expect(up * (1 + slack)).toBeGreaterThanOrEqual(gammaQuantileUpper(q, a));
        expect(lo).toBeLessThanOrEqual(a);
        expect(up).toBeGreaterThanOrEqual(a - 1 / 3);
      }),
    );
  });
  it("beta (a <= b): 0 < lower-tail quantile <= mean, mode <= upper-tail quantile < 1 (the median lies between), monotone in p", () => {
    fc.assert(
      fc.property(huge, huge, tail, tail, (s, t, p1, p2) => {
        const [a, b] = s <= t ? [s, t] : [t, s];
        const [p, q] = p1 < p2 ? [p1, p2] : [p2, p1];
        const lo = betaQuantile(p, a, b);
        const up = betaQuantileUpper(p, a, b);
        expect(lo > 0 && up < 1).toBe(true);
        expect(lo).toBeLessThanOrEqual(1 / (1 + b / a));
        expect(up).toBeGreaterThanOrEqual((a - 1) / (a + b - 2));
        expect(lo).toBeLessThanOrEqual(betaQuantile(q, a, b) * (1 + slack));
        expect(up * (1 + slack)).toBeGreaterThanOrEqual(betaQuantileUpper(q, a, b));
      }),
    );
  });
});
