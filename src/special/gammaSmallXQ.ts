import { logGamma1p } from './logGamma';
import { exp } from './elementary/exp';
import { expm1 } from './elementary/expm1';
import { log } from './elementary/log';

/**
 * Q(a, x) for small a (a < 1) and small x (x < 2), where Q is small but P is close to 1, so 1 - P
 * would lose digits.
 *
 * Method: Q = -expm1(L) - e^L · a · Σ_{n>=1} (-x)^n / (n! (a + n)), L = a log x - log Γ(1 + a)
 * (DiDonato and Morris 1986, "Computation of the incomplete gamma function ratios and their inverse",
 * ACM TOMS 12, 377-393, §3), with log Γ(1 + a) accurate for small a.
 *
 * Domain: 0 < a < 1, 0 < x < 2 (accurate; valid for any x > 0 but the series then cancels). Internal.
 *
 * @example
 * ```ts
 * import { gammaSmallXQ } from './gammaSmallXQ';
 * gammaSmallXQ(0.5, 1); // ≈ erfc(1) = 0.15729920705028513
 * ```
 * @internal
 */
export function gammaSmallXQ(a: number, x: number): number {
  let term = 1;
  let sum = 0;
  for (let n = 1; n < 200; n++) {
    term *= -x / n;
    const add = term / (a + n);
    sum += add;
    if (Math.abs(add) < Math.abs(sum) * 1e-17) break;
  }
  const l = a * log(x) - logGamma1p(a);
  return -expm1(l) - exp(l) * a * sum;
}
