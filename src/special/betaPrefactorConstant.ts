import { logGamma } from './logGamma';
import { stirlingError } from './stirlingError';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

const HALF_LOG_2PI = 0.91893853320467274178;

/**
 * K = a log x₀ + b log y₀ - log B(a, b), x₀ = a/(a + b), y₀ = 1 - x₀: the part of log(x^a y^b / B(a, b))
 * that does not depend on x (the rest is minus the two {@link betaDeviance} terms), for a shape of at
 * least 10; NaN when both are below 10.
 *
 * Method: Stirling-error differences, K = log(ab / (2πc))/2 - δ(a) - δ(b) + δ(c) when a, b >= 10, and
 * K = a log a - a - log Γ(a) + log1p(-a/c)/2 + δ(c) - δ(b) when a < 10 <= b (and mirrored), c = a + b, so
 * there is no cancellation between the large terms (the brcomp device of DiDonato and Morris 1992, ACM
 * TOMS 18, 360-373, Algorithm 708).
 *
 * Domain: a, b > 0. Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaPrefactorConstant } from './betaPrefactorConstant';
 * betaPrefactorConstant(10, 10); // 20 log ½ - log B(10, 10) ≈ -0.12671438416235
 * ```
 * @internal
 */
export function betaPrefactorConstant(a: number, b: number): number {
  const c = a + b;
  if (a >= 10 && b >= 10) return 0.5 * log((a / c) * b) - HALF_LOG_2PI - stirlingError(a) - stirlingError(b) + stirlingError(c);
  if (a < 10 && b >= 10) return a * log(a) - a - logGamma(a) + 0.5 * log1p(-a / c) + stirlingError(c) - stirlingError(b);
  if (b < 10 && a >= 10) return b * log(b) - b - logGamma(b) + 0.5 * log1p(-b / c) + stirlingError(c) - stirlingError(a);
  return NaN;
}
