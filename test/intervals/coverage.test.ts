import { describe, expect, it } from 'vitest';
import { proportionCI, type ProportionMethod } from '../../src/index';
import { createGenerator } from '../../src/random/generator';
import { sampleBinomial } from '../../src/random/sampleBinomial';
import { logGamma } from '../../src/special/logGamma';

// Coverage of the 95% Wilson and Clopper-Pearson intervals over a grid of n and p, two ways:
// exactly, summing the binomial pmf over the x whose interval covers p, and by seeded simulation.

const NS = [10, 20, 50, 100, 500];
const PS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99];

/** Limits for every x in 0..n, computed once per (n, method). */
function limitsFor(n: number, method: ProportionMethod): [Float64Array, Float64Array] {
  const lo = new Float64Array(n + 1);
  const hi = new Float64Array(n + 1);
  for (let x = 0; x <= n; x++) {
    const res = proportionCI(x, n, { method });
    lo[x] = res.lower;
    hi[x] = res.upper;
  }
  return [lo, hi];
}

function binomialPmf(x: number, n: number, p: number): number {
  return Math.exp(
    logGamma(n + 1) - logGamma(x + 1) - logGamma(n - x + 1) + x * Math.log(p) + (n - x) * Math.log1p(-p),
  );
}

function exactCoverage(n: number, p: number, lo: Float64Array, hi: Float64Array): number {
  let c = 0;
  for (let x = 0; x <= n; x++) if (lo[x]! <= p && p <= hi[x]!) c += binomialPmf(x, n, p);
  return c;
}

const REPS = 4000;
/** Monte Carlo standard error of a coverage near 0.95 with REPS draws: about 0.0034. */
const MC_SE = Math.sqrt((0.95 * 0.05) / REPS);

function simulatedCoverage(n: number, p: number, lo: Float64Array, hi: Float64Array, seed: number): number {
  const rng = createGenerator(seed);
  let covered = 0;
  for (let i = 0; i < REPS; i++) {
    const x = sampleBinomial(rng, n, p);
    if (lo[x]! <= p && p <= hi[x]!) covered++;
  }
  return covered / REPS;
}

describe('coverage of 95% intervals for a proportion', () => {
  const grid = NS.flatMap((n) => PS.map((p) => [n, p] as const));

  it('Wilson: mean coverage over the grid within 0.01 of 95% (exact enumeration and seeded simulation agree)', () => {
    const exact: number[] = [];
    const simulated: number[] = [];
    let seed = 1;
    for (const n of NS) {
      const [lo, hi] = limitsFor(n, 'wilson');
      for (const p of PS) {
        const e = exactCoverage(n, p, lo, hi);
        const s = simulatedCoverage(n, p, lo, hi, seed++);
        // simulation and enumeration agree within 4.5 Monte Carlo standard errors at each point
        expect(Math.abs(s - e), `n ${n} p ${p}: simulated ${s}, exact ${e}`).toBeLessThan(4.5 * Math.sqrt((e * (1 - e)) / REPS) + 1e-3);
        exact.push(e);
        simulated.push(s);
      }
    }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(exact).toHaveLength(grid.length);
    // Wilson is not exact: single points dip (to 0.904 at n = 10, p = 0.01 and 0.99 on this grid), but its
    // average is close to nominal (0.9489 here; Brown, Cai & DasGupta 2001).
    expect(Math.abs(mean(exact) - 0.95)).toBeLessThan(0.01);
    // simulated mean: tolerance 0.01 plus 4 standard errors of a mean of grid.length points
    expect(Math.abs(mean(simulated) - 0.95)).toBeLessThan(0.01 + (4 * MC_SE) / Math.sqrt(grid.length));
  });

  it('Clopper-Pearson: coverage >= 95% at every grid point (exactly; simulated, minus 3 Monte Carlo SE)', () => {
    let seed = 1000;
    for (const n of NS) {
      const [lo, hi] = limitsFor(n, 'clopper-pearson');
      for (const p of PS) {
        const e = exactCoverage(n, p, lo, hi);
        expect(e, `n ${n} p ${p}`).toBeGreaterThanOrEqual(0.95 - 1e-12);
        const s = simulatedCoverage(n, p, lo, hi, seed++);
        expect(s, `n ${n} p ${p} simulated`).toBeGreaterThanOrEqual(0.95 - 3 * MC_SE);
      }
    }
  });

  it('the simulation is reproducible for a given seed', () => {
    const [lo, hi] = limitsFor(50, 'wilson');
    expect(simulatedCoverage(50, 0.3, lo, hi, 7)).toBe(simulatedCoverage(50, 0.3, lo, hi, 7));
  });
});
