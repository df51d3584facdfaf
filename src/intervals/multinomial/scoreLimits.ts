/**
 * The score interval for one share x/n with a chi-square critical value q (= z^2), as used by
 * Quesenberry & Hurst (1964) and Goodman (1965):
 *   (q + 2x +/- sqrt(q^2 + 4 x q (1 - x/n))) / (2 (q + n)).
 * The lower limit is taken from the product of the two roots, x^2 / (n (q + n)), divided by the
 * upper one, which avoids cancellation for small x. Lower is exactly 0 at x = 0, upper exactly 1 at
 * x = n. x may be non-integer; 0 <= x <= n, n > 0. Counts whose squares overflow take the scaled form
 * of the same roots (and keep x/n inside, where the half-width falls below its resolution).
 *
 * @example
 * ```ts
 * import { scoreLimits } from './scoreLimits';
 * scoreLimits(56, 467, 3.841458820694124); // per-category Wilson 95%: [0.0935..., 0.1525...]
 * ```
 * @internal
 */
export function scoreLimits(x: number, n: number, q: number): [number, number] {
  if (x * x * 4 * n * (q + n) < Infinity) {
    const upper = x >= n ? 1 : (q + 2 * x + Math.sqrt(q * (q + (4 * x * (n - x)) / n))) / (2 * (q + n));
    const lower = x > 0 ? (x * x) / (n * (q + n) * upper) : 0;
    return [lower, Math.min(1, upper)];
  }
  // Counts so large (above about 1e75) that x^2 n^2 overflows: the same roots in scaled form.
  const upper = x >= n ? 1 : (q / 2 + x + (Math.sqrt(q) * Math.sqrt(q + 4 * x * ((n - x) / n))) / 2) / (q + n);
  const lower = x > 0 ? ((x / n) * (x / (q + n))) / upper : 0;
  return [Math.min(lower, x / n), Math.max(Math.min(1, upper), x / n)];
}
