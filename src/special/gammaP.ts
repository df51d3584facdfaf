import { gammaFraction } from './gammaFraction';
import { gammaPrefactor } from './gammaLogPrefactor';
import { gammaSeries } from './gammaSeries';
import { gammaSmallXQ } from './gammaSmallXQ';
import { gammaTemmeApplies, gammaTemmeLog } from './gammaTemme';
import { exp } from './elementary/exp';

/**
 * Regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a) (the Gamma(a, 1) distribution
 * function).
 *
 * Method: for x < a + 1 the power series (A&S 6.5.29), otherwise 1 - Q with Q from Legendre's continued
 * fraction by modified Lentz (A&S 6.5.31; Press et al. 2007, Numerical Recipes §6.2); the common factor
 * x^a e^(-x) / Γ(a) comes from pow(x, a) for a < 10 and a saddle-point form for large a (Loader 2000).
 * For a >= 100 and x/a in [0.65, 1.6] Temme's (1979) uniform asymptotic expansion instead (O(1) work
 * where the others need O(√a) terms). Relative accuracy ~1e-14 or better, including a ≈ x large.
 *
 * Domain: a > 0, x >= 0 (x = Infinity gives 1). Internal: no validation.
 *
 * @example
 * ```ts
 * import { gammaP } from './gammaP';
 * gammaP(1, 1); // ≈ 1 - e^-1 = 0.6321205588285577
 * ```
 * @internal
 */
export function gammaP(a: number, x: number): number {
  if (!(x > 0)) return 0;
  if (x === Infinity) return 1;
  if (gammaTemmeApplies(a, x)) return exp(gammaTemmeLog(a, x, false));
  const f = gammaPrefactor(a, x);
  if (x < a + 1) return f * gammaSeries(a, x);
  return 1 - f * gammaFraction(a, x);
}

/**
 * Regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 - P(a, x), computed
 * directly in its small tail.
 *
 * Method: for x >= a + 1 Legendre's continued fraction (A&S 6.5.31, modified Lentz); for x < a + 1,
 * 1 - P from the series, except for a < 1 where DiDonato and Morris (1986) small-x formula keeps relative
 * accuracy when Q is small; Temme's expansion as in {@link gammaP}. Poisson: P(N <= k | mean) =
 * gammaQ(k + 1, mean).
 *
 * Domain: a > 0, x >= 0. Internal: no validation.
 *
 * @example
 * ```ts
 * import { gammaQ } from './gammaP';
 * gammaQ(1, 1); // e^-1 = 0.36787944117144233
 * ```
 * @internal
 */
export function gammaQ(a: number, x: number): number {
  if (!(x > 0)) return 1;
  if (x === Infinity) return 0;
  if (gammaTemmeApplies(a, x)) return exp(gammaTemmeLog(a, x, true));
  if (x < a + 1) {
    if (a < 1) return gammaSmallXQ(a, x);
    return 1 - gammaPrefactor(a, x) * gammaSeries(a, x);
  }
  return gammaPrefactor(a, x) * gammaFraction(a, x);
}
