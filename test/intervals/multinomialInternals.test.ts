import { describe, expect, it } from 'vitest';
import { logPoissonPmf } from '../../src/intervals/multinomial/logPoissonPmf';
import { scoreLimits } from '../../src/intervals/multinomial/scoreLimits';
import { truncatedPoissonMass } from '../../src/intervals/multinomial/truncatedPoissonMass';
import r from '../fixtures/r/multinomial.json';

describe('Sison-Glaz building blocks against R (dpois)', () => {
  it('logPoissonPmf matches R dpois(log = TRUE) to 1e-13 relative, also at means of 1e6 and 4.5e8', () => {
    for (const { x, mean, logPmf } of r.logPoissonPmf) {
      expect(Math.abs(logPoissonPmf(x, mean) - logPmf)).toBeLessThanOrEqual(1e-13 * Math.abs(logPmf));
    }
    expect(logPoissonPmf(0, 0)).toBe(0);
    expect(logPoissonPmf(2, 0)).toBe(-Infinity);
  });

  it('truncatedPoissonMass matches sums of R dpois to 1e-13 relative (direct sums and incomplete-gamma tails)', () => {
    // Windows around the mean, as Sison-Glaz uses them (the fixture's P(0 <= X <= 2) for mean 5 is not one).
    const around = r.truncatedPoissonMass.filter(({ mean, lo, hi }) => lo <= mean && mean <= hi);
    expect(around).toHaveLength(4);
    for (const { mean, lo, hi, mass } of around) {
      expect(Math.abs(truncatedPoissonMass(mean, mean - lo, hi - mean) - mass)).toBeLessThanOrEqual(1e-13 * mass);
    }
    // The lower end is cut at 0: P(X <= 40) for mean 3, both ways.
    expect(truncatedPoissonMass(3, 50, 37)).toBe(truncatedPoissonMass(3, 3, 37));
    expect(Math.abs(truncatedPoissonMass(3, 3, 5000) - 1)).toBeLessThan(1e-15);
  });

  it('truncatedPoissonMass near 2^53: smooth in the window width where mean + width + 1 is not a double', () => {
    // For mean x = 2^53 - 3 (sd 9.5e7) x + c + 1 rounds to an even number for odd c; taken as it stands that
    // would move the upper tail by P(x + c), about 2.5e-9, every other c. The second differences in c are 1e-17.
    const x = 2 ** 53 - 3;
    for (const c of [1e8 + 1, 1.5e8, 2e8 + 1]) {
      const [a, b, d] = [c - 1, c, c + 1].map((w) => truncatedPoissonMass(x, w, w));
      expect(Math.abs(a! - 2 * b! + d!)).toBeLessThan(1e-13);
    }
  });

  it('scoreLimits: exact 0 at x = 0, exact 1 at x = n, no cancellation for tiny weighted x', () => {
    expect(scoreLimits(0, 50, 3.84)).toEqual([0, expect.any(Number)]);
    expect(scoreLimits(50, 50, 3.84)[1]).toBe(1);
    // x = 1e-9 of n = 100: lower = x^2 / (n (q + n) upper), about x^2 / (n q) = 2.6e-21 (the subtraction form gives 0).
    const [lower, upper] = scoreLimits(1e-9, 100, 3.84);
    expect(Math.abs(lower / (1e-18 / (100 * 103.84 * upper)) - 1)).toBeLessThan(1e-15);
    expect(lower).toBeGreaterThan(2.5e-21);
    expect(lower).toBeLessThan(2.7e-21);
  });
});
