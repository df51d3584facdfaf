import { betaIUpper } from './betaI';

/**
 * Binomial distribution function P(X <= k) for X ~ Binomial(n, p): 1 - I_p(k + 1, n - k)
 * (Abramowitz and Stegun 1964, 26.5.24), computed directly in its small tail by {@link betaIUpper}.
 *
 * Domain: n a whole number >= 0, p in [0, 1], k a whole number (k < 0 gives 0, k >= n gives 1).
 * Internal: no validation.
 *
 * @example
 * ```ts
 * import { binomialCdf } from './binomialCdf';
 * binomialCdf(1, 3, 0.5); // 0.5
 * ```
 * @internal
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return betaIUpper(p, k + 1, n - k);
}
