import { gammaPrefactor } from '../../special/gammaLogPrefactor';
import { gammaP, gammaQ } from '../../special/gammaP';
import { cornishFisherDeviation, LARGE_COUNT } from './cornishFisherDeviation';

/** Steps of the pmf recursion before falling back to bisection (Cornish-Fisher starts are within ±2). */
const MAX_STEPS = 32;

/** P(N = r) for N ~ Poisson(mean): mean^r e^-mean / r!, to a few ulps (Loader 2000 saddle point for large r). */
function poissonPmf(r: number, mean: number): number {
  return gammaPrefactor(r + 1, mean) / mean;
}

/**
 * Spiegelhalter's (2005, appendix A.1.1) interpolated Poisson control limit, in count units, for the tail
 * probability `t` (e.g. 0.025 for a 95% funnel): with r the t-quantile (lower) or the (1 - t)-quantile
 * (upper) of Poisson(mean), and F its distribution function,
 *
 *   α = (F(r) - p) / (F(r) - F(r - 1)),  limit = r - α,   p = t (lower) or 1 - t (upper),
 *
 * so the limit moves continuously with the mean instead of jumping between whole counts. The upper side
 * works with the upper tail Q(r) = 1 - F(r) (α = (t - Q(r)) / P(N = r)), so no 1 - t is ever formed.
 * The quantile is found from a Cornish-Fisher start by stepping with the pmf recursion (bisection on direct
 * CDF values as a safety net). The result may be negative (r = 0): callers clip at 0.
 *
 * Above {@link LARGE_COUNT} (2^50) expected events, where whole counts near the quantile would soon stop being
 * representable (2^53) and the walk could not move, the limit is mean + {@link cornishFisherDeviation}, equal to
 * the interpolated limit to double precision; so the work is bounded for every finite mean.
 *
 * Internal kernel, no validation: mean >= 0 finite, t in (0, 0.5], zt = -Φ⁻¹(t) > 0.
 *
 * @example
 * ```ts
 * import { poissonControlCount } from './poissonControlCount';
 * poissonControlCount(10, 0.025, 1.959963984540054, true); // 16.0... (Poisson(10) 97.5% point, interpolated)
 * ```
 * @internal
 */
export function poissonControlCount(mean: number, t: number, zt: number, upper: boolean): number {
  const z = upper ? zt : -zt;
  if (mean > LARGE_COUNT) return mean + cornishFisherDeviation(mean, 1, 1, z);
  const start = Math.floor(mean + Math.sqrt(mean) * z + (z * z - 1) / 6 + 0.5);
  let r = start > 0 ? start : 0;
  // c: F(r) for the lower side, Q(r) = P(N > r) for the upper side; m: P(N = r)
  let c = upper ? gammaP(r + 1, mean) : gammaQ(r + 1, mean);
  let m = poissonPmf(r, mean);
  let steps = 0;
  if (!upper) {
    if (c >= t) {
      while (r > 0 && c - m >= t && steps++ < MAX_STEPS) {
        c -= m;
        m = (m * r) / mean;
        r--;
      }
    } else {
      while (c < t && steps++ < MAX_STEPS) {
        r++;
        m = (m * mean) / r;
        c += m;
      }
    }
  } else if (c <= t) {
    while (r > 0 && c + m <= t && steps++ < MAX_STEPS) {
      c += m;
      m = (m * r) / mean;
      r--;
    }
  } else {
    while (c > t && steps++ < MAX_STEPS) {
      r++;
      m = (m * mean) / r;
      c -= m;
    }
  }
  if (steps > MAX_STEPS || !(m > 0)) {
    r = bisect(mean, t, upper, r);
    c = upper ? gammaP(r + 1, mean) : gammaQ(r + 1, mean);
    m = poissonPmf(r, mean);
  }
  if (!(m > 0)) return r;
  return r - (upper ? t - c : c - t) / m;
}

/** Smallest r >= 0 with F(r) >= t (lower) or Q(r) <= t (upper), by bisection on direct CDF values. */
function bisect(mean: number, t: number, upper: boolean, guess: number): number {
  const ok = (r: number) => (upper ? gammaP(r + 1, mean) <= t : gammaQ(r + 1, mean) >= t);
  let hi = Math.max(guess, 1);
  while (!ok(hi)) hi *= 2;
  let lo = -1; // ok(-1) is false: F(-1) = 0 < t, Q(-1) = 1 > t
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid >= 0 && ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
