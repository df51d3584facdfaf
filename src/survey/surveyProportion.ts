import * as z from 'zod/mini';
import { interval, type Interval } from '../core/interval';
import { level, methodOf, options } from '../core/schemas';
import { refuseReservedKey } from '../core/refuseReservedKey';
import { validate } from '../core/validate';
import { surveyDesign } from './surveyDesign';
import { surveyLimits, type SurveyProportionMethod } from './surveyLimits';

export type { SurveyProportionMethod } from './surveyLimits';

/**
 * A survey proportion with its design, in any of four forms. `estimate` is a proportion in [0, 1]
 * (0.049 for 4.9%).
 *
 * - `{ estimate, base, designFactor? }`: the UNWEIGHTED base and the design factor deft, a ratio of
 *   standard errors (complex design / simple random sample), as the CSEW and ONS publish it;
 * - `{ estimate, base, designEffect }`: the same with the design effect deff = deft^2, a ratio of
 *   variances (Kish's deff). Do not pass a deff as `designFactor`: it would square it again;
 * - `{ estimate, standardError }`: a design-based standard error of the proportion (not in percentage points);
 * - `{ estimate, effectiveBase }`: the effective sample size n' = base / deft^2 = base / deff;
 * - `{ estimate, lower, upper, level? }`: a published interval (level default 0.95), assumed to be
 *   estimate +/- z x SE, so SE = (upper - lower) / (2 z).
 */
export type SurveyProportionInput =
  | { estimate: number; base: number; designFactor?: number }
  | { estimate: number; base: number; designEffect: number }
  | { estimate: number; standardError: number }
  | { estimate: number; effectiveBase: number }
  | { estimate: number; lower: number; upper: number; level?: number };

/** Options of {@link surveyProportion}. */
export interface SurveyProportionOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** `'logit'` (default), `'korn-graubard'`, `'wilson'` or `'wald'`, all on the effective base. */
  method?: SurveyProportionMethod;
}

/** A survey proportion's interval, with its design-based standard error and effective base. */
export interface SurveyProportion extends Interval {
  /** Design-based standard error of the proportion (0 at an estimate of 0 or 1). */
  standardError: number;
  /** Effective base n': the simple-random-sample size with the same precision (base / deft^2). */
  effectiveBase: number;
}

/** The interval methods, in the order of the docs. */
const surveyProportionMethods = ['logit', 'korn-graubard', 'wilson', 'wald'] as const;

const schema = /* @__PURE__ */ (() => z.object({
  input: surveyDesign,
  options: options({ level, method: z._default(methodOf(surveyProportionMethods), 'logit') }),
}))();

/**
 * Confidence interval for a survey proportion (such as the Crime Survey for England and Wales's share
 * of people stalked in the last year), respecting the survey design through the effective base
 * n' = base / deft^2 (Kish 1965), or n' = p(1 - p) / SE^2 when a standard error or a published interval
 * is given (Korn & Graubard 1998).
 *
 * Methods, all computed on the effective base:
 * - `'logit'` (default): expit(logit p +/- z SE / (p(1 - p))), as R survey's `svyciprop()` default
 *   (Lumley 2010; normal quantile, i.e. `df = Inf`). At p = 0 or 1 the log-odds are infinite: the
 *   Korn-Graubard limits are returned and `method` says `'korn-graubard'`.
 * - `'korn-graubard'`: Clopper-Pearson limits with x = p n' successes of n' (Korn & Graubard 1998;
 *   `svyciprop(method = "beta")`). At p = 0: [0, 1 - (alpha/2)^(1/n')]; at 1, mirrored. The design's
 *   degrees of freedom are not known from these inputs, so Korn and Graubard's t-based adjustment of n'
 *   is not applied (as svyciprop for an unclustered design, whose df is n - 1).
 * - `'wilson'`: Wilson (1927) score limits on the effective base. At 0: [0, z^2 / (n' + z^2)].
 * - `'wald'`: p +/- z SE, clipped to [0, 1] with a note; a single point at 0 or 1 (with a note).
 *
 * A published interval gives its standard error through its width, assuming it was symmetric and normal
 * (estimate +/- z SE at its own `level`, as ONS publishes CSEW intervals); a note records the assumption.
 * A standard error or interval cannot give the effective base at an estimate of exactly 0 or 1: pass
 * `base` or `effectiveBase` there. Percentages (4.9 for 4.9%) are rejected with "did you mean 0.049?". A
 * design whose effective base is not a finite number > 0 in double precision (a standard error of 1e-300,
 * a design factor of 1e200) is an `InputError` naming the field that makes it so.
 *
 * @example
 * ```ts
 * import { surveyProportion } from 'darkfigure';
 * // 4.9% of women aged 16-59 stalked in the last year (CSEW 2015). The base and design factor here are
 * // ASSUMED for illustration: the press coverage published neither.
 * const women = surveyProportion({ estimate: 0.049, base: 11500, designFactor: 1.2 });
 * // women.effectiveBase = 11500 / 1.2^2 = 7986.1; women.standardError = 0.00242
 * // logit 95% interval about 0.0445 to 0.0540
 * const same = surveyProportion({ estimate: 0.049, base: 11500, designEffect: 1.44 }); // deff = deft^2
 * ```
 */
export function surveyProportion(input: SurveyProportionInput, options?: SurveyProportionOptions): SurveyProportion {
  refuseReservedKey('surveyProportion', [], input, "no field '__proto__' (not a design field; reserved in JavaScript)");
  const { input: design, options: opts } = validate('surveyProportion', schema, { input, options });
  const { estimate, standardError, effectiveBase } = design;
  const limits = surveyLimits(estimate, standardError, effectiveBase, opts.level, opts.method);
  const result = interval(estimate, limits.lower, limits.upper, opts.level, limits.method, {
    standardError,
    notes: [...design.notes, ...limits.notes],
  });
  return { ...result, standardError, effectiveBase };
}
