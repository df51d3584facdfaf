import { log } from './elementary/log';

/**
 * The digamma function ψ(x) = d/dx log Γ(x) for x > 0.
 *
 * Method: the recurrence ψ(x) = ψ(x + 1) - 1/x up to x >= 10, then the asymptotic series
 * ψ(x) = log x - 1/(2x) - Σ B₂ₖ / (2k x²ᵏ) to k = 7 (Abramowitz and Stegun 1964, 6.3.5 and 6.3.18);
 * the first omitted term is below 3e-17 at x = 10. Absolute error a few ulps of the result's scale.
 *
 * Domain: x > 0. Internal: no validation.
 *
 * @example
 * ```ts
 * import { digamma } from './digamma';
 * digamma(1); // -0.5772156649015329 (minus Euler's constant)
 * ```
 * @internal
 */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += 1 / x;
    x += 1;
  }
  const r = 1 / (x * x);
  const series =
    r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132 - r * (691 / 32760 - r / 12))))));
  return log(x) - 0.5 / x - series - shift;
}
