import { log1pmx } from './log1pmx';
import { logGamma, logGamma1p } from './logGamma';
import { stirlingError } from './stirlingError';
import { exp } from './elementary/exp';
import { pow } from './elementary/pow';
import { log } from './elementary/log';

const HALF_LOG_2PI = 0.91893853320467274178;

/**
 * log(x^a e^(-x) / Γ(a)), the common factor of the incomplete gamma ratios (it is x times the
 * Gamma(a) density at x).
 *
 * Method: for a < 10 the direct sum; for a >= 10 the saddle-point form
 * log(a)/2 - log(2π)/2 + a·(log(1 + t) - t) - δ(a) with t = (x - a)/a and δ Stirling's error, which
 * avoids the cancellation between a·log x, x and log Γ(a) when x ≈ a is large (Loader 2000, "Fast and
 * accurate computation of binomial probabilities"; Temme 1979).
 *
 * Domain: a > 0, x > 0. Internal: no validation.
 *
 * @example
 * ```ts
 * import { gammaLogPrefactor } from './gammaLogPrefactor';
 * gammaLogPrefactor(1e5, 1e5); // 4.837523365947108 = log(sqrt(1e5 / (2π))) - δ(1e5)
 * ```
 * @internal
 */
export function gammaLogPrefactor(a: number, x: number): number {
  if (a < 10) return a * log(x) - x - logGamma(a);
  const t = (x - a) / a;
  let l: number;
  if (t >= -0.6) {
    l = log1pmx(t);
  } else {
    const r = x / a;
    l = (r > 1e-290 ? log(r) : log(x) - log(a)) - t;
  }
  return 0.5 * log(a) - HALF_LOG_2PI + a * l - stirlingError(a);
}

/**
 * x^a e^(-x) / Γ(a) itself, to a few ulps: for a < 10 and x < 700 as a · pow(x, a) · e^(-x - log Γ(1 + a))
 * (elementary/pow keeps about 1e-15 relative, so there is no |log|·eps loss from exponentiating a
 * large logarithm: gammaP(1, 1e-300) = 1e-300 to an ulp), otherwise exp({@link gammaLogPrefactor}).
 *
 * Domain: a > 0, x > 0. Internal: no validation.
 *
 * @example
 * ```ts
 * import { gammaPrefactor } from './gammaLogPrefactor';
 * gammaPrefactor(1, 1e-300); // 1e-300
 * ```
 * @internal
 */
export function gammaPrefactor(a: number, x: number): number {
  if (a < 10 && x < 700) return a * pow(x, a) * exp(-x - logGamma1p(a));
  return exp(gammaLogPrefactor(a, x));
}
