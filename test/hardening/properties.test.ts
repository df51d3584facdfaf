/**
 * A property-based fuzz of every public function of darkfigure (src/index.ts), with valid, extreme and
 * adversarial inputs (issue 13). For every call:
 *
 * - it returns, or throws an `InputError` whose issues each name a field (a path) and a rule;
 * - no NaN anywhere in the result (walked recursively, typed arrays and text included);
 * - every interval has lower <= upper, and an infinite value or limit has a note saying so; p-values lie in [0, 1];
 * - the inputs are not mutated (compared with a structured clone taken before the call);
 * - limits nest across levels (the 0.8 interval inside the 0.95 one), for every function with a level;
 * - Monte Carlo functions give identical results for identical inputs and seed.
 *
 * Every property runs from a fixed seed, with a modest number of runs and small Monte Carlo `draws`. The
 * arbitraries, checks and runner are shared with the fuzz of darkfigure/models and darkfigure/charts
 * (modelProperties.test.ts): see fuzz.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as darkfigure from '../../src/index';
import {
  changeOverTime,
  expectedCount,
  expectedVictims,
  formatInterval,
  funnelLimits,
  isInputError,
  toRows,
  funnelPlot,
  hiddenIncidence,
  impliedRecording,
  localEstimates,
  multinomialCI,
  perDay,
  poissonCI,
  proportionCI,
  rateCI,
  rateRatioCI,
  relationshipShares,
  splitByShares,
  standardisedRate,
  standardisedRatio,
  surveyProportion,
} from '../../src/index';
import { AGES, anyFn, exportedFunctions, fuzzSpecs, lastOptions, nested, opt, SEXES, type Arbs, type Spec } from './fuzz';

// ---------------------------------------------------------------------------------------------------
// The functions, each with arguments drawn from `Arbs` and the position of its level.
// ---------------------------------------------------------------------------------------------------

/** Options of the hidden-incidence models (hiddenIncidence, impliedRecording), few draws. */
const modelOptionsArb = (a: Arbs) =>
  fc.record({
    level: a.level,
    method: opt(fc.constantFrom('monte-carlo', 'delta')),
    draws: fc.constant(200),
    seed: opt(fc.integer()),
    countNoise: opt(fc.constantFrom('binomial', 'poisson', 'none')),
    keepDraws: opt(fc.boolean()),
  });

/** Funnel limits are rows by precision, one level each: the 0.8 row inside the 0.95 row of the same precision. */
function funnelNest(narrow: unknown, wide: unknown): void {
  const rowsOf = (r: unknown) => ((Array.isArray(r) ? r : (r as { limits: unknown[] }).limits) as { precision: number; lower: number; upper: number }[]);
  const w = rowsOf(wide);
  rowsOf(narrow).forEach((row, i) => {
    expect(w[i]!.precision).toBe(row.precision);
    nested(`limits[${i}]`, row, w[i]!);
  });
}

/**
 * localEstimates' `prevalence: { byArea, age, sex? }`: each area's own prevalence (areas are named 'area 0',
 * 'area 1', ...), as a record of area to uncertain probability, rows { area, estimate }, or a fayHerriot-like
 * { areas: [{ area, estimate }] } whose estimates are Intervals; sometimes an area missing, one the call does
 * not have, a name twice, a number for a name, or junk.
 */
const localPrevalenceArb = (a: Arbs) => {
  const share = fc.double({ min: 1e-4, max: 0.5, noNaN: true });
  const estimate = fc.oneof(
    { weight: 1, arbitrary: a.uncertainProbability },
    { weight: 2, arbitrary: share },
    { weight: 2, arbitrary: fc.record({ estimate: share, base: fc.integer({ min: 50, max: 5000 }), designFactor: opt(fc.double({ min: 1, max: 2, noNaN: true })) }) },
    { weight: 2, arbitrary: fc.record({ successes: fc.integer({ min: 1, max: 200 }), trials: fc.integer({ min: 200, max: 2000 }) }) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.double({ min: 1e-4, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.05, noNaN: true }), fc.constantFrom(0.8, 0.95))
        .map(([value, spread, level]) => ({ value, lower: Math.max(0, value - spread), upper: Math.min(1, value + spread), level, method: 'fay-herriot', standardError: Math.min(spread / 2, Math.sqrt(value * (1 - value)) / 2), notes: [] })),
    },
  );
  const names = fc.oneof(
    { weight: 6, arbitrary: fc.constant(['area 0', 'area 1', 'area 2']) },
    { weight: a.junk ? 1 : 0, arbitrary: fc.constantFrom(['area 0', 'area 0', 'area 1'], ['area 0', ' area 1 ', 'area 2'], ['area 1', 'area 2'], ['area 0', 'area 1', 'area 2', 'area 9'], [0, 1, 2], []) },
  );
  const rows = fc.tuple(names, fc.array(estimate, { minLength: 4, maxLength: 4 })).map(([ns, es]) => (ns as readonly unknown[]).map((area, i) => ({ area, estimate: es[i] })));
  const byArea = fc.oneof(
    rows.map((r) => Object.fromEntries(r.map(({ area, estimate }) => [String(area), estimate]))),
    rows,
    rows.map((r) => ({ areas: r })),
    ...(a.junk ? [fc.constantFrom(null, 'area 0', 0.1, [], {})] : []),
  );
  return fc.record(
    {
      byArea,
      age: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('16-59', '16-24') }, { weight: a.junk ? 1 : 0, arbitrary: fc.constantFrom('16-99', 'adults', 200, null) }),
      sex: opt(fc.oneof({ weight: 6, arbitrary: fc.constantFrom<unknown>('female', 'male', ['female', 'male'], ['female']) }, { weight: a.junk ? 1 : 0, arbitrary: fc.constantFrom<unknown>([], 3, ['female', 'female']) })),
    },
    { requiredKeys: ['byArea', 'age'] },
  );
};

/** Mostly `likely` (weight 5), sometimes anything `a` draws (1). */
const plausible = (likely: fc.Arbitrary<unknown>, any: fc.Arbitrary<unknown>) => fc.oneof({ weight: 5, arbitrary: likely }, { weight: 1, arbitrary: any });
/** An area's population by sex and age band. */
const populationArb = fc
  .array(fc.integer({ min: 500, max: 200_000 }), { minLength: 8, maxLength: 8 })
  .map((sizes) => SEXES.flatMap((sex, i) => AGES.map((age, j) => ({ sex, age, population: sizes[i * 4 + j] }))));
/** National prevalence of the 16-59s by sex, from a survey. */
const nationalArb = fc
  .array(fc.record({ estimate: fc.double({ min: 0.005, max: 0.1, noNaN: true }), base: fc.integer({ min: 500, max: 20_000 }) }), { minLength: 2, maxLength: 2 })
  .map((designs) => SEXES.map((sex, i) => ({ sex, age: '16-59', ...designs[i]! })));

const SPECS: Spec[] = [
  {
    name: 'proportionCI',
    args: (a) =>
      fc.tuple(a.count, a.positive, fc.record({ level: a.level, method: opt(fc.constantFrom('wilson', 'clopper-pearson', 'jeffreys', 'agresti-coull', 'wald', 'logit')) })),
    call: anyFn(proportionCI),
    atLevel: lastOptions,
  },
  {
    name: 'poissonCI',
    args: (a) => fc.tuple(a.count, fc.record({ level: a.level, method: opt(fc.constantFrom('exact', 'byar', 'normal')) })),
    call: anyFn(poissonCI),
    atLevel: lastOptions,
  },
  {
    name: 'rateCI',
    args: (a) => fc.tuple(a.count, a.positive, fc.record({ level: a.level, per: opt(a.positive), method: opt(fc.constantFrom('auto', 'exact', 'byar')) })),
    call: anyFn(rateCI),
    atLevel: lastOptions,
  },
  {
    name: 'rateRatioCI',
    args: (a) =>
      fc.tuple(
        fc.record({ count: a.count, population: a.positive }),
        fc.record({ count: a.count, population: a.positive }),
        fc.record({ level: a.level, method: opt(fc.constantFrom('exact', 'normal')) }),
      ),
    call: anyFn(rateRatioCI),
    atLevel: lastOptions,
  },
  {
    name: 'multinomialCI',
    args: (a) =>
      fc.tuple(
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'other'), a.whole, { minKeys: 1, maxKeys: 4 }),
        fc.record({ level: a.level, method: opt(fc.constantFrom('sison-glaz', 'goodman', 'quesenberry-hurst', 'wilson')) }),
      ),
    call: anyFn(multinomialCI),
    atLevel: lastOptions,
    numRuns: 150,
  },
  {
    name: 'relationshipShares',
    args: (a) =>
      fc.tuple(
        a.shares,
        fc.record({ level: a.level, base: opt(a.positive), method: opt(fc.constantFrom('sison-glaz', 'goodman', 'quesenberry-hurst', 'wilson')) }),
      ),
    call: anyFn(relationshipShares),
    atLevel: lastOptions,
    numRuns: 150,
  },
  {
    name: 'surveyProportion',
    args: (a) =>
      fc.tuple(
        fc.oneof(
          fc.record({ estimate: a.probability, base: a.whole, designFactor: opt(a.positive) }),
          fc.record({ estimate: a.probability, base: a.whole, designEffect: a.positive }),
          fc.record({ estimate: a.probability, standardError: a.count }),
          fc.record({ estimate: a.probability, effectiveBase: a.positive }),
          fc.record({ estimate: a.probability, lower: a.probability, upper: a.probability, level: opt(a.level) }),
        ),
        fc.record({ level: a.level, method: opt(fc.constantFrom('logit', 'korn-graubard', 'wilson', 'wald')) }),
      ),
    call: anyFn(surveyProportion),
    atLevel: lastOptions,
  },
  {
    name: 'expectedVictims',
    args: (a) =>
      fc.tuple(
        // mostly plausible (drawn from `a` alone, prevalence and population were almost never both accepted)
        plausible(nationalArb, a.prevalence),
        plausible(populationArb, a.population),
        fc.record({ level: a.level, method: opt(fc.constantFrom('logit', 'korn-graubard', 'wilson', 'wald', 'monte-carlo')), draws: fc.constant(200), seed: opt(fc.integer()) }),
      ),
    call: anyFn(expectedVictims),
    atLevel: lastOptions,
    seeded: true,
    numRuns: 100,
  },
  {
    name: 'standardisedRate',
    args: (a) =>
      fc.tuple(
        fc.tuple(a.count, a.positive, a.count, a.positive).map(([c1, p1, c2, p2]) => [
          { age: '0-39', count: c1, population: p1 },
          { age: '40+', count: c2, population: p2 },
        ]),
        fc.record({
          level: a.level,
          per: opt(a.positive),
          standard: fc.tuple(a.positive, a.positive).map(([s1, s2]) => [
            { age: '0-39', population: s1 },
            { age: '40+', population: s2 },
          ]),
        }),
      ),
    call: anyFn(standardisedRate),
    atLevel: lastOptions,
  },
  {
    name: 'standardisedRatio',
    args: (a) => fc.tuple(a.count, a.positive, fc.record({ level: a.level, method: opt(fc.constantFrom('auto', 'exact', 'byar')) })),
    call: anyFn(standardisedRatio),
    atLevel: lastOptions,
  },
  {
    name: 'expectedCount',
    args: (a) =>
      fc.tuple(
        fc.tuple(a.count, a.count).map(([p1, p2]) => [
          { age: '0-39', population: p1 },
          { age: '40+', population: p2 },
        ]),
        fc.oneof(
          fc.tuple(a.count, a.positive, a.count, a.positive).map(([c1, p1, c2, p2]) => [
            { age: '0-39', count: c1, population: p1 },
            { age: '40+', count: c2, population: p2 },
          ]),
          fc.tuple(a.count, a.count).map(([r1, r2]) => [
            { age: '0-39', rate: r1 },
            { age: '40+', rate: r2 },
          ]),
        ),
        fc.record({ per: a.positive }),
      ),
    call: anyFn(expectedCount),
  },
  {
    name: 'hiddenIncidence',
    args: (a) =>
      fc.tuple(
        fc.record(
          { recorded: a.recorded, reporting: a.uncertainProbability, recording: a.uncertainProbability, incidentsPerVictim: a.uncertainQuantity },
          { requiredKeys: ['recorded', 'reporting', 'recording'] },
        ),
        modelOptionsArb(a),
      ),
    call: anyFn(hiddenIncidence),
    atLevel: lastOptions,
    seeded: true,
  },
  {
    name: 'impliedRecording',
    args: (a) =>
      fc.tuple(
        fc.record(
          { recorded: a.recorded, victims: a.uncertainQuantity, reporting: a.uncertainProbability, incidentsPerVictim: a.uncertainQuantity },
          { requiredKeys: ['recorded', 'victims'] },
        ),
        modelOptionsArb(a),
      ),
    call: anyFn(impliedRecording),
    atLevel: lastOptions,
    seeded: true,
  },
  {
    name: 'splitByShares',
    args: (a) =>
      fc.tuple(
        fc.oneof(
          a.uncertainQuantity,
          fc
            .tuple(a.count, a.uncertainProbability, a.uncertainProbability)
            .map(([recorded, reporting, recording]) => {
              // a result with its draws, when the model accepts these inputs
              try {
                return hiddenIncidence({ recorded, reporting, recording } as never, { draws: 200, keepDraws: true });
              } catch {
                return 1000;
              }
            }),
        ),
        a.shares,
        fc.record({ level: a.level, base: opt(a.positive), draws: fc.constant(200), seed: opt(fc.integer()), quantity: opt(fc.constantFrom('victims', 'unrecorded')) }),
      ),
    call: anyFn(splitByShares),
    atLevel: lastOptions,
    seeded: true,
  },
  {
    name: 'changeOverTime',
    args: (a) => fc.tuple(a.periodCount, a.periodCount, fc.record({ level: a.level })),
    call: anyFn(changeOverTime),
    atLevel: lastOptions,
  },
  {
    name: 'toRows',
    args: () => fc.tuple(fc.oneof(fc.anything(), fc.constant(proportionCI(27, 500)), fc.constant({ a: proportionCI(1, 2), b: proportionCI(0, 2) }))),
    call: anyFn(toRows),
  },
  {
    name: 'isInputError',
    args: () => fc.tuple(fc.oneof(fc.anything(), fc.constant(new Error('x')))),
    call: anyFn(isInputError),
  },
  {
    name: 'formatInterval',
    args: (a) =>
      fc.tuple(
        fc.record({
          value: fc.oneof(a.count, fc.constantFrom(Infinity, -1.5, 1e9, 0.5)),
          lower: fc.oneof(a.count, fc.constant(-Infinity)),
          upper: fc.oneof(a.count, fc.constant(Infinity)),
          level: a.level,
          method: fc.constantFrom('wilson', 'exact', 'monte-carlo'),
        }),
        fc.record(
          { digits: fc.integer({ min: -1, max: 16 }), percent: fc.boolean(), per: a.positive, locale: fc.constantFrom('en-GB', 'de-DE', 'fr-FR', 'xx-not-a-locale!') },
          { requiredKeys: [] },
        ),
      ),
    call: anyFn(formatInterval),
  },
  {
    name: 'perDay',
    args: (a) => fc.tuple(a.count, a.period, fc.record({ level: a.level })),
    call: anyFn(perDay),
    atLevel: lastOptions,
  },
  {
    name: 'funnelLimits',
    args: (a) =>
      fc.tuple(
        fc.oneof(
          fc.record({ type: fc.constant('proportion'), target: a.probability, method: opt(fc.constantFrom('exact', 'wilson')), levels: opt(fc.array(a.level, { minLength: 1, maxLength: 3 })), precision: opt(fc.array(a.whole, { minLength: 1, maxLength: 5 })) }),
          fc.record({ type: fc.constantFrom('rate', 'ratio'), target: a.positive, levels: opt(fc.array(a.level, { minLength: 1, maxLength: 3 })), precision: opt(fc.array(a.positive, { minLength: 1, maxLength: 5 })) }),
        ),
      ),
    call: anyFn(funnelLimits),
    atLevel: (args, level) => [{ ...(args[0] as object), levels: [level] }],
    nest: funnelNest,
    numRuns: 150,
  },
  {
    name: 'funnelPlot',
    args: (a) =>
      fc.tuple(
        fc.oneof(
          fc.array(fc.record({ count: a.whole, denominator: a.whole }), { minLength: 1, maxLength: 6 }),
          fc.array(fc.record({ count: a.count, population: a.positive }), { minLength: 1, maxLength: 6 }),
          fc.array(fc.record({ count: a.whole, expected: a.positive }), { minLength: 1, maxLength: 6 }),
        ).map((rows) => rows.map((row, i) => ({ area: `area ${i}`, ...row }))),
        fc.record({
          levels: opt(fc.array(a.level, { minLength: 1, maxLength: 3 })),
          overdispersion: opt(fc.constantFrom('none', 'multiplicative', 'additive')),
        }),
      ),
    call: anyFn(funnelPlot),
    atLevel: (args, level) => [args[0], { ...(args[1] as object), levels: [level] }],
    nest: funnelNest,
    numRuns: 150,
  },
  {
    name: 'localEstimates',
    args: (a) =>
      fc.tuple(
        fc.record(
          {
            // mostly plausible areas and rates (every field drawn from `a` alone almost never gives a result)
            areas: fc
              .array(fc.tuple(plausible(populationArb, a.population), plausible(fc.integer({ min: 0, max: 2000 }), a.recorded)), { minLength: 1, maxLength: 3 })
              .map((areas) => areas.map(([population, recorded], i) => ({ name: `area ${i}`, population, recorded }))),
            // national rows by sex and age, or each area its own
            prevalence: fc.oneof(plausible(nationalArb, a.prevalence), localPrevalenceArb(a)),
            reporting: plausible(fc.double({ min: 0.05, max: 0.9, noNaN: true }), a.uncertainProbability),
            recording: plausible(fc.double({ min: 0.5, max: 1, noNaN: true }), a.uncertainProbability),
            incidentsPerVictim: plausible(fc.double({ min: 1, max: 5, noNaN: true }), a.uncertainQuantity),
          },
          { requiredKeys: ['areas', 'prevalence', 'reporting'] },
        ),
        fc.record({ level: a.level, draws: fc.constant(1000), seed: opt(fc.integer()), overdispersion: opt(fc.constantFrom('none', 'multiplicative', 'additive')) }),
      ),
    call: anyFn(localEstimates),
    atLevel: lastOptions,
    seeded: true,
    numRuns: 60,
  },
];

describe('every public function is covered', () => {
  it('one spec per exported function', () => {
    expect(SPECS.map((s) => s.name).sort()).toEqual(exportedFunctions(darkfigure));
  });
});

fuzzSpecs(SPECS);
