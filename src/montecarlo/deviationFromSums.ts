/**
 * The sample standard deviation of n draws from the sums of their deviations d = x - centre and of d²
 * (summing from a centre near the mean, the point estimate, guards against cancellation); undefined when
 * a draw was infinite (s2 not finite) or n < 2. The sums are accumulated by the callers inside the loops
 * that make the draws (one pass); simple-statistics' compensated `sum` would need a second pass over each
 * array (and pull its bundle into core builds, see quickselect), for accuracy the centred sums already give.
 *
 * @example
 * ```ts
 * import { deviationFromSums } from './deviationFromSums';
 * // draws 1, 2, 3 about the centre 2: sums 0 and 2
 * deviationFromSums(0, 2, 3); // 1
 * deviationFromSums(0, Infinity, 3); // undefined
 * ```
 * @internal
 */
export function deviationFromSums(s1: number, s2: number, n: number): number | undefined {
  if (!Number.isFinite(s2) || n < 2) return undefined;
  const mean = s1 / n;
  return Math.sqrt(Math.max(0, (s2 - n * mean * mean) / (n - 1)));
}
