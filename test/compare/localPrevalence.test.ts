import { describe, expect, it } from 'vitest';
import ref from '../fixtures/scipy/local-estimates.json';
import { localEstimates, type Interval } from '../../src/index';
import { errorOf } from '../helpers';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

// The scenario of test/fixtures/scipy/local-estimates.py, each area with a prevalence of its own for ages 16-59.
const areas = ref.areas.map((a) => ({
  name: a.name,
  population: ref.strata.map((s, j) => ({ sex: s.sex, age: s.age, population: a.population[j]! })),
  recorded: a.days === null ? a.count : { count: a.count, days: a.days },
}));
const byArea = Object.fromEntries(ref.areas.map((a, i) => [a.name, ref.localPrevalence[i]!]));
const reporting = { alpha: 60.5, beta: 60.5 };

describe("localEstimates with each area's own prevalence ({ byArea, age })", () => {
  // Tolerance 1% relative: area B has 12 recorded crimes in two years, and the lower limit of its recorded share
  // moves by about 0.3% between seeds at 400,000 draws (numpy's own 4e6 draws add about 0.1%).
  it('agrees with an independent numpy simulation (4e6 draws): every limit within 1% relative', () => {
    const expected = ref.scenarios.find((s) => s.name === 'local-binomial-pooled')!;
    const result = localEstimates({ areas, prevalence: { byArea, age: '16-59' }, reporting }, { draws: 400_000, seed: 5 });
    result.areas.forEach((area, i) => {
      for (const key of ['victims', 'recordedShare', 'recording', 'unrecorded', 'expectedRecorded'] as const) {
        const [lo, hi] = expected.areas[i]![key];
        expect(rel(area[key].lower, lo!), `${area.area} ${key} lower`).toBeLessThan(0.01);
        expect(rel(area[key].upper, hi!), `${area.area} ${key} upper`).toBeLessThan(0.01);
      }
      const population = ref.areas[i]!.population.reduce((x, y) => x + y, 0);
      expect(area.population).toBe(population);
      expect(area.victims.value).toBe(population * ref.localPrevalence[i]!.estimate);
    });
    for (const key of ['victims', 'recordedShare', 'recording', 'unrecorded'] as const) {
      const [lo, hi] = expected.summary[key];
      expect(rel(result.summary[key].lower, lo!), `summary ${key} lower`).toBeLessThan(0.005);
      expect(rel(result.summary[key].upper, hi!), `summary ${key} upper`).toBeLessThan(0.005);
    }
    expect(result.notes.join(' ')).toMatch(/each area's own prevalence .* female and male aged 16-59/);
    expect(result.notes.join(' ')).toMatch(/drawn independently/);
  });

  it('takes a fayHerriot-shaped result, rows, or a record, with the same numbers', () => {
    const intervals: Interval[] = ref.localPrevalence.map((p) => ({ value: p.estimate, lower: p.estimate - 1.96 * p.standardError, upper: p.estimate + 1.96 * p.standardError, level: 0.95, method: 'fay-herriot' as Interval['method'], standardError: p.standardError }));
    const fh = { areas: ref.areas.map((a, i) => ({ area: a.name, direct: null, estimate: intervals[i]!, mse: 0, shrinkage: 0.5, synthetic: 0 })), notes: [] };
    const rows = ref.areas.map((a, i) => ({ area: a.name, estimate: ref.localPrevalence[i]! }));
    const one = localEstimates({ areas, prevalence: { byArea: fh, age: '16-59' }, reporting }, { draws: 2000 });
    const two = localEstimates({ areas, prevalence: { byArea: rows, age: '16-59' }, reporting }, { draws: 2000 });
    const three = localEstimates({ areas, prevalence: { byArea, age: '16-59' }, reporting }, { draws: 2000 });
    expect(one.areas).toEqual(three.areas);
    expect(two.areas).toEqual(three.areas);
  });

  it("an area's estimates do not depend on the other areas in the call (fixed target)", () => {
    const all = localEstimates({ areas, prevalence: { byArea, age: '16-59' }, reporting }, { draws: 3000, target: 0.01 });
    const alone = localEstimates({ areas: [areas[1]!], prevalence: { byArea, age: '16-59' }, reporting }, { draws: 3000, target: 0.01 });
    expect(alone.areas[0]!.victims).toEqual(all.areas[1]!.victims);
    expect(alone.areas[0]!.unrecorded).toEqual(all.areas[1]!.unrecorded);
    expect(alone.notes.join(' ')).toMatch(/prevalence.byArea has 2 areas not in this call \(ignored\)/);
  });

  it('exact prevalences give exact victims; sex limits the population', () => {
    const exact = { A: 0.05, B: 0.03, C: 0.045 };
    const r = localEstimates({ areas, prevalence: { byArea: exact, age: '16-59', sex: 'female' }, reporting: 0.5 }, { draws: 1000, countNoise: 'none' });
    const women = ref.areas[0]!.population[0]! + ref.areas[0]!.population[1]!;
    expect(r.areas[0]!.population).toBe(women);
    expect(r.areas[0]!.victims).toMatchObject({ value: women * 0.05, lower: women * 0.05, upper: women * 0.05 });
  });

  it('bad inputs are InputErrors naming the field', () => {
    const at = (prevalence: unknown, input: object = {}) => errorOf(() => localEstimates({ areas, prevalence, reporting, ...input } as never)).issues[0]!;
    expect(at({ byArea: { A: 0.05, B: 0.03 }, age: '16-59' })).toMatchObject({ path: ['areas', 2, 'name'] });
    expect(at({ byArea: { A: 0.05, B: 0.03 }, age: '16-59' }).hint).toMatch(/has 2 areas, e.g. "A", "B"/);
    expect(at({ byArea: [{ area: 'A', estimate: 0.05 }, { area: 'A', estimate: 0.04 }], age: '16-59' }).path).toEqual(['prevalence', 'byArea', 1, 'area']);
    expect(at({ byArea: { areas: [{ area: 'A', estimate: 5 }] }, age: '16-59' }).path).toEqual(['prevalence', 'byArea', 'areas', 0, 'estimate']);
    expect(at({ byArea: { A: 0, B: 0.03, C: 0.04 }, age: '16-59' }).path).toEqual(['prevalence', 'byArea', 'A']);
    expect(at({ byArea: { A: { estimate: -0.01, lower: -0.03, upper: 0.01 }, B: 0.03, C: 0.04 }, age: '16-59' }).path).toEqual(['prevalence', 'byArea', 'A', 'estimate']);
    expect(at({ byArea: 'A', age: '16-59' }).path).toEqual(['prevalence', 'byArea']);
    expect(at({ byArea: {}, age: '16-59' }).path).toEqual(['prevalence', 'byArea']);
    expect(at({ byArea, age: 'adults' }).path).toEqual(['prevalence', 'age']);
    expect(at({ byArea, age: '16-59', sex: [] }).path).toEqual(['prevalence', 'sex']);
    expect(at({ byArea, age: '16-59', extra: 1 }).path).toEqual(['prevalence']);
    expect(at({ byArea, age: '16-74' }).path).toEqual(['areas', 0, 'population']);
    expect(at({ estimate: 0.05 }).path).toEqual(['prevalence']);
  });
});
