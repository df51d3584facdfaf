import * as z from 'zod/mini';
import { atLeastOne } from '../core/atLeastOne';
import { rule } from '../core/rule';
import { withoutReservedKey } from '../core/withoutReservedKey';
import { fail } from '../core/InputError';
import { interval, type Interval } from '../core/interval';
import { sumPopulationIntoBands } from '../core/populationBands';
import { ageBand, count, level, methodOf, seed, wholeCount } from '../core/schemas';
import { validate } from '../core/validate';
import { fewestDraws, tooFewDrawsRule } from '../montecarlo/fewestDraws';
import { createGenerator } from '../random/generator';
import { sampleBeta } from '../random/sampleBeta';
import {
  checkSurveyDesign,
  normaliseSurveyDesign,
  standardErrorOnBase,
  surveyDesignShape,
  type SurveyDesign,
} from './surveyDesign';
import { surveyLimits, type SurveyProportionMethod } from './surveyLimits';
import type { SurveyProportion, SurveyProportionInput } from './surveyProportion';
import { sixDigits } from '../core/sixDigits';

/** A prevalence row: a sex, an age band, and a survey proportion in any {@link SurveyProportionInput} form. */
export type PrevalenceRow = { sex: string; age: string | number } & SurveyProportionInput;

/** A population row: sex, single year of age (number or numeric string) or band, and the population. Other fields are ignored. */
export interface PopulationInputRow {
  sex: string;
  age: string | number;
  population: number;
}

/** Options of {@link expectedVictims}. */
export interface ExpectedVictimsOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /**
   * Interval method: `'logit'` (default), `'korn-graubard'`, `'wilson'` or `'wald'` (as in
   * `surveyProportion`, for each stratum and for the total), or `'monte-carlo'` (percentiles of
   * simulated prevalences).
   */
  method?: SurveyProportionMethod | 'monte-carlo';
  /**
   * Monte Carlo draws (whole number >= 100, and enough for the level: 999 at 0.998), default 10000. Used
   * by `'monte-carlo'` only.
   */
  draws?: number;
  /** Seed of the generator (whole number), default 42. Used by `'monte-carlo'` only. */
  seed?: number;
}

/** One stratum (a sex and age band) of {@link expectedVictims}. */
export interface VictimStratum {
  /** Sex, as given in the prevalence row. */
  sex: string;
  /** Age band, as given in the prevalence row. */
  age: string | number;
  /** Population of the stratum: the population rows summed into the band. */
  population: number;
  /** The prevalence with its interval (a `surveyProportion` result). */
  prevalence: SurveyProportion;
  /** Expected victims = prevalence x population, with interval and standard error. */
  victims: Interval;
}

/** Result of {@link expectedVictims}. */
export interface ExpectedVictims {
  /** Expected victims over all strata, with standard error sqrt(sum N^2 SE^2) and interval. */
  total: Interval;
  /** Population of all strata together. */
  population: number;
  /** Prevalence over all strata (total / population), with its effective base. */
  prevalence: SurveyProportion;
  /** One entry per prevalence row, in the same order. */
  strata: VictimStratum[];
}

const sex = /* @__PURE__ */ (() => z
  .string({ error: "a sex such as 'female' or 'male'" }).check(rule((s) => s.trim() !== '', "a sex such as 'female' or 'male'")))();

const prevalenceRow = /* @__PURE__ */ (() => withoutReservedKey(
  z.looseObject({ sex, age: ageBand, ...surveyDesignShape }).check(checkSurveyDesign(['sex', 'age'])),
  "no field '__proto__' (not a design field; reserved in JavaScript)",
))();
const populationRow = /* @__PURE__ */ (() => z.object({ sex, age: ageBand, population: count }))();

const schema = /* @__PURE__ */ (() => z.object({
  prevalence: z.array(prevalenceRow, { error: 'an array of prevalence rows { sex, age, estimate, ... }' }).check(atLeastOne('at least one prevalence row')),
  population: z.array(populationRow, { error: 'an array of population rows { sex, age, population }' }),
  options: z.prefault(z
    .strictObject({
      level,
      method: z._default(methodOf(['logit', 'korn-graubard', 'wilson', 'wald', 'monte-carlo']), 'logit'),
      draws: z._default(wholeCount.check(rule((x) => x >= 100, 'a whole number >= 100')), 10000),
      seed,
    })
    .check((ctx) => {
      // percentile limits from fewer draws would be the extreme draws, narrower than the level claims
      const o = ctx.value;
      if (o.method === 'monte-carlo' && o.draws < fewestDraws(o.level)) {
        ctx.issues.push({ code: 'custom', path: ['draws'], input: o.draws, message: tooFewDrawsRule(o.level) });
      }
    }), {} as never),
}))();


/**
 * Expected number of victims in a population from survey prevalence by sex and age band: per stratum
 * victims = prevalence x population (the population treated as known exactly, as mid-year estimates are),
 * and a total over strata. This is synthetic estimation: it assumes the population you hold has the
 * survey's age-sex-specific prevalence.
 *
 * `prevalence` rows are `{ sex, age, estimate, ...design }` with the design in any `surveyProportion`
 * form (`base` and `designFactor` or `designEffect`; `standardError`; `effectiveBase`; or a published
 * `lower`/`upper`). `population` rows `{ sex, age, population }` (single years or bands; other fields
 * such as an area code are ignored) are summed into each prevalence band. A band the rows cover only in
 * part, ages of a band with no row, duplicated or overlapping rows, overlapping prevalence bands, or a sex
 * with no population rows are `InputError`s naming the band and what is missing. Filter a table of several
 * areas to one area first.
 *
 * Method: strata are independent samples, so the total T = sum N_h p_h has standard error
 * sqrt(sum N_h^2 SE_h^2). Its interval applies the chosen method to the overall prevalence P = T / N with
 * effective base P(1 - P) / SE_P^2 (Korn & Graubard 1998), times N; the stratum intervals are
 * `surveyProportion` intervals times N_h. With `method: 'monte-carlo'`, each stratum's prevalence is drawn
 * from a Beta distribution with its estimate as mean and its standard error as SD (strata at 0 or 1 stay
 * fixed), and all intervals are percentiles of `draws` seeded draws (R's quantile type 7); values remain
 * the point estimates. Fewer draws than the level needs (999 at 0.998) are an `InputError`. Populations
 * whose total, or whose victims' standard error, is beyond the largest double are `InputError`s too.
 *
 * @example
 * ```ts
 * import { expectedVictims } from 'darkfigure';
 * import { populationEnglandWales2018 } from 'darkfigure/data';
 * // CSEW 2015: 4.9% of women and 2.4% of men aged 16-59 stalked in the last year. The bases and design
 * // factor are ASSUMED for illustration (the press coverage published none).
 * const result = expectedVictims(
 *   [
 *     { sex: 'female', age: '16-59', estimate: 0.049, base: 11500, designFactor: 1.2 },
 *     { sex: 'male', age: '16-59', estimate: 0.024, base: 9800, designFactor: 1.2 },
 *   ],
 *   populationEnglandWales2018,
 * );
 * result.total.value; // 1231114.38: about 1.23 million
 * result.total.lower; // 1134298 (logit 95% interval, to 1335856)
 * result.strata[0].victims.value; // 825884 women
 * ```
 * The press quoted 1.1 million for 2015. The difference is not sampling error, nor rounding of the
 * percentages (4.85% to 4.95% and 2.35% to 2.45% give 1.21 to 1.25 million), nor population growth
 * (1.1 million would need a population aged 16-59 about 11% smaller than mid-2018's 33.7 million, while
 * England and Wales grew about 2% from 2015 to 2018): the press figure rests on other inputs (another survey
 * year or population base) that the coverage does not give.
 */
export function expectedVictims(
  prevalence: readonly PrevalenceRow[],
  population: readonly PopulationInputRow[],
  options?: ExpectedVictimsOptions,
): ExpectedVictims {
  const parsed = validate('expectedVictims', schema, { prevalence, population, options });
  const opts = parsed.options;
  const rows = parsed.prevalence;

  const populations = sumPopulationIntoBands(
    'expectedVictims',
    rows.map((r, i) => ({ group: r.sex, band: r.age, path: ['prevalence', i] })),
    parsed.population.map((r, i) => ({ group: r.sex, band: r.age, path: ['population', i], given: (population[i] as { age?: unknown } | undefined)?.age })),
    parsed.population.map((r) => r.population),
    { groupField: 'sex', rowsName: 'population rows' },
  );
  const designs = rows.map((r) => normaliseSurveyDesign(r));
  const N = populations.reduce((a, b) => a + b, 0);
  if (!(N <= Number.MAX_VALUE)) {
    fail(
      'expectedVictims',
      ['population'],
      `population rows whose sum over the prevalence bands is a finite number (at most about 1.8e308)`,
      N,
      'no population of people is that large; check the units and that rows are not repeated',
    );
  }
  if (!(N > 0)) {
    fail('expectedVictims', ['population'], 'population rows whose sum over the prevalence bands is > 0', N);
  }

  // T = sum N_h p_h <= N stays finite. Its standard error sqrt(sum (N_h SE_h)^2) is summed scaled by the
  // largest term, so that neither the squares overflow (a population of 1e200) nor underflow (a standard
  // error of 1e-200).
  // Q = sum N_h (1 - p_h), the people not victims, summed directly: N - T loses the digits of 1 - P near 1.
  let T = 0;
  let Q = 0;
  const terms = designs.map((d, h) => populations[h]! * d.standardError);
  for (let h = 0; h < designs.length; h++) {
    T += populations[h]! * designs[h]!.estimate;
    Q += populations[h]! * (1 - designs[h]!.estimate);
  }
  const largest = terms.reduce((a, b) => Math.max(a, b), 0);
  const seT = largest === 0 ? 0 : largest * Math.sqrt(terms.reduce((a, t) => a + (t / largest) * (t / largest), 0));
  if (!(seT <= Number.MAX_VALUE)) {
    const h = terms.findIndex((t) => !(t <= Number.MAX_VALUE));
    fail(
      'expectedVictims',
      ['population'],
      `population rows for which the expected victims' standard error (population x prevalence standard error, summed over strata) is a finite number`,
      h >= 0 ? populations[h]! : N,
      `${h >= 0 ? `the band of prevalence[${h}] has population ${populations[h]!} and standard error ${designs[h]!.standardError}` : `their sum overflows`}; no population of people is that large`,
    );
  }
  const P = T / N;
  const seP = seT / N;
  const overall = totalEffectiveBase(designs, populations, { N, T, Q, seT, P, seP });

  const labels = (h: number) => ({ sex: prevalence[h]!.sex, age: prevalence[h]!.age });

  if (opts.method !== 'monte-carlo') {
    const method = opts.method;
    const strata = designs.map((d, h): VictimStratum => {
      const n = populations[h]!;
      const lim = surveyLimits(d.estimate, d.standardError, d.effectiveBase, opts.level, method);
      const prev = proportionResult(d.estimate, lim.lower, lim.upper, opts.level, lim.method, d.standardError, d.effectiveBase, [
        ...d.notes,
        ...lim.notes,
      ]);
      const victims = interval(n * d.estimate, n * lim.lower, n * lim.upper, opts.level, lim.method, {
        standardError: n * d.standardError,
        notes: prev.notes ?? [],
      });
      return { ...labels(h), population: n, prevalence: prev, victims };
    });

    const { effectiveBase: nEff, standardError: se } = overall;
    const notes = [...overall.notes];
    const lim = surveyLimits(P, se, nEff, opts.level, method);
    notes.push(...lim.notes);
    const prev = proportionResult(P, lim.lower, lim.upper, opts.level, lim.method, seP, nEff, notes);
    // min / max: T / N * N can differ from T in the last bit (or underflow for denormal prevalences)
    const total = interval(T, Math.min(N * lim.lower, T), Math.max(N * lim.upper, T), opts.level, lim.method, {
      standardError: seT,
      notes,
    });
    return { total, population: N, prevalence: prev, strata };
  }

  // Monte Carlo: Beta draws with each stratum's mean and standard error.
  const draws = opts.draws;
  const rng = createGenerator(opts.seed);
  const totals = new Float64Array(draws);
  const strataDraws: Float64Array[] = [];
  for (let h = 0; h < designs.length; h++) {
    const d = designs[h]!;
    const n = populations[h]!;
    const x = new Float64Array(draws);
    if (d.estimate > 0 && d.estimate < 1 && d.standardError > 0) {
      const nu = d.effectiveBase - 1;
      if (!(nu > 0)) {
        fail(
          'expectedVictims',
          ['prevalence', h],
          "an effective base > 1 for method 'monte-carlo' (a Beta distribution with this mean and standard error does not exist)",
          d.effectiveBase,
        );
      }
      const a = d.estimate * nu;
      const b = (1 - d.estimate) * nu;
      for (let i = 0; i < draws; i++) {
        const v = sampleBeta(rng, a, b);
        x[i] = v;
        totals[i]! += n * v;
      }
    } else {
      x.fill(d.estimate);
      for (let i = 0; i < draws; i++) totals[i]! += n * d.estimate;
    }
    strataDraws.push(x);
  }
  const mcNote = `${draws} Monte Carlo draws (seed ${opts.seed}): Beta prevalences with each stratum's estimate and standard error`;
  const strata = designs.map((d, h): VictimStratum => {
    const n = populations[h]!;
    const [lo, hi, notes] = percentileLimits(strataDraws[h]!, d.estimate, opts.level);
    const allNotes = [...d.notes, mcNote, ...notes];
    if (d.estimate === 0 || d.estimate === 1) allNotes.push(`an estimate of ${d.estimate} has no sampling variance here: held fixed in every draw`);
    const prev = proportionResult(d.estimate, lo, hi, opts.level, 'monte-carlo', d.standardError, d.effectiveBase, allNotes);
    const victims = interval(n * d.estimate, n * lo, n * hi, opts.level, 'monte-carlo', {
      standardError: n * d.standardError,
      notes: allNotes,
    });
    return { ...labels(h), population: n, prevalence: prev, victims };
  });
  const [lo, hi, notes] = percentileLimits(totals, T, opts.level);
  const totalNotes = [mcNote, ...notes];
  const total = interval(T, lo, hi, opts.level, 'monte-carlo', { standardError: seT, notes: totalNotes });
  const prev = proportionResult(P, lo / N, hi / N, opts.level, 'monte-carlo', seP, overall.effectiveBase, totalNotes);
  return { total, population: N, prevalence: prev, strata };
}

/**
 * The effective base of the overall prevalence P = T / N with standard error seP = seT / N:
 * P(1 - P) / seP^2 = T Q / seT^2 (Korn & Graubard 1998), computed as (sqrt(T) sqrt(Q) / seT)^2 from the
 * victims T and non-victims Q = sum N_h (1 - p_h), so that it stays right where P or 1 - P is below the
 * doubles' resolution (a prevalence of 5e-324 in a population of 2 rounds P to 0, yet the effective base
 * is about 16). When every stratum with people is at 0 or 1 there is no variance: the strata's summed
 * effective base is used instead, with a note (and the standard error for the limits taken from it). An
 * effective base beyond the doubles is an InputError (on the prevalence rows if their own effective bases
 * already sum beyond them, else on the population rows).
 */
function totalEffectiveBase(
  designs: readonly SurveyDesign[],
  populations: readonly number[],
  { N, T, Q, seT, P, seP }: { N: number; T: number; Q: number; seT: number; P: number; seP: number },
): { effectiveBase: number; standardError: number; notes: string[] } {
  let summed = 0;
  for (let h = 0; h < designs.length; h++) if (populations[h]! > 0) summed += designs[h]!.effectiveBase;
  const fixed = designs.every((d, h) => populations[h] === 0 || d.standardError === 0);
  const ratio = (Math.sqrt(T) * Math.sqrt(Q)) / seT;
  const effectiveBase = fixed ? summed : ratio * ratio;
  if (!(effectiveBase > 0 && effectiveBase <= Number.MAX_VALUE)) {
    const why = effectiveBase > 0 ? 'above the largest double' : 'below the smallest double';
    if (!(summed <= Number.MAX_VALUE)) {
      fail(
        'expectedVictims',
        ['prevalence'],
        `prevalence rows whose effective bases sum to a finite number (the total's effective base would be ${why})`,
        summed,
        'no survey has effective bases near 1e308; check the standard errors and design factors',
      );
    }
    fail(
      'expectedVictims',
      ['population'],
      `population rows for which the total's effective base P(1 - P) / SE^2 is a finite number > 0 (here it is ${why})`,
      N,
      `the overall prevalence P = ${P} has standard error ${seP}; populations that far apart (or that large) are beyond double precision`,
    );
  }
  if (!fixed) return { effectiveBase, standardError: seP, notes: [] };
  return {
    effectiveBase,
    standardError: standardErrorOnBase(P, effectiveBase),
    notes: [
      `the total has no estimated variance (every stratum's estimate is 0 or 1): its interval uses the strata's summed effective base (${sixDigits(effectiveBase)})`,
    ],
  };
}

function proportionResult(
  value: number,
  lower: number,
  upper: number,
  lvl: number,
  method: string,
  standardError: number,
  effectiveBase: number,
  notes: string[],
): SurveyProportion {
  return { ...interval(value, lower, upper, lvl, method, { standardError, notes }), standardError, effectiveBase };
}

/** Percentile limits (R quantile type 7) of draws; widened to include `value` if they miss it, with a note. */
function percentileLimits(draws: Float64Array, value: number, lvl: number): [number, number, string[]] {
  const sorted = draws.slice().sort();
  const alpha = (1 - lvl) / 2;
  let lower = quantile7(sorted, alpha);
  let upper = quantile7(sorted, 1 - alpha);
  const notes: string[] = [];
  if (lower > value || upper < value) {
    notes.push('the Monte Carlo percentiles missed the point estimate (a very skewed prevalence): interval widened to include it');
    lower = Math.min(lower, value);
    upper = Math.max(upper, value);
  }
  return [lower, upper, notes];
}

function quantile7(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

