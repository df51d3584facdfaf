import { fayHerriot, type FayHerriotMethod } from '../../src/models/index';
import { createGenerator } from '../../src/random/generator';
import { sampleBinomial } from '../../src/random/sampleBinomial';
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

/**
 * Coverage of true prevalences by the arcsin-scale Fay-Herriot intervals (back-transformed): θ_d = asin(√p_d) =
 * b0 + b1 z_d + u_d, u_d ~ N(0, A); each area's direct estimate is a binomial proportion of n_d people
 * (n_d from nLow to nHigh), so the model's 1/(4n) sampling variance is only approximate, as in practice.
 */
export function arcsinCoverage(
  areas: number,
  replications: number,
  seed: number,
  s: { b0: number; b1: number; a: number; nLow: number; nHigh: number } = { b0: 0.35, b1: 0.1, a: 0.01, nLow: 30, nHigh: 400 },
): { coverage: number; intervals: number; meanWidth: number } {
  const rng = createGenerator(seed);
  const z = Array.from({ length: areas }, () => sampleNormal(rng));
  const n = Array.from({ length: areas }, (_, i) => Math.round(s.nLow + ((s.nHigh - s.nLow) * i) / (areas - 1)));
  let covered = 0;
  let total = 0;
  let width = 0;
  for (let r = 0; r < replications; r++) {
    const p = z.map((zi) => {
      const t = Math.min(Math.max(s.b0 + s.b1 * zi + Math.sqrt(s.a) * sampleNormal(rng), 0), Math.PI / 2);
      return Math.sin(t) ** 2;
    });
    const rows = p.map((pi, i) => ({ area: i, p: sampleBinomial(rng, n[i]!, pi) / n[i]!, n: n[i]!, z: z[i]! }));
    const fit = fayHerriot(rows, { response: 'p', transform: 'arcsin', effectiveSize: 'n', covariates: ['z'] });
    fit.areas.forEach((area, i) => {
      covered += area.estimate.lower <= p[i]! && p[i]! <= area.estimate.upper ? 1 : 0;
      total++;
      width += area.estimate.upper - area.estimate.lower;
    });
  }
  return { coverage: covered / total, intervals: total, meanWidth: width / total };
}
