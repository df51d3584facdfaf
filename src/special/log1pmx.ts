import { log1p } from './elementary/log1p';
/**
 * log(1 + t) - t, accurate near t = 0 (where both terms nearly cancel).
 *
 * Method: for -0.6 <= t <= 0.6, with r = t / (2 + t) and log(1 + t) = 2 atanh(r),
 * log(1 + t) - t = -r·t + 2r·(r²/3 + r⁴/5 + ...), summed until the terms are negligible (at most about
 * 20 terms, |r| <= 0.43); elsewhere log1p(t) - t directly. The same device as the rlog1 function of
 * DiDonato and Morris (1992, ACM TOMS 18, 360-373).
 *
 * Domain: t > -1 (t = -1 gives -Infinity). Internal: no validation.
 *
 * @example
 * ```ts
 * import { log1pmx } from './log1pmx';
 * log1pmx(1e-5); // -4.9999666669166655e-11
 * ```
 * @internal
 */
export function log1pmx(t: number): number {
  if (t < -0.6 || t > 0.6) return log1p(t) - t;
  const r = t / (2 + t);
  const y = r * r;
  let term = y;
  let sum = 0;
  for (let k = 3; ; k += 2) {
    const add = term / k;
    sum += add;
    if (add <= 1e-17 * sum) break;
    term *= y;
  }
  return r * (2 * sum - t);
}
