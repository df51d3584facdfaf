import * as z from 'zod/mini';
import { rule } from '../core/rule';
import { HINT } from '../core/validate';
import { count, intervalLevel, positive, probability, wholeCount } from '../core/schemas';
import { normalQuantile } from '../special/normalQuantile';
import { sixDigits } from '../core/sixDigits';

/**
 * The ways a survey proportion can come with its design, and the one normalised form every method uses:
 * `{ estimate, standardError, effectiveBase }`.
 *
 * - `{ estimate, base, designFactor? }` or `{ estimate, base, designEffect? }`: unweighted base n and the
 *   design factor deft (a ratio of STANDARD ERRORS, complex design over simple random sampling) or the
 *   design effect deff = deft^2 (a ratio of VARIANCES, Kish 1965). Effective base n' = n / deft^2 = n / deff;
 *   standard error sqrt(p(1 - p) / n'). No design factor means simple random sampling (deft = 1).
 * - `{ estimate, standardError }`: n' = p(1 - p) / SE^2 (Korn & Graubard 1998's effective sample size).
 * - `{ estimate, effectiveBase }`: SE = sqrt(p(1 - p) / n').
 * - `{ estimate, lower, upper, level? }`: a published interval, assumed symmetric and normal on the
 *   proportion scale (estimate +/- z SE, as ONS publishes CSEW intervals), so SE = (upper - lower) / (2 z)
 *   at the interval's own `level` (default 0.95); then n' = p(1 - p) / SE^2.
 *
 * Internal: shared with the hidden-incidence model (uncertain probabilities).
 * @internal
 */

/** The design forms, by the field that identifies them. @internal */
export type SurveyDesignForm = 'base' | 'standardError' | 'effectiveBase' | 'interval';

/** A survey proportion with its design, normalised. @internal */
export interface SurveyDesign {
  /** The proportion, in [0, 1]. */
  estimate: number;
  /** Design-based standard error of the proportion (0 at an estimate of 0 or 1). */
  standardError: number;
  /** Effective base n' > 0: the simple-random-sample size with the same precision. */
  effectiveBase: number;
  /** Which input form it came from. */
  form: SurveyDesignForm;
  /** Caveats about the input (assumptions made), in plain words. */
  notes: string[];
}

const positiveBase = /* @__PURE__ */ (() => wholeCount.check(rule((x) => x > 0, 'a whole number > 0 (the unweighted number of respondents)')))();

/**
 * The zod shape of the design fields (every field optional except `estimate`; which combination is
 * allowed is checked by {@link checkSurveyDesign}). Spread into row schemas that carry more fields.
 * @internal
 */
export const surveyDesignShape = /* @__PURE__ */ (() => ({
  estimate: probability,
  base: z.optional(positiveBase),
  designFactor: z.optional(positive),
  designEffect: z.optional(positive),
  standardError: z.optional(count),
  effectiveBase: z.optional(positive),
  lower: z.optional(probability),
  upper: z.optional(probability),
  level: z.optional(intervalLevel),
}))();

/** The design fields as parsed (before normalising). @internal */
export interface SurveyDesignFields {
  estimate: number;
  base?: number | undefined;
  designFactor?: number | undefined;
  designEffect?: number | undefined;
  standardError?: number | undefined;
  effectiveBase?: number | undefined;
  lower?: number | undefined;
  upper?: number | undefined;
  level?: number | undefined;
}

const DESIGN_KEYS = /* @__PURE__ */ (() => Object.keys(surveyDesignShape))();

/** Names people often use for the design fields, with the field they mean. */
const ALIASES: Record<string, string> = {
  deft: "designFactor (deft, a ratio of standard errors)",
  designfactor: 'designFactor',
  design_factor: 'designFactor',
  deff: 'designEffect (deff = deft^2, a ratio of variances)',
  designeffect: 'designEffect',
  design_effect: 'designEffect',
  se: 'standardError',
  standarderror: 'standardError',
  standard_error: 'standardError',
  n: 'base',
  unweightedbase: 'base',
  unweighted_base: 'base',
  samplesize: 'base',
  effectivesamplesize: "effectiveBase",
  neff: 'effectiveBase',
  effective_base: 'effectiveBase',
  effectivebase: 'effectiveBase',
  p: 'estimate',
  prevalence: 'estimate',
  proportion: 'estimate',
  value: 'estimate',
  lcl: 'lower',
  ucl: 'upper',
  lowerlimit: 'lower',
  upperlimit: 'upper',
  lower_limit: 'lower',
  upper_limit: 'upper',
};

const FORMS_TEXT =
  'exactly one design: base (with designFactor or designEffect), standardError, effectiveBase, or lower and upper (a published interval)';


/** The smallest normal double: below it a product or quotient loses precision (and soon underflows to 0). */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * The standard error sqrt(p(1 - p) / n) of a proportion p on an effective base n > 0, computed as
 * sqrt(p) sqrt(1 - p) / sqrt(n) wherever p(1 - p) / n would leave the normal range (an effective base of
 * 5e-324 or an estimate of 1e-320 would otherwise give a standard error of Infinity or 0).
 * Internal: no validation.
 *
 * @example
 * ```ts
 * import { standardErrorOnBase } from './surveyDesign';
 * standardErrorOnBase(0.049, 7986.1); // 0.0024156 (CSEW women 16-59)
 * ```
 * @internal
 */
export function standardErrorOnBase(p: number, n: number): number {
  const pq = p * (1 - p);
  const v = pq / n;
  if (pq >= MIN_NORMAL && v >= MIN_NORMAL && v <= Number.MAX_VALUE) return Math.sqrt(v);
  return (Math.sqrt(p) * Math.sqrt(1 - p)) / Math.sqrt(n);
}

/**
 * The effective base p(1 - p) / se^2 of a proportion p with standard error se > 0, computed as
 * (sqrt(p) sqrt(1 - p) / se)^2 wherever se^2 or the quotient would leave the normal range. Infinity when
 * the effective base is beyond the largest double, 0 when below the smallest. Internal: no validation.
 *
 * @example
 * ```ts
 * import { effectiveBaseOf } from './surveyDesign';
 * effectiveBaseOf(0.049, 0.002416); // 7983.3
 * ```
 * @internal
 */
export function effectiveBaseOf(p: number, se: number): number {
  const pq = p * (1 - p);
  const s2 = se * se;
  const n = pq / s2;
  if (pq >= MIN_NORMAL && s2 >= MIN_NORMAL && n >= MIN_NORMAL && n <= Number.MAX_VALUE) return n;
  const r = (Math.sqrt(p) * Math.sqrt(1 - p)) / se;
  return r * r;
}

/** Whether a normalised design can be used: a finite effective base > 0 and a finite standard error. */
function usable(d: SurveyDesign): boolean {
  return d.effectiveBase > 0 && d.effectiveBase <= Number.MAX_VALUE && Number.isFinite(d.standardError);
}

/**
 * The issue for a design whose effective base is not a finite number > 0 (it over- or underflows the
 * doubles): the field that makes it so, the rule and a hint.
 */
function effectiveBaseIssue(v: SurveyDesignFields, d: SurveyDesign): { path: string; message: string; input: unknown } {
  const over = d.effectiveBase > 0;
  const why = over ? 'overflows to Infinity' : 'underflows to 0';
  const p = v.estimate;
  if (v.designFactor !== undefined) {
    return {
      path: 'designFactor',
      message: `a design factor that leaves a finite effective base > 0 (base / designFactor^2 = ${v.base} / ${v.designFactor}^2 ${why})${HINT}a design factor is a ratio of standard errors, usually between 1 and 3`,
      input: v.designFactor,
    };
  }
  if (v.designEffect !== undefined) {
    return {
      path: 'designEffect',
      message: `a design effect that leaves a finite effective base > 0 (base / designEffect = ${v.base} / ${v.designEffect} ${why})${HINT}a design effect is a ratio of variances, usually between 1 and 9`,
      input: v.designEffect,
    };
  }
  if (v.standardError !== undefined) {
    // The smallest standard error whose effective base p(1 - p) / SE^2 is finite, rounded up.
    const least = Number.parseFloat(((Math.sqrt(p) * Math.sqrt(1 - p)) / Math.sqrt(Number.MAX_VALUE) * (1 + 1e-5)).toPrecision(6));
    return {
      path: 'standardError',
      message: `a standard error >= ${least} (the effective base p(1 - p) / SE^2 ${why})${HINT}no survey is that precise; check that it is the standard error of the proportion`,
      input: v.standardError,
    };
  }
  if (v.lower !== undefined && v.upper !== undefined) {
    if (!over && v.level !== undefined) {
      return {
        path: 'level',
        message: `a level whose normal quantile z gives a finite standard error (upper - lower) / (2 z) and an effective base > 0 (here it ${why})${HINT}published intervals are usually at level 0.95`,
        input: v.level,
      };
    }
    return {
      path: 'upper',
      message: `an interval wide enough for a finite effective base p(1 - p) / SE^2 with SE = (upper - lower) / (2 z) (here it ${why})${HINT}pass effectiveBase, or base with designFactor, instead`,
      input: v.upper,
    };
  }
  return { path: 'effectiveBase', message: `an effective base that is a finite number > 0 (here it ${why})`, input: v.effectiveBase };
}

/**
 * Check which design form a parsed object uses and that it is coherent; push issues with paths relative
 * to the object. `extraKeys` are the other fields a row may carry (e.g. `sex`, `age`); any key that is
 * neither is an issue (a misspelt `deft` would otherwise be silently dropped). A standard error may be
 * as large as sqrt(p(1 - p)) (a Bernoulli's, an effective base of 1); with `strictSpread` it must be
 * below it, as for a Beta distribution (every Beta with mean p has a standard deviation below sqrt(p(1 - p))).
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * import { checkSurveyDesign, surveyDesignShape } from './surveyDesign';
 * // a prevalence row: design fields plus sex and age
 * const row = z.looseObject(surveyDesignShape).check(checkSurveyDesign(['sex', 'age']));
 * row.safeParse({ sex: 'female', age: '16-19', estimate: 0.1, base: 400, deft: 1.2 }).success; // false: 'deft' is not a field
 * ```
 * @internal
 */
export function checkSurveyDesign(extraKeys: readonly string[] = [], { strictSpread = false }: { strictSpread?: boolean } = {}) {
  const known = new Set([...DESIGN_KEYS, ...extraKeys]);
  return (ctx: z.core.ParsePayload<SurveyDesignFields & Record<string, unknown>>): void => {
    const v = ctx.value;
    const issuesBefore = ctx.issues.length;
    const push = (path: (string | number)[], message: string, input: unknown) =>
      ctx.issues.push({ code: 'custom', path, message, input });

    for (const key of Object.keys(v)) {
      if (known.has(key) || v[key] === undefined) continue;
      const alias = ALIASES[key.toLowerCase()];
      push([key], `no unknown fields${HINT}${alias ? `did you mean ${alias}?` : `known fields: ${[...known].join(', ')}`}`, v[key]);
    }

    const hasBase = v.base !== undefined;
    const hasSE = v.standardError !== undefined;
    const hasEff = v.effectiveBase !== undefined;
    const hasInterval = v.lower !== undefined || v.upper !== undefined;
    const given = [hasBase && 'base', hasSE && 'standardError', hasEff && 'effectiveBase', hasInterval && 'lower/upper'].filter(
      (x): x is string => typeof x === 'string',
    );
    if (given.length === 0) {
      const extra = v.designFactor !== undefined || v.designEffect !== undefined ? `${HINT}designFactor and designEffect need base` : '';
      push([], `${FORMS_TEXT}${extra}`, v);
      return;
    }
    if (given.length > 1) {
      push([], `${FORMS_TEXT}${HINT}given: ${given.join(', ')}; keep one`, v);
      return;
    }
    if (!hasBase) {
      if (v.designFactor !== undefined) push(['designFactor'], `designFactor only together with base${HINT}an effective base or standard error already includes the design`, v.designFactor);
      if (v.designEffect !== undefined) push(['designEffect'], `designEffect only together with base${HINT}an effective base or standard error already includes the design`, v.designEffect);
    } else if (v.designFactor !== undefined && v.designEffect !== undefined) {
      push(
        ['designEffect'],
        `either designFactor or designEffect, not both${HINT}designFactor is deft (ratio of standard errors); designEffect is deff = deft^2 (ratio of variances)`,
        v.designEffect,
      );
    }
    if (v.level !== undefined && !hasInterval) push(['level'], 'level only together with lower and upper (the level of a published interval)', v.level);

    const p = v.estimate;
    const atBoundary = p === 0 || p === 1;
    if (hasInterval) {
      if (v.lower === undefined) push(['lower'], 'a lower limit together with upper', v.lower);
      else if (v.upper === undefined) push(['upper'], 'an upper limit together with lower', v.upper);
      else {
        if (v.lower > p) push(['lower'], `a lower limit <= estimate (${p})`, v.lower);
        if (v.upper < p) push(['upper'], `an upper limit >= estimate (${p})`, v.upper);
        if (v.lower >= v.upper && v.lower <= p && v.upper >= p) push(['upper'], `an upper limit > lower (${v.lower}): an interval of zero width has no standard error`, v.upper);
      }
    }
    if ((hasSE || hasInterval) && atBoundary) {
      push(
        ['estimate'],
        `an estimate strictly between 0 and 1 when the design is given as ${hasSE ? 'a standard error' : 'an interval'}${HINT}at 0 or 1 the effective base cannot be recovered from it; pass base (with designFactor) or effectiveBase`,
        p,
      );
    }
    if (hasSE && !atBoundary) {
      const se = v.standardError!;
      const max = Math.sqrt(p * (1 - p));
      if (se === 0) push(['standardError'], `a standard error > 0 (an estimate strictly between 0 and 1 always has one)`, se);
      else if (strictSpread ? se >= max : se > max) {
        const percent = (strictSpread ? se / 100 < max : se / 100 <= max) ? `is it in percentage points? did you mean ${sixDigits(se / 100)}?` : '';
        const beta = strictSpread ? 'no Beta distribution with this mean is that spread out' : '';
        const hint = percent || beta ? `${HINT}${[beta, percent].filter((x) => x !== '').join('; ')}` : '';
        push(['standardError'], `a standard error ${strictSpread ? '<' : '<='} sqrt(estimate x (1 - estimate)) = ${sixDigits(max)}${hint}`, se);
      }
    }

    // A coherent design can still have an effective base beyond the doubles (a standard error of 1e-300,
    // a design factor of 1e200): refuse it here rather than return NaN limits later.
    if (ctx.issues.length === issuesBefore && typeof p === 'number') {
      const d = normaliseSurveyDesign(v);
      if (!usable(d)) {
        const issue = effectiveBaseIssue(v, d);
        push([issue.path], issue.message, issue.input);
      }
    }
  };
}

/**
 * Turn parsed design fields into `{ estimate, standardError, effectiveBase }` (see the module comment for
 * the formulas). Assumes {@link checkSurveyDesign} passed.
 *
 * @example
 * ```ts
 * import { normaliseSurveyDesign } from './surveyDesign';
 * normaliseSurveyDesign({ estimate: 0.049, base: 11500, designFactor: 1.2 });
 * // { estimate: 0.049, standardError: 0.0024156, effectiveBase: 7986.1, form: 'base', notes: [] }
 * ```
 * @internal
 */
export function normaliseSurveyDesign(v: SurveyDesignFields): SurveyDesign {
  const p = v.estimate;
  const notes: string[] = [];
  let standardError: number;
  let effectiveBase: number;
  let form: SurveyDesignForm;
  if (v.base !== undefined) {
    form = 'base';
    const deft = v.designFactor;
    const deff = deft !== undefined ? deft * deft : (v.designEffect ?? 1);
    if (v.designFactor === undefined && v.designEffect === undefined) {
      notes.push('no design factor given: simple random sampling assumed (design factor 1); survey intervals are usually wider');
    }
    // base / deft / deft where deft^2 itself would over- or underflow (a deft of 1e160 on a base of 1e300)
    effectiveBase = deft !== undefined && !(deff >= MIN_NORMAL && deff <= Number.MAX_VALUE) ? v.base / deft / deft : v.base / deff;
    standardError = standardErrorOnBase(p, effectiveBase);
  } else if (v.effectiveBase !== undefined) {
    form = 'effectiveBase';
    effectiveBase = v.effectiveBase;
    standardError = standardErrorOnBase(p, effectiveBase);
  } else if (v.standardError !== undefined) {
    form = 'standardError';
    standardError = v.standardError;
    effectiveBase = effectiveBaseOf(p, standardError);
  } else {
    form = 'interval';
    const lower = v.lower!;
    const upper = v.upper!;
    const inputLevel = v.level ?? 0.95;
    const z = -normalQuantile((1 - inputLevel) / 2);
    standardError = (upper - lower) / (2 * z);
    effectiveBase = effectiveBaseOf(p, standardError);
    notes.push(
      `standard error recovered from the published ${sixDigits(inputLevel * 100)}% interval's width, assuming it was estimate +/- ${sixDigits(z)} x SE`,
    );
    const asymmetry = Math.abs(upper - p - (p - lower));
    if (asymmetry > 0.1 * (upper - lower) && asymmetry > 0.0015) {
      notes.push('the published interval is not symmetric about the estimate: the standard error taken from its full width is approximate');
    }
  }
  if (effectiveBase < 10) {
    notes.push(
      `effective base only ${sixDigits(effectiveBase)}: intervals are rough${form === 'standardError' ? '; if the standard error was given in percentage points, divide it by 100' : ''}`,
    );
  }
  return { estimate: p, standardError, effectiveBase, form, notes };
}

/**
 * A survey proportion with its design, as a zod schema whose output is the normalised
 * {@link SurveyDesign}. Unknown fields are rejected (with a hint for names like `deft` or `se`).
 * @internal
 */
export const surveyDesign = /* @__PURE__ */ (() => z.pipe(z
  .looseObject(surveyDesignShape)
  .check(checkSurveyDesign()), z.transform((v) => normaliseSurveyDesign(v))))();
