/** What a funnel compares: a proportion (count of denominator), a rate (count per `per` population) or a ratio (observed / expected). */
export type FunnelType = 'proportion' | 'rate' | 'ratio';

/** How control limits are computed without an overdispersion adjustment. */
export type FunnelMethod = 'exact' | 'wilson';

/** Overdispersion adjustment of {@link funnelPlot}. */
export type FunnelOverdispersion = 'none' | 'multiplicative' | 'additive';

/** A grid of precisions for drawing: `points` values log-spaced from `from` to `to` (inclusive). */
export interface FunnelGrid {
  /** Smallest precision, > 0. */
  from: number;
  /** Largest precision, >= from. */
  to: number;
  /** Number of points, a whole number >= 2 (default 200); fewer for proportions when rounding to whole denominators merges points. */
  points?: number;
}

/** One control limit row: the limits at one precision and level (ready for a chart). */
export interface FunnelLimitRow {
  /** Denominator (proportion), population (rate) or expected count (ratio). */
  precision: number;
  /** Level of the limits, e.g. 0.95 or 0.998. */
  level: number;
  /** Lower control limit, on the scale of the value (a proportion, a rate per `per`, or a ratio); never below 0. */
  lower: number;
  /** Upper control limit, on the same scale. */
  upper: number;
}

/** Flag of an area: outside the limits of a level (`'high-99.8'`, `'low-95'`...) or `'within'` all of them. */
export type FunnelFlag = 'within' | `high-${number}` | `low-${number}`;
