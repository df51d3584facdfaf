import { describe, expect, it } from 'vitest';
import raw from '../fixtures/mpmath/interval-quantiles.json';
import { betaQuantile, betaQuantilePair, betaQuantileUpper } from '../../src/special/betaQuantile';
import { gammaQuantile, gammaQuantileUpper } from '../../src/special/gammaQuantile';
import { gammaTemmeSum } from '../../src/special/gammaTemmeSum';
import { GAMMA_TEMME_C } from '../../src/special/gammaTemmeCoefficients';
import { inverseSeries } from '../../src/special/inverseSeries';
import { fmt, relErr, worst } from './fixture';

// Reference: 50-digit mpmath quantiles at the shapes and tails of exact intervals (rateCI exact, Clopper-Pearson,
// Jeffreys, the conditional rate ratio; n up to 10,000; tails 0.025 to 1e-5, gamma also 1e-10), the ones the
// one-step paths (gammaQuantile from shape 20 with Temme's expansion, betaQuantile's single continued fraction
// with the fifth-order inverse series) answer. test/fixtures/mpmath/interval-quantiles.py.
const data = raw as unknown as {
  /** [a, p, upper, x] */
  gamma: [number, number, boolean, number][];
  /** [a, b, p, upper, x] */
  beta: [number, number, number, boolean, number][];
};
const TOL = 1e-14;

describe('quantiles of exact intervals against mpmath', () => {
  const gamma = data.gamma.map(([a, p, upper, x]) => [a, p, upper, upper ? gammaQuantileUpper(p, a) : gammaQuantile(p, a), x] as const);
  const wGamma = worst(gamma.map(([, , , got, ref]) => relErr(got, ref)));
  it(`gamma, shapes 20 to 1e4, ${gamma.length} points: worst rel err ${fmt(wGamma)} <= ${TOL}`, () => {
    for (const [a, p, upper, got, ref] of gamma) expect(relErr(got, ref), `a = ${a}, p = ${p}, upper ${upper}`).toBeLessThanOrEqual(TOL);
  });
  const beta = data.beta.map(([a, b, p, upper, x]) => [a, b, p, upper, upper ? betaQuantileUpper(p, a, b) : betaQuantile(p, a, b), x] as const);
  const wBeta = worst(beta.map(([, , , , got, ref]) => relErr(got, ref)));
  it(`beta, Clopper-Pearson, Jeffreys and rate-ratio shapes, ${beta.length} points: worst rel err ${fmt(wBeta)} <= ${TOL}`, () => {
    for (const [a, b, p, upper, got, ref] of beta) {
      expect(relErr(got, ref), `a = ${a}, b = ${b}, p = ${p}, upper ${upper}`).toBeLessThanOrEqual(TOL);
    }
  });
});

describe('betaQuantilePair', () => {
  it('is [betaQuantile(p, a, b), betaQuantileUpper(p, b, a)] bit for bit, one solve for both', () => {
    for (const [a, b, p] of data.beta) {
      const [x, y] = betaQuantilePair(p, a, b);
      expect(x).toBe(betaQuantile(p, a, b));
      expect(y).toBe(betaQuantileUpper(p, b, a));
      const [x2, y2] = betaQuantilePair(1 - p, a, b);
      expect(x2).toBe(betaQuantile(1 - p, a, b));
      expect(y2).toBe(betaQuantileUpper(1 - p, b, a));
    }
  });
  it('also where the quantile path does not carry 1 - x (both shapes >= 1e4, one 1e20 times the other)', () => {
    for (const [a, b] of [
      [2e4, 3e4],
      [5, 1e22],
      [0.5, 0.5],
    ] as const) {
      expect(betaQuantilePair(0.025, a, b)).toEqual([betaQuantile(0.025, a, b), betaQuantileUpper(0.025, b, a)]);
    }
    expect(betaQuantilePair(0, 2, 3)).toEqual([0, 1]);
    expect(betaQuantilePair(1, 2, 3)).toEqual([1, 0]);
  });
});

describe('gammaTemmeSum', () => {
  it('is the full nine-term sum of the Temme coefficient polynomials to rounding where it is used (a >= 20, |η| <= 0.9)', () => {
    for (const a of [20, 37.5, 99, 100, 299, 300, 1000, 1e6, 1e13, 1e20]) {
      for (const eta of [-0.9, -0.55, -0.4, -0.2, -0.05, 0, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9]) {
        let full = 0;
        for (let k = GAMMA_TEMME_C.length - 1; k >= 0; k--) {
          const row = GAMMA_TEMME_C[k]!;
          let c = 0;
          for (let n = row.length - 1; n >= 0; n--) c = c * eta + row[n]!;
          full = full / a + c;
        }
        // dropped terms below 1e-17 absolute, and the two summation orders differ by an ulp or two
        expect(Math.abs(gammaTemmeSum(a, eta) - full), `a = ${a}, η = ${eta}`).toBeLessThanOrEqual(1e-17 + 4e-16 * Math.abs(full));
      }
    }
  });
});

describe('inverseSeries', () => {
  it('moves log x to the exponential quantile to fifth order, with an honest error estimate', () => {
    // Gamma(1): P(x) = 1 - e^-x, h = x e^-x / P, k = 1 - x, k' = k'' = k''' = -x; from x = 1 to P = 0.7, 0.64, 0.633
    const P0 = -Math.expm1(-1);
    const h = Math.exp(-1) / P0;
    const error = new Float64Array(1);
    for (const target of [0.7, 0.64, 0.633]) {
      const step = inverseSeries(Math.log(target / P0), h, 0, -1, -1, -1, error);
      const exact = Math.log(-Math.log1p(-target));
      expect(Math.abs(step - exact)).toBeLessThanOrEqual(Math.max(4 * error[0]!, 4e-16));
    }
    // the last is 0.0014 away in log P: the step is exact to rounding and says so
    expect(error[0]).toBeLessThan(1e-16);
  });
});
