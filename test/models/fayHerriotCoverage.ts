import { fayHerriot, type FayHerriotMethod } from '../../src/models/index';
import { createGenerator } from '../../src/random/generator';
import { sampleNormal } from '../../src/random/sampleNormal';

/** A Fay-Herriot population: y_d = x_d'β + u_d + e_d, u_d ~ N(0, A), e_d ~ N(0, D_d), D_d from a fixed spread. */
export interface FayHerriotScenario {
  areas: number;
  /** Model variance A. */
  a: number;
  /** β for (intercept, x1, x2). */
  beta: [number, number, number];
  /** Sampling variances run evenly from dLow to dHigh across the areas. */
  dLow: number;
  dHigh: number;
}

export const coverageScenario: FayHerriotScenario = { areas: 200, a: 1, beta: [2, 0.5, -0.3], dLow: 0.3, dHigh: 3 };

/**
 * Coverage of the true area means θ_d = x_d'β + u_d by the EBLUP intervals over `replications` seeded
 * data sets (covariates drawn once, u and e anew each time): the share of all area-intervals that cover.
 */
export function fayHerriotCoverage(
  s: FayHerriotScenario,
  method: FayHerriotMethod,
  replications: number,
  seed: number,
): { coverage: number; intervals: number; meanWidth: number; truncated: number; byTercile: [number, number, number] } {
  const rng = createGenerator(seed);
  const x1 = Array.from({ length: s.areas }, () => sampleNormal(rng));
  const x2 = Array.from({ length: s.areas }, () => 4 * rng.next());
  const d = Array.from({ length: s.areas }, (_, i) => s.dLow + ((s.dHigh - s.dLow) * i) / (s.areas - 1));
  let covered = 0;
  let total = 0;
  let width = 0;
  let truncated = 0;
  const tercile = [0, 0, 0];
  const tercileTotal = [0, 0, 0];
  for (let r = 0; r < replications; r++) {
    const theta = x1.map((_, i) => s.beta[0] + s.beta[1] * x1[i]! + s.beta[2] * x2[i]! + Math.sqrt(s.a) * sampleNormal(rng));
    const rows = theta.map((t, i) => ({ area: i, y: t + Math.sqrt(d[i]!) * sampleNormal(rng), d: d[i]!, x1: x1[i]!, x2: x2[i]! }));
    const fit = fayHerriot(rows, { response: 'y', variance: 'd', covariates: ['x1', 'x2'], method });
    if (fit.modelVariance === 0) truncated++;
    fit.areas.forEach((area, i) => {
      const hit = area.estimate.lower <= theta[i]! && theta[i]! <= area.estimate.upper ? 1 : 0;
      covered += hit;
      total++;
      width += area.estimate.upper - area.estimate.lower;
      const t = Math.min(2, Math.floor((3 * i) / s.areas));
      tercile[t]! += hit;
      tercileTotal[t]!++;
    });
  }
  return {
    coverage: covered / total,
    intervals: total,
    meanWidth: width / total,
    truncated,
    byTercile: [tercile[0]! / tercileTotal[0]!, tercile[1]! / tercileTotal[1]!, tercile[2]! / tercileTotal[2]!],
  };
}
