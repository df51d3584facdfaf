import { binomialControlLimit } from './binomialControlCount';
import { cornishFisherDeviation, LARGE_COUNT } from './cornishFisherDeviation';
import type { LimitScale } from './limitScale';
import { poissonControlCount } from './poissonControlCount';
import { productOver } from './productOver';
import { targetStandardError, targetVariance } from './targetVariance';

/** Smallest normal double, 2^-1022. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * One control limit at one precision: the lower (`upper` false) or upper limit for the two-sided level
 * whose tail probability is `t` = (1 - level) / 2 and normal critical value `zt` = Φ⁻¹(1 - t).
 *
 * - `'exact'`: Spiegelhalter's (2005) interpolated binomial (proportion: Binomial(precision, target)) or
 *   Poisson (rate: mean target × precision / per; ratio: mean target × precision) quantile, over the
 *   precision; clipped at 0 (and proportions at 1). Beyond {@link LARGE_COUNT} (2^50) expected events the
 *   quantile's distance from the mean, D, comes from {@link cornishFisherDeviation} and the limit is formed as
 *   target + D / n (proportions, see {@link binomialControlLimit}) or target · (1 + D / mean), so it is exact to
 *   double precision, never on the wrong side of the target, and equal to the target where the mean overflows
 *   (the limits are then within 1e-150 of it). The expected count target × precision / per is formed without
 *   overflow or underflow on the way ({@link productOver}).
 * - `'wilson'` (proportions, PHE Fingertips): target ∓ zt √(target (1 - target) / n), the proportions whose
 *   Wilson score interval has the target as its limit, clipped to [0, 1].
 * - overdispersion adjustments: normal limits target ± zt √(phi s²) or ± zt √(s² + tau2) with s the standard
 *   error at the target (s² = target (1 - target) / n, target · per / population); for ratios on the
 *   square-root scale, (√target ± zt √(phi / (4E) or 1 / (4E) + tau2))², lower 0 when the root goes negative.
 *   phi = Infinity (the areas' spread is beyond the doubles) gives the limits 0 and Infinity.
 *
 * Degenerate targets (0, or 1 for proportions) give limits equal to the target.
 * Internal kernel, no validation: precision finite and > 0 (whole for exact proportions).
 *
 * @example
 * ```ts
 * import { controlLimit } from './controlLimit';
 * // 95% upper limit for 300,000 people against 430 per 100,000 (exact Poisson)
 * const scale = { type: 'rate', method: 'exact', target: 430, per: 100000, adjustment: 'none', phi: 1, tau2: 0 } as const;
 * controlLimit(scale, 300000, 0.025, 1.959963984540054, true); // 453.46
 * ```
 * @internal
 */
export function controlLimit(scale: LimitScale, precision: number, t: number, zt: number, upper: boolean): number {
  const { type, target } = scale;
  if (!(target > 0) || (type === 'proportion' && target >= 1)) return target;
  if (scale.adjustment !== 'none') return normalLimit(scale, precision, zt, upper);
  if (type === 'proportion') {
    if (scale.method === 'wilson') {
      const half = zt * Math.sqrt((target * (1 - target)) / precision);
      const limit = upper ? target + half : target - half;
      return limit < 0 ? 0 : limit > 1 ? 1 : limit;
    }
    const limit = binomialControlLimit(precision, target, t, zt, upper);
    // the walk's running tail sums can leave a few ulps above 1 at the top count (n = 2, level 1 - 4e-15)
    return limit > 0 ? (limit < 1 ? limit : 1) : 0;
  }
  const mean = type === 'rate' ? productOver(target, precision, scale.per) : target * precision;
  if (mean > LARGE_COUNT) {
    const shift = mean === Infinity ? 0 : cornishFisherDeviation(mean, 1, 1, upper ? zt : -zt) / mean;
    return target + target * shift;
  }
  const count = poissonControlCount(mean, t, zt, upper);
  if (!(count > 0)) return 0;
  if (type === 'ratio') return count / precision;
  const perPerson = count / precision;
  const limit = perPerson * scale.per;
  // count / precision may under- or overflow on the way where the rate itself is a double
  return perPerson >= MIN_NORMAL && limit < Infinity ? limit : target * (count / mean);
}

function normalLimit(scale: LimitScale, precision: number, zt: number, upper: boolean): number {
  const { type, target } = scale;
  if (scale.adjustment === 'multiplicative' ? scale.phi === Infinity : scale.tau2 === Infinity) return upper ? Infinity : 0;
  const s2 = targetVariance(type, target, precision, scale.per);
  let half: number;
  if (scale.adjustment === 'multiplicative') {
    const variance = scale.phi * s2;
    // phi s² beyond the doubles while phi s is not: from the standard error instead
    half = variance >= MIN_NORMAL && variance < Infinity ? zt * Math.sqrt(variance) : zt * Math.sqrt(scale.phi) * targetStandardError(type, target, precision, scale.per);
  } else {
    const variance = s2 + scale.tau2;
    if (variance >= MIN_NORMAL && variance < Infinity) half = zt * Math.sqrt(variance);
    else {
      // √(s² + tau2) as a hypotenuse of s and √tau2, neither squared
      const a = targetStandardError(type, target, precision, scale.per);
      const b = Math.sqrt(scale.tau2);
      const big = a > b ? a : b;
      const small = a > b ? b : a;
      half = big === 0 ? 0 : zt * big * Math.sqrt(1 + (small / big) * (small / big));
    }
  }
  if (type === 'ratio') {
    const root = Math.sqrt(target);
    const limit = upper ? root + half : root - half;
    return limit > 0 ? limit * limit : 0;
  }
  const limit = upper ? target + half : target - half;
  if (limit < 0) return 0;
  return type === 'proportion' && limit > 1 ? 1 : limit;
}
