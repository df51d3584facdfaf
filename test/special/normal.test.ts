import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalUpperCdf } from '../../src/special/normalCdf';
import { normalQuantile } from '../../src/special/normalQuantile';
import { fmt, num, R, relErr, worst } from './fixture';

// Reference: R 4.2.2 qnorm / pnorm (test/fixtures/r/special-functions.R).
const TOL = 1e-12;

describe('normalQuantile (AS 241) against R qnorm, p from 1e-300 to 1 - 1e-10', () => {
  const rows = R.normalQuantile.map((r) => [num(r[0]!), num(r[1]!)] as const);
  const w = worst(rows.map(([p, z]) => relErr(normalQuantile(p), z)));
  it(`worst rel err ${fmt(w)} <= ${TOL}`, () => {
    for (const [p, z] of rows) expect(relErr(normalQuantile(p), z), `p = ${p}`).toBeLessThanOrEqual(TOL);
  });

  it('is ±Infinity at 0 and 1, 0 at 0.5, NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
  });
});

describe('normalCdf / normalUpperCdf (Cody) against R pnorm, both tails, x from -38 to 37.5', () => {
  const rows = R.normalCdf.map((r) => r.map((v) => num(v)));
  // Below the smallest normal double (2.2e-308) results only need to be below it too: R cuts off at
  // x = -37.5193 (pnorm(-38) = 0) where we return the subnormal 2.885e-316 (the true value).
  const err = (got: number, want: number) => (want < 2.3e-308 ? (got < 2.3e-308 ? 0 : Infinity) : relErr(got, want));
  const wl = worst(rows.map(([x, lo]) => err(normalCdf(x!), lo!)));
  const wu = worst(rows.map(([x, , up]) => err(normalUpperCdf(x!), up!)));
  it(`lower tail: worst rel err ${fmt(wl)} <= ${TOL}`, () => {
    for (const [x, lo] of rows) expect(err(normalCdf(x!), lo!), `x = ${x}`).toBeLessThanOrEqual(TOL);
  });
  it(`upper tail: worst rel err ${fmt(wu)} <= ${TOL}`, () => {
    for (const [x, , up] of rows) expect(err(normalUpperCdf(x!), up!), `x = ${x}`).toBeLessThanOrEqual(TOL);
  });
  it('limits and symmetry', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalUpperCdf(Infinity)).toBe(0);
    expect(normalCdf(0)).toBe(0.5);
    fc.assert(
      fc.property(fc.double({ min: -37, max: 37, noNaN: true }), (x) => {
        expect(normalCdf(x)).toBe(normalUpperCdf(-x));
      }),
    );
  });
});

describe('normal properties', () => {
  // Round trips are limited by the conditioning: p = Φ(z) is rounded (relative 1.1e-16), moving z by
  // 1.1e-16·p/φ(z) (absolute near 0), and z's own rounding moves Φ(z) by a relative z²·1.1e-16.
  it('round trip normalQuantile(normalCdf(z)) = z to 1e-14 · max(1, |z|) for z in [-37, 0]', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 0, noNaN: true }), (z) => {
        expect(Math.abs(normalQuantile(normalCdf(z)) - z)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(z)));
      }),
    );
  });
  it('round trip normalCdf(normalQuantile(p)) = p to (1 + z²)·2e-15 relative, p log-uniform in [1e-300, 0.5]', () => {
    fc.assert(
      fc.property(fc.double({ min: -300, max: Math.log10(0.5), noNaN: true }), (e) => {
        const p = 10 ** e;
        const z = normalQuantile(p);
        expect(relErr(normalCdf(z), p)).toBeLessThanOrEqual((1 + z * z) * 2e-15);
      }),
    );
  });
  it('quantile is odd, cdf and quantile are monotone', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, maxExcluded: true, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p, r) => {
        expect(normalQuantile(1 - p) + normalQuantile(p)).toBe(0); // 1 - p is exact for p >= 0.5
        const q = p * r;
        expect(normalQuantile(q)).toBeLessThanOrEqual(normalQuantile(p));
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (x, d) => {
        expect(normalCdf(x)).toBeLessThanOrEqual(normalCdf(x + d));
        expect(normalUpperCdf(x)).toBeGreaterThanOrEqual(normalUpperCdf(x + d));
      }),
    );
  });
});
