/**
 * Series sum S with P(a, x) = x^a e^(-x) / Γ(a) · S, S = Σ_{n>=0} x^n / (a (a + 1) ... (a + n)).
 *
 * Method: Abramowitz and Stegun (1964) 6.5.29 (Press et al. 2007, Numerical Recipes §6.2); all terms
 * positive, summed until the next is below 1e-17 of the sum. Converges for any x; used for x < a + 1,
 * where it needs about sqrt(a) log terms for x near a.
 *
 * Domain: a > 0, x >= 0. Internal: no validation.
 *
 * @example
 * ```ts
 * import { gammaSeries } from './gammaSeries';
 * gammaSeries(1, 0.5); // (e^0.5 - 1) / 0.5
 * ```
 * @internal
 */
export function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 100000; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}
