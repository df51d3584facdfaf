/**
 * The methods darkfigure's intervals name (an editor offers them); any other string is allowed too, for
 * intervals you make yourself.
 */
export type IntervalMethod =
  | 'wilson'
  | 'clopper-pearson'
  | 'jeffreys'
  | 'agresti-coull'
  | 'wald'
  | 'logit'
  | 'korn-graubard'
  | 'exact'
  | 'byar'
  | 'normal'
  | 'dobson'
  | 'sison-glaz'
  | 'goodman'
  | 'quesenberry-hurst'
  | 'monte-carlo'
  | 'delta'
  | 'as-given'
  | 'profile'
  | 'wald-log'
  | 'bootstrap-bca'
  | 'fay-herriot'
  | 'fay-herriot-arcsin'
  | 'blaker'
  | 'matrix-method'
  | (string & {});

/**
 * The one result shape of every estimate in darkfigure.
 *
 * `value` is the point estimate, `lower` and `upper` the confidence limits at `level`
 * (a proportion such as 0.95), and `method` names the method actually used for this result
 * (for example `'wilson'`, `'exact'`, `'byar'`). `notes` carries caveats in plain words.
 *
 * Limits may be `Infinity` where the data leave them unbounded (an upper limit with no events
 * in a rate ratio's denominator group, say); the result then says so in `notes`. They are never `NaN`.
 */
export interface Interval {
  /** Point estimate. */
  value: number;
  /** Lower confidence limit. */
  lower: number;
  /** Upper confidence limit. */
  upper: number;
  /** Confidence level, a proportion in (0, 1) such as 0.95. */
  level: number;
  /** The method actually used for this result, e.g. `'wilson'` or `'exact'`. */
  method: IntervalMethod;
  /** Standard error of `value`, where the method defines one. */
  standardError?: number;
  /** Caveats in plain words, e.g. "fewer than 10 events: exact limits used". */
  notes?: string[];
}

/** Build an {@link Interval}, leaving out empty `notes` and an undefined `standardError`. @internal */
export function interval(
  value: number,
  lower: number,
  upper: number,
  level: number,
  method: IntervalMethod,
  extra: { standardError?: number; notes?: string[] } = {},
): Interval {
  const out: Interval = { value, lower, upper, level, method };
  if (extra.standardError !== undefined) out.standardError = extra.standardError;
  if (extra.notes !== undefined && extra.notes.length > 0) out.notes = extra.notes;
  return out;
}
