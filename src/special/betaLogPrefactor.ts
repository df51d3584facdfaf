import { betaDeviance } from './betaDeviance';
import { betaPrefactorConstant } from './betaPrefactorConstant';
import { logBeta } from './logBeta';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

/**
 * log(x^a y^b / B(a, b)) with y = 1 - x given separately (both accurate), the common factor of the
 * incomplete beta ratios.
 *
 * Method: with c = a + b, x₀ = a/c and λ = a - c·x (from whichever of x, y is smaller),
 * log(x^a y^b / B) = -[a·φ(-λ/a) + b·φ(λ/b)] + K(a, b), φ(t) = t - log(1 + t) (no cancellation: both
 * terms are >= 0 and the linear parts cancel exactly), and K = a log x₀ + b log y₀ - log B(a, b) by
 * Stirling-error differences: K = log(ab / (2πc))/2 - δ(a) - δ(b) + δ(c) when a, b >= 10, and
 * K = a log a - a - log Γ(a) + log1p(-a/c)/2 + δ(c) - δ(b) when a < 10 <= b. This is the brcomp
 * device of DiDonato and Morris (1992, ACM TOMS 18, 360-373, Algorithm 708), accurate for
 * Beta(5, 1e6) and Beta(1e4, 1e4) alike ({@link betaPrefactorConstant}, {@link betaDeviance}).
 *
 * Domain: a, b > 0; 0 < x < 1 with y = 1 - x (x = 0 or y = 0 give -Infinity). Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaLogPrefactor } from './betaLogPrefactor';
 * betaLogPrefactor(0.5, 0.5, 1, 1); // log(0.25) = -1.3862943611198906
 * ```
 * @internal
 */
export function betaLogPrefactor(x: number, y: number, a: number, b: number): number {
  if (a < 10 && b < 10) return a * (x <= y ? log(x) : log1p(-y)) + b * (y <= x ? log(y) : log1p(-x)) - logBeta(a, b);
  const c = a + b;
  const lambda = x <= y ? a - c * x : c * y - b;
  return betaPrefactorConstant(a, b) - betaDeviance(a, -lambda / a, x, c / a) - betaDeviance(b, lambda / b, y, c / b);
}
