import * as z from 'zod/mini';
import { fail } from '../core/InputError';
import { interval, type Interval } from '../core/interval';
import { count, level, methodOf, options, per, positive } from '../core/schemas';
import { validate } from '../core/validate';
import { fastOptions, isCount, isPositive, levelRule, methodRule, perRule } from '../core/fastOptions';

const FAST = /* @__PURE__ */ (() => ({ per: perRule, level: levelRule, method: /* @__PURE__ */ methodRule(['auto', 'exact', 'byar'], 'auto') }))();
import { byarLimits } from './kernels/byarLimits';
import { poissonExactLimits } from './kernels/poissonExactLimits';

/** (v / population) x per, as PHE; where that over- or underflows on the way, v x (per / population). */
function scaled(v: number, pop: number, per: number): number {
  const r = (v / pop) * per;
  if ((r > 0 && r < Infinity) || v === 0) return r;
  const r2 = v * (per / pop);
  return (r2 > 0 && r2 < Infinity) || !Number.isFinite(r) ? r2 : r;
}

const METHODS = ['auto', 'exact', 'byar'] as const satisfies readonly RateMethod[];

/** Methods of {@link rateCI}. */
export type RateMethod = 'auto' | 'exact' | 'byar';

/** Options of {@link rateCI}. */
export interface RateCIOptions {
  /** Rate multiplier: the rate is given per this many of the population; default 100000. */
  per?: number;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** `'auto'` (default: exact below 10 events, Byar's from 10), `'exact'` or `'byar'`. */
  method?: RateMethod;
}

const schema = /* @__PURE__ */ (() => z.object({
  count,
  population: positive,
  options: options({ per, level, method: z._default(methodOf(METHODS), 'auto') }),
}))();

/**
 * Crude rate `count / population × per` with a confidence interval from the Poisson limits of the
 * count, as PHE Fingertips and PHEindicatormethods `phe_rate` compute it.
 *
 * Methods: `'auto'` (default) uses exact limits (Garwood 1936) below 10 events and Byar's
 * approximation (PHE variant: lower from x, upper from x + 1; Breslow & Day 1987) from 10 events;
 * `'exact'` and `'byar'` force one. `method` in the result names the method actually used
 * (`'exact'` or `'byar'`). The population may be smaller than the count (a rate above one event per
 * person is possible). `standardError` is √count / population × per.
 *
 * @param count - observed events, >= 0 (may be non-integer)
 * @param population - population (person-years) at risk, > 0
 * @param options - `per` (default 100000), `level` (default 0.95), `method` (default `'auto'`)
 *
 * @example
 * ```ts
 * import { rateCI } from 'darkfigure';
 * // Lincolnshire: 22 recorded stalking offences, population about 731,500
 * rateCI(22, 731500); // { value: 3.0075..., lower: 1.884..., upper: 4.553..., method: 'byar', ... }
 * rateCI(5, 100, { per: 100 }); // exact: { value: 5, lower: 1.6235, upper: 11.668, method: 'exact', ... }
 * ```
 */
export function rateCI(count: number, population: number, options?: RateCIOptions): Interval {
  const fast = isCount(count) && isPositive(population) ? fastOptions<{ per: number; level: number; method: RateMethod }>(options, FAST) : undefined;
  const input = fast ? { count, population, options: fast } : validate('rateCI', schema, { count, population, options });
  const x = input.count;
  const { per: perValue, level: lvl, method } = input.options;
  const used = method === 'auto' ? (x < 10 ? 'exact' : 'byar') : method;
  const [lower, upper] = used === 'exact' ? poissonExactLimits(x, lvl) : byarLimits(x, lvl);
  const notes: string[] = [];
  if (method === 'auto' && used === 'exact') {
    notes.push('fewer than 10 events: exact limits used');
  } else if (used === 'byar' && x === 0) {
    notes.push("0 events: Byar's lower limit is undefined; 0 used");
  } else if (used === 'byar' && lower === 0) {
    notes.push(`too few events for Byar's lower limit at this level (the approximation breaks down); 0 used, prefer method 'exact'`);
  }
  const pop = input.population;
  const value = scaled(x, pop, perValue);
  if (value === Infinity) {
    fail('rateCI', ['per'], 'a per that makes the rate a representable number (count / population x per is above 1.8e308)', perValue, 'give the rate per fewer people');
  }
  if (x > 0 && value === 0) notes.push('the rate is below the smallest representable number: 0 (give it per more people)');
  const lo = scaled(lower, pop, perValue);
  const hi = scaled(upper, pop, perValue);
  if (hi === Infinity) notes.push('the upper limit is beyond the largest representable number: Infinity');
  if (lower > 0 && lo === 0) notes.push('the lower limit is below the smallest representable number: 0');
  return interval(value, lo, hi, lvl, used, { standardError: scaled(Math.sqrt(x), pop, perValue), notes });
}
