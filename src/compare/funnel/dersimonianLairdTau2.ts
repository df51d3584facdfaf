/**
 * The between-area variance of Spiegelhalter's (2005) additive random-effects funnel, by DerSimonian and
 * Laird's (1986) method of moments with the Winsorised dispersion n·φ in place of Cochran's Q:
 *
 *   τ² = (n φ - (n - 1)) / (Σ w - Σ w² / Σ w),  w = 1 / s²,   and τ² = 0 when n φ <= n - 1,
 *
 * where s is each area's standard error at the target (as the NHS-R FunnelPlotR package). With fewer than two
 * areas there is no between-area variance to estimate: 0.
 *
 * Weights beyond the doubles (s² under- or overflowing at extreme precisions): with `standardErrors` given, the
 * sums are formed relative to the smallest standard error, u = (s_min / s)² in (0, 1], and
 * τ² = (n φ - (n - 1)) s_min² / (Σu - Σu²/Σu); so τ² is Infinity only where it is beyond the doubles (or φ is).
 *
 * Internal, no validation: weights > 0 (Infinity or 0 where the standard error's square is beyond the doubles,
 * then `standardErrors` finite and > 0 are needed), φ >= 0 (Infinity allowed).
 *
 * @example
 * ```ts
 * import { dersimonianLairdTau2 } from './dersimonianLairdTau2';
 * dersimonianLairdTau2(3, new Float64Array([1, 1])); // (2·3 - 1) / (2 - 1) = 5
 * ```
 * @internal
 */
export function dersimonianLairdTau2(phi: number, weights: Float64Array, standardErrors?: Float64Array): number {
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
  if ((sumSquares >= MIN_NORMAL && sumSquares < Infinity) || standardErrors === undefined) {
    const denominator = sum - sumSquares / sum;
    return denominator > 0 ? excess / denominator : 0;
  }
  let smallest = Infinity;
  for (let i = 0; i < n; i++) if (standardErrors[i]! < smallest) smallest = standardErrors[i]!;
  let sumU = 0;
  let sumU2 = 0;
  for (let i = 0; i < n; i++) {
    const r = smallest / standardErrors[i]!;
    const u = r * r;
    sumU += u;
    sumU2 += u * u;
  }
  const scaled = sumU - sumU2 / sumU;
  if (!(scaled > 0)) return 0;
  return excess === Infinity ? Infinity : ((excess * smallest) / scaled) * smallest;
}

/** Smallest normal double, 2^-1022. */
const MIN_NORMAL = 2.2250738585072014e-308;
