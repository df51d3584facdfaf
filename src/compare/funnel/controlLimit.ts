import { binomialControlCount } from './binomialControlCount';
import type { LimitScale } from './limitScale';
import { poissonControlCount } from './poissonControlCount';
import { targetVariance } from './targetVariance';

/**
 * One control limit at one precision: the lower (`upper` false) or upper limit for the two-sided level
 * whose tail probability is `t` = (1 - level) / 2 and normal critical value `zt` = Φ⁻¹(1 - t).
 *
 * - `'exact'`: Spiegelhalter's (2005) interpolated binomial (proportion: Binomial(precision, target)) or
 *   Poisson (rate: mean target × precision / per; ratio: mean target × precision) quantile, over the
 *   precision; clipped at 0.
 * - `'wilson'` (proportions, PHE Fingertips): target ∓ zt √(target (1 - target) / n), the proportions whose
 *   Wilson score interval has the target as its limit, clipped to [0, 1].
 * - overdispersion adjustments: normal limits target ± zt √(phi s²) or ± zt √(s² + tau2) with s the standard
 *   error at the target (s² = target (1 - target) / n, target · per / population); for ratios on the
 *   square-root scale, (√target ± zt √(phi / (4E) or 1 / (4E) + tau2))², lower 0 when the root goes negative.
 *
 * Degenerate targets (0, or 1 for proportions) give limits equal to the target.
 * Internal kernel, no validation.
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
    const limit = binomialControlCount(precision, target, t, zt, upper) / precision;
    return limit > 0 ? limit : 0;
  }
  const mean = type === 'rate' ? (target * precision) / scale.per : target * precision;
  const count = poissonControlCount(mean, t, zt, upper);
  if (!(count > 0)) return 0;
  return type === 'rate' ? (count / precision) * scale.per : count / precision;
}

function normalLimit(scale: LimitScale, precision: number, zt: number, upper: boolean): number {
  const { type, target } = scale;
  const s2 = targetVariance(type, target, precision, scale.per);
  const variance = scale.adjustment === 'multiplicative' ? scale.phi * s2 : s2 + scale.tau2;
  const half = zt * Math.sqrt(variance);
  if (type === 'ratio') {
    const root = Math.sqrt(target);
    const limit = upper ? root + half : root - half;
    return limit > 0 ? limit * limit : 0;
  }
  const limit = upper ? target + half : target - half;
  if (limit < 0) return 0;
  return type === 'proportion' && limit > 1 ? 1 : limit;
}
