import { gammaQuantile } from './gammaQuantile';

/**
 * Quantile of the chi-square distribution with df degrees of freedom: 2 · gammaQuantile(p, df/2)
 * (χ²_ν is Gamma(ν/2, scale 2)). Method and accuracy as {@link gammaQuantile}.
 *
 * Domain: p in [0, 1], df > 0; 0 at p = 0, Infinity at p = 1. Internal: no validation.
 *
 * @example
 * ```ts
 * import { chiSquareQuantile } from './chiSquareQuantile';
 * chiSquareQuantile(0.95, 1); // ≈ 3.841458820694124
 * ```
 * @internal
 */
export function chiSquareQuantile(p: number, df: number): number {
  return 2 * gammaQuantile(p, 0.5 * df);
}
