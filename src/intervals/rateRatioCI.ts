import * as z from 'zod/mini';
import { fail } from '../core/InputError';
import { interval, type Interval } from '../core/interval';
import { count, level, methodOf, options, positive } from '../core/schemas';
import { validate } from '../core/validate';
import { fastOptions, isCount, isPositive, levelRule, methodRule } from '../core/fastOptions';

const FAST = /* @__PURE__ */ (() => ({ level: levelRule, method: /* @__PURE__ */ methodRule(['exact', 'normal'], 'exact') }))();

/** The common valid group, checked without zod (anything else goes through the schema). */
function fastGroup(g: unknown): g is RateGroup {
  return typeof g === 'object' && g !== null && isCount((g as RateGroup).count) && isPositive((g as RateGroup).population);
}
import { conditionalRatioLimits } from './kernels/conditionalRatioLimits';
import { twoSidedZ } from './kernels/twoSidedZ';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';

const METHODS = ['exact', 'normal'] as const satisfies readonly RateRatioMethod[];

/** Methods of {@link rateRatioCI}. */
export type RateRatioMethod = 'exact' | 'normal';

/** One group of a rate ratio: events and the population (person-years) they arose in. */
export interface RateGroup {
  /** Observed events, >= 0. */
  count: number;
  /** Population or person-time at risk, > 0. */
  population: number;
}

/** Options of {@link rateRatioCI}. */
export interface RateRatioCIOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** `'exact'` (conditional binomial; default) or `'normal'` (log scale). */
  method?: RateRatioMethod;
}

const group = /* @__PURE__ */ (() => z.object({ count, population: positive }, { error: 'an object { count, population }' }))();

const schema = /* @__PURE__ */ (() => z
  .object({
    a: group,
    b: group,
    options: options({ level, method: z._default(methodOf(METHODS), 'exact') }),
  })
  .check((ctx) => {
    const { a, b } = ctx.value;
    if (a.count === 0 && b.count === 0) {
      for (const name of ['a', 'b'] as const) {
        ctx.issues.push({
          code: 'custom',
          path: [name, 'count'],
          input: 0,
          message: 'events in at least one of a and b (with none in either, the rate ratio is undefined)',
        });
      }
    }
  }))();

/**
 * Ratio of two rates, (a.count / a.population) / (b.count / b.population), with a confidence interval.
 *
 * Methods: `'exact'` (default) is the conditional interval of R's `poisson.test(c(a, b), c(Ta, Tb))`:
 * given a + b events, a is binomial with p = ρTa / (ρTa + Tb); the Clopper-Pearson limits for p
 * (Clopper & Pearson 1934) are mapped to the ratio ρ = p / (1 - p) × Tb / Ta (computed with both beta
 * tails, so no 1 - p cancellation). `'normal'` is the log-scale Wald interval
 * exp(log ρ ± z √(1/a + 1/b)) (e.g. Rothman & Greenland 1998).
 *
 * Zeros: with no events in `b` the ratio and its upper limit are `Infinity` (a note says so); with no
 * events in `a` the ratio and lower limit are 0. The normal interval does not exist with a zero count
 * (log 0), so there the exact limits are returned with `method: 'exact'` and a note. No events in
 * either group is an InputError (the ratio is undefined). Counts may be non-integer.
 *
 * @param a - numerator group `{ count, population }`
 * @param b - denominator (reference) group `{ count, population }`
 * @param options - `level` (default 0.95), `method` (default `'exact'`)
 *
 * @example
 * ```ts
 * import { rateRatioCI } from 'darkfigure';
 * // Wycombe: 239 stalking cases in 2017 against 152 in 2015 (same population)
 * const r = rateRatioCI({ count: 239, population: 1 }, { count: 152, population: 1 });
 * // r.value 1.572 (+57%), r.lower 1.278, r.upper 1.940, r.method 'exact'
 * ```
 */
export function rateRatioCI(a: RateGroup, b: RateGroup, options?: RateRatioCIOptions): Interval {
  const fast =
    fastGroup(a) && fastGroup(b) && (a.count > 0 || b.count > 0)
      ? fastOptions<{ level: number; method: RateRatioMethod }>(options, FAST)
      : undefined;
  const input = fast
    ? { a: { count: a.count, population: a.population }, b: { count: b.count, population: b.population }, options: fast }
    : validate('rateRatioCI', schema, { a, b, options });
  const { level: lvl, method } = input.options;
  const xa = input.a.count;
  const xb = input.b.count;
  const ta = input.a.population;
  const tb = input.b.population;
  let value = xa === 0 ? 0 : xb === 0 ? Infinity : xa / ta / (xb / tb);
  // a rate under- or overflowed on the way (0 / 0, Infinity / Infinity, or one of them): the ratio on the log scale
  if (xa > 0 && xb > 0 && !(value > 0 && value < Infinity)) value = exp(log(xa) - log(ta) - log(xb) + log(tb));
  if (xa > 0 && xb > 0 && !(value > 0 && value < Infinity)) {
    fail(
      'rateRatioCI',
      ['b', 'population'],
      'populations whose rates have a ratio representable as a number (between about 5e-324 and 1.8e308)',
      tb,
      `here the rate ratio is about 10^${Math.round((log(xa) - log(ta) - log(xb) + log(tb)) / log(10))}`,
    );
  }
  const notes: string[] = [];
  if (method === 'normal' && xa > 0 && xb > 0) {
    // log of the ratio from its parts, so a ratio that under- or overflows still has finite log
    const centre = log(xa) - log(ta) - log(xb) + log(tb);
    const half = twoSidedZ(lvl) * Math.sqrt(1 / xa + 1 / xb);
    const upper = exp(centre + half);
    if (upper === Infinity) notes.push(`the upper limit is too large to represent (Infinity)${Math.min(xa, xb) < 10 ? ': very few events' : ''}`);
    return interval(value, exp(centre - half), upper, lvl, 'normal', { notes });
  }
  if (method === 'normal') {
    notes.push(
      `no events in ${xa === 0 ? 'a' : 'b'}: the log-scale normal interval is undefined; exact conditional limits used instead`,
    );
  }
  const [lower, upper] = conditionalRatioLimits(xa, ta, xb, tb, lvl);
  if (xa === 0) notes.push('no events in a: the rate ratio and its lower limit are 0');
  if (xb === 0) notes.push('no events in b: the rate ratio and its upper limit are unbounded (Infinity)');
  if (xb > 0 && upper === Infinity) notes.push(`the upper limit is too large to represent (Infinity)${xb < 10 ? ': very few events in b' : ''}`);
  return interval(value, lower, upper, lvl, 'exact', { notes });
}
