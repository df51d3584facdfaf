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
    return lo + 1 < sorted.length ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
  };
  return { min: sorted[0]!, q1: at(0.25), median: medianSorted(sorted), q3: at(0.75), max: sorted[sorted.length - 1]! };
}
