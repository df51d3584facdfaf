import * as z from 'zod/mini';
import { rule } from '../core/rule';
import type { Interval } from '../core/interval';
import { count, intervalLevel, positive, probability } from '../core/schemas';
import { HINT } from '../core/validate';
import { normalQuantile } from '../special/normalQuantile';
import { checkSurveyDesign, effectiveBaseOf, normaliseSurveyDesign, surveyDesignShape, type SurveyDesignForm } from '../survey/surveyDesign';
import { forwardIssues } from './forwardIssues';
import { sixDigits } from '../core/sixDigits';

/**
 * A probability known only approximately (a reporting or recording probability), in any of these forms.
 * Every form becomes one distribution, a point mass or a Beta(alpha, beta):
 *
 * | form | distribution |
 * | --- | --- |
 * | a number `p` | exactly `p` (no uncertainty) |
 * | `{ successes, trials }` | Beta(s + 1/2, n - s + 1/2): the Jeffreys posterior (Jeffreys 1946; Brown, Cai & DasGupta 2001) |
 * | `{ estimate, base, designFactor? }` (or `designEffect`) | the Jeffreys Beta on the effective base n' = base / designFactor² (Kish 1965): Beta(p n' + 1/2, (1 - p) n' + 1/2) |
 * | `{ estimate, effectiveBase }` | the same with n' given |
 * | `{ estimate, standardError }` | the same with n' = p(1 - p) / SE² (Korn & Graubard 1998's effective sample size) |
 * | `{ estimate, lower, upper, level? }` | the same with SE = (upper - lower) / (2 z), assuming the published interval was estimate ± z SE (level default 0.95) |
 * | `{ alpha, beta }` | that Beta distribution |
 * | an `Interval` (`{ value, lower, upper, level, ... }`) | its `effectiveBase` if it has one (a `surveyProportion` result), else its `standardError`, else SE from its width as above; exactly `value` when `lower = upper = value` |
 *
 * One rule (the Jeffreys Beta on an effective base) serves every survey form, so a proportion gives the
 * same distribution whether it is passed as a base with a design factor, a standard error or an interval
 * that carry the same information. Its variance is p(1 - p) / n' up to O(1/n'^2). The point estimate used
 * for results is the given estimate (s / n for counts, alpha / (alpha + beta) for a Beta). On a small
 * effective base (few expected successes p n') the Beta's mean and standard deviation can be far from the
 * estimate and standard error given; when either is more than 10% off (the mean measured against
 * min(p, 1 - p)) a note gives both, e.g. `{ estimate: 0.5, standardError: 0.49 }` draws from
 * Beta(1.02, 1.02), whose standard deviation is 0.29.
 *
 * Rejected, with the reason: an estimate outside [0, 1] (with "did you mean 0.049?" for 4.9), successes
 * above trials, a lower limit above the estimate or an upper limit below it, a standard error of
 * sqrt(p(1 - p)) or more, given or implied by an interval's width (every Beta with mean p has a smaller
 * one; a too-wide interval is reported at the limit on its wider side, with the bound that limit must keep),
 * a standard error or interval at an estimate of exactly 0 or 1 (it cannot tell the sample size there).
 * A standard error so small (given, or implied by an interval's width) that the effective base
 * p(1 - p) / SE^2 overflows the doubles is refused too (the Beta would be Beta(Infinity, Infinity)).
 */
export type UncertainProbability =
  | number
  | { successes: number; trials: number }
  | { estimate: number; base: number; designFactor?: number }
  | { estimate: number; base: number; designEffect: number }
  | { estimate: number; effectiveBase: number }
  | { estimate: number; standardError: number }
  | { estimate: number; lower: number; upper: number; level?: number }
  | { alpha: number; beta: number }
  | Interval;

/** A normalised uncertain probability: a point mass (`exact`) or a Beta(alpha, beta). @internal */
export interface ProbabilityDistribution {
  /** The point estimate used for results. */
  estimate: number;
  /** True when the probability is known exactly (then alpha and beta are unused). */
  exact: boolean;
  /** Beta shape parameters (0 when exact). */
  alpha: number;
  beta: number;
  /** Variance of the Beta (0 when exact). */
  variance: number;
  /**
   * Variance over the estimate squared (0 when exact), used by the delta method; computed from square roots,
   * so it stays finite where the variance or the squared estimate under- or overflows (an estimate of 1e-300).
   */
  relativeVariance: number;
  /** The distribution in words, e.g. `Beta(150.5, 150.5), Jeffreys posterior for 150 of 300`. */
  description: string;
  /** Assumptions made while normalising, in plain words. */
  notes: string[];
}


function exactProbability(p: number): ProbabilityDistribution {
  return { estimate: p, exact: true, alpha: 0, beta: 0, variance: 0, relativeVariance: 0, description: `exactly ${sixDigits(p)}`, notes: [] };
}

function betaDistribution(estimate: number, alpha: number, beta: number, why: string, notes: string[] = []): ProbabilityDistribution {
  const sum = alpha + beta;
  const cv = (Math.sqrt(alpha / sum) * Math.sqrt(beta / sum)) / Math.sqrt(sum + 1) / estimate;
  return {
    estimate,
    exact: false,
    alpha,
    beta,
    // As (alpha / sum)(beta / sum) / (sum + 1): alpha x beta and sum^2 overflow for an effective base near the largest double.
    variance: ((alpha / sum) * (beta / sum)) / (sum + 1),
    relativeVariance: cv * cv,
    description: `Beta(${sixDigits(alpha)}, ${sixDigits(beta)}), ${why}`,
    notes,
  };
}

/** The Jeffreys Beta for a proportion p on an effective base n. */
function jeffreysOnBase(p: number, n: number, why: string, notes: string[] = []): ProbabilityDistribution {
  return betaDistribution(p, p * n + 0.5, (1 - p) * n + 0.5, why, notes);
}


const successesTrials = /* @__PURE__ */ (() => z.pipe(z
  .strictObject({ successes: count, trials: positive })
  .check((ctx) => {
    if (ctx.value.successes > ctx.value.trials) {
      ctx.issues.push({ code: 'custom', path: ['successes'], input: ctx.value.successes, message: `at most trials (${ctx.value.trials})` });
    }
  }), z.transform(({ successes, trials }) =>
    jeffreysOnBase(successes / trials, trials, `Jeffreys posterior for ${sixDigits(successes)} of ${sixDigits(trials)}`))))();

/** A Beta shape: > 0 and at least the smallest normal double (with two smaller shapes every draw is 0 / 0). */
const betaShape = /* @__PURE__ */ (() => positive.check(rule((x) => x >= 2.2250738585072014e-308,
  'a finite number >= 2.2e-308 (the smallest normal double: below it the Beta draws underflow)',
)))();

const alphaBeta = /* @__PURE__ */ (() => z.pipe(z
  .strictObject({ alpha: betaShape, beta: betaShape }), z.transform(({ alpha, beta }) => betaDistribution(alpha / (alpha + beta), alpha, beta, 'as given'))))();

/**
 * The note for a Jeffreys Beta on a small effective base whose mean or standard deviation is more than 10%
 * off the estimate and standard error it was made from (the mean measured against min(p, 1 - p)), saying
 * what the draws follow against what was given; undefined when they agree (or at p = 0 or 1, where the
 * Jeffreys Beta's positive spread is the point).
 */
function mismatchNote(d: ProbabilityDistribution, effectiveBase: number, se: number, seLabel: string, percentHint: boolean): string | undefined {
  const p = d.estimate;
  if (!(p > 0 && p < 1 && se > 0)) return undefined;
  const mean = d.alpha / (d.alpha + d.beta);
  const sd = Math.sqrt(d.variance);
  if (Math.abs(mean - p) <= 0.1 * Math.min(p, 1 - p) && Math.abs(sd - se) <= 0.1 * se) return undefined;
  return (
    `effective base only ${sixDigits(effectiveBase)} (p n' = ${sixDigits(p * effectiveBase)}): the draws follow Beta(${sixDigits(d.alpha)}, ${sixDigits(d.beta)}), ` +
    `with mean ${sixDigits(mean)} and standard deviation ${sixDigits(sd)}, against the estimate ${sixDigits(p)} and ${seLabel} ${sixDigits(se)}; ` +
    `intervals are rough${percentHint ? '; if the standard error was given in percentage points, divide it by 100' : ''}`
  );
}

/** The Jeffreys Beta on an effective base, with {@link mismatchNote} in place of a generic small-base note. */
function jeffreysWithCheck(
  p: number,
  n: number,
  se: number,
  seLabel: string,
  why: string,
  notes: string[],
  percentHint = false,
): ProbabilityDistribution {
  const d = jeffreysOnBase(p, n, why);
  const note = mismatchNote(d, n, se, seLabel, percentHint);
  d.notes = note === undefined ? notes : [...notes.filter((x) => !x.startsWith('effective base only')), note];
  return d;
}

/**
 * The issue for an interval whose implied standard error (upper - lower) / (2 z) is not below
 * sqrt(p(1 - p)). It names the limit on the wider side with the bound it must keep (the other limit and
 * the level held), or, when no such bound is coherent with the estimate, the interval as given.
 */
function tooWide(
  ctx: z.core.ParsePayload,
  given: Record<string, unknown>,
  v: { lower: number; upper: number },
  p: number,
  name: string,
  zValue: number,
  se: number,
): never {
  const max = Math.sqrt(p * (1 - p));
  const width = 2 * zValue * max;
  const why =
    `the interval ${sixDigits(v.lower)} to ${sixDigits(v.upper)} implies a standard error (upper - lower) / (2 x ${sixDigits(zValue)}) = ${sixDigits(se)}, ` +
    `not below sqrt(${name} x (1 - ${name})) = ${sixDigits(max)}: no Beta distribution on [0, 1] with this mean is that spread out`;
  if (v.upper - p >= p - v.lower && v.lower + width > p) {
    ctx.issues.push({ code: 'custom', path: ['upper'], input: v.upper, message: `an upper limit below ${sixDigits(v.lower + width)} (with lower ${sixDigits(v.lower)})${HINT}${why}` });
  } else if (v.upper - p < p - v.lower && v.upper - width < p) {
    ctx.issues.push({ code: 'custom', path: ['lower'], input: v.lower, message: `a lower limit above ${sixDigits(v.upper - width)} (with upper ${sixDigits(v.upper)})${HINT}${why}` });
  } else {
    ctx.issues.push({ code: 'custom', path: [], input: given, message: `an interval narrower than ${sixDigits(width)}${HINT}${why}` });
  }
  return z.NEVER;
}

/**
 * The issue for an Interval whose standard error (given, or implied by its width) is so small that the
 * effective base p(1 - p) / SE^2 overflows the doubles (the Beta would be Beta(Infinity, Infinity)), at
 * `path`, with the least standard error accepted (rounded up), as the survey forms word it.
 */
function tooPrecise(ctx: z.core.ParsePayload, path: string, input: unknown, p: number, se: number): never {
  const least = Number.parseFloat(((Math.sqrt(p) * Math.sqrt(1 - p)) / Math.sqrt(Number.MAX_VALUE) * (1 + 1e-5)).toPrecision(6));
  const what = path === 'standardError' ? `a standard error >= ${least}` : `an interval wide enough for a standard error (upper - lower) / (2 z) >= ${least}`;
  ctx.issues.push({
    code: 'custom',
    path: [path],
    input,
    message: `${what} (the effective base p(1 - p) / SE^2 overflows to Infinity with SE ${sixDigits(se)})${HINT}no survey is that precise; pass the value as a plain number to treat it as exact`,
  });
  return z.NEVER;
}

const intervalLike = /* @__PURE__ */ (() => z.pipe(z
  .looseObject({
    value: probability,
    lower: probability,
    upper: probability,
    level: z.optional(intervalLevel),
    standardError: z.optional(count),
    effectiveBase: z.optional(positive),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (v.lower > v.value) ctx.issues.push({ code: 'custom', path: ['lower'], input: v.lower, message: `a lower limit <= value (${v.value})` });
    if (v.upper < v.value) ctx.issues.push({ code: 'custom', path: ['upper'], input: v.upper, message: `an upper limit >= value (${v.value})` });
  }), z.transform((v, ctx): ProbabilityDistribution => {
    const p = v.value;
    if (v.lower === v.upper) return exactProbability(p);
    const pq = p * (1 - p);
    if (v.effectiveBase !== undefined) {
      return jeffreysWithCheck(
        p,
        v.effectiveBase,
        Math.sqrt(pq / v.effectiveBase),
        "standard error sqrt(p(1 - p) / n')",
        `Jeffreys Beta on the interval's effective base ${sixDigits(v.effectiveBase)}`,
        [],
      );
    }
    if (pq === 0) {
      ctx.issues.push({
        code: 'custom',
        path: ['value'],
        input: p,
        message: `a value strictly between 0 and 1 for an Interval without effectiveBase${HINT}at 0 or 1 its width cannot tell the sample size; pass { successes, trials } or { estimate, base }`,
      });
      return z.NEVER;
    }
    if (v.standardError !== undefined && v.standardError > 0) {
      const se = v.standardError;
      if (se * se >= pq) {
        ctx.issues.push({
          code: 'custom',
          path: ['standardError'],
          input: se,
          message: `a standard error < sqrt(value x (1 - value)) = ${sixDigits(Math.sqrt(pq))}${HINT}no Beta distribution with this mean is that spread out`,
        });
        return z.NEVER;
      }
      const n = effectiveBaseOf(p, se);
      if (!(n <= Number.MAX_VALUE)) return tooPrecise(ctx, 'standardError', se, p, se);
      const why = `Jeffreys Beta on the effective base p(1 - p) / SE^2 = ${sixDigits(n)} from the Interval's standard error`;
      return jeffreysWithCheck(p, n, se, "Interval's standard error", why, []);
    }
    const zValue = -normalQuantile((1 - (v.level ?? 0.95)) / 2);
    const se = (v.upper - v.lower) / (2 * zValue);
    if (se * se >= pq) return tooWide(ctx, v, v, p, 'value', zValue, se);
    const n = effectiveBaseOf(p, se);
    if (!(n <= Number.MAX_VALUE)) return tooPrecise(ctx, 'upper', v.upper, p, se);
    const why = `Jeffreys Beta on the effective base p(1 - p) / SE^2 = ${sixDigits(n)}, SE from the Interval's width`;
    return jeffreysWithCheck(p, n, se, "standard error implied by the Interval's width", why, [
      `standard error recovered from the interval's width, assuming it was value +/- ${sixDigits(zValue)} x SE`,
    ]);
  })))();

const SE_LABEL: Record<SurveyDesignForm, string> = {
  base: "standard error sqrt(p(1 - p) / n')",
  effectiveBase: "standard error sqrt(p(1 - p) / n')",
  standardError: 'given standard error',
  interval: 'standard error implied by the interval',
};

/** The design forms, read by the same code as `surveyProportion`, with a standard error strictly below sqrt(p(1 - p)). */
const surveyForm = /* @__PURE__ */ (() => z.pipe(z
  .looseObject(surveyDesignShape)
  .check(checkSurveyDesign([], { strictSpread: true })), z.transform((v, ctx): ProbabilityDistribution => {
    const d = normaliseSurveyDesign(v);
    if (d.form === 'interval' && d.standardError * d.standardError >= d.estimate * (1 - d.estimate)) {
      const zValue = -normalQuantile((1 - (v.level ?? 0.95)) / 2);
      return tooWide(ctx, v, { lower: v.lower!, upper: v.upper! }, d.estimate, 'estimate', zValue, d.standardError);
    }
    return jeffreysWithCheck(
      d.estimate,
      d.effectiveBase,
      d.standardError,
      SE_LABEL[d.form],
      `Jeffreys Beta on the effective base ${sixDigits(d.effectiveBase)}`,
      d.notes,
      d.form === 'standardError',
    );
  })))();

const FORMS =
  'an uncertain probability: a number in [0, 1], { successes, trials }, { estimate, base, designFactor? }, { estimate, standardError }, { estimate, effectiveBase }, { estimate, lower, upper, level? }, { alpha, beta } or an Interval';

/**
 * The zod schema of an {@link UncertainProbability}; its output is the normalised
 * {@link ProbabilityDistribution}. The form is chosen by the fields present (`successes`/`trials`,
 * `alpha`/`beta`, `value`, `estimate`), so error messages name the fields of that form.
 * @internal
 */
export const uncertainProbability = /* @__PURE__ */ (() => z.pipe(z.unknown(), z.transform((value, ctx): ProbabilityDistribution => {
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, '__proto__')) {
    const input: unknown = Object.getOwnPropertyDescriptor(value, '__proto__')?.value;
    ctx.issues.push({ code: 'custom', path: ['__proto__'], input, message: "no field '__proto__' (reserved in JavaScript)" });
    return z.NEVER;
  }
  let schema: z.ZodMiniType<ProbabilityDistribution> | undefined;
  if (typeof value === 'number' || typeof value === 'string') schema = z.pipe(probability, z.transform(exactProbability));
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if ('successes' in value || 'trials' in value) schema = successesTrials;
    else if ('alpha' in value || 'beta' in value) schema = alphaBeta;
    else if ('value' in value) schema = intervalLike;
    else if ('estimate' in value) schema = surveyForm;
  }
  if (schema === undefined) {
    ctx.issues.push({ code: 'custom', input: value, message: FORMS });
    return z.NEVER;
  }
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) return forwardIssues(ctx, parsed.error.issues);
  return parsed.data;
})))();
