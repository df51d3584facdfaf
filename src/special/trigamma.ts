/**
 * The trigamma function ψ'(x) = d²/dx² log Γ(x) for x > 0.
 *
 * Method: the recurrence ψ'(x) = ψ'(x + 1) + 1/x² up to x >= 10, then the asymptotic series
 * ψ'(x) = 1/x + 1/(2x²) + Σ B₂ₖ / x²ᵏ⁺¹ to k = 7 (Abramowitz and Stegun 1964, 6.4.6 and 6.4.12).
 *
 * Domain: x > 0. Internal: no validation.
 *
 * @example
 * ```ts
 * import { trigamma } from './trigamma';
 * trigamma(1); // 1.6449340668482264 (π²/6)
 * ```
 * @internal
 */
export function trigamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += 1 / (x * x);
    x += 1;
  }
  const r = 1 / (x * x);
  const series = 1 + r * (1 / 6 - r * (1 / 30 - r * (1 / 42 - r * (1 / 30 - r * (5 / 66 - r * (691 / 2730 - r * (7 / 6)))))));
  return (series + 0.5 / x) / x + shift;
}
