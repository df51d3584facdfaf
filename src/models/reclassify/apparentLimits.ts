import { betaQuantile, betaQuantileUpper } from '../../special/betaQuantile';
import { binomialCdf } from '../../special/binomialCdf';
import { log } from '../../special/elementary/log';
import { clopperPearsonLimits } from '../../intervals/kernels/clopperPearsonLimits';
import { twoSidedZ } from '../../intervals/kernels/twoSidedZ';

/** Interval methods for an apparent prevalence, as `epiR::epi.prev` computes them. @internal */
export type ApparentMethod = 'wilson' | 'clopper-pearson' | 'blaker';

/**
 * Limits for the apparent prevalence x / n exactly as `epiR::epi.prev` (epiR 2.0.57) computes them, so that
 * its corrected true prevalence can be matched:
 * - `'wilson'`: the Wilson (1927) score interval, except that at x = 1 the lower limit is -log(level) / n
 *   and at x = n - 1 the upper limit is 1 + log(level) / n (epiR's `.bin.ci`, as Hmisc's `binconf`); at
 *   x = 0 the lower limit is exactly 0 and at x = n the upper exactly 1 (epiR's differ from these by rounding);
 * - `'clopper-pearson'` (epiR `"c-p"`): Clopper & Pearson (1934), Beta quantiles;
 * - `'blaker'`: Blaker's (2000) acceptability interval as epiR's `.blaker.ci` finds it: from the
 *   Clopper-Pearson limits, steps of 1e-4 inwards while the acceptability at the next step is below
 *   1 - level (so the limits are Blaker's to within 1e-4, on epiR's grid).
 * Limits are kept in [0, 1] (epiR's Wilson upper limit at x = n can be 1 + 2e-16). No validation.
 *
 * @example
 * ```ts
 * import { apparentLimits } from './apparentLimits';
 * apparentLimits(80, 1000, 0.95, 'wilson'); // [0.0647480..., 0.0984664...]
 * ```
 * @internal
 */
export function apparentLimits(x: number, n: number, level: number, method: ApparentMethod): [number, number] {
  let lower: number;
  let upper: number;
  if (method === 'wilson') {
    const alpha = 1 - level;
    const z = twoSidedZ(level);
    const z2 = z * z;
    const p = x / n;
    const centre = p + z2 / 2 / n;
    const half = z * Math.sqrt((p * (1 - p) + z2 / 4 / n) / n);
    lower = (centre - half) / (1 + z2 / n);
    upper = (centre + half) / (1 + z2 / n);
    if (x === 1) lower = -log(1 - alpha) / n;
    if (x === n - 1) upper = 1 + log(1 - alpha) / n;
    // at x = 0 (x = n) the score limit is exactly 0 (1): centre - half cancels to rounding noise of either
    // sign (2e-19 at n = 986, level 0.95), which made the 0.95 limit lie inside the 0.8 one
    if (x === 0) lower = 0;
    if (x === n) upper = 1;
  } else if (method === 'clopper-pearson') {
    [lower, upper] = clopperPearsonLimits(x, n, level);
  } else {
    const alpha = 1 - level;
    const tolerance = 1e-4;
    lower = 0;
    upper = 1;
    if (x !== 0) {
      lower = betaQuantile(alpha / 2, x, n - x + 1);
      while (acceptability(x, n, lower + tolerance) < alpha) lower = lower + tolerance;
    }
    if (x !== n) {
      upper = betaQuantileUpper(alpha / 2, x + 1, n - x);
      while (acceptability(x, n, upper - tolerance) < alpha) upper = upper - tolerance;
    }
  }
  return [Math.min(1, Math.max(0, lower)), Math.min(1, Math.max(0, upper))];
}

/** Blaker's acceptability of x successes in n at p, as epiR's `.acceptbin`. */
function acceptability(x: number, n: number, p: number): number {
  const p1 = 1 - binomialCdf(x - 1, n, p);
  const p2 = binomialCdf(x, n, p);
  const a1 = p1 + binomialCdf(binomialQuantile(p1, n, p) - 1, n, p);
  const a2 = p2 + 1 - binomialCdf(binomialQuantile(1 - p2, n, p), n, p);
  return Math.min(a1, a2);
}

/** R's qbinom(q, n, p): the smallest k with P(X <= k) >= q, with R's fuzz q (1 - 64 eps) for left continuity. */
function binomialQuantile(q: number, n: number, p: number): number {
  if (!(q > 0)) return 0;
  if (q >= 1) return n;
  const target = q * (1 - 64 * Number.EPSILON);
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (binomialCdf(mid, n, p) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
