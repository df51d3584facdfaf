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
    for (const { mean, lo, hi, mass } of r.truncatedPoissonMass) {
      expect(Math.abs(truncatedPoissonMass(mean, lo, hi) - mass)).toBeLessThanOrEqual(1e-13 * mass);
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
