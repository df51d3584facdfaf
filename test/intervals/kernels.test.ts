import { describe, expect, it } from 'vitest';
import { byarLimits } from '../../src/intervals/kernels/byarLimits';
import { clopperPearsonLimits } from '../../src/intervals/kernels/clopperPearsonLimits';
import { poissonExactLimits } from '../../src/intervals/kernels/poissonExactLimits';
import { twoSidedZ } from '../../src/intervals/kernels/twoSidedZ';
import { wilsonLimits } from '../../src/intervals/kernels/wilsonLimits';
import r from '../fixtures/r/intervals.json';
import { expectClose, num } from './close';

// The internal kernels other modules import (survey, multinomial, compare, standardise), checked
// directly against the R fixture (test/fixtures/r/intervals.R) at relative 1e-12.
const REL = 1e-12;

describe('interval kernels', () => {
  it('twoSidedZ: qnorm((1 + level) / 2)', () => {
    expectClose(twoSidedZ(0.95), 1.959963984540054, 1e-15);
    expectClose(twoSidedZ(0.998), 3.090232306167813, 1e-15);
    expectClose(twoSidedZ(0.9), 1.6448536269514722, 1e-15);
  });

  it('wilsonLimits and clopperPearsonLimits match R, including weighted counts', () => {
    for (const row of r.proportion) {
      if (row.method !== 'wilson' && row.method !== 'clopper-pearson') continue;
      const [lo, hi] = (row.method === 'wilson' ? wilsonLimits : clopperPearsonLimits)(row.x, row.n, row.level);
      expectClose(lo, num(row.lower), REL, 0, `${row.method} ${row.x}/${row.n} lower`);
      expectClose(hi, num(row.upper), REL, 0, `${row.method} ${row.x}/${row.n} upper`);
    }
  });

  it('poissonExactLimits and byarLimits match R (Byar lower 0 where its formula goes negative)', () => {
    for (const row of r.poisson) {
      const [lo, hi] = (row.method === 'exact' ? poissonExactLimits : byarLimits)(row.x, row.level);
      expectClose(lo, Math.max(0, num(row.lower)), REL, 0, `${row.method} ${row.x} at ${row.level} lower`);
      expectClose(hi, num(row.upper), REL, 0, `${row.method} ${row.x} at ${row.level} upper`);
    }
  });

  it('boundaries are exact and nothing is NaN at the edges', () => {
    expect(wilsonLimits(0, 10, 0.95)[0]).toBe(0);
    expect(wilsonLimits(10, 10, 0.95)[1]).toBe(1);
    expect(wilsonLimits(2.5, 2.5, 0.95)[1]).toBe(1);
    expect(clopperPearsonLimits(0, 10, 0.95)[0]).toBe(0);
    expect(clopperPearsonLimits(10, 10, 0.95)[1]).toBe(1);
    expect(poissonExactLimits(0, 0.95)[0]).toBe(0);
    expect(byarLimits(0, 0.95)[0]).toBe(0);
    expect(byarLimits(1, 0.998)[0]).toBe(0);
    expect(byarLimits(1e-300, 0.95)[0]).toBe(0);
    // Wilson stays in [0, 1] for a count within rounding of n (the mirrored product form)
    const [lo, hi] = wilsonLimits(0.0009999998164219594, 0.001, 0.9);
    expect(hi).toBeLessThanOrEqual(1);
    expect(lo).toBeGreaterThanOrEqual(0);
    for (const v of [...wilsonLimits(1, 1e9, 0.95), ...clopperPearsonLimits(1, 1e9, 0.95), ...poissonExactLimits(1e9, 0.95), ...byarLimits(1e9, 0.95)]) {
      expect(Number.isFinite(v)).toBe(true);
    }
  });
});

describe('poissonExactLimits memo for whole counts below 10', () => {
  it('returns the same bits as the uncached computation, across many levels (more than the 8 remembered)', async () => {
    const { gammaQuantile, gammaQuantileUpper } = await import('../../src/special/gammaQuantile');
    const { poissonExactLimits: limits } = await import('../../src/intervals/kernels/poissonExactLimits');
    for (let round = 0; round < 2; round++) {
      for (const level of [0.5, 0.8, 0.9, 0.95, 0.99, 0.998, 0.999, 0.9999, 0.99999, 0.6]) {
        for (let x = 0; x < 12; x++) {
          const tail = (1 - level) / 2;
          const expected = [x === 0 ? 0 : gammaQuantile(tail, x), gammaQuantileUpper(tail, x + 1)];
          expect(limits(x, level)).toEqual(expected);
        }
      }
    }
  });
});
