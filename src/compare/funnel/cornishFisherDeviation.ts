/**
 * Above this many expected events (2^50 ≈ 1.1e15) the control limits come from {@link cornishFisherDeviation}
 * instead of walking whole counts: below it every count near the quantile is an exact double (2^53 is where
 * consecutive whole numbers stop being representable, and the quantile is within 9√mean of the mean).
 * @internal
 */
export const LARGE_COUNT = 1125899906842624;

/**
 * Spiegelhalter's (2005) interpolated control limit of a whole-number (lattice) distribution minus its mean, in
 * counts, for a large variance: the Cornish-Fisher expansion of the quantile at the normal deviate z (Cornish and
 * Fisher 1937; Kendall and Stuart, 6.25-6.26) with the continuity shift of the interpolation,
 *
 *   D = zσ + r₃(z² - 1)/6 - 1/2 + [r₄(z³ - 3z)/24 - r₃²(2z³ - 5z)/36] / σ,
 *
 * σ² = κ₂ the variance, r₃ = κ₃/κ₂ and r₄ = κ₄/κ₂ the cumulant ratios (Poisson: 1 and 1; binomial: q - p and
 * 1 - 6pq). The limit interpolates the distribution function linearly between whole counts, F(k) ≈ G(k + 1/2) for
 * the smooth Edgeworth G, hence the -1/2. The terms left out are O(1/σ) counts: below 1e-7 counts for
 * σ² >= {@link LARGE_COUNT}/2, where a count itself is only resolved to 1/8 or coarser, so the result equals the
 * exact interpolated limit to double precision (checked against the count-by-count kernels up to 1e15).
 *
 * Internal kernel, no validation: variance finite and large (>= 1e6 for a few digits of the O(1) terms), z the
 * standard normal deviate of the limit (negative for a lower limit).
 *
 * @example
 * ```ts
 * import { cornishFisherDeviation } from './cornishFisherDeviation';
 * cornishFisherDeviation(1e16, 1, 1, 1.959963984540054); // 195996398.0... (Poisson(1e16) upper 95% limit - 1e16)
 * ```
 * @internal
 */
export function cornishFisherDeviation(variance: number, r3: number, r4: number, z: number): number {
  const sd = Math.sqrt(variance);
  const z2 = z * z;
  return z * sd + (r3 * (z2 - 1)) / 6 - 0.5 + ((r4 * z * (z2 - 3)) / 24 - (r3 * r3 * z * (2 * z2 - 5)) / 36) / sd;
}
