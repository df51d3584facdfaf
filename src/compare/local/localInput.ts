import * as z from 'zod/mini';
import { atLeastOne } from '../../core/atLeastOne';
import { rule } from '../../core/rule';
import { withoutReservedKey } from '../../core/withoutReservedKey';
import { InputError, type InputIssue } from '../../core/InputError';
import { refuseOptionsField } from '../../core/refuseOptionsField';
import { ageBand, count, level, methodOf, options, positive, seed, wholeCount } from '../../core/schemas';
import { HINT, validate } from '../../core/validate';
import { plainNumber } from '../../core/plainNumber';
import { fewestDraws, tooFewDrawsRule } from '../../montecarlo/fewestDraws';
import { countNoiseOption } from '../../incidence/noiseModel';
import { positiveProbability } from '../../incidence/positiveProbability';
import { uncertainQuantity } from '../../incidence/uncertainQuantity';
import { checkSurveyDesign, normaliseSurveyDesign, surveyDesignShape, type SurveyDesign } from '../../survey/surveyDesign';
import { areaCount } from './areaCount';
import { localPrevalenceSchema, type ParsedLocalPrevalence } from './localPrevalence';
import { forwardIssues } from '../../incidence/forwardIssues';
import type { ProbabilityDistribution } from '../../incidence/uncertainProbability';
import { areaStrata, overlappingStrata, type Stratum } from './areaStrata';
import type { StratumPrevalence } from './localMonteCarlo';

const sex = /* @__PURE__ */ (() => z.string({ error: "a sex such as 'female' or 'male'" }).check(rule((s) => s.trim() !== '', "a sex such as 'female' or 'male'")))();
const prevalenceRow = /* @__PURE__ */ (() => withoutReservedKey(
  z.looseObject({ sex, age: ageBand, ...surveyDesignShape }).check(checkSurveyDesign(['sex', 'age'])),
  "no field '__proto__' (not a design field; reserved in JavaScript)",
))();
const nationalPrevalence = /* @__PURE__ */ (() => z
  .array(prevalenceRow, { error: 'an array of prevalence rows { sex, age, estimate, ... } (national, by sex and age), or { byArea, age } (each area its own)' })
  .check(atLeastOne('at least one prevalence row')))();
type NationalOrLocal = { national: z.output<typeof nationalPrevalence>; local?: undefined } | { local: ParsedLocalPrevalence; national?: undefined };
const populationRow = /* @__PURE__ */ (() => z.object({ sex, age: ageBand, population: count }))();
const areaName = /* @__PURE__ */ (() => z
  .string({ error: 'an area name (a non-empty string)' }).check(rule((s) => s.trim() !== '', 'an area name (a non-empty string)')))();
const area = /* @__PURE__ */ (() => z.object(
  {
    name: areaName,
    code: z.optional(z.string({ error: 'a string such as an ONS GSS code' })),
    population: z
      .array(populationRow, { error: 'an array of population rows { sex, age, population }' })
      .check(atLeastOne('at least one population row')),
    recorded: areaCount,
  },
  { error: 'an area { name, population, recorded }' },
))();
const dividesBy = "the share of reports recorded is the recorded share / reporting";

/** Most prevalence draws held at once (draws x strata): 160 MB of Float64Array. */
const MAX_PREVALENCE_DRAWS = 20_000_000;

/** The schema of the whole input, options included. */
const schema = /* @__PURE__ */ (() => z.strictObject({
  areas: z.array(area, { error: 'an array of areas { name, population, recorded }' }).check(atLeastOne('at least one area')),
  prevalence: z.pipe(z.unknown(), z.transform((value, ctx): NationalOrLocal => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'byArea' in value) {
      const local = localPrevalenceSchema.safeParse(value, { reportInput: true });
      return local.success ? { local: local.data } : forwardIssues(ctx, local.error.issues);
    }
    const national = nationalPrevalence.safeParse(value, { reportInput: true });
    return national.success ? { national: national.data } : forwardIssues(ctx, national.error.issues);
  })),
  reporting: positiveProbability(dividesBy),
  recording: z.optional(positiveProbability('the expected recorded count is victims x reporting x recording')),
  incidentsPerVictim: z.optional(uncertainQuantity('incidents per victim > 0')),
  populationYear: z.optional(wholeCount.check(rule((y) => y >= 1000 && y <= 9999, 'a year such as 2018'))),
  options: options({
    level,
    draws: z._default(wholeCount.check(rule((x) => x >= 100 && x <= 1_000_000, 'a whole number of draws from 100 to 1,000,000')), 10_000),
    seed,
    countNoise: countNoiseOption,
    target: z.optional(positive),
    overdispersion: z._default(methodOf(['none', 'multiplicative', 'additive']), 'none'),
  }),
}))();

/** Issues shown at most; the rest are counted in one closing issue. */
const MAX_ISSUES = 25;

/**
 * Throw the issues as one InputError, at most MAX_ISSUES of them listed.
 *
 * @example
 * ```ts
 * throwIssues([{ path: ['areas', 0, 'name'], expected: 'a name no other area has', received: 'Lewisham' }]); // throws an InputError
 * ```
 * @internal
 */
export function throwIssues(issues: InputIssue[]): never {
  if (issues.length > MAX_ISSUES) {
    const rest = issues.length - MAX_ISSUES;
    const kept = issues.slice(0, MAX_ISSUES);
    kept.push({ path: ['areas'], expected: 'areas without the problems above', received: `${rest} more problems`, hint: 'not listed; fix the first ones and run again' });
    throw new InputError('localEstimates', kept);
  }
  throw new InputError('localEstimates', issues);
}


/** The parsed input of `localEstimates`, as its schema outputs it. @internal */
export type ParsedLocalInput = z.output<typeof schema>;

/** Everything `localEstimates` needs, validated once. @internal */
export interface LocalInput {
  v: ParsedLocalInput;
  strata: Stratum[];
  designs: SurveyDesign[];
  prevalence: StratumPrevalence[];
  /** Areas x strata populations, row-major. */
  populations: Float64Array;
  /** Each area's victims at the prevalence estimates (> 0). */
  pointVictims: Float64Array;
  /** With `prevalence: { byArea, age }`: each area's own prevalence, in area order (else undefined). */
  areaPrevalence?: ProbabilityDistribution[];
  /** With `prevalence: { byArea, age }`: how many of its areas are not in the call (ignored). */
  unusedAreas: number;
}

/**
 * Validate the input of `localEstimates` once, at the edge: the zod schema (rows, national inputs,
 * options), then the checks that need several rows at once (overlapping prevalence bands, duplicate area
 * names, each area's population per stratum, areas without victims), all collected into one
 * {@link InputError} naming each row and field.
 *
 * @example
 * ```ts
 * const population = [{ sex: 'female', age: '16-59', population: 1000 }];
 * const prevalence = [{ sex: 'female', age: '16-59', estimate: 0.05, base: 500 }];
 * parseLocalInput({ areas: [{ name: 'A', population, recorded: 3 }], prevalence, reporting: 0.5 }, {}).pointVictims; // Float64Array [50]
 * ```
 * @internal
 */
export function parseLocalInput(input: unknown, opts: unknown): LocalInput {
  refuseOptionsField('localEstimates', input);
  const v = validate('localEstimates', schema, { ...(input as object), options: opts });

  // Strata, once; then every area's population per stratum, once (all problems collected).
  const { national, local } = v.prevalence;
  const strata: Stratum[] = national ? national.map((r) => ({ sex: r.sex, band: r.age })) : local.sexes.map((sex) => ({ sex, band: local.band }));
  if (v.options.draws < fewestDraws(v.options.level)) {
    const [expected, hint] = tooFewDrawsRule(v.options.level).split(HINT) as [string, string];
    throwIssues([{ path: ['draws'], expected, received: v.options.draws, hint }]);
  }
  if (national && v.options.draws * strata.length > MAX_PREVALENCE_DRAWS) {
    throwIssues([
      {
        path: ['draws'],
        expected: `at most ${plainNumber(Math.floor(MAX_PREVALENCE_DRAWS / strata.length))} draws for ${strata.length} strata (draws x strata at most 20,000,000: the shared prevalence draws are held in memory)`,
        received: v.options.draws,
      },
    ]);
  }
  const overlap = overlappingStrata(strata);
  if (overlap.length > 0) throwIssues(overlap);
  const issues: InputIssue[] = [];
  const designs = national ? national.map((r) => normaliseSurveyDesign(r)) : [];
  const prevalence: StratumPrevalence[] = designs.map((d, h) => {
    const random = d.estimate > 0 && d.estimate < 1 && d.standardError > 0;
    const nu = d.effectiveBase - 1;
    if (random && !(nu > 0)) {
      issues.push({
        path: ['prevalence', h],
        expected: 'an effective base > 1 (a Beta distribution with this mean and standard error does not exist)',
        received: d.effectiveBase,
      });
    }
    return { estimate: d.estimate, alpha: d.estimate * nu, beta: (1 - d.estimate) * nu, fixed: !random };
  });
  if (national && !designs.some((d) => d.estimate > 0)) {
    issues.push({ path: ['prevalence'], expected: 'at least one prevalence estimate above 0 (victims would be 0 everywhere)', received: designs.map((d) => d.estimate) });
  }
  const seen = new Map<string, number>();
  v.areas.forEach((a, i) => {
    const key = a.name.trim();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else issues.push({ path: ['areas', i, 'name'], expected: 'a name no other area has', received: a.name, hint: `duplicates areas[${first}].name; merge the rows of one area (sum populations and counts) or name them apart` });
  });
  const { populations, issues: rowIssues } = areaStrata(v.areas, strata);
  issues.push(...rowIssues);
  let areaPrevalence: ProbabilityDistribution[] | undefined;
  let unusedAreas = 0;
  if (local) {
    areaPrevalence = v.areas.map((a, i) => {
      const own = local.byArea.get(a.name.trim());
      if (own === undefined) {
        issues.push({
          path: ['areas', i, 'name'],
          expected: 'an area with a prevalence of its own in prevalence.byArea',
          received: a.name,
          hint: `prevalence.byArea has ${local.byArea.size} areas${local.byArea.size > 0 ? `, e.g. ${[...local.byArea.keys()].slice(0, 3).map((k) => JSON.stringify(k)).join(', ')}` : ''}; names must match exactly`,
        });
        return undefined as never;
      }
      return own.dist;
    });
    const used = new Set(v.areas.map((a) => a.name.trim()));
    for (const name of local.byArea.keys()) if (!used.has(name)) unusedAreas++;
  }

  const S = strata.length;
  const A = v.areas.length;
  const pointVictims = new Float64Array(A);
  if (issues.length === 0) {
    for (let i = 0; i < A; i++) {
      let V = 0;
      if (areaPrevalence) {
        for (let s = 0; s < S; s++) V += populations[i * S + s]!;
        V *= areaPrevalence[i]!.estimate;
      } else for (let s = 0; s < S; s++) V += populations[i * S + s]! * designs[s]!.estimate;
      pointVictims[i] = V;
      if (!(V > 0)) {
        issues.push({
          path: ['areas', i, 'population'],
          expected: 'people in at least one stratum whose prevalence is above 0',
          received: 0,
          hint: `area ${JSON.stringify(v.areas[i]!.name)} has no expected victims`,
        });
      }
    }
  }
  if (issues.length > 0) throwIssues(issues);

  return { v, strata, designs, prevalence, populations, pointVictims, ...(areaPrevalence ? { areaPrevalence } : {}), unusedAreas };
}
