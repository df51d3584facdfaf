import * as z from 'zod';
import type { Interval } from '../core/interval';
import { count, level, positive, probability } from '../core/schemas';
import { HINT } from '../core/validate';
import { normalQuantile } from '../special/normalQuantile';
import { surveyDesign } from '../survey/surveyDesign';
import { forwardIssues } from './forwardIssues';

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
 * for results is the given estimate (s / n for counts, alpha / (alpha + beta) for a Beta).
 *
 * Rejected, with the reason: an estimate outside [0, 1] (with "did you mean 0.049?" for 4.9), successes
 * above trials, a lower limit above the estimate or an upper limit below it, a standard error larger than
 * sqrt(p(1 - p)) (no distribution on [0, 1] with mean p has more spread), a standard error or interval at an
 * estimate of exactly 0 or 1 (it cannot tell the sample size there).
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
  /** Variance used by the delta method: that of the Beta (0 when exact). */
  variance: number;
  /** The distribution in words, e.g. `Beta(150.5, 150.5), Jeffreys posterior for 150 of 300`. */
  description: string;
  /** Assumptions made while normalising, in plain words. */
  notes: string[];
}

const fmt = (x: number) => String(Number.parseFloat(x.toPrecision(6)));

function exactProbability(p: number): ProbabilityDistribution {
  return { estimate: p, exact: true, alpha: 0, beta: 0, variance: 0, description: `exactly ${fmt(p)}`, notes: [] };
}

function betaDistribution(estimate: number, alpha: number, beta: number, why: string, notes: string[] = []): ProbabilityDistribution {
  const sum = alpha + beta;
  return {
    estimate,
    exact: false,
    alpha,
    beta,
    variance: (alpha * beta) / (sum * sum * (sum + 1)),
    description: `Beta(${fmt(alpha)}, ${fmt(beta)}), ${why}`,
    notes,
  };
}

/** The Jeffreys Beta for a proportion p on an effective base n. */
function jeffreysOnBase(p: number, n: number, why: string, notes: string[] = []): ProbabilityDistribution {
  return betaDistribution(p, p * n + 0.5, (1 - p) * n + 0.5, why, notes);
}

const intervalLevel = (level as unknown as { unwrap(): z.ZodType<number> }).unwrap();

const successesTrials = z
  .strictObject({ successes: count, trials: positive })
  .check((ctx) => {
    if (ctx.value.successes > ctx.value.trials) {
      ctx.issues.push({ code: 'custom', path: ['successes'], input: ctx.value.successes, message: `at most trials (${ctx.value.trials})` });
    }
  })
  .transform(({ successes, trials }) =>
    jeffreysOnBase(successes / trials, trials, `Jeffreys posterior for ${fmt(successes)} of ${fmt(trials)}`),
  );

const alphaBeta = z
  .strictObject({ alpha: positive, beta: positive })
  .transform(({ alpha, beta }) => betaDistribution(alpha / (alpha + beta), alpha, beta, 'as given'));

const intervalLike = z
  .looseObject({
    value: probability,
    lower: probability,
    upper: probability,
    level: intervalLevel.optional(),
    standardError: count.optional(),
    effectiveBase: positive.optional(),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (v.lower > v.value) ctx.issues.push({ code: 'custom', path: ['lower'], input: v.lower, message: `a lower limit <= value (${v.value})` });
    if (v.upper < v.value) ctx.issues.push({ code: 'custom', path: ['upper'], input: v.upper, message: `an upper limit >= value (${v.value})` });
  })
  .transform((v, ctx): ProbabilityDistribution => {
    const p = v.value;
    if (v.lower === v.upper) return exactProbability(p);
    if (v.effectiveBase !== undefined) return jeffreysOnBase(p, v.effectiveBase, `Jeffreys Beta on the interval's effective base ${fmt(v.effectiveBase)}`);
    const pq = p * (1 - p);
    if (pq === 0) {
      ctx.issues.push({
        code: 'custom',
        path: ['value'],
        input: p,
        message: `a value strictly between 0 and 1 for an Interval without effectiveBase${HINT}at 0 or 1 its width cannot tell the sample size; pass { successes, trials } or { estimate, base }`,
      });
      return z.NEVER;
    }
    let se: number;
    let why: string;
    const notes: string[] = [];
    if (v.standardError !== undefined && v.standardError > 0) {
      se = v.standardError;
      why = `Jeffreys Beta on the effective base p(1 - p) / SE^2 = ${fmt(pq / (se * se))} from the Interval's standard error`;
    } else {
      const inputLevel = v.level ?? 0.95;
      const z = -normalQuantile((1 - inputLevel) / 2);
      se = (v.upper - v.lower) / (2 * z);
      why = `Jeffreys Beta on the effective base p(1 - p) / SE^2 = ${fmt(pq / (se * se))}, SE from the Interval's width`;
      notes.push(`standard error recovered from the interval's width, assuming it was value +/- ${fmt(z)} x SE`);
    }
    if (se * se > pq) {
      ctx.issues.push({
        code: 'custom',
        path: [],
        input: v,
        message: `an interval whose standard error (${fmt(se)}) is at most sqrt(value x (1 - value)) = ${fmt(Math.sqrt(pq))}${HINT}no distribution on [0, 1] with this mean is that spread out`,
      });
      return z.NEVER;
    }
    return jeffreysOnBase(p, pq / (se * se), why, notes);
  });

const surveyForm = surveyDesign.transform((d, ctx): ProbabilityDistribution => {
  const pq = d.estimate * (1 - d.estimate);
  if (d.form === 'interval' && d.standardError * d.standardError > pq) {
    ctx.issues.push({
      code: 'custom',
      path: [],
      input: d,
      message: `an interval whose implied standard error (${fmt(d.standardError)}) is at most sqrt(estimate x (1 - estimate)) = ${fmt(Math.sqrt(pq))}${HINT}no distribution on [0, 1] with this mean is that spread out`,
    });
    return z.NEVER;
  }
  return jeffreysOnBase(d.estimate, d.effectiveBase, `Jeffreys Beta on the effective base ${fmt(d.effectiveBase)}`, d.notes);
});

const FORMS =
  'an uncertain probability: a number in [0, 1], { successes, trials }, { estimate, base, designFactor? }, { estimate, standardError }, { estimate, effectiveBase }, { estimate, lower, upper, level? }, { alpha, beta } or an Interval';

/**
 * The zod schema of an {@link UncertainProbability}; its output is the normalised
 * {@link ProbabilityDistribution}. The form is chosen by the fields present (`successes`/`trials`,
 * `alpha`/`beta`, `value`, `estimate`), so error messages name the fields of that form.
 * @internal
 */
export const uncertainProbability = z.unknown().transform((value, ctx): ProbabilityDistribution => {
  let schema: z.ZodType<ProbabilityDistribution> | undefined;
  if (typeof value === 'number' || typeof value === 'string') schema = probability.transform(exactProbability);
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
});
