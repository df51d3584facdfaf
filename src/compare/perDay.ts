import * as z from 'zod/mini';
import { fail } from '../core/InputError';
import { interval, type Interval } from '../core/interval';
import { period as periodSchema } from '../core/period';
import { count, level, options } from '../core/schemas';
import { validate } from '../core/validate';
import { poissonExactLimits } from '../intervals/kernels/poissonExactLimits';
import { levelPercent } from './change/levelPercent';
import { plainNumber } from '../core/plainNumber';

/** A period: `{ from, to }` with ISO dates (`'2017-01-01'`, both days included) or `{ days }` (> 0). */
export type Period = { from: string; to: string } | { days: number };

/** Options of {@link perDay}. */
export interface PerDayOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
}

/** Result of {@link perDay}. */
export interface PerDay {
  /** Average events per day, count / days, with exact Poisson limits. */
  perDay: Interval;
  /** "One every N days": days / count, the reciprocal of `perDay`, with its limits inverted. */
  oneEvery: Interval;
  /** The count. */
  count: number;
  /** Length of the period in days (for dates: both days included). */
  days: number;
  /** In plain words, e.g. "about 4.3 a day (95% CI 4.1 to 4.5)" or "about one every 1.5 days (95% CI 1.3 to 1.7)". */
  description: string;
}

const schema = /* @__PURE__ */ (() => z.object({
  count,
  period: periodSchema("e.g. { days: 365 } or { from: '2017-01-01', to: '2017-12-31' }"),
  options: options({ level }),
}))();

/**
 * How often something happens: the average number of events a day over a period, and "one every N days",
 * each with an exact interval.
 *
 * Method: the count is Poisson; its exact limits (Garwood 1936, the gamma / chi-square form, as R's
 * `poisson.test(count, days)`) divided by the days give the rate per day; "one every N days" is
 * days / count, with limits days / upper and days / lower (the same interval, inverted). With no events
 * the rate is 0 and "one every" is Infinity (unbounded), with a note; so is its upper limit, with a note, when
 * the rate's lower limit is 0 (a count well below 1). Counts may be non-integer.
 *
 * @param count - events in the period, >= 0
 * @param period - `{ from, to }` (ISO dates, both days included) or `{ days }`
 * @param options - `level` (default 0.95)
 *
 * @example
 * ```ts
 * import { perDay } from 'darkfigure';
 * // Lewisham recorded 1,579 stalking and harassment offences in 2017: more than four a day
 * const lewisham = perDay(1579, { from: '2017-01-01', to: '2017-12-31' });
 * // lewisham.perDay: value 4.326, lower 4.115, upper 4.545
 * // lewisham.description: 'about 4.3 a day (95% CI 4.1 to 4.5)'
 * perDay(239, { days: 365 }).oneEvery; // Wycombe: value 1.527 (one every 1.5 days), lower 1.345, upper 1.741
 * ```
 */
export function perDay(count: number, period: Period, options?: PerDayOptions): PerDay {
  const input = validate('perDay', schema, { count, period, options });
  const lvl = input.options.level;
  const x = input.count;
  const days = input.period.days;
  const [lower, upper] = poissonExactLimits(x, lvl);
  if (x > 0 && !(x / days < Infinity)) {
    fail('perDay', ['period', 'days'], 'a period long enough that count / days is a representable number (below about 1.8e308)', days);
  }
  const notes = x === 0 ? ['no events: the rate is 0 and the time between events is unbounded (Infinity)'] : [];
  if (upper / days === Infinity) notes.push('the upper limit is too large to represent (Infinity)');
  const rate = interval(x / days, lower / days, upper / days, lvl, 'exact', { standardError: Math.sqrt(x) / days, notes });
  const everyNotes = [...notes];
  if (x > 0 && days / x === Infinity) everyNotes.push('so few events over so long a period that days / count is too large to represent (Infinity)');
  else if (x > 0 && days / lower === Infinity) {
    everyNotes.push('the lower limit of the rate is 0 or too small to represent: the upper limit of the time between events is unbounded (Infinity)');
  }
  const every = interval(days / x, days / upper, days / lower, lvl, 'exact', { notes: everyNotes });
  return { perDay: rate, oneEvery: every, count: x, days, description: describeFrequency(rate, every, days) };
}

function describeFrequency(rate: Interval, every: Interval, days: number): string {
  const ci = `${levelPercent(rate.level)}% CI`;
  if (rate.value === 0) {
    return `none in ${plainNumber(days)} days (${ci} 0 to ${plainNumber(rate.upper)} a day: at most about one every ${plainNumber(every.lower)} days)`;
  }
  if (rate.value >= 1 || every.upper === Infinity) {
    return `about ${plainNumber(rate.value)} a day (${ci} ${plainNumber(rate.lower)} to ${plainNumber(rate.upper)})`;
  }
  return `about one every ${plainNumber(every.value)} days (${ci} ${plainNumber(every.lower)} to ${plainNumber(every.upper)})`;
}
