import * as z from 'zod/mini';
import type { Interval } from '../core/interval';
import { refuseReservedKey } from '../core/refuseReservedKey';
import { countRecord } from '../core/countRecord';
import { count, level, methodOf, options } from '../core/schemas';
import { HINT, validate } from '../core/validate';
import { multinomialIntervals } from './multinomial/multinomialIntervals';

const METHODS = ['sison-glaz', 'goodman', 'quesenberry-hurst', 'wilson'] as const satisfies readonly MultinomialMethod[];

/** Methods of {@link multinomialCI}. */
export type MultinomialMethod = 'sison-glaz' | 'goodman' | 'quesenberry-hurst' | 'wilson';

/** Options of {@link multinomialCI}. */
export interface MultinomialCIOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** `'sison-glaz'` (default), `'goodman'`, `'quesenberry-hurst'` (simultaneous) or `'wilson'` (per category). */
  method?: MultinomialMethod;
}

const schema = /* @__PURE__ */ (() => z
  .object({
    counts: countRecord('a record of category to count, such as { partner: 45, stranger: 10 }'),
    options: options({ level, method: z._default(methodOf(METHODS), 'sison-glaz') }),
  })
  .check((ctx) => {
    const { counts } = ctx.value;
    const keys = Object.keys(counts);
    if (keys.length < 2) {
      ctx.issues.push({
        code: 'custom',
        path: ['counts'],
        input: counts,
        message:
          keys.length === 1
            ? `at least two categories${HINT}a single category's share is 1 by definition; add the remaining category, e.g. { ...counts, other: 12 }`
            : 'at least two categories',
      });
      return;
    }
    let total = 0;
    for (const key of keys) total += counts[key]!;
    if (!(total > 0) || !Number.isFinite(total)) {
      ctx.issues.push({
        code: 'custom',
        path: ['counts'],
        input: counts,
        message: total > 0 ? 'counts that add up to a finite number' : 'counts that add up to more than 0',
      });
      return;
    }
    if (ctx.value.options.method !== 'sison-glaz') return;
    for (const key of keys) {
      const x = counts[key]!;
      if (!Number.isInteger(x)) {
        ctx.issues.push({
          code: 'custom',
          path: ['counts', key],
          input: x,
          message: `a whole number >= 0 (Sison-Glaz is defined on whole counts)${HINT}for weighted counts use method 'goodman', 'quesenberry-hurst' or 'wilson'`,
        });
      }
    }
    if (total > Number.MAX_SAFE_INTEGER) {
      ctx.issues.push({
        code: 'custom',
        path: ['counts'],
        input: counts,
        message: 'whole counts adding up to at most 2^53 - 1 for Sison-Glaz',
      });
    }
  }))();

/**
 * Confidence intervals for the shares of a multinomial sample: how a whole (victims, say) splits
 * into categories (their relationship to the offender), with an interval for each share.
 *
 * Methods:
 * - `'sison-glaz'` (default): simultaneous intervals of Sison & Glaz (1995), computed as in
 *   May & Johnson (2000) (the algorithm of R's DescTools `MultinomCI(method = "sisonglaz")`):
 *   the probability v(c) that every count lies within c of its expected value is approximated from
 *   truncated Poisson moments with an Edgeworth expansion; c is the whole number with
 *   v(c) <= level < v(c + 1), gamma = (level - v(c)) / (v(c + 1) - v(c)), and the limits are
 *   p - c/n and p + (c + 2 gamma)/n clipped to [0, 1]. All intervals have (nearly) the same width.
 *   The truncated moments are computed without cancellation (a power-sum series for windows narrower than
 *   a standard deviation), so v(c) is accurate to about 1e-14 for totals up to 2^53 - 1: against an
 *   independent 50-digit implementation (mpmath) c agrees exactly and the limits to within a unit or two
 *   in the last place, from n = 1e9 to 2^53 - 1. The search for c takes about 500 evaluations of v at
 *   n = 2^53 (milliseconds for a few categories).
 *   Defined on whole counts adding to at most 2^53 - 1; a non-integer count is an `InputError`. v(c) tends
 *   to just below 1 as c grows (1 - 3.5e-7 at n = 100, 1 - 3.5e-11 at n = 10,000), so at levels closer to
 *   1 than that no c <= n reaches the level: every interval is then [0, 1] and a note says so.
 *   When the counts are very concentrated (all in one category, or a handful of observations) the
 *   approximation already passes the level at c = 1, so c = 0 and the intervals are too narrow: a note
 *   says so and recommends `'goodman'`.
 * - `'goodman'`: Goodman (1965): score intervals at the chi-square (1 df) point 1 - (1 - level)/k
 *   (Bonferroni over the k categories).
 * - `'quesenberry-hurst'`: Quesenberry & Hurst (1964): score intervals at the chi-square (k - 1 df)
 *   point `level`; simultaneous, conservative.
 * - `'wilson'`: the Wilson score interval of each share on its own. NOT simultaneous: the k
 *   intervals together cover all true shares less often than `level` (each result says so in `notes`).
 *
 * `counts` is a record of category to count; the result has the same categories in the same order
 * (JavaScript orders integer-like keys such as `'2'` first, in numeric order). `value` is the share
 * count / total. Counts of 0 are allowed (lower limit 0). At least two categories and a total above
 * 0 are required: a single category's share is 1 by definition, so a lone category is an `InputError`
 * (usually a forgotten remainder); so is a category called `'__proto__'`. For `'goodman'`, `'quesenberry-hurst'` and `'wilson'` weighted
 * (non-integer) counts are accepted and used as if observed, with n = their sum (a note says so):
 * scale survey-weighted counts to the effective sample size first. Pass counts, not percentages:
 * percentages would be read as a sample of 100 (this cannot be detected).
 *
 * References: Sison, C.P. & Glaz, J. (1995) JASA 90:366-369; May, W.L. & Johnson, W.D. (2000)
 * J Stat Softw 5(6); Goodman, L.A. (1965) Technometrics 7:247-254; Quesenberry, C.P. & Hurst, D.C.
 * (1964) Technometrics 6:191-195; Wilson, E.B. (1927) JASA 22:209-212.
 *
 * @example
 * ```ts
 * import { multinomialCI } from 'darkfigure';
 * const byRelationship = multinomialCI({ exPartner: 45, acquaintance: 22, stranger: 10, colleague: 5, family: 4, other: 14 });
 * byRelationship.exPartner; // { value: 0.45, lower: 0.36, upper: 0.556..., level: 0.95, method: 'sison-glaz' }
 * multinomialCI({ exPartner: 45, other: 55 }, { method: 'goodman', level: 0.9 });
 * ```
 */
export function multinomialCI<K extends string>(
  counts: Readonly<Record<K, number>>,
  options?: MultinomialCIOptions,
): Record<K, Interval> {
  refuseReservedKey('multinomialCI', ['counts'], counts);
  const parsed = validate('multinomialCI', schema, { counts, options });
  const { level: lvl, method } = parsed.options;
  const keys = Object.keys(parsed.counts);
  const x = Float64Array.from(keys, (key) => parsed.counts[key]!);
  const results = multinomialIntervals(x, lvl, method);
  return Object.fromEntries(keys.map((key, i) => [key, results[i]!])) as Record<K, Interval>;
}
