import { describe, expect, it } from 'vitest';
import { createGenerator } from '../../src/random/generator';
import { samplePoisson } from '../../src/random/samplePoisson';
import { sampleBinomial } from '../../src/random/sampleBinomial';
import exact from '../fixtures/scipy/random-discrete-cdf.json';
import { chiSquareDiscrete, every, momentZ, sample } from './goodnessOfFit';

// Tolerances (see goodnessOfFit.ts): Pearson chi-square against scipy's exact CDF below its 0.999
// quantile (cells merged to expect >= 5 draws), mean and variance within 5 standard errors. Fixed
// seeds make each check deterministic; 20000 draws per regime.
const N = 20000;

describe('samplePoisson', () => {
  // Inversion below mean 10, Ahrens & Dieter's PD from 10 (9.9, 10 and 10.5 straddle the switch).
  for (const [j, row] of exact.filter((r) => r.kind === 'poisson').entries()) {
    const mean = row.mean!;
    it(`mean ${mean}: whole numbers, chi-square against the exact pmf, moments within 5 SE`, () => {
      const xs = sample(createGenerator(400 + j), N, (r) => samplePoisson(r, mean));
      expect(every(xs, (x) => Number.isInteger(x) && x >= 0)).toBe(true);
      const test = chiSquareDiscrete(xs, row.edges, row.cdf);
      expect(test.cells).toBeGreaterThan(4);
      expect(test.statistic).toBeLessThan(test.critical);
      // Poisson: variance = mean, excess kurtosis 1 / mean.
      const z = momentZ(xs, mean, mean, 1 / mean);
      expect(Math.abs(z.zMean)).toBeLessThan(5);
      expect(Math.abs(z.zVariance)).toBeLessThan(5);
    });
  }

  it('PD at 400000 draws (means 10 and 50): chi-square still below the 0.999 quantile', () => {
    // 20x the sample above, so the test detects errors of about 0.1 in the log density of the rare steps
    // (quotient and hat acceptance: several percent of draws at mean 10, where they are most frequent).
    for (const [j, mean] of [10, 50].entries()) {
      const row = exact.find((r) => r.kind === 'poisson' && r.mean === mean)!;
      const xs = sample(createGenerator(450 + j), 400000, (r) => samplePoisson(r, mean));
      const test = chiSquareDiscrete(xs, row.edges, row.cdf);
      expect(test.statistic).toBeLessThan(test.critical);
    }
  });

  it('mean 0 gives 0; tiny means give mostly 0', () => {
    expect(samplePoisson(createGenerator(1), 0)).toBe(0);
    const xs = sample(createGenerator(2), 1000, (r) => samplePoisson(r, 1e-9));
    expect(every(xs, (x) => x === 0)).toBe(true);
  });

  it('golden values for seed 42', () => {
    const g = createGenerator(42);
    const draws = [3, 3, 7706, 7706, 1e12].map((mean) => samplePoisson(g, mean));
    // Means from 10 changed from PTRS (Hörmann 1993) to PD (Ahrens & Dieter 1982), which is about twice as
    // fast in bulk; the PTRS draws were [2, 0, 7744, 7801, 1000000971534].
    expect(draws).toEqual([2, 0, 7777, 7660, 999999400474]);
  });
});

describe('sampleBinomial', () => {
  // Inversion when n min(p, 1 - p) < 10, BTRS otherwise; p > 1/2 by symmetry.
  for (const [j, row] of exact.filter((r) => r.kind === 'binomial').entries()) {
    const n = row.n!;
    const p = row.p!;
    it(`n ${n}, p ${p}: whole numbers in [0, n], chi-square against the exact pmf, moments within 5 SE`, () => {
      const xs = sample(createGenerator(500 + j), N, (r) => sampleBinomial(r, n, p));
      expect(every(xs, (x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
      const test = chiSquareDiscrete(xs, row.edges, row.cdf);
      expect(test.cells).toBeGreaterThan(4);
      expect(test.statistic).toBeLessThan(test.critical);
      const q = 1 - p;
      const variance = n * p * q;
      const z = momentZ(xs, n * p, variance, (1 - 6 * p * q) / variance);
      expect(Math.abs(z.zMean)).toBeLessThan(5);
      expect(Math.abs(z.zVariance)).toBeLessThan(5);
    });
  }

  it('BTRS at 400000 draws (n 100, p 0.3): chi-square still below the 0.999 quantile', () => {
    const row = exact.find((r) => r.kind === 'binomial' && r.n === 100 && r.p === 0.3)!;
    const xs = sample(createGenerator(550), 400000, (r) => sampleBinomial(r, 100, 0.3));
    const test = chiSquareDiscrete(xs, row.edges, row.cdf);
    expect(test.statistic).toBeLessThan(test.critical);
  });

  it('p = 0 gives 0 and p = 1 gives n exactly; n = 0 gives 0', () => {
    const g = createGenerator(1);
    for (const n of [0, 1, 7, 7706, 1e9]) {
      expect(sampleBinomial(g, n, 0)).toBe(0);
      expect(sampleBinomial(g, n, 1)).toBe(n);
    }
    expect(sampleBinomial(g, 0, 0.3)).toBe(0);
  });

  it('golden values for seed 42', () => {
    const g = createGenerator(42);
    expect([
      sampleBinomial(g, 100, 0.03),
      sampleBinomial(g, 7706, 0.5),
      sampleBinomial(g, 7706, 0.5),
      sampleBinomial(g, 1e9, 0.3),
      sampleBinomial(g, 50, 0.9),
    ]).toEqual([2, 3877, 3884, 299984122, 45]);
  });
});
