import * as z from 'zod/mini';
import { interval, type Interval } from '../../core/interval';
import { level as levelSchema, methodOf, options, probability, wholeCount } from '../../core/schemas';
import { sixDigits } from '../../core/sixDigits';
import { HINT, validate } from '../../core/validate';
import { apparentLimits, type ApparentMethod } from './apparentLimits';

/** Interval methods of {@link roganGladen}: those of `epiR::epi.prev` (`'clopper-pearson'` is its `"c-p"`). */
export type RoganGladenMethod = ApparentMethod;

/** Options of {@link roganGladen}. */
export interface RoganGladenOptions {
  /** Probability that a true case is classified positive (recorded as the category): an exact number in [0, 1]. */
  sensitivity: number;
  /** Probability that a non-case is classified negative: an exact number in [0, 1]; sensitivity + specificity must exceed 1. */
  specificity: number;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** `'wilson'` (default, as epiR), `'clopper-pearson'` or `'blaker'`. */
  method?: RoganGladenMethod;
}

/** The result of {@link roganGladen}. */
export interface RoganGladen {
  /** The apparent prevalence positives / tested, with its interval by `method` (as epiR's `ap`). */
  apparent: Interval;
  /** The true prevalence (apparent + specificity - 1) / (sensitivity + specificity - 1) and its limits, each clamped to [0, 1] (with a note when clamped). */
  true: Interval;
  /** The same three numbers before clamping: epiR's `tp`, which can lie below 0 or above 1. */
  unclamped: { value: number; lower: number; upper: number };
  /** Caveats in plain words (also on `true`). */
  notes: string[];
}

const schema = /* @__PURE__ */ (() =>
  z.pipe(
    z.object({
      counts: z.strictObject(
        { positives: wholeCount, tested: wholeCount },
        { error: 'an object { positives, tested } of whole numbers' },
      ),
      options: z.strictObject(
        {
          sensitivity: probability,
          specificity: probability,
          level: levelSchema,
          method: z._default(methodOf(['wilson', 'clopper-pearson', 'blaker']), 'wilson'),
        },
        { error: `an options object with sensitivity and specificity${HINT}roganGladen({ positives, tested }, { sensitivity: 0.9, specificity: 0.95 })` },
      ),
    }),
    z.transform((v, ctx) => {
      const { positives, tested } = v.counts;
      const { sensitivity, specificity } = v.options;
      let bad = false;
      if (tested === 0) {
        ctx.issues.push({ code: 'custom', path: ['counts', 'tested'], input: tested, message: 'at least one tested' });
        bad = true;
      } else if (positives > tested) {
        ctx.issues.push({ code: 'custom', path: ['counts', 'positives'], input: positives, message: `at most tested (${tested})` });
        bad = true;
      }
      if (!(sensitivity + specificity > 1)) {
        ctx.issues.push({
          code: 'custom',
          path: ['options', 'specificity'],
          input: specificity,
          message: `a specificity above 1 - sensitivity (${sixDigits(1 - sensitivity)}): a classification no better than chance (sensitivity + specificity <= 1) carries no information on the true prevalence${HINT}check that sensitivity and specificity are not swapped or given as their complements`,
        });
        bad = true;
      }
      if (tested > 2 ** 52) {
        ctx.issues.push({ code: 'custom', path: ['counts', 'tested'], input: tested, message: 'at most 2^52' });
        bad = true;
      }
      return bad ? z.NEVER : v;
    }),
  ))();

/**
 * The true prevalence from an apparent one when the classification errs (Rogan & Gladen 1978): with
 * sensitivity Se (a true case classified positive) and specificity Sp (a non-case classified negative),
 * true = (apparent + Sp - 1) / (Se + Sp - 1). The interval is the apparent prevalence's (`method`: Wilson,
 * Clopper-Pearson or Blaker, exactly as `epiR::epi.prev` computes them) mapped the same way, as epiR does;
 * Se and Sp are taken as exact numbers (their own uncertainty is not propagated: use {@link reclassify} with
 * audit counts for that). This is the two-category case of the matrix method: "recorded as stalking" against
 * "not", P = [[Se, 1 - Se], [1 - Sp, Sp]].
 *
 * Where the apparent prevalence is below 1 - Sp or above Se the formula leaves [0, 1]; epiR returns such
 * values (with a warning that the estimate is invalid), darkfigure clamps the value and limits to [0, 1] and
 * says so in `notes`; `unclamped` keeps epiR's numbers. Se + Sp <= 1 is an `InputError`.
 *
 * @param counts - `{ positives, tested }`: cases classified positive among those classified
 * @param options - `sensitivity`, `specificity` (required), `level`, `method`
 *
 * @example
 * ```ts
 * import { roganGladen } from 'darkfigure/models';
 * // 80 of 1,000 audited incidents recorded as stalking; ASSUMED sensitivity 0.9 and specificity 0.95
 * const r = roganGladen({ positives: 80, tested: 1000 }, { sensitivity: 0.9, specificity: 0.95 });
 * console.log(r.true.value.toFixed(4), r.true.lower.toFixed(4), r.true.upper.toFixed(4)); // 0.0353 0.0174 0.0570
 * ```
 */
export function roganGladen(counts: { positives: number; tested: number }, options: RoganGladenOptions): RoganGladen {
  const v = validate('roganGladen', schema, { counts, options });
  const { positives: x, tested: n } = v.counts;
  const { sensitivity: se, specificity: sp, level, method } = v.options;
  const [apLower, apUpper] = apparentLimits(x, n, level, method);
  const ap = x / n;
  const j = se + sp - 1;
  const value = (ap + sp - 1) / j;
  const lower = (apLower + sp - 1) / j;
  const upper = (apUpper + sp - 1) / j;
  const notes: string[] = [];
  const clamp = (t: number) => Math.min(1, Math.max(0, t));
  if (value < 0) notes.push(`the apparent prevalence (${sixDigits(ap)}) is below 1 - specificity (${sixDigits(1 - sp)}): the Rogan-Gladen estimate (${sixDigits(value)}) is below 0, clamped to 0 (epiR returns it unclamped, warning it is invalid)`);
  else if (value > 1) notes.push(`the apparent prevalence (${sixDigits(ap)}) is above the sensitivity (${sixDigits(se)}): the Rogan-Gladen estimate (${sixDigits(value)}) is above 1, clamped to 1 (epiR returns it unclamped, warning it is invalid)`);
  if (lower < 0 || upper > 1) {
    notes.push(`limits outside [0, 1] clamped (unclamped: ${sixDigits(lower)} to ${sixDigits(upper)})`);
  }
  return {
    apparent: interval(ap, apLower, apUpper, level, method),
    true: interval(clamp(value), clamp(lower), clamp(upper), level, `rogan-gladen, ${method}`, { notes }),
    unclamped: { value, lower, upper },
    notes,
  };
}
