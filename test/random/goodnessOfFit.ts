/**
 * Goodness-of-fit helpers for the sampler tests (not a test file).
 *
 * Tolerance logic, used throughout test/random: every statistical check runs at a fixed seed, so it is
 * deterministic, and is set at a false-alarm rate of 0.001 per check (KS: D < 1.9495 / sqrt(n), the
 * asymptotic Kolmogorov 0.999 quantile; chi-square: statistic < the 0.999 quantile; moments: within
 * 5 standard errors, a two-sided rate below 1e-6). A correct sampler passes all of them at almost
 * any seed; a sampler that is wrong by more than a few standard errors at these sizes fails.
 */
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import type { Random } from '../../src/random/generator';

/** Asymptotic critical value of the one-sample Kolmogorov-Smirnov statistic at level 0.001. */
export const KS_0999 = 1.9495;

/** n draws from `draw` into a Float64Array. */
export function sample(rng: Random, n: number, draw: (rng: Random) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw(rng);
  return out;
}

/**
 * One-sample Kolmogorov-Smirnov statistic D of `xs` against the continuous CDF `cdf`; sorts `xs`.
 * Draws are doubles, so tied values are compared as a step: the empirical CDF just below a value v
 * (i/n) with F(v-) and at v (j/n) with F(v+). Mass can pile up on one double only at the ends: true
 * values below 2^-1075 underflow to 0 (F(0+) is taken as cdf(Number.MIN_VALUE)), and values within
 * 2^-54 of 1 round to 1 (F(1-) = 1 - `massAtOne`, the probability of that, default 0). Elsewhere
 * F(v-) = F(v+) = cdf(v).
 */
export function ksStatistic(xs: Float64Array, cdf: (x: number) => number, massAtOne = 0): number {
  xs.sort();
  const n = xs.length;
  let d = 0;
  let i = 0;
  while (i < n) {
    const v = xs[i]!;
    let j = i + 1;
    while (j < n && xs[j] === v) j++;
    const below = v === 1 ? 1 - massAtOne : cdf(v);
    const above = v === 0 ? cdf(Number.MIN_VALUE) : cdf(v);
    d = Math.max(d, Math.abs(below - i / n), Math.abs(above - j / n));
    i = j;
  }
  return d;
}

/** The KS statistic scaled by sqrt(n), to compare with {@link KS_0999}. */
export function ksScaled(xs: Float64Array, cdf: (x: number) => number, massAtOne = 0): number {
  return ksStatistic(xs, cdf, massAtOne) * Math.sqrt(xs.length);
}

/** Chi-square quantile via the gamma quantile oracle (chi-square(df) = Gamma(df / 2, rate 1/2)). */
export function chiSquareQuantile(p: number, df: number): number {
  return gammaQuantile(p, df / 2, 0.5);
}

/**
 * Pearson chi-square test of integer draws against a discrete distribution given by its CDF at
 * candidate cell edges (whole numbers, increasing: every whole number in the bulk for small
 * distributions, a grid for huge ones). Cells are grown from the left until each expects at least 5
 * draws; the first cell takes the lower tail and the last the upper tail. Returns the statistic,
 * degrees of freedom and the 0.999 critical value.
 */
export function chiSquareDiscrete(
  draws: Float64Array,
  candidateEdges: readonly number[],
  cdfAtEdges: readonly number[],
): { statistic: number; df: number; critical: number; cells: number } {
  const n = draws.length;
  // Cell upper edges (inclusive) and probabilities.
  const edges: number[] = [];
  const probs: number[] = [];
  let previous = 0; // CDF at the end of the previous cell
  for (let j = 0; j < candidateEdges.length; j++) {
    const k = candidateEdges[j]!;
    const f = cdfAtEdges[j]!;
    if ((f - previous) * n >= 5) {
      edges.push(k);
      probs.push(f - previous);
      previous = f;
    }
  }
  // Upper tail cell: merge into the last cell if it expects too few.
  const tail = 1 - previous;
  if (tail * n >= 5 || edges.length === 0) {
    edges.push(Infinity);
    probs.push(tail);
  } else {
    edges[edges.length - 1] = Infinity;
    probs[probs.length - 1] = probs[probs.length - 1]! + tail;
  }
  const observed = new Float64Array(edges.length);
  for (let i = 0; i < n; i++) {
    const x = draws[i]!;
    let lo = 0;
    let hi = edges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x <= edges[mid]!) hi = mid;
      else lo = mid + 1;
    }
    observed[lo] = observed[lo]! + 1;
  }
  let statistic = 0;
  for (let i = 0; i < edges.length; i++) {
    const expected = probs[i]! * n;
    statistic += (observed[i]! - expected) ** 2 / expected;
  }
  const df = edges.length - 1;
  return { statistic, df, critical: chiSquareQuantile(0.999, df), cells: edges.length };
}

/** True when every draw satisfies `ok` (one assertion instead of thousands). */
export function every(xs: ArrayLike<number>, ok: (x: number) => boolean): boolean {
  for (let i = 0; i < xs.length; i++) if (!ok(xs[i]!)) return false;
  return true;
}

/** Sample mean and (unbiased) variance. */
export function moments(xs: Float64Array): { mean: number; variance: number } {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - mean) ** 2;
  return { mean, variance: ss / (n - 1) };
}

/**
 * Checks that the sample mean and variance are within 5 standard errors of `mean` and `variance`.
 * SE(mean) = sqrt(variance / n); SE(variance) = variance sqrt((2 + excessKurtosis) / n) (large n).
 * Returns the two z-scores.
 */
export function momentZ(
  xs: Float64Array,
  mean: number,
  variance: number,
  excessKurtosis: number,
): { zMean: number; zVariance: number } {
  const n = xs.length;
  const m = moments(xs);
  return {
    zMean: (m.mean - mean) / Math.sqrt(variance / n),
    zVariance: (m.variance - variance) / (variance * Math.sqrt((2 + excessKurtosis) / n)),
  };
}

