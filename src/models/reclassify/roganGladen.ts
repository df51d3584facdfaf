import * as z from 'zod/mini';
import { interval, type Interval } from '../../core/interval';
import { level as levelSchema, methodOf, seed as seedSchema, wholeCount } from '../../core/schemas';
import { sixDigits } from '../../core/sixDigits';
import { HINT, validate } from '../../core/validate';
import { fillProbabilityDraws } from '../../incidence/fillProbabilityDraws';
import { uncertainProbability, type UncertainProbability } from '../../incidence/uncertainProbability';
import { drawsOption } from '../../montecarlo/drawsOption';
import { fewestDraws, tooFewDrawsRule } from '../../montecarlo/fewestDraws';
import { percentileInterval } from '../../montecarlo/percentileInterval';
import { streamSeeds } from '../../montecarlo/streamSeeds';
import { fillBeta } from '../../random/fillBeta';
import { createGenerator } from '../../random/generator';
import { apparentLimits } from './apparentLimits';

/** Interval methods of {@link roganGladen}: those of `epiR::epi.prev` (`'clopper-pearson'` is its `"c-p"`). */
export type RoganGladenMethod = 'wilson' | 'clopper-pearson' | 'blaker';

/** Options of {@link roganGladen}. */
export interface RoganGladenOptions {
  /**
   * Probability that a true case is classified positive (recorded as the category): a number in [0, 1] (exact,
   * as epiR), or any uncertain probability (`{ successes, trials }` from an audit, such as `reclassify`'s
   * `recordedCorrectly`, `{ estimate, lower, upper }`, ...), which switches the true prevalence's interval to Monte Carlo.
   */
  sensitivity: UncertainProbability;
  /** Probability that a non-case is classified negative, in the same forms; sensitivity + specificity must exceed 1. */
  specificity: UncertainProbability;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** `'wilson'` (default, as epiR), `'clopper-pearson'` or `'blaker'`: the apparent prevalence's interval (and, with exact sensitivity and specificity, the true one's). */
  method?: RoganGladenMethod;
  /** Monte Carlo draws when sensitivity or specificity is uncertain: 100 to 50,000,000, default 100,000. */
  draws?: number;
  /** Seed (a whole number) for those draws; default 42. */
  seed?: number;
}

/** The result of {@link roganGladen}. */
export interface RoganGladen {
  /** The apparent prevalence positives / tested, with its interval by `method` (as epiR's `ap`). */
  apparent: Interval;
  /** The true prevalence (apparent + specificity - 1) / (sensitivity + specificity - 1) and its limits, each clamped to [0, 1] (with a note when clamped). */
  true: Interval;
  /**
   * The same three numbers before clamping: with exact sensitivity and specificity epiR's `tp`, which can lie
   * below 0 or above 1; with uncertain ones the percentile limits of the unclamped draws.
   */
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
          sensitivity: uncertainProbability,
          specificity: uncertainProbability,
          level: levelSchema,
          method: z._default(methodOf(['wilson', 'clopper-pearson', 'blaker']), 'wilson'),
          draws: drawsOption(),
          seed: seedSchema,
        },
        { error: `an options object with sensitivity and specificity${HINT}roganGladen({ positives, tested }, { sensitivity: 0.9, specificity: 0.95 })` },
      ),
    }),
    z.transform((v, ctx) => {
      const { positives, tested } = v.counts;
      const sensitivity = v.options.sensitivity.estimate;
      const specificity = v.options.specificity.estimate;
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
          message: `a specificity (estimate) above 1 - sensitivity (${sixDigits(1 - sensitivity)}): a classification no better than chance (sensitivity + specificity <= 1) carries no information on the true prevalence${HINT}check that sensitivity and specificity are not swapped or given as their complements`,
        });
        bad = true;
      }
      const uncertain = !v.options.sensitivity.exact || !v.options.specificity.exact;
      if (uncertain && v.options.draws < fewestDraws(v.options.level)) {
        ctx.issues.push({ code: 'custom', path: ['options', 'draws'], input: v.options.draws, message: tooFewDrawsRule(v.options.level) });
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
 * true = (apparent + Sp - 1) / (Se + Sp - 1). With Se and Sp exact numbers (as epiR takes them) the interval is
 * the apparent prevalence's (`method`: Wilson, Clopper-Pearson or Blaker, exactly as `epiR::epi.prev` computes
 * them) mapped the same way, as epiR does. Either may instead be an uncertain probability (`{ successes,
 * trials }` from an audit, as `reclassify`'s `recordedCorrectly`, or any form `hiddenIncidence` takes); then
 * the true prevalence's interval is by Monte Carlo (method `'monte-carlo'`, `draws` default 100,000, `seed`
 * default 42): the apparent prevalence from its Jeffreys posterior Beta(x + 1/2, n - x + 1/2), Se and Sp from
 * their Beta distributions, each draw corrected and clamped to [0, 1], draws with Se + Sp <= 1 left out (with a
 * note), and the percentile interval taken; the value stays the plug-in estimate. This is the two-category
 * case of the matrix method: "recorded as stalking" against "not", P = [[Se, 1 - Se], [1 - Sp, Sp]].
 *
 * Where the apparent prevalence is below 1 - Sp or above Se the formula leaves [0, 1]; epiR returns such
 * values (with a warning that the estimate is invalid), darkfigure clamps the value and limits to [0, 1] and
 * says so in `notes`; `unclamped` keeps epiR's numbers. Se + Sp <= 1 (their estimates) is an `InputError`.
 *
 * @param counts - `{ positives, tested }`: cases classified positive among those classified
 * @param options - `sensitivity`, `specificity` (required), `level`, `method`, and `draws`, `seed` for uncertain ones
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
  const { sensitivity: seDist, specificity: spDist, level, method } = v.options;
  const se = seDist.estimate;
  const sp = spDist.estimate;
  const [apLower, apUpper] = apparentLimits(x, n, level, method);
  const ap = x / n;
  const j = se + sp - 1;
  const value = (ap + sp - 1) / j;
  let lower = (apLower + sp - 1) / j;
  let upper = (apUpper + sp - 1) / j;
  const notes: string[] = [];
  const clamp = (t: number) => Math.min(1, Math.max(0, t));
  let trueMethod = `rogan-gladen, ${method}`;
  let clampedLower: number | undefined;
  let clampedUpper: number | undefined;
  if (!seDist.exact || !spDist.exact) {
    const mc = monteCarlo(x, n, seDist, spDist, v.options.draws, v.options.seed, level);
    [lower, upper] = mc.unclamped;
    [clampedLower, clampedUpper] = mc.clamped;
    trueMethod = 'monte-carlo';
    notes.push(
      `sensitivity ${seDist.description}; specificity ${spDist.description}; the apparent prevalence from its Jeffreys posterior Beta(${x} + 1/2, ${n - x} + 1/2); ${v.options.draws} draws, seed ${v.options.seed}, each corrected and clamped to [0, 1]; percentile interval`,
      ...seDist.notes.map((t) => `sensitivity: ${t}`),
      ...spDist.notes.map((t) => `specificity: ${t}`),
    );
    if (mc.chance > 0) {
      notes.push(`${mc.chance} of ${v.options.draws} draws (${sixDigits((100 * mc.chance) / v.options.draws)}%) had sensitivity + specificity <= 1 (no better than chance): left out, so the interval is conditional on a classification better than chance`);
    }
  }
  if (value < 0) notes.push(`the apparent prevalence (${sixDigits(ap)}) is below 1 - specificity (${sixDigits(1 - sp)}): the Rogan-Gladen estimate (${sixDigits(value)}) is below 0, clamped to 0 (epiR returns it unclamped, warning it is invalid)`);
  else if (value > 1) notes.push(`the apparent prevalence (${sixDigits(ap)}) is above the sensitivity (${sixDigits(se)}): the Rogan-Gladen estimate (${sixDigits(value)}) is above 1, clamped to 1 (epiR returns it unclamped, warning it is invalid)`);
  if (lower < 0 || upper > 1) {
    notes.push(`limits outside [0, 1] clamped (unclamped: ${sixDigits(lower)} to ${sixDigits(upper)})`);
  }
  return {
    apparent: interval(ap, apLower, apUpper, level, method),
    true: interval(clamp(value), clampedLower ?? clamp(lower), clampedUpper ?? clamp(upper), level, trueMethod, { notes: [...notes] }),
    unclamped: { value, lower, upper },
    notes,
  };
}

/**
 * The true prevalence by Monte Carlo when sensitivity or specificity is uncertain: the apparent prevalence
 * from its Jeffreys posterior, sensitivity and specificity from their distributions (one stream each),
 * draws with se + sp <= 1 left out; percentile limits of the unclamped and of the clamped draws.
 */
function monteCarlo(
  x: number,
  n: number,
  se: Parameters<typeof fillProbabilityDraws>[1],
  sp: Parameters<typeof fillProbabilityDraws>[1],
  draws: number,
  seed: number,
  level: number,
): { unclamped: [number, number]; clamped: [number, number]; chance: number } {
  const [sAp, sSe, sSp] = streamSeeds(seed, 3) as [number, number, number];
  const ap = fillBeta(createGenerator(sAp), x + 0.5, n - x + 0.5, new Float64Array(draws));
  const seD = fillProbabilityDraws(new Float64Array(draws), se, sSe);
  const spD = fillProbabilityDraws(new Float64Array(draws), sp, sSp);
  const raw = new Float64Array(draws);
  let m = 0;
  for (let i = 0; i < draws; i++) {
    const j = seD[i]! + spD[i]! - 1;
    if (!(j > 0)) continue;
    raw[m++] = (ap[i]! + spD[i]! - 1) / j;
  }
  const kept = raw.subarray(0, m);
  const clamped = Float64Array.from(kept, (t) => Math.min(1, Math.max(0, t)));
  // (almost) every draw no better than chance: the data say nothing, the interval is all of [0, 1]
  const enough = m >= fewestDraws(level);
  const unclamped: [number, number] = enough ? percentileInterval(kept, level) : [0, 1];
  const limits: [number, number] = enough ? percentileInterval(clamped, level) : [0, 1];
  return { unclamped, clamped: limits, chance: draws - m };
}
