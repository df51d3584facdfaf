/**
 * Continued fraction r with I_x(a, b) = x^a y^b / B(a, b) · r (y = 1 - x), for x < (a + 1)/(a + b + 2)
 * (λ = a - (a + b)x > 2x - 1 > -1).
 *
 * Method: the continued fraction of DiDonato and Morris (1992, "Algorithm 708: significant digit
 * computation of the incomplete beta function ratios", ACM TOMS 18, 360-373, routine BFRAC): the even
 * contraction of Abramowitz and Stegun (1964) 26.5.8 written in terms of λ, which the caller computes
 * from whichever of x, y is more accurate, so that no coefficient suffers cancellation when x is close
 * to 1 or a shape is huge. Evaluated by the forward three-term recurrence with rescaling at each step
 * (by one reciprocal, so a step costs three divisions),
 * stopped when successive convergents agree to 1e-15 (about O(sqrt(max(a, b))) steps at worst).
 *
 * Domain: a, b > 0, 0 < x < 1, y = 1 - x, λ = a - (a + b)x > 2x - 1. Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaFraction } from './betaFraction';
 * betaFraction(0.25, 0.75, 1, 1, 0.5); // 1 / 0.75 (I_x(1, 1) = x)
 * ```
 * @internal
 */
export function betaFraction(x: number, y: number, a: number, b: number, lambda: number): number {
  const c = 1 + lambda;
  const c0 = b / a;
  const ia = 1 / a;
  const c1 = 1 + ia;
  const yp1 = y + 1;
  let p = 1;
  let s = a + 1;
  let an = 0;
  let bn = 1;
  let anp1 = 1;
  let bnp1 = c / c1;
  let r = c1 / c;
  // three divisions a step (1/s, the ratio e, 1/b_{n+1}), the others as products with them
  for (let n = 1; n < 100000; n++) {
    const t = n * ia;
    const w = n * (b - n) * x;
    const is = 1 / s;
    let e = a * is;
    const alpha = p * (p + c0) * e * e * (w * x);
    e = (1 + t) / (c1 + t + t);
    const beta = n + w * is + e * (c + n * yp1);
    p = 1 + t;
    s += 2;
    const an2 = alpha * an + beta * anp1;
    const bn2 = alpha * bn + beta * bnp1;
    const ib = 1 / bn2;
    const r0 = r;
    r = an2 * ib;
    if (Math.abs(r - r0) <= 1e-15 * r) break;
    an = anp1 * ib;
    bn = bnp1 * ib;
    anp1 = r;
    bnp1 = 1;
  }
  return r;
}
