/**
 * R's default (type 7) sample quantile of sorted values: with h = (n - 1) prob, interpolate between the
 * order statistics around h (Hyndman and Fan 1996), as (1 - g) x[j] + g x[j + 1] like R.
 */
function quantileType7(sorted: Float64Array, prob: number): number {
  const index = 1 + (sorted.length - 1) * prob; // 1-based, as R computes it
  const j = Math.floor(index);
  const g = index - j;
  const lo = sorted[j - 1]!;
  if (!(g > 0) || j >= sorted.length) return lo;
  const hi = sorted[j]!;
  return hi === lo ? lo : (1 - g) * lo + g * hi;
}

/**
 * Spiegelhalter's (2005) overdispersion factor from Winsorised z-scores: z-scores below the `trim`
 * quantile are set to it and those above the 1 - `trim` quantile to that (10% each tail by default;
 * quantiles as R's default, type 7, as the NHS-R FunnelPlotR package), and φ = Σ z_w² / n.
 * Without overdispersion φ is about 1; n·φ is compared with a chi-square on n - 1 degrees of freedom.
 *
 * Internal, no validation: z finite, n >= 1, trim in [0, 0.5). Does not modify `z`. Squares that overflow are
 * summed relative to the largest, so the result is Infinity only where φ itself is beyond the doubles.
 *
 * @example
 * ```ts
 * import { winsorisedPhi } from './winsorisedPhi';
 * winsorisedPhi(new Float64Array([-1, 0, 1]), 0); // 2/3
 * ```
 * @internal
 */
export function winsorisedPhi(z: Float64Array, trim: number): number {
  const n = z.length;
  const sorted = Float64Array.from(z).sort();
  const lo = quantileType7(sorted, trim);
  const hi = quantileType7(sorted, 1 - trim);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = z[i]!;
    const w = v < lo ? lo : v > hi ? hi : v;
    sum += w * w;
  }
  if (sum < Infinity) return sum / n;
  // some |z| above 1.3e154: the squares relative to the largest, so phi is Infinity only if it is beyond the doubles
  const big = Math.max(Math.abs(lo), Math.abs(hi));
  let scaled = 0;
  for (let i = 0; i < n; i++) {
    const v = z[i]!;
    const w = (v < lo ? lo : v > hi ? hi : v) / big;
    scaled += w * w;
  }
  return ((scaled / n) * big) * big;
}
