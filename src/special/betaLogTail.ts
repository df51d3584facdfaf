import { betaFraction } from './betaFraction';
import { betaLogPrefactor } from './betaLogPrefactor';
import { betaSmallAUpper } from './betaSmallAUpper';
import { exp } from './elementary/exp';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

/**
 * log I_x(a, b) (upper = false) or log(1 - I_x(a, b)) (upper = true), with y = 1 - x given separately;
 * never underflows, and each tail is computed directly where it is small.
 *
 * Method: for x < (a + 1)/(a + b + 2) the continued fraction of A&S 26.5.8 in DiDonato and Morris's
 * (1992) form in λ = a - (a + b)x (λ from whichever of x, y is smaller), else the same for I_y(b, a)
 * (Press et al. 2007, Numerical Recipes §6.4); the common factor x^a y^b / B(a, b) in logs with
 * Stirling-error differences. The complement of the computed side is 1 - that side, except for a
 * small shape (< 1) where it would be close to 1: then the power series of {@link betaSmallAUpper}.
 *
 * Domain: a, b > 0, 0 < x < 1, y = 1 - x. Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaLogTail } from './betaLogTail';
 * exp(betaLogTail(0.5, 0.5, 2, 3, false)); // ≈ 0.6875
 * ```
 * @internal
 */
export function betaLogTail(x: number, y: number, a: number, b: number, upper: boolean): number {
  const c = a + b;
  const lambda = x <= y ? a - c * x : c * y - b;
  const lp = betaLogPrefactor(x, y, a, b);
  if (lambda > 2 * x - 1) {
    // I_x(a, b) directly
    if (!upper) return lp + log(betaFraction(x, y, a, b, lambda));
    if (a < 1 && x * Math.max(1, b) <= 2 && x <= 0.5) return log(betaSmallAUpper(x, a, b));
    return log1p(-exp(lp) * betaFraction(x, y, a, b, lambda));
  }
  // 1 - I_x(a, b) = I_y(b, a) directly
  if (upper) return lp + log(betaFraction(y, x, b, a, -lambda));
  if (b < 1 && y * Math.max(1, a) <= 2 && y <= 0.5) return log(betaSmallAUpper(y, b, a));
  return log1p(-exp(lp) * betaFraction(y, x, b, a, -lambda));
}
