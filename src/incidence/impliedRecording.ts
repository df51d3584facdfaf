import * as z from 'zod/mini';
import { fail } from '../core/InputError';
import { refuseOptionsField } from '../core/refuseOptionsField';
import { interval, type Interval } from '../core/interval';
import { validate } from '../core/validate';
import { deltaImpliedRecording } from './deltaImpliedRecording';
import { modelOptions } from './modelOptions';
import { impliedPoint, type ImpliedOutput, type ImpliedRecordingModel } from './impliedRecordingModel';
import { monteCarloImpliedRecording } from './monteCarloImpliedRecording';
import { noiseModel, type CountNoise } from './noiseModel';
import { outsideIntervalNote } from './outsideIntervalNote';
import { positiveProbability } from './positiveProbability';
import { recordedCount, type RecordedCount } from './recordedCount';
import type { UncertainProbability } from './uncertainProbability';
import { uncertainQuantity, type UncertainQuantity } from './uncertainQuantity';
import { sixDigits } from '../core/sixDigits';

/** Input of {@link impliedRecording}. */
export interface ImpliedRecordingInput {
  /** Police-recorded crimes: a number for one year, or `{ count, from, to }` / `{ count, days }` (annualised). */
  recorded: RecordedCount;
  /** Victims a year from a survey: an `Interval` (e.g. `expectedVictims(...).total`), a number or `{ estimate, standardError }`. */
  victims: UncertainQuantity;
  /** Probability that a victim tells the police; given it, the share of reports recorded is estimated too. */
  reporting?: UncertainProbability;
  /** Recorded crimes per recorded victim (repeat victimisation); default exactly 1. */
  incidentsPerVictim?: UncertainQuantity;
}

/** Options of {@link impliedRecording}. */
export interface ImpliedRecordingOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** `'monte-carlo'` (default) or `'delta'`. */
  method?: 'monte-carlo' | 'delta';
  /** Monte Carlo draws, 100 to 50,000,000; default 100,000. */
  draws?: number;
  /** Seed (a whole number); default 42. */
  seed?: number;
  /** `'binomial'` (default), `'poisson'` or `'none'`, as in `hiddenIncidence`. */
  countNoise?: CountNoise;
  /** Keep the Monte Carlo draws (`draws`), e.g. to split the unrecorded victims with `splitByShares`. */
  keepDraws?: boolean;
}

/** Result of {@link impliedRecording}. */
export interface ImpliedRecording {
  /** Share of victims that appear in police records: recorded / incidentsPerVictim / victims. */
  recordedShare: Interval;
  /** Share of reports recorded (recordedShare / reporting); only when `reporting` was given. */
  recording?: Interval;
  /** Victims a year never in police records: victims - recorded / incidentsPerVictim. */
  unrecorded: Interval;
  /** Police-recorded crimes a year used (annualised when a period was given). */
  recorded: number;
  /** Monte Carlo draws in draw order, only with `keepDraws: true` (victims are the survey victims' draws). */
  draws?: { victims: Float64Array; recordedShare: Float64Array; unrecorded: Float64Array; recording?: Float64Array };
}

const schema = /* @__PURE__ */ (() => z.strictObject({
  recorded: recordedCount,
  victims: uncertainQuantity('a number of victims > 0'),
  reporting: z.optional(positiveProbability('the share of reports recorded is recorded share / reporting')),
  incidentsPerVictim: z.optional(uncertainQuantity('incidents per victim > 0')),
  options: modelOptions,
}))();

const ONE = /* @__PURE__ */ (() => uncertainQuantity('incidents per victim > 0').parse(1))();

/**
 * What share of victims the police record, implied by a survey-based number of victims and a police
 * count: recordedShare = recorded / incidentsPerVictim / victims (the inverse of the dark-figure
 * multiplier; Skogan 1977), and, given the share of victims who report, the share of reports recorded,
 * recordedShare / reporting (the "attrition" from report to record; e.g. HMIC 2014, "Crime-recording:
 * making the victim count"). Also the victims never in police records, victims - recorded victims.
 *
 * The victims' uncertainty is a Gamma matched to their estimate and standard error (see
 * {@link UncertainQuantity}); the count's own noise is a binomial thinning by default (the recorded
 * share's draw given the victims is the Jeffreys Beta(rv + 1/2, victims - rv + 1/2)), `'poisson'` or
 * `'none'` as in `hiddenIncidence`. Method `'monte-carlo'` (default; Monte Carlo propagation, JCGM
 * 101:2008, percentile limits) or `'delta'` (delta method: logit scale for the recorded share, log scale
 * otherwise). Inputs are independent. A share of reports recorded above 1 in part of its interval means
 * the inputs disagree (a note says so); nothing is clipped.
 *
 * @example
 * ```ts
 * import { impliedRecording } from 'darkfigure';
 * // England and Wales: 7,706 stalking offences recorded from 1 April 2013 to 4 February 2016, against
 * // about 1.15 million victims a year (CSEW; the interval here is illustrative) of whom about half report.
 * const implied = impliedRecording({
 *   recorded: { count: 7706, from: '2013-04-01', to: '2016-02-04' },
 *   victims: { estimate: 1_150_000, lower: 1_100_000, upper: 1_200_000 },
 *   reporting: { estimate: 0.5, standardError: 0.03 },
 * });
 * implied.recordedShare.value; // 0.00235: about 1 victim in 425 is in police records
 * implied.recording?.value; // 0.0047: about 1 report in 212 is recorded as stalking
 * ```
 */
export function impliedRecording(input: ImpliedRecordingInput, options?: ImpliedRecordingOptions): ImpliedRecording {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    fail('impliedRecording', [], 'an object { recorded, victims, reporting?, incidentsPerVictim? }', input);
  }
  refuseOptionsField('impliedRecording', input);
  const v = validate('impliedRecording', schema, { ...input, options });
  const o = v.options;
  const ipv = v.incidentsPerVictim ?? ONE;
  const recordedVictims = v.recorded.annual / ipv.estimate;
  if (recordedVictims > v.victims.estimate) {
    fail(
      'impliedRecording',
      ['recorded'],
      `at most the victims (${sixDigits(v.victims.estimate)} a year) x incidents per victim (${sixDigits(ipv.estimate)}): more recorded victims than victims`,
      input.recorded,
      v.recorded.days !== undefined ? `annualised: ${sixDigits(v.recorded.annual)} a year` : undefined,
    );
  }
  const noise = noiseModel(o.countNoise);
  const point = impliedPoint(v.recorded, v.victims, v.reporting, ipv);
  if (v.reporting && !(point.recording < Infinity)) {
    fail(
      'impliedRecording',
      ['reporting'],
      'a reporting probability for which recording = recorded share / reporting is a finite number',
      input.reporting,
      `recorded share ${sixDigits(point.recordedShare)} / reporting ${sixDigits(v.reporting.estimate)} overflows to Infinity`,
    );
  }
  const model: ImpliedRecordingModel = {
    count: v.recorded,
    victims: v.victims,
    reporting: v.reporting,
    incidentsPerVictim: ipv,
    noise: noise.code,
    point,
  };
  const monteCarlo = o.method === 'monte-carlo';
  const summary = monteCarlo ? monteCarloImpliedRecording(model, o.draws, o.seed, o.level, o.keepDraws) : deltaImpliedRecording(model, o.level);
  const general = [
    monteCarlo ? `Monte Carlo: ${o.draws} draws, seed ${o.seed}, percentile limits` : 'delta method (logit scale for the share, log scale otherwise)',
    ...v.recorded.notes,
    noise.note,
    `victims: ${v.victims.description}`,
    ...v.victims.notes.map((n) => `victims: ${n}`),
    ...(v.reporting ? [`reporting: ${v.reporting.description}`, ...v.reporting.notes.map((n) => `reporting: ${n}`)] : []),
    ...(v.incidentsPerVictim ? [`incidents per victim: ${ipv.description}`] : []),
    ...(!monteCarlo && o.keepDraws ? ['keepDraws ignored: the delta method has no draws'] : []),
  ];
  const make = (key: ImpliedOutput): Interval => {
    const [lower, upper] = summary.limits[key]!;
    const notes = [...(key === 'recordedShare' ? general : []), ...(summary.notes?.[key] ?? [])];
    if (key === 'recording' && upper > 1 && upper !== Infinity) notes.push('the upper limit is above 1 (more reports recorded than made): reporting may be underestimated, or victims overestimated');
    if (key === 'recordedShare' && upper > 1) notes.push('the upper limit is above 1: the victims interval reaches below the recorded victims');
    if (key === 'unrecorded' && lower < 0) notes.push('the lower limit is below 0: the victims interval reaches below the recorded victims');
    const outside = outsideIntervalNote(model.point[key], lower, upper);
    if (outside !== undefined) notes.push(outside);
    if (upper === Infinity && monteCarlo) notes.push('some draws were infinite: the upper limit is unbounded');
    if (lower === -Infinity && monteCarlo) notes.push('some draws were infinite: the lower limit is unbounded (-Infinity)');
    if (upper === Infinity && !monteCarlo && !notes.some((n) => n.includes('unbounded'))) notes.push('the upper limit is too large to represent (Infinity)');
    const sd = summary.sd[key];
    return interval(model.point[key], lower, upper, o.level, o.method, { ...(sd !== undefined ? { standardError: sd } : {}), notes });
  };
  const result: ImpliedRecording = {
    recordedShare: make('recordedShare'),
    ...(v.reporting ? { recording: make('recording') } : {}),
    unrecorded: make('unrecorded'),
    recorded: v.recorded.annual,
  };
  if (summary.draws) result.draws = summary.draws;
  return result;
}
