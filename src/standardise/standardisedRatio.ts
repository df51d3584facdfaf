import * as z from 'zod/mini';
import { fail } from '../core/InputError';
import { interval, type Interval } from '../core/interval';
import { count, level, methodOf, options } from '../core/schemas';
import { HINT, validate } from '../core/validate';
import { byarLimits } from '../intervals/kernels/byarLimits';
import { poissonExactLimits } from '../intervals/kernels/poissonExactLimits';

/** Options of {@link standardisedRatio}. */
export interface StandardisedRatioOptions {
  /** Confidence level in (0, 1), default 0.95. */
  level?: number;
  /** `'auto'` (default: exact below 10 observed, Byar's from 10, as PHE), `'exact'` or `'byar'`. */
  method?: 'auto' | 'exact' | 'byar';
}

/** An indirectly standardised ratio: an {@link Interval} plus the counts it rests on. */
export interface StandardisedRatio extends Interval {
  /** Observed events. */
  observed: number;
  /** Expected events. */
  expected: number;
}

const expectedSchema = /* @__PURE__ */ (() => z.number({ error: 'a finite number > 0' }).check((ctx) => {
  if (ctx.value > 0) return;
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    message: `a finite number > 0${ctx.value === 0 ? `${HINT}no events are expected, so the ratio is undefined` : ''}`,
  });
}))();

const schema = /* @__PURE__ */ (() => z.object({
  observed: count,
  expected: expectedSchema,
  options: options({ level, method: z._default(methodOf(['auto', 'exact', 'byar']), 'auto') }),
}))();

/**
 * Indirectly standardised ratio (standardised mortality/morbidity ratio, SMR): observed events over
 * the events expected if the area had reference age-specific rates (build `expected` with
 * `expectedCount`). Limits are the Poisson limits of the observed count divided by `expected`,
 * which is treated as known: exact (Garwood 1936) below 10 observed and Byar's (PHE variant,
 * Breslow and Day 1987) from 10 with `method: 'auto'`, as PHE Fingertips. `method` in the result
 * says which was used. Where Byar's lower limit breaks down (the bracket in its formula is not
 * positive, e.g. 1 observed at 99.8%) it is set to 0 with a note, as in `poissonCI`. For an
 * indirectly standardised rate, multiply all three numbers by the reference population's crude rate.
 *
 * References: Breslow NE, Day NE (1987), Statistical methods in cancer research II;
 * Garwood F (1936), Biometrika 28:437-442; Office for Health Improvement and Disparities,
 * PHEindicatormethods (calculate_ISRatio).
 *
 * @example
 * ```ts
 * import { standardisedRatio } from 'darkfigure';
 * const smr = standardisedRatio(91, 835.88356123117433);
 * // smr.value 0.10887, smr.lower 0.08765, smr.upper 0.13367, smr.method 'byar'
 * standardisedRatio(9, 835.88356123117433).method; // 'exact' (fewer than 10 observed)
 * ```
 */
export function standardisedRatio(
  observed: number,
  expected: number,
  options?: StandardisedRatioOptions,
): StandardisedRatio {
  const input = validate('standardisedRatio', schema, { observed, expected, options });
  const { level: conf, method } = input.options;
  const exact = method === 'exact' || (method === 'auto' && observed < 10);
  const [lower, upper] = exact ? poissonExactLimits(observed, conf) : byarLimits(observed, conf);
  const notes: string[] = [];
  if (method === 'auto' && exact) notes.push('fewer than 10 observed: exact Poisson limits used');
  if (method === 'byar' && observed < 10) notes.push("fewer than 10 observed: Byar's approximation is less accurate than exact limits here");
  // as poissonCI and rateCI: where Byar's lower limit breaks down, say so
  if (!exact && observed === 0) notes.push("0 events: Byar's lower limit is undefined; 0 used");
  else if (!exact && lower === 0) {
    notes.push(`too few events for Byar's lower limit at this level (the approximation breaks down); 0 used, prefer method 'exact'`);
  }
  if (observed / expected === Infinity) {
    fail('standardisedRatio', ['expected'], 'an expected count that makes observed / expected a representable number (below about 1.8e308)', expected);
  }
  if (observed > 0 && observed / expected === 0) notes.push('the ratio is below the smallest representable number: 0');
  if (upper / expected === Infinity) notes.push('the upper limit is beyond the largest representable number: Infinity');
  return {
    ...interval(observed / expected, lower / expected, upper / expected, conf, exact ? 'exact' : 'byar', {
      standardError: Math.sqrt(observed) / expected,
      notes,
    }),
    observed,
    expected,
  };
}
