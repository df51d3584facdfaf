import { betaQuantile, betaQuantileUpper } from '../../special/betaQuantile';

/**
 * Clopper-Pearson ("exact") limits for a binomial proportion x / n at `level` (Clopper & Pearson
 * 1934), via beta quantiles: lower = B⁻¹(α/2; x, n - x + 1), upper = the upper-tail α/2 quantile of
 * Beta(x + 1, n - x), with α = 1 - level; lower 0 at x = 0 and upper 1 at x = n. The upper limit uses
 * the upper-tail quantile directly, so it stays accurate near 1.
 *
 * Internal kernel, no validation: 0 <= x <= n, n > 0, level in (0, 1); non-integer x and n are
 * allowed (the beta form is continuous in them).
 *
 * @example
 * ```ts
 * import { clopperPearsonLimits } from './clopperPearsonLimits';
 * clopperPearsonLimits(0, 10, 0.95); // [0, 0.3084971078187608]
 * ```
 * @internal
 */
export function clopperPearsonLimits(x: number, n: number, level: number): [number, number] {
  const tail = (1 - level) / 2;
  const lower = x <= 0 ? 0 : betaQuantile(tail, x, n - x + 1);
  const upper = x >= n ? 1 : betaQuantileUpper(tail, x + 1, n - x);
  // Where the interval is narrower than the doubles near x / n (counts above about 1e30), keep x / n inside.
  const p = x / n;
  return [Math.min(lower, p), Math.max(upper, p)];
}
