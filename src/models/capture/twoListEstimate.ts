import * as z from 'zod/mini';
import { fail } from '../../core/InputError';
import { interval, type Interval } from '../../core/interval';
import { level as levelSchema, methodOf, wholeCount } from '../../core/schemas';
import { validate } from '../../core/validate';
import { twoSidedZ } from '../../intervals/kernels/twoSidedZ';
import { exp } from '../../special/elementary/exp';
import { loglinearFit } from './loglinearFit';
import { multinomialProfile } from './multinomialProfile';

/** Estimators of {@link twoListEstimate}. */
export type TwoListMethod = 'chapman' | 'lincoln-petersen';

/** Interval methods of {@link twoListEstimate}. */
export type TwoListInterval = 'profile' | 'wald';

/** Options of {@link twoListEstimate}. */
export interface TwoListOptions {
  /** `'chapman'` (default) or `'lincoln-petersen'`. */
  method?: TwoListMethod;
  /** `'profile'` (default: profile likelihood of model Mt, as Rcapture's `closedpCI.t`) or `'wald'` (log scale). */
  interval?: TwoListInterval;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
}

/** The result of {@link twoListEstimate}. */
export interface TwoListEstimate {
  /** The estimated population: people on either list plus those on neither. */
  total: Interval;
  /** The people on neither list (total - observed). */
  hidden: Interval;
  /** People on at least one list. */
  observed: number;
}

const schema = /* @__PURE__ */ (() =>
  z.object({
    counts: z.strictObject(
      { both: wholeCount, firstOnly: wholeCount, secondOnly: wholeCount },
      { error: 'an object { both, firstOnly, secondOnly } of whole numbers' },
    ),
    options: z.prefault(
      z.strictObject({
        method: z._default(methodOf(['chapman', 'lincoln-petersen']), 'chapman'),
        interval: z._default(methodOf(['profile', 'wald']), 'profile'),
        level: levelSchema,
      }),
      {} as never,
    ),
  }))();

/**
 * The size of a population from two overlapping lists (capture-recapture with two samples): `both` people
 * are on both lists, `firstOnly` and `secondOnly` on one. Lincoln-Petersen: N = n₁n₂/m (Petersen 1896,
 * Lincoln 1930); Chapman's nearly unbiased N = (n₁ + 1)(n₂ + 1)/(m + 1) - 1 (Chapman 1951), the default.
 * Intervals: profile likelihood (default) of the population size under model Mt (the multinomial likelihood,
 * as Rcapture's `closedpCI.t`; Otis et al. 1978), or Wald on the log scale of the hidden count with
 * Seber's (1970) variance for Chapman or the delta-method variance n₁n₂(n₁ - m)(n₂ - m)/m³ for
 * Lincoln-Petersen. Both assume a closed population, perfect matching between the lists and independent
 * lists (being on one list does not change the chance of being on the other).
 *
 * No overlap (`both: 0`): Lincoln-Petersen's estimate is infinite (an InputError names the field); Chapman's
 * is finite, but the data bound the population only from below, so the upper limit is Infinity, with a note.
 *
 * @param counts - `{ both, firstOnly, secondOnly }`
 * @param options - `method`, `interval`, `level`
 *
 * @example
 * ```ts
 * import { twoListEstimate } from 'darkfigure/models';
 * // 40 victims known to both the police and a helpline, 160 only to the police, 60 only to the helpline
 * const { total, hidden } = twoListEstimate({ both: 40, firstOnly: 160, secondOnly: 60 });
 * console.log(Math.round(total.value), Math.round(hidden.value)); // 494 234
 * ```
 */
export function twoListEstimate(counts: { both: number; firstOnly: number; secondOnly: number }, options?: TwoListOptions): TwoListEstimate {
  const input = validate('twoListEstimate', schema, { counts, options });
  const { both: m, firstOnly, secondOnly } = input.counts;
  const { method, interval: intervalMethod, level } = input.options;
  const n1 = m + firstOnly;
  const n2 = m + secondOnly;
  const observed = m + firstOnly + secondOnly;
  if (observed === 0) fail('twoListEstimate', ['counts'], 'at least one person on a list', counts);
  if (m === 0 && method === 'lincoln-petersen') {
    fail('twoListEstimate', ['counts', 'both'], "at least one person on both lists for Lincoln-Petersen (with none its estimate is infinite)", m, "use method 'chapman'");
  }
  if (observed > 2 ** 52) fail('twoListEstimate', ['counts'], 'counts adding to at most 2^52', counts);
  const value = method === 'chapman' ? ((n1 + 1) * (n2 + 1)) / (m + 1) - 1 : (n1 * n2) / m;
  const notes: string[] = [];
  const z = twoSidedZ(level);
  let lower: number;
  let upper: number;
  let standardError: number;
  if (method === 'chapman') standardError = Math.sqrt(((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) * (m + 1) * (m + 2)));
  else standardError = Math.sqrt((n1 * n2 * (n1 - m) * (n2 - m)) / (m * m * m));
  const hiddenValue = value - observed;
  if (intervalMethod === 'wald') {
    if (hiddenValue > 0 && standardError > 0) {
      const spread = z * (standardError / hiddenValue);
      lower = observed + hiddenValue * exp(-spread);
      upper = observed + hiddenValue * exp(spread);
    } else {
      lower = upper = value;
      notes.push('the estimate has no spread (a list holds everyone observed): the Wald interval is a point');
    }
    if (m === 0) {
      upper = Infinity;
      notes.push('no one is on both lists: the data bound the population only from below, so the upper limit is unbounded');
    }
  } else {
    // the multinomial profile likelihood of N under Mt, by refitting the two-list log-linear model
    const cells = [
      { count: m, covariates: [1, 1] },
      { count: firstOnly, covariates: [1, 0] },
      { count: secondOnly, covariates: [0, 1] },
    ];
    const devianceAt = (n0: number) => loglinearFit([...cells, { count: n0, covariates: [0, 0] }], 2).deviance;
    const profile = multinomialProfile(devianceAt, observed, m === 0 ? observed : Math.max((n1 * n2) / m - observed, 1e-3), z);
    lower = profile.lower;
    upper = m === 0 ? Infinity : profile.upper;
    for (const note of profile.notes) if (m > 0 || !note.includes('upper')) notes.push(note);
    if (m === 0) notes.push('no one is on both lists: the data bound the population only from below, so the upper limit is unbounded');
  }
  const common = { standardError, notes };
  const methodName = `${method}, ${intervalMethod === 'wald' ? 'wald-log' : 'profile'}`;
  return {
    total: interval(value, lower, upper, level, methodName, common),
    hidden: interval(hiddenValue, lower - observed, upper - observed, level, methodName, common),
    observed,
  };
}
