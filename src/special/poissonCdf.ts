import { gammaQ } from './gammaP';

/**
 * Poisson distribution function P(N <= k) for N ~ Poisson(mean): gammaQ(k + 1, mean)
 * (Abramowitz and Stegun 1964, 26.4.21). Accuracy as {@link gammaQ}, relative in both tails.
 *
 * Domain: mean >= 0; k a whole number (k < 0 gives 0). Internal: no validation.
 *
 * @example
 * ```ts
 * import { poissonCdf } from './poissonCdf';
 * poissonCdf(2, 1); // 2.5 e^-1 = 0.9196986029286058
 * ```
 * @internal
 */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  return gammaQ(k + 1, mean);
}
