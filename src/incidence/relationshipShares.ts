import * as z from 'zod/mini';
import { interval, type Interval } from '../core/interval';
import { level, methodOf, options } from '../core/schemas';
import { sharedNotes } from '../core/sharedNotes';
import { refuseReservedKey } from '../core/refuseReservedKey';
import { HINT, validate } from '../core/validate';
import type { MultinomialMethod } from '../intervals/multinomialCI';
import { multinomialIntervals } from '../intervals/multinomial/multinomialIntervals';
import { normaliseShares, shareOptionShape, sharesRecord, type NormalisedShares, type ShareScale } from './shareOptions';
import { sixDigits } from '../core/sixDigits';

/** Options of {@link relationshipShares}. */
export interface RelationshipSharesOptions<R extends string | false = string | false> {
  /** Survey respondents the shares come from; with it the intervals are simultaneous. */
  base?: number;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Interval method with a base, as `multinomialCI`: `'sison-glaz'` (default), `'goodman'`, `'quesenberry-hurst'`, `'wilson'`. */
  method?: MultinomialMethod;
  /** Category for what the shares leave out (default `'other'`); `false` for none (then they must add to 100%). */
  remainder?: R;
  /** `'proportion'` (default, 0.45), `'percent'` (45) or `'count'` (respondents). */
  scale?: ShareScale;
  /** How far above 100% (or below, with `remainder: false`) shares may add up from rounding, as a proportion; default 0.005. */
  tolerance?: number;
}

const schema = /* @__PURE__ */ (() => z.pipe(z
  .object({
    shares: sharesRecord,
    options: options({ level, method: z._default(methodOf(['sison-glaz', 'goodman', 'quesenberry-hurst', 'wilson']), 'sison-glaz'), ...shareOptionShape }),
  }), z.transform((v, ctx) => {
    const normalised = normaliseShares(v.shares, v.options, (path, message, input) =>
      ctx.issues.push({ code: 'custom', path: path[0] === 'base' ? ['options', ...path] : path, message, input }),
    );
    if (normalised === undefined) return z.NEVER;
    const { counts } = normalised;
    if (counts !== undefined && !(counts.reduce((sum, c) => sum + c, 0) <= Number.MAX_VALUE)) {
      // share x base can each be finite while their sum overflows (a base near the largest double)
      ctx.issues.push({ code: 'custom', path: ['options', 'base'], input: v.options.base, message: 'a base whose counts, share x base, add up to a finite number' });
      return z.NEVER;
    }
    if (counts !== undefined && counts.length > 1 && v.options.method === 'sison-glaz') {
      // Sison-Glaz needs whole counts: share x base is rounded, and the rounded counts must make a sample.
      let whole = 0;
      for (const c of counts) whole += Math.round(c);
      if (!(whole > 0) || whole > Number.MAX_SAFE_INTEGER) {
        ctx.issues.push({
          code: 'custom',
          path: ['options', 'base'],
          input: v.options.base,
          message:
            whole > 0
              ? `a base of at most 2^53 - 1 respondents for Sison-Glaz (share x base is rounded to whole counts)${HINT}for weighted or very large bases use method 'goodman', 'quesenberry-hurst' or 'wilson'`
              : `a base large enough that share x base rounds to at least one whole respondent (Sison-Glaz needs whole counts)${HINT}the survey respondents behind the shares, such as 400`,
        });
        return z.NEVER;
      }
    }
    return { shares: normalised, options: v.options };
  })))();

/**
 * Shares of a whole by category, such as stalkers by their relationship to the victim, with their
 * uncertainty. Shares may be proportions, percentages (`scale: 'percent'`) or respondent counts
 * (`scale: 'count'`). When they add up to less than the whole, a remainder category (default `'other'`)
 * takes the rest (the press figures 45/22/10/5/4% add up to 86%, so 'other' is 14%); more than the
 * whole beyond rounding (`tolerance`, default half a percentage point) is an `InputError`, and within
 * it they are rescaled to 100% (a note says so).
 *
 * With a `base` (the survey respondents behind the shares) the counts are share x base and the
 * intervals are simultaneous multinomial intervals (`multinomialCI`: Sison & Glaz 1995 by default),
 * so all categories are covered together at `level`; Sison-Glaz needs whole counts, so share x base is
 * rounded (a note says so) while `value` stays the share given. Without a base the shares are treated
 * as exact: each interval is a single point and `method` is `'as-given'`.
 *
 * The notes that concern every category (the remainder, rescaling, rounding, no base) are given once, as
 * `result[sharedNotes]` (a symbol, so the result stays a plain record of category to `Interval` for
 * `Object.entries`, JSON and the charts); each interval keeps the notes that concern it alone.
 *
 * @example
 * ```ts
 * import { relationshipShares, sharedNotes } from 'darkfigure';
 * const seeds = { exPartner: 45, acquaintance: 22, stranger: 10, colleague: 5, family: 4 };
 * const shares = relationshipShares(seeds, { scale: 'percent', base: 400 }); // base ASSUMED: 400 victims answered
 * shares.other.value; // 0.14, the remainder
 * shares.exPartner; // { value: 0.45, lower: 0.4, upper: 0.5..., level: 0.95, method: 'sison-glaz' }
 * shares[sharedNotes]; // ["remainder category 'other' takes the rest: 14%"]
 * ```
 */
export function relationshipShares<K extends string, R extends string | false = 'other'>(
  shares: Readonly<Record<K, number>>,
  options?: RelationshipSharesOptions<R>,
): ShareIntervals<K, R> {
  refuseReservedKey('relationshipShares', ['shares'], shares);
  const v = validate('relationshipShares', schema, { shares, options });
  return shareIntervals(v.shares, v.options.level, v.options.method) as ShareIntervals<K, R>;
}

/**
 * The intervals of {@link relationshipShares}: one per category given, and the remainder category (`'other'`
 * unless `remainder` names another, none with `remainder: false`) when the shares leave something out.
 */
export type ShareIntervals<K extends string, R extends string | false = 'other'> = Record<K, Interval> &
  Partial<Record<Exclude<R, false>, Interval>> & {
    /** The notes that concern every category (rescaling, the remainder, rounding, no base), given once. */
    readonly [sharedNotes]: readonly string[];
  };


/** Intervals for normalised shares, with the notes shared by every category under {@link sharedNotes}. @internal */
function shareIntervals(n: NormalisedShares, lvl: number, method: MultinomialMethod): Record<string, Interval> {
  const { keys, shares, counts } = n;
  const out: Record<string, Interval> = {};
  const shared = [...n.notes];
  if (counts === undefined) {
    shared.push('no base given: shares treated as exact (no sampling uncertainty); pass base (the respondents) for intervals');
    keys.forEach((key, i) => {
      out[key] = interval(shares[i]!, shares[i]!, shares[i]!, lvl, 'as-given');
    });
  } else if (keys.length === 1) {
    out[keys[0]!] = interval(1, 1, 1, lvl, 'as-given', { notes: ['a single category: its share is 1 by definition'] });
  } else {
    let used = counts;
    if (method === 'sison-glaz' && counts.some((c) => !Number.isInteger(c))) {
      used = counts.map((c) => Math.round(c));
      shared.push(`counts reconstructed as share x base and rounded to whole respondents (Sison-Glaz needs whole counts): ${used.join(', ')}`);
    }
    const ci = multinomialIntervals(Float64Array.from(used), lvl, method);
    let respondents = 0;
    for (const c of used) respondents += c;
    keys.forEach((key, i) => {
      const c = ci[i]!;
      const outside =
        shares[i]! < c.lower || shares[i]! > c.upper
          ? [`the share given (${sixDigits(shares[i]!)}) lies outside the interval for the rounded count ${used[i]!} of ${respondents}: the base is too small for these shares; give the respondents' own counts (scale: 'count')`]
          : [];
      const own = [...(c.notes ?? []), ...outside];
      out[key] = own.length > 0 ? interval(shares[i]!, c.lower, c.upper, lvl, c.method, { notes: own }) : interval(shares[i]!, c.lower, c.upper, lvl, c.method);
    });
  }
  Object.defineProperty(out, sharedNotes, { value: shared, enumerable: true });
  return out;
}
