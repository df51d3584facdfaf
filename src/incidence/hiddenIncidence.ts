import * as z from 'zod/mini';
import { fail } from '../core/InputError';
import { refuseOptionsField } from '../core/refuseOptionsField';
import { interval, type Interval } from '../core/interval';
import { sixDigits } from '../core/sixDigits';
import { validate } from '../core/validate';
import { deltaHiddenIncidence } from './deltaHiddenIncidence';
import { modelOptions } from './modelOptions';
import { OUTPUTS, pointEstimates, type HiddenIncidenceModel, type ModelSummary } from './hiddenIncidenceModel';
import { monteCarloHiddenIncidence } from './monteCarloHiddenIncidence';
import { noiseModel, type CountNoise } from './noiseModel';
import { outsideIntervalNote } from './outsideIntervalNote';
import { positiveProbability } from './positiveProbability';
import { recordedCount, type RecordedCount } from './recordedCount';
import type { UncertainProbability } from './uncertainProbability';
import { uncertainQuantity, type UncertainQuantity } from './uncertainQuantity';

export type { CountNoise } from './noiseModel';

/** Input of {@link hiddenIncidence}. */
export interface HiddenIncidenceInput {
  /** Police-recorded crimes: a number for one year, or `{ count, from, to }` / `{ count, days }` (annualised). */
  recorded: RecordedCount;
  /** Probability that a victim tells the police (an {@link UncertainProbability}, above 0). */
  reporting: UncertainProbability;
  /** Probability that a report is recorded as this crime (an {@link UncertainProbability}, above 0). */
  recording: UncertainProbability;
  /** Recorded crimes per recorded victim (repeat victimisation), > 0; default exactly 1. */
  incidentsPerVictim?: UncertainQuantity;
}

/** Options of {@link hiddenIncidence}. */
export interface HiddenIncidenceOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** `'monte-carlo'` (default) or `'delta'` (log-scale delta method). */
  method?: 'monte-carlo' | 'delta';
  /** Monte Carlo draws, 100 to 50,000,000; default 100,000. */
  draws?: number;
  /** Seed of the generator (a whole number); default 42. */
  seed?: number;
  /** How the count's own randomness enters: `'binomial'` (default), `'poisson'` or `'none'`. */
  countNoise?: CountNoise;
  /** Keep the Monte Carlo draws in the result (`draws`), for `splitByShares`; default false. */
  keepDraws?: boolean;
}

/** Monte Carlo draws of every result, in draw order (so they stay paired across quantities). */
export interface HiddenIncidenceDraws {
  victims: Float64Array;
  reported: Float64Array;
  unrecorded: Float64Array;
  recordedShare: Float64Array;
  multiplier: Float64Array;
}

/** Result of {@link hiddenIncidence}. */
export interface HiddenIncidence {
  /** Victims a year (the hidden incidence). */
  victims: Interval;
  /** Victims a year who told the police. */
  reported: Interval;
  /** Victims a year who are not in police records: the dark figure. */
  unrecorded: Interval;
  /** Share of victims recorded: reporting x recording. */
  recordedShare: Interval;
  /** Victims per recorded crime: 1 / (incidentsPerVictim x reporting x recording). */
  multiplier: Interval;
  /** Police-recorded crimes a year used (annualised when a period was given). */
  recorded: number;
  /** What every estimate shares: the method, the inputs as read and their caveats (each interval's own notes are on it). */
  notes: string[];
  /** The Monte Carlo draws, only with `keepDraws: true` and `method: 'monte-carlo'`. */
  draws?: HiddenIncidenceDraws;
}

const dividesBy = 'victims = recorded / (reporting x recording) is unbounded when it is 0';

const schema = /* @__PURE__ */ (() => z.strictObject({
  recorded: recordedCount,
  reporting: positiveProbability(dividesBy),
  recording: positiveProbability(dividesBy),
  incidentsPerVictim: z.optional(uncertainQuantity('incidents per victim > 0')),
  options: modelOptions,
}))();

const ONE = /* @__PURE__ */ (() => uncertainQuantity('incidents per victim > 0').parse(1))();

/**
 * The hidden incidence of a crime (the "dark figure"): how many victims there are, given how many crimes
 * the police recorded and the chance that a victim reports and that a report is recorded. Every victim
 * passes a chain, victimised -> reports (probability `reporting`) -> recorded (probability `recording`),
 * so victims = recorded / incidentsPerVictim / (reporting x recording): the multiplier method of
 * dark-figure estimation (Skogan 1977, "Dimensions of the dark figure of unreported crime"; Biderman &
 * Reiss 1967), with every link uncertain. Returns intervals for the victims, those who reported, those
 * never in police records (`unrecorded`), the share recorded and the multiplier (victims per recorded crime).
 *
 * Method `'monte-carlo'` (default): Monte Carlo propagation of distributions (JCGM 101:2008): each input
 * becomes a distribution (see {@link UncertainProbability}), `draws` joint draws from the library's seeded
 * generator, percentile limits (order statistics of ranks j and n + 1 - j, j = floor((n + 1)(1 - level) / 2)).
 * The count's own randomness is included (`countNoise`): by default the recorded victims are a binomial
 * thinning of all victims, so the victims never recorded are negative binomial given the recorded share
 * (Gamma-Poisson mixture with the Jeffreys shape count + 1/2); `'poisson'` treats the count as Poisson
 * (estimand: the expected number a year); `'none'` as a census. Values are the plug-in estimates.
 * Method `'delta'`: the delta method on the log scale (logit for the recorded share), for speed and as a
 * cross-check; the two agree closely when every uncertainty is small.
 *
 * A coverage study (1,000 simulated analyses per regime) finds the 95% Monte Carlo interval for victims
 * covers the true number 93-97.5% of the time; see the Calibration section of docs/incidence.md (shipped
 * with the package).
 *
 * @example
 * ```ts
 * import { hiddenIncidence } from 'darkfigure';
 * // 7,706 stalking offences recorded in England and Wales from 1 April 2013 to 4 February 2016;
 * // about half of victims report (ASSUMED here: 150 of 300 survey victims), and police record a
 * // report as stalking about 1 time in 20 (ASSUMED: 100 of 2,000 audited reports).
 * const result = hiddenIncidence({
 *   recorded: { count: 7706, from: '2013-04-01', to: '2016-02-04' },
 *   reporting: { successes: 150, trials: 300 },
 *   recording: { successes: 100, trials: 2000 },
 * });
 * result.victims; // { value: 108254, lower: 87102, upper: 136165, level: 0.95, method: 'monte-carlo', ... }
 * result.unrecorded.value; // victims never in police records a year
 * ```
 */
export function hiddenIncidence(input: HiddenIncidenceInput, options?: HiddenIncidenceOptions): HiddenIncidence {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    fail('hiddenIncidence', [], 'an object { recorded, reporting, recording, incidentsPerVictim? }', input);
  }
  refuseOptionsField('hiddenIncidence', input);
  const v = validate('hiddenIncidence', schema, { ...input, options });
  const o = v.options;
  const ipv = v.incidentsPerVictim ?? ONE;
  const noise = noiseModel(o.countNoise);
  const point = pointEstimates(v.recorded, v.reporting, v.recording, ipv);
  if (!(point.multiplier < Infinity)) {
    fail(
      'hiddenIncidence',
      ['recording'],
      'probabilities whose product incidentsPerVictim x reporting x recording is a representable number above 0 (the multiplier, its reciprocal, overflows to Infinity)',
      input.recording,
      `reporting ${sixDigits(v.reporting.estimate)} x recording ${sixDigits(v.recording.estimate)} x incidents per victim ${sixDigits(ipv.estimate)}`,
    );
  }
  if (!(point.victims < Infinity)) {
    fail('hiddenIncidence', ['recorded'], 'a count for which victims = recorded / (incidentsPerVictim x reporting x recording) is finite', input.recorded, `the multiplier is ${sixDigits(point.multiplier)}`);
  }
  const model: HiddenIncidenceModel = {
    count: v.recorded,
    reporting: v.reporting,
    recording: v.recording,
    incidentsPerVictim: ipv,
    noise: noise.code,
    point,
  };
  const monteCarlo = o.method === 'monte-carlo';
  const summary: ModelSummary = monteCarlo
    ? monteCarloHiddenIncidence(model, o.draws, o.seed, o.level, o.keepDraws)
    : deltaHiddenIncidence(model, o.level);

  const general = [
    monteCarlo ? `Monte Carlo: ${o.draws} draws, seed ${o.seed}, percentile limits` : 'delta method on the log scale (logit for the recorded share)',
    ...v.recorded.notes,
    noise.note,
    `reporting: ${v.reporting.description}`,
    ...v.reporting.notes.map((n) => `reporting: ${n}`),
    `recording: ${v.recording.description}`,
    ...v.recording.notes.map((n) => `recording: ${n}`),
    ...(v.incidentsPerVictim ? [`incidents per victim: ${ipv.description}`, ...ipv.notes.map((n) => `incidents per victim: ${n}`)] : []),
    ...(!monteCarlo && o.keepDraws ? ['keepDraws ignored: the delta method has no draws'] : []),
  ];
  const out = {} as Record<(typeof OUTPUTS)[number], Interval>;
  for (const key of OUTPUTS) {
    const [lower, upper] = summary.limits[key];
    const notes = [...(summary.notes?.[key] ?? [])];
    const outside = outsideIntervalNote(model.point[key], lower, upper);
    if (outside !== undefined) notes.push(outside);
    if (upper === Infinity && monteCarlo) notes.push('some draws were infinite (a recorded-share draw of 0): the upper limit is unbounded');
    if (upper === Infinity && !monteCarlo && !notes.some((n) => n.includes('unbounded'))) notes.push('the upper limit is too large to represent (Infinity)');
    const sd = summary.moments[key].sd;
    out[key] = interval(model.point[key], lower, upper, o.level, o.method, {
      ...(sd !== undefined ? { standardError: sd } : {}),
      notes,
    });
  }
  const result: HiddenIncidence = { ...out, recorded: v.recorded.annual, notes: general };
  if (summary.draws) result.draws = summary.draws;
  return result;
}

