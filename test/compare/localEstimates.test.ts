import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ref from '../fixtures/scipy/local-estimates.json';
import { expectedVictims, funnelPlot, localEstimates, type Interval, type LocalEstimatesInput } from '../../src/index';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

// The scenario of test/fixtures/scipy/local-estimates.py.
const prevalence = ref.strata.map((s) => ({ sex: s.sex, age: s.age, estimate: s.estimate, effectiveBase: s.effectiveBase }));
const areas = ref.areas.map((a) => ({
  name: a.name,
  population: ref.strata.map((s, j) => ({ sex: s.sex, age: s.age, population: a.population[j]! })),
  recorded: a.days === null ? a.count : { count: a.count, days: a.days },
}));
const reporting = { alpha: 60.5, beta: 60.5 };

describe('localEstimates against an independent numpy simulation (4e6 draws)', () => {
  const cases = [
    { name: 'binomial-pooled', input: { areas, prevalence, reporting }, options: { countNoise: 'binomial' as const } },
    {
      name: 'poisson-chain',
      input: { areas, prevalence, reporting, recording: { alpha: 20.5, beta: 380.5 }, incidentsPerVictim: { estimate: 1.3, standardError: 0.1 } },
      options: { countNoise: 'poisson' as const },
    },
  ];
  it.each(cases)('$name: every limit within 0.5% relative', ({ name, input, options }) => {
    const expected = ref.scenarios.find((s) => s.name === name)!;
    const result = localEstimates(input, { ...options, draws: 400_000, seed: 11 });
    const keys = ['victims', 'recordedShare', 'recording', 'unrecorded', 'expectedRecorded'] as const;
    result.areas.forEach((area, i) => {
      for (const key of keys) {
        const [lo, hi] = expected.areas[i]![key];
        expect(rel(area[key].lower, lo!), `${area.area} ${key} lower`).toBeLessThan(0.005);
        expect(rel(area[key].upper, hi!), `${area.area} ${key} upper`).toBeLessThan(0.005);
      }
    });
    for (const key of ['victims', 'recordedShare', 'recording', 'unrecorded'] as const) {
      const [lo, hi] = expected.summary[key];
      expect(rel(result.summary[key].lower, lo!), `summary ${key} lower`).toBeLessThan(0.005);
      expect(rel(result.summary[key].upper, hi!), `summary ${key} upper`).toBeLessThan(0.005);
    }
  });
});

describe('point estimates and identities', () => {
  it('victims are expectedVictims of each area (synthetic estimation), to 1e-13', () => {
    const result = localEstimates({ areas, prevalence, reporting }, { draws: 1000 });
    result.areas.forEach((area, i) => {
      const single = expectedVictims(prevalence, areas[i]!.population);
      expect(rel(area.victims.value, single.total.value)).toBeLessThan(1e-13);
      expect(area.population).toBe(single.population);
    });
    expect(result.summary.population).toBe(result.areas.reduce((s, a) => s + a.population, 0));
  });

  it('point values: share, recording, unrecorded, expected and the pooled target', () => {
    const result = localEstimates({ areas, prevalence, reporting }, { draws: 1000 });
    const totalRecorded = 150 + 12 * 0.5 + 900;
    const totalVictims = result.areas.reduce((s, a) => s + a.victims.value, 0);
    expect(result.summary.recorded).toBe(totalRecorded);
    expect(result.summary.targetSource).toBe('pooled');
    expect(rel(result.summary.target, totalRecorded / totalVictims)).toBeLessThan(1e-14);
    for (const a of result.areas) {
      expect(rel(a.recordedShare.value, a.recorded / a.victims.value)).toBeLessThan(1e-14);
      expect(rel(a.recording.value, a.recordedShare.value / 0.5)).toBeLessThan(1e-14);
      expect(rel(a.unrecorded.value, a.victims.value - a.recorded)).toBeLessThan(1e-14);
      expect(rel(a.expectedRecorded.value, a.victims.value * result.summary.target)).toBeLessThan(1e-14);
      expect(rel(a.expectedCount, (a.expectedRecorded.value * a.count) / a.recorded)).toBeLessThan(1e-13);
      expect(rel(a.ratio, a.count / a.expectedCount)).toBeLessThan(1e-14);
    }
    // B: 12 over 730.5 days is 6 a year; its flag uses the 12 against the expected count over 730.5 days
    const b = result.areas[1]!;
    expect([b.count, b.recorded]).toEqual([12, 6]);
    expect(rel(b.expectedCount, b.expectedRecorded.value * 2)).toBeLessThan(1e-14);
  });

  it('with a census count and a known reporting share, the limits transform exactly (monotone maps)', () => {
    const result = localEstimates({ areas, prevalence, reporting: 0.5 }, { draws: 5000, countNoise: 'none', target: 0.01 });
    for (const a of result.areas) {
      // share = recorded / victims is decreasing in the victims draw: limits are recorded / (victims limits), swapped
      expect(rel(a.recordedShare.lower, a.recorded / a.victims.upper)).toBeLessThan(1e-14);
      expect(rel(a.recordedShare.upper, a.recorded / a.victims.lower)).toBeLessThan(1e-14);
      expect(rel(a.recording.lower, a.recordedShare.lower / 0.5)).toBeLessThan(1e-14);
      expect(rel(a.unrecorded.lower, a.victims.lower - a.recorded)).toBeLessThan(1e-12);
      expect(rel(a.unrecorded.upper, a.victims.upper - a.recorded)).toBeLessThan(1e-12);
      expect(rel(a.expectedRecorded.lower, 0.01 * a.victims.lower)).toBeLessThan(1e-14);
      expect(rel(a.expectedRecorded.upper, 0.01 * a.victims.upper)).toBeLessThan(1e-14);
    }
  });

  it('flags, z-scores and phi are funnelPlot of the counts against the expected counts (type ratio, target 1)', () => {
    for (const overdispersion of ['none', 'multiplicative', 'additive'] as const) {
      const result = localEstimates({ areas, prevalence, reporting }, { draws: 1000, overdispersion });
      const plot = funnelPlot(
        result.areas.map((a) => ({ area: a.area, count: a.count, expected: a.expectedCount })),
        { type: 'ratio', target: 1, overdispersion },
      );
      expect(result.funnel).toEqual(plot);
      result.areas.forEach((a, i) => {
        expect(a.flag).toBe(plot.areas[i]!.flag);
        expect(a.z).toBe(plot.areas[i]!.z);
      });
      expect(Object.values(result.summary.flags).reduce((s, n) => s + n, 0)).toBe(areas.length);
    }
  });

  it('target: pooled by default, reporting x recording x incidents per victim when recording is given, or given', () => {
    const chain = localEstimates(
      { areas, prevalence, reporting: 0.5, recording: 0.04, incidentsPerVictim: 1.25 },
      { draws: 1000 },
    );
    expect(chain.summary.targetSource).toBe('reporting x recording');
    expect(rel(chain.summary.target, 0.5 * 0.04 * 1.25)).toBeLessThan(1e-15);
    const given = localEstimates({ areas, prevalence, reporting, recording: 0.04 }, { draws: 1000, target: 0.003 });
    expect([given.summary.targetSource, given.summary.target]).toEqual(['given', 0.003]);
    // incidents per victim divide the recorded crimes into recorded victims
    const a = chain.areas[0]!;
    expect(rel(a.recordedShare.value, a.recorded / 1.25 / a.victims.value)).toBeLessThan(1e-14);
  });
});

describe('shared national prevalence', () => {
  it('one stratum: areas are perfectly correlated, so the total interval is the sum of the areas\' limits', () => {
    const one = [{ sex: 'female', age: '16-59', estimate: 0.049, base: 11500, designFactor: 1.2 }];
    const input = {
      areas: [100_000, 250_000, 40_000].map((p, i) => ({ name: `area ${i}`, population: [{ sex: 'female', age: '16-59', population: p }], recorded: 100 })),
      prevalence: one,
      reporting: 0.5,
    };
    const result = localEstimates(input, { draws: 20_000 });
    const sumLower = result.areas.reduce((s, a) => s + a.victims.lower, 0);
    const sumUpper = result.areas.reduce((s, a) => s + a.victims.upper, 0);
    expect(rel(result.summary.victims.lower, sumLower)).toBeLessThan(1e-12);
    expect(rel(result.summary.victims.upper, sumUpper)).toBeLessThan(1e-12);
  });

  it('several strata: the total keeps the relative width of one area (independent areas would shrink it)', () => {
    // With shared prevalence the relative width of the total stays that of the prevalence (about that of one
    // area); had the areas been independent it would shrink like 1/sqrt(number of areas).
    const result = localEstimates({ areas, prevalence, reporting }, { draws: 50_000 });
    const width = (i: Interval) => (i.upper - i.lower) / i.value;
    const smallest = Math.min(...result.areas.map((a) => width(a.victims)));
    expect(width(result.summary.victims)).toBeGreaterThan(0.8 * smallest);
  });
});

describe('reproducibility', () => {
  it('same inputs and seed give identical numbers; another seed gives others', () => {
    const a = localEstimates({ areas, prevalence, reporting }, { draws: 2000, seed: 5 });
    const b = localEstimates({ areas, prevalence, reporting }, { draws: 2000, seed: 5 });
    const c = localEstimates({ areas, prevalence, reporting }, { draws: 2000, seed: 6 });
    expect(b).toEqual(a);
    expect(c.areas[0]!.victims.lower).not.toBe(a.areas[0]!.victims.lower);
  });

  it('an area\'s intervals do not depend on the other areas (given a target): its count noise is keyed by its name', () => {
    const options = { draws: 3001, seed: 9, target: 0.02 };
    // seven areas: the first four go through the grouped victims kernel, the rest one at a time
    const seven = [...areas, ...areas.map((a) => ({ ...a, name: `${a.name}'` })), { ...areas[0]!, name: 'D' }];
    const all = localEstimates({ areas: seven, prevalence, reporting }, options);
    const reversed = localEstimates({ areas: [...seven].reverse(), prevalence, reporting }, options);
    const alone = localEstimates({ areas: [seven[1]!], prevalence, reporting }, options);
    const strip = ({ z: _z, flag: _f, ...rest }: (typeof all.areas)[number]) => rest;
    for (let i = 0; i < seven.length; i++) expect(strip(reversed.areas[seven.length - 1 - i]!)).toEqual(strip(all.areas[i]!));
    expect(strip(alone.areas[0]!)).toEqual(strip(all.areas[1]!));
    // same population, other name: same victims, other count noise
    expect(all.areas[6]!.victims).toEqual(all.areas[0]!.victims);
    expect(all.areas[6]!.recordedShare).not.toEqual(all.areas[0]!.recordedShare);
  });
});

describe('inputs and outputs', () => {
  it('never mutates its input, keeps codes, and never returns NaN (property)', () => {
    const arb = fc.record({
      pops: fc.array(fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
      counts: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 5, maxLength: 5 }),
      estimates: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 0.5, noNaN: true })), { minLength: 2, maxLength: 2 }),
      noise: fc.constantFrom('binomial' as const, 'poisson' as const, 'none' as const),
      days: fc.option(fc.integer({ min: 1, max: 2000 })),
    });
    fc.assert(
      fc.property(arb, ({ pops, counts, estimates, noise, days }) => {
        fc.pre(estimates.some((e) => e > 0));
        fc.pre(pops.every((p) => p[0]! * estimates[0]! + p[1]! * estimates[1]! > 0));
        fc.pre(pops.some((_, i) => counts[i]! > 0));
        const input: LocalEstimatesInput = {
          areas: pops.map((p, i) => ({
            name: `a${i}`,
            code: `E0${i}`,
            population: [
              { sex: 'female', age: '16-59', population: p[0]! },
              { sex: 'male', age: '16-59', population: p[1]! },
            ],
            recorded: days === null ? counts[i]! : { count: counts[i]!, days },
          })),
          prevalence: [
            { sex: 'female', age: '16-59', estimate: estimates[0]!, base: 500 },
            { sex: 'male', age: '16-59', estimate: estimates[1]!, base: 400 },
          ],
          reporting: { successes: 30, trials: 60 },
        };
        const before = JSON.stringify(input);
        const result = localEstimates(input, { draws: 200, countNoise: noise });
        expect(JSON.stringify(input)).toBe(before);
        const text = JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN!' : v));
        expect(text).not.toContain('NaN!');
        expect(result.areas.map((a) => a.code)).toEqual(pops.map((_, i) => `E0${i}`));
      }),
      { numRuns: 60 },
    );
  });

  it('an expected count that cannot be represented is an InputError naming the area, not an Infinity', () => {
    const input = {
      areas: [{ name: 'x', population: [{ sex: 'male', age: '16-59', population: 1 }], recorded: 1 }],
      prevalence: [{ sex: 'male', age: '16-59', estimate: 5e-324, base: 400 }],
      reporting: 0.5,
    };
    expect(() => localEstimates(input, { draws: 100 })).toThrow(/areas\[0\]: expected an area whose expected count/);
    // A count whose ratio to its expected count overflows is named on the area too (not on funnelPlot's rows).
    const huge = {
      areas: [
        { name: 'A', population: [{ sex: 'female', age: '16-59', population: 1000 }], recorded: 1e300 },
        { name: 'B', population: [{ sex: 'female', age: '16-59', population: 1000 }], recorded: 5 },
      ],
      prevalence: [{ sex: 'female', age: '16-59', estimate: 0.05, base: 1000 }],
      reporting: 0.5,
    };
    expect(() => localEstimates(huge, { draws: 1000, target: 1e-300 })).toThrow(/areas\[0\]: expected an area whose expected count .* representable ratio/);
  });

  it('notes say what is shared, what is assumed and when the population year differs from the counts', () => {
    const result = localEstimates(
      {
        areas: [{ name: 'x', population: areas[0]!.population, recorded: { count: 120, from: '2017-01-01', to: '2017-12-31' } }],
        prevalence,
        reporting,
        populationYear: 2018,
      },
      { draws: 500 },
    );
    const text = result.notes.join('\n');
    expect(text).toContain('shared by every area');
    expect(text).toContain('positively correlated');
    expect(text).toContain('mid-2018');
    expect(text).toContain('2017-01-01 to 2017-12-31');
    const same = localEstimates(
      { areas: [{ name: 'x', population: areas[0]!.population, recorded: { count: 120, from: '2018-01-01', to: '2018-12-31' } }], prevalence, reporting, populationYear: 2018 },
      { draws: 500 },
    );
    expect(same.notes.join('\n')).not.toContain('mid-2018');
  });

  it('an area recording more victims than its synthetic victims says so, and nothing is NaN', () => {
    const result = localEstimates(
      {
        areas: [{ name: 'tiny', population: [{ sex: 'female', age: '16-59', population: 100 }, { sex: 'male', age: '16-59', population: 100 }], recorded: 50 }],
        prevalence: [
          { sex: 'female', age: '16-59', estimate: 0.05, effectiveBase: 1000 },
          { sex: 'male', age: '16-59', estimate: 0.02, effectiveBase: 1000 },
        ],
        reporting,
      },
      { draws: 500 },
    );
    const a = result.areas[0]!;
    expect(a.recordedShare.notes?.join(' ')).toContain('more recorded victims');
    expect(a.unrecorded.value).toBe(0);
    expect(a.recordedShare.upper).toBeLessThanOrEqual(1);
    // The plug-in share (above 1) lies outside its interval, and the share of reports recorded reaches above 1: both say so.
    expect(a.recordedShare.value).toBeGreaterThan(1);
    expect(a.recordedShare.notes?.join(' ')).toMatch(/point estimate \([\d.]+\) lies above the upper limit/);
    expect(a.recording.upper).toBeGreaterThan(1);
    expect(a.recording.notes?.join(' ')).toMatch(/upper limit is above 1 \(more reports recorded than made\)/);
  });
});
