import { twoSidedZ } from './twoSidedZ';

/**
 * Wilson score limits for a binomial proportion x / n at `level` (Wilson 1927): the two roots π of
 * (x/n - π)² = z² π (1 - π) / n.
 *
 * Computed without cancellation: the root nearer its bound (the upper root for x <= n/2, or 1 minus
 * the lower root of the mirrored count n - x otherwise) is a sum of positive terms, and the other root
 * comes from the product of the roots, (x/n)² / (1 + z²/n). Lower is exactly 0 at x = 0, upper exactly
 * 1 at x = n, both stay in [0, 1] and they bracket x / n even when the half-width is below its
 * floating-point resolution (huge n).
 *
 * Internal kernel, no validation: 0 <= x <= n, n > 0, level in (0, 1); x and n may be non-integer
 * (weighted counts).
 *
 * @example
 * ```ts
 * import { wilsonLimits } from './wilsonLimits';
 * wilsonLimits(65, 100, 0.95); // [0.55254443296888, 0.736357517569025] (PHE test workbook)
 * ```
 * @internal
 */
export function wilsonLimits(x: number, n: number, level: number): [number, number] {
  const z = twoSidedZ(level);
  const z2 = z * z;
  const nz = n + z2;
  const y = n - x;
  let upper: number;
  if (x >= n) upper = 1;
  else if (x <= y) upper = Math.min(1, upperRoot(x, y, n, z, z2));
  else upper = 1 - ((y / n) * (y / nz)) / upperRoot(y, x, n, z, z2);
  // an upper root that underflows to 0 (5e-324 of 1.8e308 at a tiny level) leaves the lower limit 0, not 0 / 0
  const lower = x <= 0 || upper <= 0 ? 0 : ((x / n) * (x / nz)) / upper;
  // for huge n the half-width can fall below the resolution of x / n; keep x / n inside
  const p = x / n;
  return [Math.min(lower, p), Math.max(upper, p)];
}

/**
 * The larger root for count x of n (y = n - x): (2x + z² + z√(z² + 4xy/n)) / (2(n + z²)), written in
 * proportions for n >= 1 so that no intermediate overflows for huge counts.
 */
function upperRoot(x: number, y: number, n: number, z: number, z2: number): number {
  if (n < 1) return (2 * x + z2 + z * Math.sqrt(z2 + 4 * x * (y / n))) / (2 * (n + z2));
  const p = x / n;
  const t = z2 / n;
  // Above 1e150, t / (4n) underflows: z sqrt(t / (4n) + p q / n) = sqrt(t) sqrt(t / 4 + p q).
  if (n > 1e150) return (p + t / 2 + Math.sqrt(t) * Math.sqrt(t / 4 + p * (y / n))) / (1 + t);
  return (p + t / 2 + z * Math.sqrt(t / (4 * n) + (p * (y / n)) / n)) / (1 + t);
}
