import * as z from 'zod/mini';
import { atLeastOne } from '../core/atLeastOne';
import { fail } from '../core/InputError';
import { ageBand, count, options, positive } from '../core/schemas';
import { HINT, validate } from '../core/validate';
import { matchPopulationBands } from '../core/populationBands';
import { bandPopulation } from './schemas';

/** A reference rate for one age band: events and population, or a rate per `per` people. */
export type ReferenceRateRow =
  | {
      /** Age band (`'16-19'`, `'90+'`) or single year, matched to the population's bands by label. */
      readonly age: string | number;
      /** Events in the reference population's band, >= 0. */
      readonly count: number;
      /** Reference population of the band, > 0. */
      readonly population: number;
      readonly rate?: undefined;
    }
  | {
      readonly age: string | number;
      /** Rate per `options.per` people (`per` is then required), >= 0. */
      readonly rate: number;
      readonly count?: undefined;
      readonly population?: undefined;
    };

/** Options of {@link expectedCount}. */
export interface ExpectedCountOptions {
  /** The multiplier of `rate` rows (100000 for rates per 100,000; 1 per person). Required with `rate` rows. */
  per?: number;
}

const FORMS = 'a row { age, count, population } or { age, rate }';

const schema = /* @__PURE__ */ (() => z.pipe(z
  .object({
    population: z
      .array(z.object({ age: ageBand, population: count }), { error: 'an array of rows { age, population }' })
      .check(atLeastOne('at least one row { age, population }')),
    referenceRates: z
      .array(
        z.object({
          age: ageBand,
          count: z.optional(count),
          population: z.optional(bandPopulation),
          rate: z.optional(count),
        }),
        { error: `an array of rows: ${FORMS}` },
      )
      .check(atLeastOne(`at least one row: ${FORMS}`)),
    options: options({ per: z.optional(positive) }),
  }), z.transform((input, ctx) => {
    let bad = false;
    const push = (path: (string | number)[], message: string, value: unknown) => {
      bad = true;
      ctx.issues.push({ code: 'custom', path, message, input: value });
    };
    const { population, referenceRates } = input;
    const per = input.options.per;
    const rates = new Float64Array(referenceRates.length);
    let perMissing = false;
    referenceRates.forEach((row, j) => {
      const hasRate = row.rate !== undefined;
      const hasCounts = row.count !== undefined || row.population !== undefined;
      if (hasRate && hasCounts) {
        push(['referenceRates', j], `${FORMS}, not both`, row);
      } else if (hasRate) {
        if (per !== undefined) rates[j] = row.rate! / per;
        else if (!perMissing) {
          perMissing = true;
          push(['options', 'per'], 'the multiplier of the reference rates (100000 for rates per 100,000; 1 for rates per person)', undefined);
        }
      } else if (row.count === undefined) {
        push(['referenceRates', j, 'count'], 'a finite number >= 0 (or give rate)', undefined);
      } else if (row.population === undefined) {
        push(['referenceRates', j, 'population'], 'a finite number > 0 (or give rate)', undefined);
      } else {
        rates[j] = row.count / row.population;
      }
    });
    rates.forEach((rate, j) => {
      if (rate <= Number.MAX_VALUE) return;
      const row = referenceRates[j]!;
      if (row.rate !== undefined) push(['referenceRates', j, 'rate'], `a rate whose rate / per is a finite number (${row.rate} / ${per} overflows to Infinity)`, row.rate);
      else push(['referenceRates', j, 'population'], `a population for which count / population is a finite rate (${row.count} / ${row.population} overflows to Infinity)`, row.population);
    });
    const targets = referenceRates.map((row, j) => ({ group: '', band: row.age, path: ['referenceRates', j] }));
    const bandRows = population.map((row, i) => ({ group: '', band: row.age, path: ['population', i]}));
    const { rowsByTarget, issues } = matchPopulationBands(targets, bandRows, { rowsName: 'population rows' });
    for (const issue of issues)
      push(issue.path, issue.hint === undefined ? issue.expected : `${issue.expected}${HINT}${issue.hint}`, issue.received);
    if (bad) return z.NEVER;
    return { population, rowsByTarget, rates };
  })))();

/**
 * Expected events in a population if it had the reference age-specific rates: the sum over its age
 * bands of population x reference rate (the denominator of an indirectly standardised ratio, see
 * `standardisedRatio`). Reference rates are rows `{ age, count, population }` (events and
 * population of the reference, e.g. England) or `{ age, rate }` with `options.per`. The reference
 * rates set the age range: population rows (whole bands or single years, summed into each band) must
 * cover every reference band exactly once; population rows outside the reference's ages are left out.
 * A band with no population adds nothing. A reference rate or an expected count beyond the largest double
 * is an InputError (never Infinity or NaN).
 *
 * Reference: Breslow NE, Day NE (1987), Statistical methods in cancer research II, chapter 2.
 *
 * @example
 * ```ts
 * import { expectedCount, standardisedRatio } from 'darkfigure';
 * const population = [
 *   { age: '16-24', population: 12000 },
 *   { age: '25-59', population: 41000 },
 * ];
 * const national = [
 *   { age: '16-24', count: 900, population: 6_000_000 },
 *   { age: '25-59', count: 2100, population: 28_000_000 },
 * ];
 * const expected = expectedCount(population, national); // 4.875
 * standardisedRatio(3, expected); // value 0.615, method 'exact'
 * expectedCount(population, [{ age: '16-24', rate: 15 }, { age: '25-59', rate: 7.5 }], { per: 100000 }); // 4.875
 * ```
 */
export function expectedCount(
  population: readonly { readonly age: string | number; readonly population: number }[],
  referenceRates: readonly ReferenceRateRow[],
  options?: ExpectedCountOptions,
): number {
  const input = validate('expectedCount', schema, { population, referenceRates, options });
  let expected = 0;
  for (let j = 0; j < input.rates.length; j++) {
    let sum = 0;
    for (const i of input.rowsByTarget[j]!) sum += input.population[i]!.population;
    expected += sum * input.rates[j]!;
  }
  if (!(expected <= Number.MAX_VALUE)) {
    fail('expectedCount', ['population'], 'populations whose expected count, the sum of population x reference rate, is a finite number', population, 'the expected count overflows to Infinity; give populations in thousands and rates per thousand, say');
  }
  return expected;
}
