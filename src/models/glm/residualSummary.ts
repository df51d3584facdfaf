import { medianSorted } from 'simple-statistics';

/** Minimum, quartiles and maximum of residuals. */
export interface ResidualSummary {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/**
 * The five-number summary of residuals that R's `summary.glm` prints: quartiles by R's default
 * quantile (type 7, Hyndman and Fan 1996), computed here because simple-statistics' `quantileSorted`
 * takes the order statistic without interpolating (its quartiles differ from R's); the median, where the
 * two agree, is simple-statistics' `medianSorted`.
 *
 * @example
 * ```ts
 * import { residualSummary } from './residualSummary';
 * residualSummary([-1, 0, 2, 0.5]).median; // 0.25
 * ```
 * @internal
 */
export function residualSummary(residuals: readonly number[]): ResidualSummary {
  const sorted = [...residuals].sort((a, b) => a - b);
  const at = (p: number): number => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    const a = sorted[lo]!;
    if (lo + 1 >= sorted.length || h === lo) return a;
    const b = sorted[lo + 1]!;
    // equal neighbours are the quartile: with infinite residuals (a fit that has not converged), b - a is NaN
    return a === b ? a : a + (h - lo) * (b - a);
  };
  return { min: sorted[0]!, q1: at(0.25), median: medianSorted(sorted), q3: at(0.75), max: sorted[sorted.length - 1]! };
}
