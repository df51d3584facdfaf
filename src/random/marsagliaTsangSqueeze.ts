/**
 * A second squeeze for Marsaglia & Tsang's (2000) Gamma method: true only when their exact test
 * log u < z²/2 + d(1 - v + log v), as evaluated in floating point, is certain to accept, using no logarithm.
 * About 8% of proposals fail the first squeeze u < 1 - 0.0331 z⁴, and nearly all of those are accepted by
 * the exact test; this decides nearly all of them without its two logarithms, and never differently, so
 * the draws are exactly those of the exact test.
 *
 * Bounds (Taylor's theorem): with s = u - 1 in (-1, 0], log u <= s - s²/2 + s³/3 - s⁴/4 (every later term
 * of the series is negative); with t = v - 1, log v >= t - t²/2 + t³/3 - t⁴/4 + t⁵/5 - t⁶ / (6 min(1, v)⁶)
 * (the Lagrange remainder), so z²/2 + d(1 - v + log v) >= z²/2 + d(-t²/2 + t³/3 - t⁴/4 + t⁵/5 - t⁶ / (6
 * min(1, v)⁶)). Acceptance is declared only when the first bound is below the second by a margin, 10^-13
 * times the size of the terms: over 100 times the rounding error of either side of the exact test, so the
 * floating-point evaluations cannot disagree.
 *
 * @example
 * ```ts
 * import { marsagliaTsangSqueeze } from './marsagliaTsangSqueeze';
 * const d = 150.5 - 1 / 3;
 * const z = 1.5;
 * const v = (1 + z / Math.sqrt(9 * d)) ** 3;
 * marsagliaTsangSqueeze(0.9, z * z, d, v); // true: the exact test accepts u = 0.9 here
 * ```
 * @internal
 */
export function marsagliaTsangSqueeze(u: number, z2: number, d: number, v: number): boolean {
  const s = u - 1;
  const s2 = s * s;
  const upperLogU = s - 0.5 * s2 + s2 * s * 0.3333333333333333 - 0.25 * s2 * s2;
  const t = v - 1;
  const t2 = t * t;
  const t3 = t2 * t;
  let remainder = (t3 * t3) / 6;
  if (v < 1) remainder /= v * v * v * v * v * v;
  const lowerRight = 0.5 * z2 + d * (t3 * 0.3333333333333333 - 0.5 * t2 - 0.25 * t2 * t2 + 0.2 * t3 * t2 - remainder);
  const margin = 1e-13 * (1 + z2 + d * (Math.abs(t) + t2) - upperLogU);
  return upperLogU + margin < lowerRight;
}
