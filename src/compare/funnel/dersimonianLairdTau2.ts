/**
 * The between-area variance of Spiegelhalter's (2005) additive random-effects funnel, by DerSimonian and
 * Laird's (1986) method of moments with the Winsorised dispersion n·φ in place of Cochran's Q:
 *
 *   τ² = (n φ - (n - 1)) / (Σ w - Σ w² / Σ w),  w = 1 / s²,   and τ² = 0 when n φ <= n - 1,
 *
 * where s is each area's standard error at the target (as the NHS-R FunnelPlotR package). With fewer than two
 * areas there is no between-area variance to estimate: 0.
 *
 * Internal, no validation: weights finite and > 0.
 *
 * @example
 * ```ts
 * import { dersimonianLairdTau2 } from './dersimonianLairdTau2';
 * dersimonianLairdTau2(3, new Float64Array([1, 1])); // (2·3 - 1) / (2 - 1) = 5
 * ```
 * @internal
 */
export function dersimonianLairdTau2(phi: number, weights: Float64Array): number {
  const n = weights.length;
  if (n < 2) return 0;
  const excess = n * phi - (n - 1);
  if (!(excess > 0)) return 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    sum += w;
    sumSquares += w * w;
  }
  const denominator = sum - sumSquares / sum;
  return denominator > 0 ? excess / denominator : 0;
}
