import { logGammaDiff } from './logBeta';
import { logGamma1p } from './logGamma';
import { exp } from './elementary/exp';
import { expm1 } from './elementary/expm1';
import { log } from './elementary/log';

/**
 * 1 - I_x(a, b) for a small shape a (< 1) and x · max(1, b) <= 2, where I_x(a, b) is close to 1 and
 * the complement 1 - I would lose digits.
 *
 * Method: the power series I_x(a, b) = x^a / (a B(a, b)) · [1 + a Σ_{j>=1} (1-b)(2-b)...(j-b) x^j / (j! (a+j))]
 * (Abramowitz and Stegun 1964, 26.5.4), complemented as -expm1(L) - e^L · a · Σ with
 * L = a log x - log(a B(a, b)) = a log x - log Γ(1 + a) - [log Γ(b) - log Γ(a + b)], each part accurate for
 * small a (as the apser/bpser routines of DiDonato and Morris 1992, ACM TOMS 18, 360-373).
 *
 * Domain: 0 < a < 1, b > 0, 0 < x <= 0.5 with x · max(1, b) <= 2. Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaSmallAUpper } from './betaSmallAUpper';
 * betaSmallAUpper(0.25, 0.5, 1); // 1 - sqrt(0.25) = 0.5
 * ```
 * @internal
 */
export function betaSmallAUpper(x: number, a: number, b: number): number {
  let term = 1;
  let sum = 0;
  for (let j = 1; j < 1000; j++) {
    term *= ((j - b) * x) / j;
    const add = term / (a + j);
    sum += add;
    if (Math.abs(add) <= 1e-17 * Math.abs(sum)) break;
  }
  const l = a * log(x) - logGamma1p(a) - logGammaDiff(a, b);
  return -expm1(l) - exp(l) * a * sum;
}
