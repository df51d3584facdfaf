import * as z from 'zod/mini';
import { atLeastOne } from '../core/atLeastOne';
import { fail } from '../core/InputError';
import { interval, type Interval } from '../core/interval';
import { ageBand, count, level, options, per } from '../core/schemas';
import { HINT, validate } from '../core/validate';
import type { AgeBand } from '../core/ageBand';
import { matchPopulationBands } from '../core/populationBands';
import { refuseReservedKey } from '../core/refuseReservedKey';
import { highWord, powerOfTwo } from '../special/elementary/bits';
import { byarLimits } from '../intervals/kernels/byarLimits';
import { esp2013 } from '../data/esp2013';
import { dobsonLimits } from './dobsonLimits';
import { bandPopulation, personsByEvents, standardRows } from './schemas';

/** One age band of the area being standardised. */
export type StandardisedRateRow =
  | {
      /** Age band (`'16-19'`, `'90+'`) or single year, inside one band of the standard. */
      readonly age: string | number;
      /** Events (e.g. offences) in the band, >= 0. */
      readonly count: number;
      /** Population of the band, > 0. */
      readonly population: number;
      readonly personsByEvents?: undefined;
    }
  | {
      readonly age: string | number;
      /**
       * Persons by their number of events, for repeat events (one victim stalked several times):
       * `{ 1: 75, 2: 16, 3: 4 }` is 75 persons with one event, 16 with two and 4 with three.
       */
      readonly personsByEvents: Readonly<Record<number | string, number>>;
      /** Optional; if given it must equal the events in `personsByEvents`. */
      readonly count?: number;
      readonly population: number;
    };

/** Options of {@link standardisedRate}. */
export interface StandardisedRateOptions {
  /** Standard population rows `{ age, population }` (population >= 0); default `esp2013`. It sets the age range. */
  standard?: readonly { readonly age: string | number; readonly population: number }[];
  /** Rate multiplier, default 100000 (rate per 100,000). */
  per?: number;
  /** Confidence level in (0, 1), default 0.95. */
  level?: number;
}

/** A directly standardised rate: an {@link Interval} plus the totals it rests on. */
export interface StandardisedRate extends Interval {
  /** Total events over all bands (with repeat events, the sum of every person's events). */
  events: number;
  /** Total population over all bands. */
  population: number;
}

const rowSchema = /* @__PURE__ */ (() => z.object(
  {
    age: ageBand,
    population: bandPopulation,
    count: z.optional(count),
    personsByEvents: z.optional(personsByEvents),
  },
  { error: 'a row { age, count, population }' },
))();

const overlaps = (a: AgeBand, b: AgeBand) => a.min <= b.max && b.min <= a.max;

const schema = /* @__PURE__ */ (() => z.pipe(z
  .object({
    rows: z
      .array(rowSchema, { error: 'an array of rows { age, count, population }' })
      .check(atLeastOne('at least one row { age, count, population }')),
    options: options({
      standard: z.prefault(standardRows, esp2013 as { age: string; population: number }[]),
      per,
      level,
    }),
  }), z.transform((input, ctx) => {
    const { rows } = input;
    const { standard } = input.options;
    let bad = false;
    const push = (path: (string | number)[], message: string, value: unknown) => {
      bad = true;
      ctx.issues.push({ code: 'custom', path, message, input: value });
    };

    const repeat = rows.some((row) => row.personsByEvents !== undefined);
    let overflow = false; // a row whose own events overflow (reported there, not again in the totals)
    const events = new Float64Array(rows.length);
    const squares = new Float64Array(rows.length);
    rows.forEach((row, i) => {
      if (row.personsByEvents !== undefined) {
        let e = 0;
        let q = 0;
        for (const [key, persons] of Object.entries(row.personsByEvents)) {
          const f = Number(key);
          e += f * persons;
          q += f * f * persons;
        }
        if (!Number.isFinite(q)) {
          overflow = true;
          push(
            ['rows', i, 'personsByEvents'],
            'persons by number of events whose events (and squared events, for the variance) add up to a finite number',
            row.personsByEvents,
          );
        } else if (row.count !== undefined && !(Math.abs(row.count - e) <= 1e-9 * Math.max(1, e)))
          push(['rows', i, 'count'], `the number of events in personsByEvents (${e}), or no count`, row.count);
        events[i] = e;
        squares[i] = q;
      } else if (row.count === undefined) {
        push(['rows', i, 'count'], 'a finite number >= 0 (or personsByEvents)', undefined);
      } else if (repeat && row.count > 0) {
        push(
          ['rows', i, 'personsByEvents'],
          `persons by number of events, as in the other rows${HINT}give personsByEvents for every band with events, or for none`,
          undefined,
        );
      } else {
        events[i] = row.count;
        squares[i] = row.count; // independent events: every event is its own person
      }
    });

    const targets = standard.map((band, j) => ({ group: '', band: band.age, path: ['options', 'standard', j] }));
    const bandRows = rows.map((row, i) => ({ group: '', band: row.age, path: ['rows', i]}));
    const { rowsByTarget, issues } = matchPopulationBands(targets, bandRows, { rowsName: 'rows' });
    for (const issue of issues)
      push(issue.path, issue.hint === undefined ? issue.expected : `${issue.expected}${HINT}${issue.hint}`, issue.received);
    const used = new Uint8Array(rows.length);
    for (const list of rowsByTarget) for (const i of list) used[i] = 1;
    rows.forEach((row, i) => {
      if (used[i] === 1 || standard.some((band) => overlaps(band.age, row.age))) return;
      push(
        ['rows', i, 'age'],
        `an age band inside the standard's ages (${standard.map((band) => band.age.label).join(', ')})${HINT}leave rows outside the standard out, or pass a standard that covers them`,
        row.age.label,
      );
    });

    // Totals that overflow would give Infinity - Infinity (NaN) or rates of 0: refuse them, at the
    // row where the running total leaves the doubles.
    let allEvents = 0;
    let allSquares = 0;
    let allPopulation = 0;
    let eventsOverflow = overflow;
    let populationOverflow = false;
    rows.forEach((row, i) => {
      allEvents += events[i]!;
      allSquares += squares[i]!;
      allPopulation += row.population;
      const field = row.personsByEvents === undefined ? 'count' : 'personsByEvents';
      if (!eventsOverflow && !Number.isFinite(allEvents)) {
        eventsOverflow = true;
        push(
          ['rows', i, field],
          field === 'count'
            ? 'a count small enough that the counts of all rows add up to a finite number'
            : 'persons by number of events small enough that the events of all rows add up to a finite number',
          row[field],
        );
      } else if (!eventsOverflow && !Number.isFinite(allSquares)) {
        eventsOverflow = true;
        push(
          ['rows', i, field],
          `${field === 'count' ? 'a count' : 'persons by number of events'} small enough that the squared events per person of all rows add up to a finite number (for the variance)`,
          row[field],
        );
      }
      if (!populationOverflow && !Number.isFinite(allPopulation)) {
        populationOverflow = true;
        push(['rows', i, 'population'], 'a population small enough that the populations of all rows add up to a finite number', row.population);
      }
    });

    // The standard's populations scaled by a power of two near the largest, so their sum cannot
    // overflow (the weights are exactly those of the unscaled sum wherever that is finite and no band
    // is 2^1022 times smaller than the largest).
    let largest = 0;
    for (const band of standard) if (band.population > largest) largest = band.population;
    if (!(largest > 0)) push(['options', 'standard'], 'a standard with population > 0 in some band', standard);
    if (bad) return z.NEVER;
    const shift = -exponentOf(largest);
    const scaledStandard = standard.map((band) => scaleBy(band.population, shift));
    let totalStandard = 0;
    for (const x of scaledStandard) totalStandard += x;

    // Sum rows into the standard's bands (rows may be single years or finer bands).
    const n = standard.length;
    const bandEvents = new Float64Array(n);
    const bandSquares = new Float64Array(n);
    const populations = new Float64Array(n);
    const weights = new Float64Array(n);
    rowsByTarget.forEach((list, j) => {
      weights[j] = scaledStandard[j]! / totalStandard;
      let e = 0;
      let q = 0;
      let p = 0;
      for (const i of list) {
        e += events[i]!;
        q += squares[i]!;
        p += rows[i]!.population;
      }
      bandEvents[j] = e;
      bandSquares[j] = q;
      populations[j] = p;
    });
    return { events: bandEvents, squares: bandSquares, weights, populations, repeat, per: input.options.per, level: input.options.level };
  })))();

/**
 * Directly standardised rate (DSR) of one area: the age-specific rates weighted by a standard
 * population (default the 2013 European Standard Population, `esp2013`), per `per` people, with
 * Dobson et al. (1991) confidence limits built from Byar's limits of the total count (PHE variant),
 * exactly as PHE Fingertips and R's PHEindicatormethods `calculate_dsr` compute them.
 *
 * Rows are matched to the standard's bands by age, not position: a row is a whole band (`'05-09'`
 * matches `'5-9'`) or part of one (single years are summed into their band). Every age of the
 * standard must be covered exactly once, a row outside the standard's ages or straddling two of its
 * bands is an `InputError`, and every population must be > 0. For repeat events per person
 * (stalking is repeat victimisation by definition) give `personsByEvents` instead of `count`: the
 * rate counts every event, and the limits widen as in PHE's non-independent events method (the
 * variance sums `weight^2 x events^2` over persons). PHE withholds a DSR below 10 events in total;
 * it is returned here with a note. With no events the upper limit takes the band of largest weight.
 * Weights and the variance are summed in scaled form, so populations of 1e300 (or 1e-300) give the
 * limits of ordinary ones, scaled; counts, squared events or populations whose total overflows are
 * an `InputError`, and so is a rate that `per` takes out of the range of doubles.
 * For several areas, group the rows by area and call it once per area.
 *
 * References: Dobson AJ, Kuulasmaa K, Eberle E, Scherer J (1991), Statistics in Medicine 10:457-462;
 * Breslow NE, Day NE (1987), Statistical methods in cancer research II (Byar's method);
 * Office for Health Improvement and Disparities, PHEindicatormethods (calculate_dsr).
 *
 * @example
 * ```ts
 * import { standardisedRate } from 'darkfigure';
 * // Stalking offences by victim's age in one area, standardised to ESP2013 weights for ages 15-59.
 * const standard = [
 *   { age: '15-24', population: 11500 },
 *   { age: '25-34', population: 12500 },
 *   { age: '35-44', population: 14000 },
 *   { age: '45-59', population: 20500 },
 * ];
 * const rows = [
 *   { age: '15-24', count: 41, population: 9800 },
 *   { age: '25-34', count: 35, population: 11200 },
 *   { age: '35-44', count: 22, population: 10400 },
 *   { age: '45-59', count: 14, population: 15600 },
 * ];
 * const dsr = standardisedRate(rows, { standard });
 * // dsr.value 231.1 per 100,000, dsr.lower 190.2, dsr.upper 278.2, dsr.method 'dobson'
 *
 * // The same events from fewer victims, some stalked repeatedly: same rate, wider interval.
 * const repeat = standardisedRate(
 *   [
 *     { age: '15-24', personsByEvents: { 1: 25, 2: 5, 3: 2 }, population: 9800 },
 *     { age: '25-34', personsByEvents: { 1: 20, 2: 6, 3: 1 }, population: 11200 },
 *     { age: '35-44', personsByEvents: { 1: 14, 2: 4 }, population: 10400 },
 *     { age: '45-59', personsByEvents: { 1: 10, 2: 2 }, population: 15600 },
 *   ],
 *   { standard },
 * );
 * // repeat.value 231.1, repeat.lower 181.8, repeat.upper 287.8 (and a note)
 * ```
 */
export function standardisedRate(
  rows: readonly StandardisedRateRow[],
  options?: StandardisedRateOptions,
): StandardisedRate {
  if (Array.isArray(rows))
    for (let i = 0; i < rows.length; i++) {
      const row: unknown = rows[i];
      if (typeof row === 'object' && row !== null)
        refuseReservedKey('standardisedRate', ['rows', i, 'personsByEvents'], (row as { personsByEvents?: unknown }).personsByEvents);
    }
  const input = validate('standardisedRate', schema, { rows, options });
  const { events, squares, weights, populations, repeat, per: multiplier, level: conf } = input;
  const n = events.length;

  // Each band's weight per person, weight / population, as mantissa x 2^exponent (mantissa in
  // [1, 2)): it may be far outside the range of doubles (populations of 1e300, or of 1e-300), and its
  // square, in the variance, even more so.
  const mantissas = new Float64Array(n);
  const exponents = new Float64Array(n);
  let total = 0;
  let population = 0;
  let weighted = 0; // events in bands of positive weight
  let top = -Infinity; // largest exponent of a band of positive weight with events
  for (let j = 0; j < n; j++) {
    total += events[j]!;
    population += populations[j]!;
    if (!(weights[j]! > 0)) continue;
    const ew = exponentOf(weights[j]!);
    const ep = exponentOf(populations[j]!);
    // the quotient of the mantissas is that of the numbers, rounded once, scaled by 2^(ew - ep)
    let m = scaleBy(weights[j]!, -ew) / scaleBy(populations[j]!, -ep);
    let e = ew - ep;
    if (m < 1) {
      m *= 2;
      e -= 1;
    }
    mantissas[j] = m;
    exponents[j] = e;
    if (events[j]! > 0) {
      weighted += events[j]!;
      if (e > top) top = e;
    }
  }

  // x 2^k x per, with a single rounding of x x per (so, at ordinary sizes, exactly (x 2^k) x per).
  const [perMantissa, perExponent] = split(multiplier);
  const output = (x: number, k: number): number => {
    if (x === 0) return 0;
    const [m, e] = split(x);
    return scaleBy(m * perMantissa, e + perExponent + k);
  };

  const notes: string[] = [];
  let value: number;
  let lower: number;
  let upper: number;
  let standardError: number;
  if (weighted === 0) {
    // No events where the standard has weight: the upper limit as if a first event fell in the band
    // of largest weight per person (Dobson's formula is 0/0 here).
    let best = -1;
    for (let j = 0; j < n; j++) {
      if (!(weights[j]! > 0)) continue;
      if (best < 0 || exponents[j]! > exponents[best]! || (exponents[j] === exponents[best] && mantissas[j]! > mantissas[best]!)) best = j;
    }
    value = 0;
    lower = 0;
    upper = output(mantissas[best]! * byarLimits(0, conf)[1], exponents[best]!);
    standardError = 0;
    notes.push(
      `no events${total > 0 ? ' in the bands the standard weights' : ''}: the upper limit assumes a first event in the band of largest weight (Dobson's formula is undefined there)`,
    );
  } else {
    // Weights scaled by 2^-k, k one above the largest exponent among bands with events: each scaled
    // weight is below 1 and the largest at least 1/2, so the sums neither overflow nor underflow, and
    // the limits (linear in the weights) are scaled back exactly.
    const k = top + 1;
    let sum = 0;
    let sumSquares = 0;
    for (let j = 0; j < n; j++) {
      if (!(weights[j]! > 0) || !(events[j]! > 0)) continue;
      const w = scaleBy(mantissas[j]!, exponents[j]! - k);
      sum += w * events[j]!;
      sumSquares += w * w * squares[j]!;
    }
    const [low, high] = dobsonLimits(total, sum, sumSquares, conf);
    value = output(sum, k);
    if (value === Infinity || value === 0) {
      fail(
        'standardisedRate',
        ['per'],
        `a per that makes the rate a representable number (the rate x per ${value === 0 ? 'underflows to 0' : 'overflows to Infinity'})`,
        multiplier,
        `give the rate per ${value === 0 ? 'more' : 'fewer'} people`,
      );
    }
    upper = output(high, k);
    standardError = output(Math.sqrt(sumSquares), k);
    if (total < 10)
      notes.push(`fewer than 10 events in total (${total}): unreliable; PHE does not publish a standardised rate below 10 events`);
    if (low < 0) {
      lower = 0;
      notes.push("Dobson's lower limit fell below 0 (very uneven band weights) and was set to 0");
    } else {
      lower = output(low, k);
      if (low > 0 && lower === 0) notes.push('the lower limit is below the smallest representable number: 0');
    }
  }
  if (upper === Infinity) notes.push('the upper limit is beyond the largest representable number: Infinity');
  if (repeat) notes.push("limits allow for repeat events per person (PHE's non-independent events method)");

  return {
    ...interval(value, lower, upper, conf, 'dobson', { standardError, notes }),
    events: total,
    population,
  };
}

const TWO_64 = /* @__PURE__ */ /* @__PURE__ */ /* @__PURE__ */ (() => (() => powerOfTwo(64))())();

/** The binary exponent e of a finite x > 0 (x = m 2^e with m in [1, 2)), subnormals included. */
function exponentOf(x: number): number {
  const biased = (highWord(x) >>> 20) & 0x7ff;
  return biased === 0 ? exponentOf(x * TWO_64) - 64 : biased - 1023;
}

/** [m, e] with x = m 2^e, m in [1, 2), for a finite x > 0. */
function split(x: number): [number, number] {
  const e = exponentOf(x);
  return [scaleBy(x, -e), e];
}

/** y 2^k for any whole k: exact unless the result is subnormal; Infinity or 0 beyond the range of doubles. */
function scaleBy(y: number, k: number): number {
  let x = y;
  let rest = k;
  while (rest > 1023 && Number.isFinite(x)) {
    x *= powerOfTwo(1023);
    rest -= 1023;
  }
  while (rest < -1022 && x !== 0) {
    x *= powerOfTwo(-1022);
    rest += 1022;
  }
  return rest > 1023 || rest < -1022 ? x : x * powerOfTwo(rest);
}
