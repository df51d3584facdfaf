const TINY = 1e-300;

/**
 * Continued fraction F with Q(a, x) = x^a e^(-x) / Γ(a) · F,
 * F = 1 / (x + 1 - a - 1·(1 - a) / (x + 3 - a - 2·(2 - a) / (x + 5 - a - ...))).
 *
 * Method: Legendre's continued fraction (Abramowitz and Stegun 1964, 6.5.31) in its even form,
 * evaluated forwards by the modified Lentz algorithm (Lentz 1976; Thompson and Barnett 1986; Press et
 * al. 2007, Numerical Recipes §6.2), stopped when a factor is within 1e-16 of 1. Used for x >= a + 1.
 *
 * Domain: a > 0, x >= a + 1 (converges for x > 0, fast when x > a). Internal: no validation.
 *
 * @example
 * ```ts
 * import { gammaFraction } from './gammaFraction';
 * gammaFraction(1, 3); // 1/3 (Q(1, x) = e^-x = x e^-x · 1/x)
 * ```
 * @internal
 */
export function gammaFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}
