import * as z from 'zod';
import { HINT } from '../core/validate';
import { count, level, positive, probability, wholeCount } from '../core/schemas';
import { normalQuantile } from '../special/normalQuantile';

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

const positiveBase = wholeCount.refine((x) => x > 0, { error: 'a whole number > 0 (the unweighted number of respondents)' });
/** The inner (default-less) confidence level schema, for a published interval's own level. */
const intervalLevel = (level as unknown as { unwrap(): z.ZodType<number> }).unwrap();

/**
 * The zod shape of the design fields (every field optional except `estimate`; which combination is
 * allowed is checked by {@link checkSurveyDesign}). Spread into row schemas that carry more fields.
 * @internal
 */
export const surveyDesignShape = {
  estimate: probability,
  base: positiveBase.optional(),
  designFactor: positive.optional(),
  designEffect: positive.optional(),
  standardError: count.optional(),
  effectiveBase: positive.optional(),
  lower: probability.optional(),
  upper: probability.optional(),
  level: intervalLevel.optional(),
};

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

const DESIGN_KEYS = Object.keys(surveyDesignShape);

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

const fmt = (x: number) => Number.parseFloat(x.toPrecision(6));

/**
 * Check which design form a parsed object uses and that it is coherent; push issues with paths relative
 * to the object. `extraKeys` are the other fields a row may carry (e.g. `sex`, `age`); any key that is
 * neither is an issue (a misspelt `deft` would otherwise be silently dropped). A standard error may be
 * as large as sqrt(p(1 - p)) (a Bernoulli's, an effective base of 1); with `strictSpread` it must be
 * below it, as for a Beta distribution (every Beta with mean p has a standard deviation below sqrt(p(1 - p))).
 * @internal
 */
export function checkSurveyDesign(extraKeys: readonly string[] = [], { strictSpread = false }: { strictSpread?: boolean } = {}) {
  const known = new Set([...DESIGN_KEYS, ...extraKeys]);
  return (ctx: z.core.ParsePayload<SurveyDesignFields & Record<string, unknown>>): void => {
    const v = ctx.value;
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
        const percent = (strictSpread ? se / 100 < max : se / 100 <= max) ? `is it in percentage points? did you mean ${fmt(se / 100)}?` : '';
        const beta = strictSpread ? 'no Beta distribution with this mean is that spread out' : '';
        const hint = percent || beta ? `${HINT}${[beta, percent].filter((x) => x !== '').join('; ')}` : '';
        push(['standardError'], `a standard error ${strictSpread ? '<' : '<='} sqrt(estimate x (1 - estimate)) = ${fmt(max)}${hint}`, se);
      }
    }
  };
}

/**
 * Turn parsed design fields into `{ estimate, standardError, effectiveBase }` (see the module comment for
 * the formulas). Assumes {@link checkSurveyDesign} passed.
 * @internal
 */
export function normaliseSurveyDesign(v: SurveyDesignFields): SurveyDesign {
  const p = v.estimate;
  const pq = p * (1 - p);
  const notes: string[] = [];
  let standardError: number;
  let effectiveBase: number;
  let form: SurveyDesignForm;
  if (v.base !== undefined) {
    form = 'base';
    const deff = v.designFactor !== undefined ? v.designFactor * v.designFactor : (v.designEffect ?? 1);
    if (v.designFactor === undefined && v.designEffect === undefined) {
      notes.push('no design factor given: simple random sampling assumed (design factor 1); survey intervals are usually wider');
    }
    effectiveBase = v.base / deff;
    standardError = Math.sqrt(pq / effectiveBase);
  } else if (v.effectiveBase !== undefined) {
    form = 'effectiveBase';
    effectiveBase = v.effectiveBase;
    standardError = Math.sqrt(pq / effectiveBase);
  } else if (v.standardError !== undefined) {
    form = 'standardError';
    standardError = v.standardError;
    effectiveBase = pq / (standardError * standardError);
  } else {
    form = 'interval';
    const lower = v.lower!;
    const upper = v.upper!;
    const inputLevel = v.level ?? 0.95;
    const z = -normalQuantile((1 - inputLevel) / 2);
    standardError = (upper - lower) / (2 * z);
    effectiveBase = pq / (standardError * standardError);
    notes.push(
      `standard error recovered from the published ${fmt(inputLevel * 100)}% interval's width, assuming it was estimate +/- ${fmt(z)} x SE`,
    );
    const asymmetry = Math.abs(upper - p - (p - lower));
    if (asymmetry > 0.1 * (upper - lower) && asymmetry > 0.0015) {
      notes.push('the published interval is not symmetric about the estimate: the standard error taken from its full width is approximate');
    }
  }
  if (effectiveBase < 10) {
    notes.push(
      `effective base only ${fmt(effectiveBase)}: intervals are rough${form === 'standardError' ? '; if the standard error was given in percentage points, divide it by 100' : ''}`,
    );
  }
  return { estimate: p, standardError, effectiveBase, form, notes };
}

/**
 * A survey proportion with its design, as a zod schema whose output is the normalised
 * {@link SurveyDesign}. Unknown fields are rejected (with a hint for names like `deft` or `se`).
 * @internal
 */
export const surveyDesign = z
  .looseObject(surveyDesignShape)
  .check(checkSurveyDesign())
  .transform((v) => normaliseSurveyDesign(v));
