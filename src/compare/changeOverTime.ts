import * as z from 'zod/mini';
import { fail } from '../core/InputError';
import { interval, type Interval } from '../core/interval';
import { countOverPeriod, type CountOverPeriod } from '../core/period';
import { level, options } from '../core/schemas';
import { HINT, validate } from '../core/validate';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';
import { conditionalRatioLimits } from '../intervals/kernels/conditionalRatioLimits';
import { levelPercent } from './change/levelPercent';
import { plainNumber } from '../core/plainNumber';
import { signedPercent } from './change/signedPercent';

/**
 * A count over a period: `{ count, from, to }` with ISO dates (`'2015-01-01'`, both days included) or
 * `{ count, days }` (the period's length in days, > 0).
 */
export type PeriodCount = { count: number; from: string; to: string } | { count: number; days: number };

/** Options of {@link changeOverTime}. */
export interface ChangeOverTimeOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
}

/** One side of a {@link ChangeOverTime}, as parsed. */
export interface ChangePeriod {
  /** The count over the period. */
  count: number;
  /** Length of the period in days (for dates: both days included). */
  days: number;
  /** First day, for a dated period. */
  from?: string;
  /** Last day, for a dated period. */
  to?: string;
}

/** Result of {@link changeOverTime}. */
export interface ChangeOverTime {
  /** Rate ratio: events per day after / events per day before, exact conditional interval. */
  ratio: Interval;
  /** Percent change relative to the earlier period: (ratio - 1) x 100, limits (ratio limits - 1) x 100. */
  percentChange: Interval;
  /** The earlier period. */
  before: ChangePeriod;
  /** The later period. */
  after: ChangePeriod;
  /** The change in plain words, e.g. "up 57% (95% CI +28% to +94%): 239 against 152, in periods of 365 days". */
  description: string;
}

const side = /* @__PURE__ */ (() => countOverPeriod(
  "give each period's length too, e.g. { count: 152, days: 365 } or { count: 152, from: '2015-01-01', to: '2015-12-31' }",
))();

const schema = /* @__PURE__ */ (() => z
  .object({ before: side, after: side, options: options({ level }) })
  .check((ctx) => {
    const { before, after } = ctx.value;
    if (before === undefined || after === undefined) return;
    if (before.count === 0 && after.count === 0) {
      for (const name of ['before', 'after'] as const) {
        ctx.issues.push({
          code: 'custom',
          path: [name, 'count'],
          input: 0,
          message: 'events in at least one of before and after (with none in either, the change is undefined)',
        });
      }
    }
    if (before.firstDay === undefined || after.firstDay === undefined) return;
    const b = `${before.from} to ${before.to}`;
    const a = `${after.from} to ${after.to}`;
    if (after.lastDay! < before.firstDay) {
      const hint = 'the periods are reversed: changeOverTime(before, after) takes the earlier period first';
      ctx.issues.push({ code: 'custom', path: ['before', 'from'], input: before.from, message: `a period earlier than after (${a})${HINT}${hint}` });
      ctx.issues.push({ code: 'custom', path: ['after', 'from'], input: after.from, message: `a period later than before (${b})${HINT}${hint}` });
    } else if (before.lastDay! >= after.firstDay) {
      const hint = 'overlapping periods share events, so their counts are not independent; compare periods that do not overlap';
      ctx.issues.push({ code: 'custom', path: ['before', 'to'], input: before.to, message: `a date before after.from (${after.from})${HINT}${hint}` });
      ctx.issues.push({ code: 'custom', path: ['after', 'from'], input: after.from, message: `a date after before.to (${before.to})${HINT}${hint}` });
    }
  }))();

const sideOf = (p: CountOverPeriod): ChangePeriod =>
  p.from === undefined ? { count: p.count, days: p.days } : { count: p.count, days: p.days, from: p.from, to: p.to! };

/**
 * How much a count changed between two periods, as a rate ratio and a percent change **relative to the
 * earlier period**, with exact confidence intervals. Periods of different length are compared per day.
 *
 * Method: the ratio of the rates per day, after / before, with the exact conditional interval of
 * R's `poisson.test(c(after, before), c(daysAfter, daysBefore))`: given the total, the later count is
 * binomial, and its Clopper-Pearson limits (Clopper & Pearson 1934) map to the ratio (e.g. Breslow & Day
 * 1987, section 2.2). Percent change = (ratio - 1) x 100, its limits (ratio limits - 1) x 100.
 *
 * `before` must be the earlier period: when both have dates, periods given the wrong way round, or periods
 * that overlap (they would share events), are an InputError. No events in either period is an InputError.
 * No events after gives a ratio of 0 (percent change -100%, lower limit -100%); no events before gives a
 * ratio, percent change and upper limit of Infinity, with a note. Counts may be non-integer.
 *
 * @param before - the earlier period: `{ count, from, to }` (ISO dates, both included) or `{ count, days }`
 * @param after - the later period, in either form
 * @param options - `level` (default 0.95)
 *
 * @example
 * ```ts
 * import { changeOverTime } from 'darkfigure';
 * // Wycombe: 152 stalking cases in 2015, 239 in 2017. The press said +36%; it is +57%.
 * const c = changeOverTime(
 *   { count: 152, from: '2015-01-01', to: '2015-12-31' },
 *   { count: 239, from: '2017-01-01', to: '2017-12-31' },
 * );
 * // c.percentChange: value 57.2, lower 27.8, upper 94.0 (method 'exact')
 * // c.description: 'up 57% (95% CI +28% to +94%): 239 against 152, in periods of 365 days'
 * ```
 */
export function changeOverTime(before: PeriodCount, after: PeriodCount, options?: ChangeOverTimeOptions): ChangeOverTime {
  const input = validate('changeOverTime', schema, { before, after, options });
  const lvl = input.options.level;
  const b = input.before;
  const a = input.after;
  let value = a.count === 0 ? 0 : b.count === 0 ? Infinity : a.count / a.days / (b.count / b.days);
  // a rate under- or overflowed on the way (0 / 0, Infinity / Infinity, or one of them): the ratio on the log scale
  if (a.count > 0 && b.count > 0 && !(value > 0 && value < Infinity)) value = exp(log(a.count) - log(a.days) - log(b.count) + log(b.days));
  const [lower, upper] = conditionalRatioLimits(a.count, a.days, b.count, b.days, lvl);
  // The percent change 100 (ratio - 1) must be a number too: a ratio above about 1.8e306 would make it Infinity.
  if (a.count > 0 && b.count > 0 && !(value > 0 && (value - 1) * 100 < Infinity && (lower - 1) * 100 < Infinity)) {
    fail(
      'changeOverTime',
      ['after', 'days'],
      'periods whose rates per day have a ratio representable as a number, and as a percent change (between about 1e-308 and 1e306)',
      a.days,
      `here the ratio of the rates per day is about 10^${Math.round((log(a.count) - log(a.days) - log(b.count) + log(b.days)) / log(10))}`,
    );
  }

  const notes: string[] = [];
  if (a.days !== b.days) {
    notes.push(`periods of different length (${b.text} before, ${a.text} after): rates per day compared`);
  }
  if (b.count === 0) notes.push('no events before: the change is unbounded (Infinity), and so is its upper limit');
  else if (a.count === 0) notes.push('no events after: the ratio is 0 (a change of -100%), and so is its lower limit');
  if (b.count > 0 && upper === Infinity) notes.push(`the upper limit is too large to represent (Infinity)${b.count < 10 ? ': very few events before' : ''}`);

  const ratio = interval(value, lower, upper, lvl, 'exact', { notes });
  const percentNotes = [...notes];
  if (upper < Infinity && (upper - 1) * 100 === Infinity) percentNotes.push('the upper limit of the percent change is too large to represent (Infinity)');
  const percentChange = interval((value - 1) * 100, (lower - 1) * 100, (upper - 1) * 100, lvl, 'exact', { notes: percentNotes });
  return {
    ratio,
    percentChange,
    before: sideOf(b),
    after: sideOf(a),
    description: describeChange(percentChange, b, a),
  };
}

function describeChange(change: Interval, b: CountOverPeriod, a: CountOverPeriod): string {
  const ci = `${levelPercent(change.level)}% CI`;
  const sameLength = a.days === b.days;
  const counts = sameLength
    ? `${plainNumber(a.count)} against ${plainNumber(b.count)}, in periods of ${plainNumber(a.days)} days`
    : `${plainNumber(a.count)} in ${plainNumber(a.days)} days (${plainNumber(a.count / a.days)} a day) against ` +
      `${plainNumber(b.count)} in ${plainNumber(b.days)} days (${plainNumber(b.count / b.days)} a day)`;
  if (b.count === 0) {
    return `no events before, so the change is unbounded (${ci} from ${signedPercent(change.lower)} upwards): ${counts}`;
  }
  const what = sameLength ? '' : 'the rate per day is ';
  const direction = change.value > 0 ? `${what}up ${plainNumber(change.value)}%` : change.value < 0 ? `${what}down ${plainNumber(-change.value)}%` : `${what}unchanged`;
  const limits =
    change.upper === Infinity
      ? `${ci} from ${signedPercent(change.lower)} upwards`
      : `${ci} ${signedPercent(change.lower)} to ${signedPercent(change.upper)}`;
  const noChange = change.lower < 0 && change.upper > 0 && change.value !== 0 ? ', consistent with no change' : '';
  return `${direction} (${limits}${noChange}): ${counts}`;
}
