import { deviationFromSums } from './deviationFromSums';

/**
 * The sample standard deviation of the draws in `a`, summed in draw order from `centre` (the point
 * estimate, which guards against cancellation); undefined when a draw is infinite or there are fewer than 2.
 *
 * @example
 * ```ts
 * import { standardDeviationOf } from './standardDeviationOf';
 * standardDeviationOf(Float64Array.of(1, 2, 3), 2); // 1
 * ```
 * @internal
 */
export function standardDeviationOf(a: Float64Array, centre: number): number | undefined {
  const n = a.length;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i]! - centre;
    s1 += d;
    s2 += d * d;
  }
  return deviationFromSums(s1, s2, n);
}
