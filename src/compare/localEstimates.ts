import { fail, type InputIssue } from '../core/InputError';
import { interval, type Interval } from '../core/interval';
import { dayNumber } from '../core/period';
import { noiseModel, type CountNoise } from '../incidence/noiseModel';
import { outsideIntervalNote } from '../incidence/outsideIntervalNote';
import type { RecordedCount } from '../incidence/recordedCount';
import { streamSeeds } from '../montecarlo/streamSeeds';
import type { UncertainProbability } from '../incidence/uncertainProbability';
import { uncertainQuantity, type UncertainQuantity } from '../incidence/uncertainQuantity';
import type { PopulationInputRow, PrevalenceRow } from '../survey/expectedVictims';
import { areaSeed } from './local/areaSeed';
import { parseLocalInput, throwIssues } from './local/localInput';
import type { LocalPrevalence } from './local/localPrevalence';
import { LOCAL_OUTPUTS, localMonteCarlo, TARGET_CHAIN, TARGET_GIVEN, TARGET_POOLED, type LocalModel } from './local/localMonteCarlo';
import { funnelPlot, type FunnelPlot } from './funnelPlot';
import type { FunnelOverdispersion } from './funnel/types';
import { sixDigits } from '../core/sixDigits';

/** Funnel-plot flag of an area at the 95% and 99.8% levels (a `FunnelFlag` of those two levels). */
export type LocalFlag = 'high-99.8' | 'high-95' | 'within' | 'low-95' | 'low-99.8';

/** One area of {@link localEstimates}: its name, its population by sex and age, and its police count. */
export interface LocalArea {
  /** Name of the area (unique within the call), e.g. `'Lewisham'`. */
  name: string;
  /** Optional code carried through to the result, e.g. an ONS GSS code `'E09000023'`. */
  code?: string;
  /**
   * Population rows `{ sex, age, population }`: single years of age or bands, summed into each prevalence
   * stratum (a stratum covered only in part is an `InputError`). Other fields are ignored.
   */
  population: readonly PopulationInputRow[];
  /**
   * Police-recorded crimes: a whole number for one year, or `{ count, from, to }` (ISO dates, both days
   * included) / `{ count, days }` with a whole count, annualised to 365.25 days.
   */
  recorded: RecordedCount;
}

/** Input of {@link localEstimates}. */
export interface LocalEstimatesInput {
  /** The areas, each with its population and recorded count. */
  areas: readonly LocalArea[];
  /**
   * National prevalence by sex and age band with its survey design (rows as in `expectedVictims`: synthetic
   * estimation), or each area's own prevalence `{ byArea, age, sex? }` (small area estimates, such as a
   * `fayHerriot` result from `darkfigure/models`, for the people of one age band in each area).
   */
  prevalence: readonly PrevalenceRow[] | LocalPrevalence;
  /** Probability that a victim tells the police, nationally (an {@link UncertainProbability}, above 0). */
  reporting: UncertainProbability;
  /**
   * Probability that a report is recorded as this crime, nationally (optional). When given, each area's
   * expected recorded count is victims x reporting x recording (x incidents per victim), and the flags
   * compare the areas with that national chain rather than with each other.
   */
  recording?: UncertainProbability;
  /** Recorded crimes per recorded victim (repeat victimisation), > 0; default exactly 1. */
  incidentsPerVictim?: UncertainQuantity;
  /** Year of the population estimates (e.g. 2018 for mid-2018); a note says when the counts are of other years. */
  populationYear?: number;
}

/** Options of {@link localEstimates}. */
export interface LocalEstimatesOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Monte Carlo draws, 100 to 1,000,000, with draws x strata at most 20,000,000 (memory); default 10,000. */
  draws?: number;
  /** Seed of the generator (a whole number); default 42. */
  seed?: number;
  /** How each count's own randomness enters: `'binomial'` (default), `'poisson'` or `'none'`, as in `impliedRecording`. */
  countNoise?: CountNoise;
  /**
   * Recorded crimes a year per victim that the flags compare each area with (> 0). Default: reporting x
   * recording x incidents per victim when `recording` is given, else the areas' pooled value (their recorded
   * crimes over their synthetic victims).
   */
  target?: number;
  /**
   * Overdispersion adjustment of the flags, as `funnelPlot`: `'none'` (default; exact Poisson limits),
   * `'multiplicative'` (phi) or `'additive'` (tau², random effects).
   */
  overdispersion?: FunnelOverdispersion;
}

/** One area's estimates. */
export interface LocalEstimate {
  /** Name of the area, as given. */
  area: string;
  /** Code of the area, when one was given. */
  code?: string;
  /** Population in the prevalence strata (e.g. aged 16-59). */
  population: number;
  /** Police-recorded crimes a year (annualised when a period was given). */
  recorded: number;
  /** The count as observed over its period. */
  count: number;
  /**
   * Victims a year: the sum over strata of population x national prevalence (synthetic estimate), or the
   * population in the age band x the area's own prevalence when `prevalence` is `{ byArea, age }`.
   */
  victims: Interval;
  /** Share of victims in police records: recorded / incidentsPerVictim / victims. */
  recordedShare: Interval;
  /** Share of reports recorded, implied: recordedShare / reporting (as `impliedRecording`'s `recording`). */
  recording: Interval;
  /** Victims a year never in police records (the dark figure): victims - recorded victims. */
  unrecorded: Interval;
  /** Recorded crimes a year expected from the area's population at the target (see `targetSource`). */
  expectedRecorded: Interval;
  /** Expected count over the count's own period (`expectedRecorded` / annualisation): the funnel's E. */
  expectedCount: number;
  /** count / expectedCount: an indirectly standardised ratio (1 = as expected from the area's age and sex structure). */
  ratio: number;
  /** z-score of the count against `expectedCount` on the square-root scale, 2 (sqrt(count) - sqrt(expectedCount)), as `funnelPlot` (adjusted for overdispersion when asked). */
  z: number;
  /** Funnel flag of the count against `expectedCount` (Spiegelhalter 2005) at 95% and 99.8%, as `funnelPlot`. */
  flag: LocalFlag;
}

/** All areas together. */
export interface LocalEstimatesSummary {
  /** Number of areas. */
  areas: number;
  /** Population in the prevalence strata, all areas. */
  population: number;
  /** Recorded crimes a year, all areas. */
  recorded: number;
  /** Victims a year, all areas: not the sum of the areas' intervals (they share the national prevalence). */
  victims: Interval;
  /** Share of all the areas' victims in police records. */
  recordedShare: Interval;
  /** Share of reports recorded, all areas. */
  recording: Interval;
  /** Victims never in police records, all areas. */
  unrecorded: Interval;
  /** Recorded crimes a year per victim used for the expected counts and flags. */
  target: number;
  /** Where the target came from. */
  targetSource: 'pooled' | 'given' | 'reporting x recording';
  /** Number of areas with each flag. */
  flags: Record<LocalFlag, number>;
}

/** Result of {@link localEstimates}. */
export interface LocalEstimates {
  /** One entry per input area, in input order. */
  areas: LocalEstimate[];
  summary: LocalEstimatesSummary;
  /**
   * The funnel plot of the counts against their expected counts (type `'ratio'`, target 1), from `funnelPlot`:
   * flags, z-scores, the overdispersion estimates phi and tau², and control limits for drawing.
   */
  funnel: FunnelPlot;
  /** Method, assumptions and caveats in plain words. */
  notes: string[];
}

const ONE = /* @__PURE__ */ (() => uncertainQuantity('incidents per victim > 0').parse(1))();
/** 'a, b and c'. */
function listText(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Local estimates for many areas at once: for each area, the synthetic number of victims a year from national
 * age-sex prevalence, the share of them in police records, the share of reports recorded (given the national
 * reporting probability), the victims never recorded (the dark figure), each with an interval; and a funnel
 * flag of the area's count against the count expected from its population. One call handles every local
 * authority in England and Wales (about 330 areas x 38 age-sex strata, 10,000 draws) in under a second.
 *
 * Method: synthetic estimation (Levy & French 1977, "Synthetic estimation of state health characteristics
 * based on the Health Interview Survey"; ONS small area estimation guidance): each area is assumed to have
 * the national prevalence of each sex and age band, so its victims are V_i = sum_s N_is p_s over strata s.
 * Its recorded share is R_i / V_i with R_i the recorded victims a year, the share of reports recorded
 * R_i / (V_i x reporting), and the dark figure V_i - R_i, as in `impliedRecording`. Monte Carlo propagation
 * (JCGM 101:2008), seeded: each stratum's prevalence is a Beta with the survey estimate as mean and its
 * design-based standard error as SD (as `expectedVictims` with `'monte-carlo'`). The national inputs
 * (prevalence, reporting, recording, incidents per victim) are drawn once per draw and SHARED by all areas,
 * so the areas' victim estimates are positively correlated: the interval for all areas together comes from
 * the summed draws, not from adding the areas' limits. Each area's count noise is its own (`countNoise`,
 * default binomial thinning, from a stream keyed by the area's name). Percentile limits.
 *
 * Flags (Spiegelhalter 2005, "Funnel plots for comparing institutional performance"): the area's count O
 * over its period against the expected count E = target x V_i over that period, an indirectly standardised
 * ratio O / E that accounts for each area's age-sex structure, placed on one `funnelPlot` of type `'ratio'`
 * (target 1): exact Poisson limits at 95% and 99.8% with Spiegelhalter's interpolation, z = 2(sqrt(O) -
 * sqrt(E)), and phi and tau² always estimated (`overdispersion` adjusts the flags). The target (recorded
 * crimes a year per victim) is the areas' pooled value by default, reporting x recording (x incidents per
 * victim) when `recording` is given, or `options.target` (e.g. the national count over the national
 * synthetic victims). The flags treat E as known; police areas usually vary far more than Poisson noise
 * (phi well above 1), so read unadjusted flags as a screen.
 *
 * Local prevalence: with `prevalence: { byArea, age, sex? }` each area has a prevalence of its own (small area
 * estimates, such as a `fayHerriot` result from `darkfigure/models`, rows `{ area, estimate }` or a record of
 * area name to an uncertain probability) for its people of that age band (and sexes, default both): its
 * victims are that population x its prevalence, drawn as a Beta with the estimate's mean and standard error
 * from a stream of the area's own, and the rest follows as above. The areas' prevalences are drawn
 * independently (a Fay-Herriot model's shared coefficient uncertainty is not propagated; a note says so).
 *
 * Bad rows are `InputError`s naming the row and field: a missing or duplicated area name, a count that is
 * not a whole number, an area with no population in the strata, population rows that do not cover a stratum.
 *
 * @example
 * ```ts
 * import { localEstimates } from 'darkfigure';
 * // Two areas with bands matching the prevalence strata; the CSEW survey design below is ASSUMED.
 * const population = (women: number, men: number) => [
 *   { sex: 'female', age: '16-59', population: women },
 *   { sex: 'male', age: '16-59', population: men },
 * ];
 * const result = localEstimates({
 *   areas: [
 *     { name: 'Lincolnshire', population: population(205_000, 208_000), recorded: { count: 22, from: '2013-04-01', to: '2016-02-04' } },
 *     { name: 'Bedfordshire', population: population(198_000, 201_000), recorded: { count: 179, from: '2013-04-01', to: '2016-02-04' } },
 *   ],
 *   prevalence: [
 *     { sex: 'female', age: '16-59', estimate: 0.049, base: 11500, designFactor: 1.2 },
 *     { sex: 'male', age: '16-59', estimate: 0.024, base: 9800, designFactor: 1.2 },
 *   ],
 *   reporting: { estimate: 0.5, standardError: 0.03 },
 * });
 * result.areas[0].victims.value; // 15037: victims a year in Lincolnshire (synthetic)
 * result.areas[0].flag; // 'low-99.8': far fewer recorded than the two areas' pooled rate predicts
 *
 * // Each area's own prevalence of victims aged 16-59 (e.g. fayHerriot(...) from darkfigure/models; ASSUMED here):
 * const local = localEstimates({
 *   areas: [
 *     { name: 'Lincolnshire', population: population(205_000, 208_000), recorded: 40 },
 *     { name: 'Bedfordshire', population: population(198_000, 201_000), recorded: 300 },
 *   ],
 *   prevalence: { byArea: { Lincolnshire: { estimate: 0.031, standardError: 0.004 }, Bedfordshire: { estimate: 0.042, standardError: 0.005 } }, age: '16-59' },
 *   reporting: { estimate: 0.5, standardError: 0.03 },
 * });
 * local.areas[1].victims.value; // 16758: 399,000 people x 4.2%
 * ```
 */
export function localEstimates(input: LocalEstimatesInput, options?: LocalEstimatesOptions): LocalEstimates {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    fail('localEstimates', [], 'an object { areas, prevalence, reporting, recording?, incidentsPerVictim? }', input);
  }
  const { v, strata, designs, prevalence, populations, pointVictims, areaPrevalence, unusedAreas } = parseLocalInput(input, options);
  const o = v.options;
  const S = strata.length;
  const A = v.areas.length;

  // Point estimates.
  const ipv = v.incidentsPerVictim ?? ONE;
  const k = ipv.estimate;
  const a = v.reporting.estimate;
  const counts = new Float64Array(A);
  const factors = new Float64Array(A);
  let totalRecorded = 0;
  let totalRecordedVictims = 0;
  let totalVictims = 0;
  let totalPopulation = 0;
  for (let i = 0; i < A; i++) {
    const c = v.areas[i]!.recorded;
    counts[i] = c.count;
    factors[i] = c.factor;
    totalRecorded += c.annual;
    totalRecordedVictims += c.annual / k;
    totalVictims += pointVictims[i]!;
    for (let s = 0; s < S; s++) totalPopulation += populations[i * S + s]!;
  }
  let target: number;
  let targetSource: LocalEstimatesSummary['targetSource'];
  let targetCode: number;
  if (o.target !== undefined) {
    target = o.target;
    targetSource = 'given';
    targetCode = TARGET_GIVEN;
  } else if (v.recording !== undefined) {
    target = a * v.recording.estimate * k;
    targetSource = 'reporting x recording';
    targetCode = TARGET_CHAIN;
  } else {
    target = totalRecorded / totalVictims;
    targetSource = 'pooled';
    targetCode = TARGET_POOLED;
  }
  if (!(target > 0)) {
    // Only the pooled target can be 0: no area recorded anything.
    fail('localEstimates', ['areas'], 'at least one area with a recorded count above 0 (the pooled target would be 0)', 0, 'or pass options.target');
  }

  const O = LOCAL_OUTPUTS.length;
  const points = new Float64Array(A * O);
  for (let i = 0; i < A; i++) {
    const V = pointVictims[i]!;
    const R = v.areas[i]!.recorded.annual / k;
    points[i * O] = V;
    points[i * O + 1] = R / V;
    points[i * O + 2] = R / V / a;
    points[i * O + 3] = Math.max(0, V - R);
    points[i * O + 4] = V * target;
  }
  const summaryPoints = new Float64Array([
    totalVictims,
    totalRecordedVictims / totalVictims,
    totalRecordedVictims / totalVictims / a,
    Math.max(0, totalVictims - totalRecordedVictims),
  ]);

  // Expected counts over each count's own period (the funnel's E), checked before the simulation.
  const expectedCounts = v.areas.map((ar, i) => points[i * O + 4]! / ar.recorded.factor);
  const unplaceable: InputIssue[] = [];
  expectedCounts.forEach((e, i) => {
    if (!(e > 0 && e < Infinity && v.areas[i]!.recorded.count / e < Infinity)) {
      unplaceable.push({
        path: ['areas', i],
        expected: 'an area whose expected count (target x victims over the period) is finite and above 0, and whose count over it is a representable ratio',
        received: e,
        hint: `victims ${sixDigits(pointVictims[i]!)}, target ${sixDigits(target)}: the prevalence or the target is too extreme to compare this area`,
      });
    }
  });
  if (unplaceable.length > 0) throwIssues(unplaceable);

  const kind = areaPrevalence ? 'estimated' : 'synthetic';
  const noise = noiseModel(o.countNoise);
  const [sPrev, sRep, sRec, sIpv, sCount] = streamSeeds(o.seed, 5) as [number, number, number, number, number];
  const model: LocalModel = {
    prevalence,
    populations,
    counts,
    factors,
    areaSeeds: v.areas.map((ar) => areaSeed(sCount, ar.name)),
    reporting: v.reporting,
    recording: v.recording,
    incidentsPerVictim: ipv,
    noise: noise.code,
    target: targetCode,
    targetValue: target,
    ...(areaPrevalence ? { areaPrevalence, areaPrevalenceSeeds: v.areas.map((ar) => areaSeed(sPrev, ar.name)) } : {}),
  };
  const mc = localMonteCarlo(model, o.draws, { prevalence: sPrev, reporting: sRep, recording: sRec, incidentsPerVictim: sIpv }, o.level, points, summaryPoints);

  const make = (value: number, lo: number, hi: number, sd: number, notes: string[] = []): Interval => {
    const outside = outsideIntervalNote(value, lo, hi);
    const all = outside === undefined ? [...notes] : [...notes, outside];
    if (hi === Infinity) {
      all.push('some draws were infinite (a draw of 0 for a quantity divided by, such as a recorded share or a prevalence on an effective base near 1): the upper limit is unbounded');
    }
    return interval(value, lo, hi, o.level, 'monte-carlo', { ...(Number.isFinite(sd) ? { standardError: sd } : {}), notes: all });
  };
  // Flags: one funnel plot of every area's count against its expected count over the same period.
  const funnel = funnelPlot(
    v.areas.map((ar, i) => ({ area: ar.name, count: ar.recorded.count, expected: expectedCounts[i]! })),
    { type: 'ratio', target: 1, overdispersion: o.overdispersion },
  );
  const flags: Record<LocalFlag, number> = { 'high-99.8': 0, 'high-95': 0, within: 0, 'low-95': 0, 'low-99.8': 0 };
  const results: LocalEstimate[] = v.areas.map((ar, i) => {
    const at = (out: number) => i * O + out;
    const iv = (out: number, notes?: string[]) =>
      make(points[at(out)]!, mc.limits[2 * at(out)]!, mc.limits[2 * at(out) + 1]!, mc.sd[at(out)]!, notes);
    const c = ar.recorded;
    const recordedVictims = c.annual / k;
    const over = recordedVictims > pointVictims[i]!
      ? [`more recorded victims (${sixDigits(recordedVictims)} a year) than ${kind} victims (${sixDigits(pointVictims[i]!)}): ${areaPrevalence ? "the area's prevalence is too low" : 'the area differs from the national prevalence'}, or the count covers more than the survey measures`]
      : [];
    const placed = funnel.areas[i]!;
    const flag = placed.flag as LocalFlag;
    flags[flag]++;
    let population = 0;
    for (let s = 0; s < S; s++) population += populations[i * S + s]!;
    return {
      area: ar.name,
      ...(ar.code !== undefined ? { code: ar.code } : {}),
      population,
      recorded: c.annual,
      count: c.count,
      victims: iv(0),
      recordedShare: iv(1, over),
      recording: iv(2, mc.limits[2 * at(2) + 1]! > 1 ? [...over, 'the upper limit is above 1 (more reports recorded than made): the area records more than the national reporting and its ' + kind + ' victims allow'] : over),
      unrecorded: iv(3, over),
      expectedRecorded: iv(4),
      expectedCount: expectedCounts[i]!,
      ratio: placed.value,
      z: placed.z,
      flag,
    };
  });
  const sv = (out: number) => make(summaryPoints[out]!, mc.summaryLimits[2 * out]!, mc.summaryLimits[2 * out + 1]!, mc.summarySd[out]!);
  const summary: LocalEstimatesSummary = {
    areas: A,
    population: totalPopulation,
    recorded: totalRecorded,
    victims: sv(0),
    recordedShare: sv(1),
    recording: sv(2),
    unrecorded: sv(3),
    target,
    targetSource,
    flags,
  };

  const inputs = listText([...(areaPrevalence ? [] : ['the national prevalence']), 'reporting', ...(v.recording ? ['recording'] : []), ...(v.incidentsPerVictim ? ['incidents per victim'] : [])]);
  const sharedNote = `${inputs} ${areaPrevalence ? 'is' : 'are'} shared by every area (one set of draws), so the areas' estimates are positively correlated: compare areas through their counts and expected counts, and take totals from the summary, not by adding intervals`;
  const notes = areaPrevalence
    ? [
        `each area's own prevalence (small area estimates) for the people of ${listText(strata.map((s) => s.sex))} aged ${strata[0]!.band.label}: victims are that population x the area's prevalence`,
        `Monte Carlo: ${o.draws} draws, seed ${o.seed}, percentile limits; each area's prevalence drawn from a Beta with its estimate as mean and its standard error as SD (an Interval's standard error is read from its width), from a stream of its own`,
        "the areas' prevalences are drawn independently: the small errors they share (a Fay-Herriot model's estimated coefficients) are not propagated, so the summary interval is a little narrow",
        ...[...new Set(areaPrevalence.flatMap((d) => d.notes))].map((n) => `prevalence: ${n}`),
        ...(unusedAreas > 0 ? [`prevalence.byArea has ${unusedAreas} area${unusedAreas === 1 ? '' : 's'} not in this call (ignored)`] : []),
        sharedNote,
      ]
    : [
        `synthetic estimation: each area is assumed to have the national prevalence of each of the ${S} sex and age strata (${strata.map((s) => `${s.sex} ${s.band.label}`).join(', ')})`,
        `Monte Carlo: ${o.draws} draws, seed ${o.seed}, percentile limits; stratum prevalences drawn from Beta distributions with the survey estimates as means and their standard errors as SDs`,
        sharedNote,
      ];
  notes.push(
    `${noise.note}; each area's count noise is its own`,
    `reporting: ${v.reporting.description}`,
    ...v.reporting.notes.map((n) => `reporting: ${n}`),
    ...(v.recording ? [`recording: ${v.recording.description}`, ...v.recording.notes.map((n) => `recording: ${n}`)] : []),
    ...(v.incidentsPerVictim ? [`incidents per victim: ${ipv.description}`] : []),
    ...[...new Set(designs.flatMap((d) => d.notes))].map((n) => `prevalence: ${n}`),
    targetSource === 'pooled'
      ? `flags: each count against the areas' pooled rate, ${sixDigits(target)} recorded crimes a year per victim, times the area's ${kind} victims (an indirectly standardised ratio on a funnel plot, Spiegelhalter 2005)`
      : targetSource === 'given'
        ? `flags: each count against the given target, ${sixDigits(target)} recorded crimes a year per victim, times the area's ${kind} victims (an indirectly standardised ratio on a funnel plot, Spiegelhalter 2005)`
        : `flags: each count against the national chain, reporting x recording${v.incidentsPerVictim ? ' x incidents per victim' : ''} = ${sixDigits(target)} recorded crimes a year per victim, times the area's ${kind} victims (an indirectly standardised ratio on a funnel plot, Spiegelhalter 2005); expected counts carry the national inputs' uncertainty, the flags use their point values`,
  );
  notes.push(
    o.overdispersion === 'none'
      ? `flags without an overdispersion adjustment: exact Poisson limits; phi = ${sixDigits(funnel.phi)} (about 1 if the areas differed by chance alone)`
      : `flags adjusted for overdispersion ('${o.overdispersion}'): phi = ${sixDigits(funnel.phi)}, tau² = ${sixDigits(funnel.tau2)} on the square-root ratio scale`,
    ...(funnel.notes ?? []).map((n) => `flags: ${n}`),
  );
  const periods = v.areas.flatMap((ar) => (ar.recorded.period?.from !== undefined ? [ar.recorded.period] : []));
  if (v.populationYear !== undefined) {
    const mid = dayNumber(`${v.populationYear}-06-30`)!;
    const elsewhere = periods.filter((p) => !(p.firstDay! <= mid && mid <= p.lastDay!));
    if (elsewhere.length > 0) {
      const texts = [...new Set(elsewhere.map((p) => `${p.from} to ${p.to}`))];
      notes.push(
        `populations are mid-${v.populationYear} estimates but ${elsewhere.length === v.areas.length ? 'the' : `${elsewhere.length} of the`} recorded counts cover ${texts.slice(0, 3).join('; ')}${texts.length > 3 ? '; ...' : ''}: the estimates assume the populations did not change in between`,
      );
    }
  }
  if (v.areas.some((ar) => ar.recorded.period !== undefined)) notes.push('counts over a period are annualised to 365.25 days for victims a year; the flags use the count over its own period');
  return { areas: results, summary, funnel, notes };
}
