import { betaLogTail } from './betaLogTail';
import { exp } from './elementary/exp';

/**
 * Regularised incomplete beta function I_x(a, b) (the Beta(a, b) distribution function), with its
 * lower tail and, from {@link betaIUpper}, its upper tail each computed directly when small.
 *
 * Method ({@link betaLogTail}): the continued fraction of A&S 26.5.8 in DiDonato and Morris's (1992)
 * contracted form in λ = a - (a + b)x, for x < (a + 1)/(a + b + 2), else through the symmetry
 * I_x(a, b) = 1 - I_{1-x}(b, a) (Press et al. 2007, Numerical Recipes §6.4), with a power series for the
 * complement when a shape is below 1; the factor x^a (1-x)^b / B(a, b) is formed in logs with
 * Stirling-error differences and exact cancellation of the linear terms (DiDonato and Morris 1992,
 * Algorithm 708), so it stays accurate for one huge shape (Beta(5, 1e6)) or two (Beta(1e4, 1e4)).
 *
 * Domain: a > 0, b > 0, x real (x <= 0 gives 0, x >= 1 gives 1). Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaI } from './betaI';
 * betaI(0.5, 2, 3); // ≈ 0.6875
 * ```
 * @internal
 */
export function betaI(x: number, a: number, b: number): number {
  return betaTail(x, a, b, false);
}

/**
 * Upper tail 1 - I_x(a, b) of the regularised incomplete beta function, computed directly when small.
 * Method as {@link betaI}. Binomial: P(X <= k | n, p) = betaIUpper(p, k + 1, n - k).
 *
 * Domain: a > 0, b > 0, x real (x <= 0 gives 1, x >= 1 gives 0). Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaIUpper } from './betaI';
 * betaIUpper(0.5, 2, 3); // ≈ 0.3125
 * ```
 * @internal
 */
export function betaIUpper(x: number, a: number, b: number): number {
  return betaTail(x, a, b, true);
}

function betaTail(x: number, a: number, b: number, upper: boolean): number {
  if (!(x > 0)) return upper ? 1 : 0;
  if (!(x < 1)) return upper ? 0 : 1;
  return exp(betaLogTail(x, 1 - x, a, b, upper));
}
