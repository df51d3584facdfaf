import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logBeta } from '../../src/special/logBeta';
import { logGamma, logGamma1p } from '../../src/special/logGamma';
import { fmt, num, R, worst } from './fixture';

// Reference: R 4.2.2 lgamma / lbeta. Error measure: |got - want| / max(1, |want|), i.e. relative where
// |log Γ| >= 1 and absolute near its zeros at 1 and 2 (where R's own lgamma = log(gamma(x)) is only
// absolutely accurate, so a relative comparison would measure R, not us).
const TOL = 1e-13;
const err = (got: number, want: number) => Math.abs(got - want) / Math.max(1, Math.abs(want));

describe('logGamma against R lgamma, x from 1e-300 to 1e300', () => {
  const rows = R.logGamma.map((r) => [num(r[0]!), num(r[1]!)] as const);
  const w = worst(rows.map(([x, v]) => err(logGamma(x), v)));
  it(`worst err ${fmt(w)} <= ${TOL}`, () => {
    for (const [x, v] of rows) expect(err(logGamma(x), v), `x = ${x}`).toBeLessThanOrEqual(TOL);
  });
  it('exact values and logGamma1p near 0', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 15);
    // log Γ(1 + a) = -γ a + ζ(2) a² / 2 - ...: relative accuracy for tiny a
    const a = 1e-10;
    const want = -0.5772156649015329 * a + (1.6449340668482264 / 2) * a * a;
    expect(Math.abs(logGamma1p(a) - want) / Math.abs(want)).toBeLessThan(1e-15);
    expect(logGamma1p(0.7)).toBeCloseTo(logGamma(1.7), 15);
  });
  it('satisfies log Γ(x + 1) = log Γ(x) + log x (to 1e-13 absolute per unit of magnitude)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        const lhs = logGamma(x + 1);
        const rhs = logGamma(x) + Math.log(x);
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(lhs), Math.abs(Math.log(x))));
      }),
    );
  });
});

describe('logBeta against R lbeta, including one huge argument (5, 1e6) and (1e4, 1e4)', () => {
  const rows = R.logBeta.map((r) => r.map((v) => num(v)));
  const w = worst(rows.map(([a, b, v]) => err(logBeta(a!, b!), v!)));
  it(`worst err ${fmt(w)} <= ${TOL}`, () => {
    for (const [a, b, v] of rows) expect(err(logBeta(a!, b!), v!), `a = ${a}, b = ${b}`).toBeLessThanOrEqual(TOL);
  });
  it('is symmetric and matches log Γ sums for small arguments', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), fc.double({ min: 1e-3, max: 1e7, noNaN: true }), (a, b) => {
        expect(logBeta(a, b)).toBe(logBeta(b, a));
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 8, noNaN: true }), fc.double({ min: 0.01, max: 8, noNaN: true }), (a, b) => {
        const want = logGamma(a) + logGamma(b) - logGamma(a + b);
        expect(Math.abs(logBeta(a, b) - want)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(want)));
      }),
    );
  });
});
