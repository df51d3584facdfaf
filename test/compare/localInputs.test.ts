import { describe, expect, it } from 'vitest';
import { InputError, localEstimates, type LocalEstimatesInput } from '../../src/index';

const population = (women: number, men: number) => [
  { sex: 'female', age: '16-59', population: women },
  { sex: 'male', age: '16-59', population: men },
];
const prevalence = [
  { sex: 'female', age: '16-59', estimate: 0.049, base: 11500, designFactor: 1.2 },
  { sex: 'male', age: '16-59', estimate: 0.024, base: 9800, designFactor: 1.2 },
];
const good = (): LocalEstimatesInput => ({
  areas: [
    { name: 'Lewisham', population: population(100_000, 98_000), recorded: 1579 },
    { name: 'Bromley', population: population(95_000, 92_000), recorded: 1468 },
    { name: 'Greenwich', population: population(91_000, 90_000), recorded: 1459 },
    { name: 'Bexley', population: population(72_000, 70_000), recorded: 974 },
  ],
  prevalence,
  reporting: 0.5,
});

/** The issues of the InputError thrown by `f`, as `path: expected` lines. */
function issues(f: () => unknown): string[] {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.functionName).toBe('localEstimates');
    return e.issues.map((i) => `${JSON.stringify(i.path)}: ${i.expected}`);
  }
  throw new Error('expected an InputError');
}

const run = (input: unknown, options?: unknown) => () => localEstimates(input as LocalEstimatesInput, { draws: 100, ...(options as object) });

describe('malformed rows give an InputError naming the row and field', () => {
  it('a missing area name: areas[3].name', () => {
    const input = good();
    const { name: _name, ...rest } = input.areas[3]!;
    const bad = { ...input, areas: [...input.areas.slice(0, 3), rest] };
    const found = issues(run(bad));
    expect(found).toEqual(['["areas",3,"name"]: an area name (a non-empty string)']);
    expect(() => run(bad)()).toThrow('areas[3].name: expected an area name (a non-empty string), received nothing (undefined)');
  });

  it('an empty or blank name', () => {
    const input = good();
    const bad = { ...input, areas: input.areas.map((a, i) => (i === 1 ? { ...a, name: '  ' } : a)) };
    expect(issues(run(bad))).toEqual(['["areas",1,"name"]: an area name (a non-empty string)']);
  });

  it('duplicate area names: the later row, pointing at the first', () => {
    const input = good();
    const bad = { ...input, areas: [...input.areas, { ...input.areas[0]!, name: 'Lewisham ' }] };
    expect(() => run(bad)()).toThrow(/areas\[4\]\.name: expected a name no other area has, received "Lewisham " \(a string\) \(duplicates areas\[0\]\.name/);
  });

  it('population 0: areas[i].population', () => {
    const input = good();
    const bad = { ...input, areas: input.areas.map((a, i) => (i === 2 ? { ...a, population: population(0, 0) } : a)) };
    expect(issues(run(bad))).toEqual(['["areas",2,"population"]: population rows whose sum over the prevalence strata is > 0']);
  });

  it('a negative or non-numeric population names the row', () => {
    const input = good();
    const rows = [{ sex: 'female', age: '16-59', population: -5 }, { sex: 'male', age: '16-59', population: '98000' }];
    const bad = { ...input, areas: input.areas.map((a, i) => (i === 0 ? { ...a, population: rows } : a)) };
    expect(issues(run(bad))).toEqual([
      '["areas",0,"population",0,"population"]: a finite number >= 0',
      '["areas",0,"population",1,"population"]: a finite number >= 0',
    ]);
  });

  it('a count that is not a whole number: plain, or over a period', () => {
    const input = good();
    const plain = { ...input, areas: input.areas.map((a, i) => (i === 1 ? { ...a, recorded: 1468.5 } : a)) };
    expect(issues(run(plain))).toEqual(['["areas",1,"recorded"]: a whole number >= 0']);
    const period = { ...input, areas: input.areas.map((a, i) => (i === 2 ? { ...a, recorded: { count: 12.5, from: '2017-01-01', to: '2017-12-31' } } : a)) };
    expect(issues(run(period))).toEqual(['["areas",2,"recorded","count"]: a whole number >= 0 (a police count)']);
    const negative = { ...input, areas: input.areas.map((a, i) => (i === 0 ? { ...a, recorded: -3 } : a)) };
    expect(issues(run(negative))).toEqual(['["areas",0,"recorded"]: a whole number >= 0']);
  });

  it('a count as a string gets a hint; a wrong period names its fields', () => {
    const input = good();
    const text = { ...input, areas: input.areas.map((a, i) => (i === 0 ? { ...a, recorded: '1579' } : a)) };
    expect(() => run(text)()).toThrow(/areas\[0\]\.recorded: expected a whole number >= 0, received "1579" \(a string\) \(pass the number 1579, not a string\)/);
    const backwards = { ...input, areas: input.areas.map((a, i) => (i === 0 ? { ...a, recorded: { count: 5, from: '2017-12-31', to: '2017-01-01' } } : a)) };
    expect(issues(run(backwards))).toEqual([
      '["areas",0,"recorded","from"]: a date on or before to (2017-01-01)',
      '["areas",0,"recorded","to"]: a date on or after from (2017-12-31)',
    ]);
    const list = { ...input, areas: input.areas.map((a, i) => (i === 0 ? { ...a, recorded: [1, 2] } : a)) };
    expect(issues(run(list))[0]).toMatch(/^\["areas",0,"recorded"\]: a recorded count: a whole number for one year/);
  });

  it('population rows that do not cover a stratum: the area, with the missing ages', () => {
    const input = good();
    const singleYears = Array.from({ length: 40 }, (_, k) => ({ sex: 'female', age: 16 + k, population: 1000 })); // 16-55 only
    const bad = {
      ...input,
      areas: input.areas.map((a, i) => (i === 1 ? { ...a, population: [...singleYears, { sex: 'male', age: '16-59', population: 9 }] } : a)),
    };
    expect(() => run(bad)()).toThrow(/areas\[1\]\.population: expected population rows covering every age in 16-59 for sex "female".*no population rows for ages 56-59/);
    const noMen = { ...input, areas: input.areas.map((a, i) => (i === 0 ? { ...a, population: [population(1, 1)[0]!] } : a)) };
    expect(issues(run(noMen))).toEqual(['["areas",0,"population"]: population rows for sex "male"']);
    const straddle = {
      ...input,
      areas: input.areas.map((a, i) => (i === 3 ? { ...a, population: [{ sex: 'female', age: '10-59', population: 9 }, population(1, 1)[1]!] } : a)),
    };
    expect(issues(run(straddle))[0]).toMatch(/^\["areas",3,"population",0,"age"\]: an age band that lies wholly inside or wholly outside 16-59/);
  });

  it('every bad area is listed at once; very many problems are cut to 25 and counted', () => {
    const input = good();
    const two = { ...input, areas: input.areas.map((a, i) => (i % 2 === 0 ? { ...a, recorded: 0.5 } : a)) };
    expect(issues(run(two))).toEqual(['["areas",0,"recorded"]: a whole number >= 0', '["areas",2,"recorded"]: a whole number >= 0']);
    const many = { ...input, areas: Array.from({ length: 40 }, (_, i) => ({ name: `area ${i}`, population: population(0, 0), recorded: 1 })) };
    const found = issues(run(many));
    expect(found).toHaveLength(26);
    expect(found[25]).toBe('["areas"]: areas without the problems above');
  });

  it('prevalence rows: overlapping bands, a wrong design, no positive estimate', () => {
    const input = good();
    const overlap = { ...input, prevalence: [...prevalence, { sex: 'female', age: '50-64', estimate: 0.03, base: 900 }] };
    expect(issues(run(overlap))).toEqual(['["prevalence",2,"age"]: age bands that do not overlap for sex "female"']);
    const percent = { ...input, prevalence: [{ ...prevalence[0]!, estimate: 4.9 }, prevalence[1]!] };
    expect(() => run(percent)()).toThrow(/prevalence\[0\]\.estimate: expected a proportion in \[0, 1\].*did you mean 0\.049/);
    const zero = { ...input, prevalence: prevalence.map((p) => ({ ...p, estimate: 0 })) };
    expect(issues(run(zero))).toEqual(['["prevalence"]: at least one prevalence estimate above 0 (victims would be 0 everywhere)']);
    const tiny = { ...input, prevalence: [{ sex: 'female', age: '16-59', estimate: 0.2, effectiveBase: 0.5 }, prevalence[1]!] };
    expect(issues(run(tiny))[0]).toMatch(/^\["prevalence",0\]: an effective base > 1/);
  });

  it('an area with people only where prevalence is 0', () => {
    const input = good();
    const bad = {
      ...input,
      prevalence: [prevalence[0]!, { ...prevalence[1]!, estimate: 0 }],
      areas: input.areas.map((a, i) => (i === 0 ? { ...a, population: population(0, 5000) } : a)),
    };
    expect(issues(run(bad))).toEqual(['["areas",0,"population"]: people in at least one stratum whose prevalence is above 0']);
  });

  it('national inputs and options', () => {
    const input = good();
    expect(issues(run({ ...input, reporting: 1.5 }))).toEqual(['["reporting"]: a proportion in [0, 1]']);
    expect(issues(run({ ...input, reporting: 0 }))[0]).toMatch(/^\["reporting"\]: a probability estimated above 0/);
    expect(issues(run({ ...input, recording: { successes: 0, trials: 100 } }))[0]).toMatch(/^\["recording"\]: a probability estimated above 0/);
    expect(issues(run({ ...input, populationYear: 18 }))).toEqual(['["populationYear"]: a year such as 2018']);
    expect(issues(run(input, { level: 95 }))).toEqual(['["level"]: a confidence level in (0, 1)']);
    expect(issues(run(input, { draws: 50 }))).toEqual(['["draws"]: a whole number of draws from 100 to 1,000,000']);
    expect(issues(run(input, { draws: 150, level: 0.99 }))).toEqual(['["draws"]: at least 199 draws for a 99% percentile interval (with fewer, its limits would be the smallest and largest draws)']);
    const many = { ...input, prevalence: Array.from({ length: 40 }, (_, k) => ({ sex: k < 20 ? 'female' : 'male', age: String(16 + (k % 20)), estimate: 0.05, base: 500 })) };
    expect(issues(run(many, { draws: 600_000 }))[0]).toMatch(/^\["draws"\]: at most 500,000 draws for 40 strata/);
    expect(issues(run(input, { target: 0 }))).toEqual(['["target"]: a finite number > 0']);
    expect(issues(run(input, { overdispersion: 'phi' }))).toEqual(['["overdispersion"]: one of \'none\', \'multiplicative\', \'additive\'']);
    expect(issues(run(input, { countNoise: 'normal' }))[0]).toMatch(/^\["countNoise"\]: one of 'binomial', 'poisson', 'none'/);
    expect(issues(run(input, { levle: 0.9 }))[0]).toMatch(/^\["options"\]: no unknown fields \(unknown: levle\)/);
    expect(issues(run({ ...input, areas: [] }))).toEqual(['["areas"]: at least one area']);
    expect(issues(run(null))).toEqual(['[]: an object { areas, prevalence, reporting, recording?, incidentsPerVictim? }']);
  });

  it('no area recorded anything and no target: the pooled target would be 0', () => {
    const input = good();
    const zero = { ...input, areas: input.areas.map((a) => ({ ...a, recorded: 0 })) };
    expect(issues(run(zero))).toEqual(['["areas"]: at least one area with a recorded count above 0 (the pooled target would be 0)']);
    expect(() => run(zero, { target: 0.002 })()).not.toThrow();
  });
});
