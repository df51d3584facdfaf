/**
 * The score interval for one share x/n with a chi-square critical value q (= z^2), as used by
 * Quesenberry & Hurst (1964) and Goodman (1965):
 *   (q + 2x +/- sqrt(q^2 + 4 x q (1 - x/n))) / (2 (q + n)).
 * The lower limit is taken from the product of the two roots, x^2 / (n (q + n)), divided by the
 * upper one, which avoids cancellation for small x. Lower is exactly 0 at x = 0, upper exactly 1 at
 * x = n. x may be non-integer; 0 <= x <= n, n > 0. Counts whose squares overflow (or a total above about 1e154) take the scaled form
 * of the same roots (and keep x/n inside, where the half-width falls below its resolution); counts whose
 * squares underflow (below about 1e-145) take the scaled form of the lower limit.
 *
 * @example
 * ```ts
 * import { scoreLimits } from './scoreLimits';
 * scoreLimits(56, 467, 3.841458820694124); // per-category Wilson 95%: [0.0935..., 0.1525...]
 * ```
 * @internal
 */
export function scoreLimits(x: number, n: number, q: number): [number, number] {
  // The plain form needs x^2 n (q + n) and 2 (q + n) finite: n (q + n) is checked too, as x^2 may underflow to 0.
  if (x * x * 4 * n * (q + n) < Infinity && n * (q + n) < Infinity) {
    const upper = x >= n ? 1 : (q + 2 * x + Math.sqrt(q * (q + (4 * x * (n - x)) / n))) / (2 * (q + n));
    // Below about 1e-145 events x^2 underflows (0 / 0 at x = n = 5e-324): there the scaled form of the same product.
    const lower = x > 0 ? (x * x >= 1e-290 ? (x * x) / (n * (q + n) * upper) : ((x / n) * (x / (q + n))) / upper) : 0;
    // where the half-width falls below the resolution of x / n (a tiny q beside a large n) rounding can put
    // the limits an ulp out of order: keep x / n inside, as the scaled form does
    const p = x / n;
    return [Math.min(lower, p), Math.max(Math.min(1, upper), p)];
  }
  // Counts so large (above about 1e75) that x^2 n^2 overflows: the same roots in scaled form.
  const upper = x >= n ? 1 : (q / 2 + x + (Math.sqrt(q) * Math.sqrt(q + 4 * x * ((n - x) / n))) / 2) / (q + n);
  // An upper limit that underflows to 0 (a share below about 1e-308 of 1e308 events) leaves the lower limit 0, not 0 / 0.
  const lower = x > 0 && upper > 0 ? ((x / n) * (x / (q + n))) / upper : 0;
  return [Math.min(lower, x / n), Math.max(Math.min(1, upper), x / n)];
}
