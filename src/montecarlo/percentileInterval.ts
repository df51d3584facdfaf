import { percentileSummary } from './percentileSummary';

/**
 * Percentile interval of the draws in `a` (Efron & Tibshirani 1993, ch. 13): the order statistics of
 * ranks j and n + 1 - j, j = max(1, floor((n + 1)(1 - level) / 2)); symmetric ranks make the limits exactly
 * equivariant under monotone maps, increasing or decreasing (the limits of 1 / x are 1 / (those of x), swapped). Large arrays: the two limits are bracketed from a
 * pilot sample and selected among the few draws inside the brackets, in one pass (Floyd & Rivest 1975);
 * otherwise, or when a bracket misses, quickselect (Hoare 1961) in O(n). Exact in every case.
 * MAY REORDER `a` in place (pass a copy to keep the draws' order). {@link percentileSummary} also
 * returns the standard deviation, from the same pass.
 * @example
 * ```ts
 * import { percentileInterval } from './percentileInterval';
 * percentileInterval(Float64Array.from({ length: 99 }, (_, i) => i + 1), 0.9); // [4, 96]
 * ```
 * @internal
 */
export function percentileInterval(a: Float64Array, level: number): [number, number] {
  return percentileSummary(a, 0, level).limits;
}
