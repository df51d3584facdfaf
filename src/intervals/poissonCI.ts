import * as z from 'zod/mini';
import { interval, type Interval } from '../core/interval';
import { count, level, methodOf, options } from '../core/schemas';
import { validate } from '../core/validate';
import { fastOptions, isCount, levelRule, methodRule } from '../core/fastOptions';

const FAST = /* @__PURE__ */ (() => ({ level: levelRule, method: /* @__PURE__ */ methodRule(['exact', 'byar', 'normal'], 'exact') }))();
import { byarLimits } from './kernels/byarLimits';
import { poissonExactLimits } from './kernels/poissonExactLimits';
import { twoSidedZ } from './kernels/twoSidedZ';

const METHODS = ['exact', 'byar', 'normal'] as const satisfies readonly PoissonMethod[];

/** Methods of {@link poissonCI}. */
export type PoissonMethod = 'exact' | 'byar' | 'normal';

/** Options of {@link poissonCI}. */
export interface PoissonCIOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** `'exact'` (Garwood; default), `'byar'` (PHE variant) or `'normal'`. */
  method?: PoissonMethod;
}

const schema = /* @__PURE__ */ (() => z.object({
  count,
  options: options({ level, method: z._default(methodOf(METHODS), 'exact') }),
}))();

/**
 * Confidence interval for a Poisson count (events in a fixed exposure).
 *
 * Methods: `'exact'` (Garwood 1936; chi-square/gamma quantiles, as R's `poisson.test`; default),
 * `'byar'` (Byar's approximation in the variant of PHE Fingertips and PHEindicatormethods, Breslow &
 * Day 1987: lower from x, upper from x + 1, tracking the exact interval; note that epitools'
 * `pois.byar` and DescTools use x + 0.5 for both, a different interval) and `'normal'`
 * (x ± z√x, lower clipped at 0 with a note).
 *
 * At 0 events the lower limit is 0 for every method. Where Byar's lower limit breaks down (the bracket
 * in its formula is not positive, e.g. 1 event at 99.8%) it is set to 0 with a note; PHE reports no
 * limit there. Counts may be non-integer (the exact limits are then the continuous gamma form).
 * `standardError` is √x.
 *
 * @param count - observed events, >= 0
 * @param options - `level` (default 0.95), `method` (default `'exact'`)
 *
 * @example
 * ```ts
 * import { poissonCI } from 'darkfigure';
 * poissonCI(22); // { value: 22, lower: 13.787..., upper: 33.308..., level: 0.95, method: 'exact', ... }
 * poissonCI(22, { method: 'byar' }); // lower 13.782..., upper 33.310...
 * ```
 */
export function poissonCI(count: number, options?: PoissonCIOptions): Interval {
  const fast = isCount(count) ? fastOptions<{ level: number; method: PoissonMethod }>(options, FAST) : undefined;
  const input = fast ? { count, options: fast } : validate('poissonCI', schema, { count, options });
  const x = input.count;
  const { level: lvl, method } = input.options;
  const notes: string[] = [];
  let lower: number;
  let upper: number;
  if (method === 'exact') {
    [lower, upper] = poissonExactLimits(x, lvl);
  } else if (method === 'byar') {
    [lower, upper] = byarLimits(x, lvl);
    if (x === 0) notes.push("0 events: Byar's lower limit is undefined; 0 used");
    else if (lower === 0) {
      notes.push(`too few events for Byar's lower limit at this level (the approximation breaks down); 0 used, prefer method 'exact'`);
    }
  } else {
    const half = twoSidedZ(lvl) * Math.sqrt(x);
    lower = x - half;
    upper = x + half;
    if (x === 0) notes.push("0 events: the normal interval has zero width; prefer method 'exact'");
    else if (lower < 0) {
      lower = 0;
      notes.push('the normal lower limit fell below 0 and was clipped to 0');
    }
  }
  return interval(x, lower, upper, lvl, method, { standardError: Math.sqrt(x), notes });
}
