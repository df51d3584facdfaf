import { log1pmx } from './log1pmx';
import { log } from './elementary/log';

/**
 * a·(t - log(1 + t)) >= 0 with 1 + t = z·c/a given as z (so z may be tiny without losing it): one shape's
 * share of the deviance of x from the mean in the factor x^a y^b / B(a, b) (t = -λ/a with z = x, or
 * t = λ/b with z = y and b for a).
 *
 * Method: -a·{@link log1pmx}(t) for t >= -0.6 (no cancellation near t = 0); below, a·(t - log(z c/a)),
 * with log z + log(c/a) when z c/a would underflow (the rlog1 device of DiDonato and Morris 1992, ACM
 * TOMS 18, 360-373, Algorithm 708).
 *
 * Domain: a > 0, t > -1, z > 0 with 1 + t = z·cOverA. Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaDeviance } from './betaDeviance';
 * betaDeviance(10, 0, 0.5, 2); // -0 (x at the mean a/c)
 * ```
 * @internal
 */
export function betaDeviance(a: number, t: number, z: number, cOverA: number): number {
  if (t >= -0.6) return -a * log1pmx(t);
  const r = z * cOverA;
  return a * (t - (r > 1e-290 ? log(r) : log(z) + log(cOverA)));
}
