import { describe, expect, it } from 'vitest';
import { coverage, REGIMES } from './calibrationStudy';

/**
 * The acceptance test of the hidden-incidence model: in every regime, the 95% Monte Carlo interval covers
 * the true number of victims (and of victims never recorded) in 93% to 97.5% of 1,000 simulated analyses.
 *
 * 2,000 draws per analysis is enough for a percentile interval here: the interval between the order
 * statistics of ranks j and n + 1 - j (j = floor(0.025 (n + 1)) = 50) contains a further draw from the same
 * distribution with probability exactly (n + 1 - 2j) / (n + 1) = 95.0%, so Monte Carlo error does not erode
 * coverage on average; it only jitters each limit (relative standard error of a 2.5% percentile about 1-3%
 * here). 1,000 replications give a binomial standard error of 0.7 points on the coverage. The seeds are
 * fixed, so the outcome is reproducible. bench/calibration.ts runs a larger version (docs/incidence.md).
 */
describe('calibration: 95% intervals cover the truth 93% to 97.5% of the time', () => {
  for (const regime of REGIMES) {
    it(regime.name, () => {
      const c = coverage(regime, 1000, 2000);
      expect(c.victims).toBeGreaterThanOrEqual(0.93);
      expect(c.victims).toBeLessThanOrEqual(0.975);
      expect(c.unrecorded).toBeGreaterThanOrEqual(0.93);
      expect(c.unrecorded).toBeLessThanOrEqual(0.975);
    });
  }
});
