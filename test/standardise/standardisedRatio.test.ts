// standardisedRatio and expectedCount against PHEindicatormethods' test workbook (ISR results), the
// R cross-check (test/fixtures/r/standardise.R) and properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedCount } from '../../src/standardise/expectedCount';
import { standardisedRatio } from '../../src/standardise/standardisedRatio';
import data from '../fixtures/r/standardise.json';
import { fixAge, groupBy, num, readPhe, rel } from './phe';
import { issuesOf } from '../helpers';

const TOL = 1e-9;


const results = readPhe('DSR_ISR-testresults_ISR.csv');
const refdata = readPhe('DSR_ISR-refdata.csv');
const reference = refdata.map((r) => ({ age: fixAge(r['Age Band']!), count: num(r.refcount), population: num(r.refpop) }));
const refRate = refdata.reduce((s, r) => s + num(r.refcount), 0) / refdata.reduce((s, r) => s + num(r.refpop), 0);

/** Observed and expected of one area; PHE's na.zero() makes a missing count or population 0. */
function area(rows: ReturnType<typeof readPhe>, ageKey: string | ((i: number) => string)) {
  const population = rows.map((r, i) => ({
    age: typeof ageKey === 'string' ? fixAge(r[ageKey]!) : ageKey(i),
    population: r.pop === null ? 0 : num(r.pop),
  }));
  const observed = rows.reduce((s, r) => s + (r.count === null ? 0 : num(r.count)), 0);
  return { observed, expected: expectedCount(population, reference) };
}

describe('standardisedRatio and expectedCount: PHE ISR test data, one call per area', () => {
  const multi = groupBy(readPhe('DSR_ISR-multiarea_isr.csv'), 'area');
  const err2 = groupBy(readPhe('DSR_ISR-err2.csv'), 'area');
  const areas = new Map([
    ...[...multi].map(([name, rows]) => [name, area(rows, 'ageband')] as const),
    // DSR_ISR-err2.csv (no age column; esp2013 order): Area1 has a band of population 0, fine for an ISR
    ...[...err2].map(([name, rows]) => [name, area(rows, (i) => reference[i]!.age)] as const),
  ]);

  it('the reference columns of the multi-area file are the reference data', () => {
    for (const rows of multi.values())
      rows.forEach((r, i) => {
        if (r.refcount !== null) expect(r.refcount).toBe(reference[i]!.count);
        expect(r.refpop).toBe(reference[i]!.population);
      });
  });

  for (const want of results) {
    const name = String(want.area);
    const statistic = String(want.statistic);
    it(`${name}: ${statistic}`, () => {
      const { observed, expected } = areas.get(name)!;
      expect(observed).toBe(num(want.observed));
      expect(rel(expected, num(want.expected))).toBeLessThan(1e-13);
      // rate rows: the ratio times the reference crude rate; ratio rows: times 1 or 100
      const factor = statistic.startsWith('indirectly standardised rate')
        ? refRate * Number(/per (\d+)/.exec(statistic)![1])
        : Number(/x (\d+)/.exec(statistic)![1]);
      if (want.ref_rate !== null) expect(rel(refRate * Number(/per (\d+)/.exec(statistic)![1]), num(want.ref_rate))).toBeLessThan(1e-13);
      const r95 = standardisedRatio(observed, expected);
      expect(r95.method).toBe(want.method === 'Exact' ? 'exact' : 'byar');
      expect(rel(r95.value * factor, num(want.value))).toBeLessThan(TOL);
      expect(rel(r95.lower * factor, num(want.lower95_0cl))).toBeLessThan(TOL);
      expect(rel(r95.upper * factor, num(want.upper95_0cl))).toBeLessThan(TOL);
      if (want.lower99_8cl !== null) {
        const r998 = standardisedRatio(observed, expected, { level: 0.998 });
        expect(rel(r998.lower * factor, num(want.lower99_8cl))).toBeLessThan(TOL);
        expect(rel(r998.upper * factor, num(want.upper99_8cl))).toBeLessThan(TOL);
      }
    });
  }

  it('published-tables.md: O = 91 and O = 9 against E = 835.88356123117433', () => {
    const e = 835.88356123117433;
    const big = standardisedRatio(91, e);
    expect(rel(big.value, 0.10886683770400503)).toBeLessThan(1e-14);
    expect(rel(big.lower, 0.08765040101829405)).toBeLessThan(TOL);
    expect(rel(big.upper, 0.13366576328418911)).toBeLessThan(TOL);
    const small = standardisedRatio(9, e);
    expect(small.method).toBe('exact');
    expect(small.notes).toEqual(['fewer than 10 observed: exact Poisson limits used']);
    expect(rel(small.lower, 0.0049233808250957762)).toBeLessThan(TOL);
    expect(rel(small.upper, 0.02043921455549973)).toBeLessThan(TOL);
  });
});

describe('standardisedRatio: R cross-check (poisson.test / qchisq, Byar)', () => {
  it('exact and Byar limits at levels 0.8 to 0.998, observed 0 to 895', () => {
    for (const c of data.isr) {
      const exact = standardisedRatio(c.observed, c.expected, { level: c.level, method: 'exact' });
      const byar = standardisedRatio(c.observed, c.expected, { level: c.level, method: 'byar' });
      const auto = standardisedRatio(c.observed, c.expected, { level: c.level });
      expect(rel(exact.value, c.value)).toBeLessThan(1e-15);
      expect(rel(exact.lower, c.exactLower)).toBeLessThan(1e-12);
      expect(rel(exact.upper, c.exactUpper)).toBeLessThan(1e-12);
      expect(rel(byar.lower, c.byarLower)).toBeLessThan(1e-12);
      expect(rel(byar.upper, c.byarUpper)).toBeLessThan(1e-12);
      expect(auto).toEqual(c.observed < 10 ? { ...exact, notes: auto.notes } : byar);
      expect(exact.method).toBe('exact');
      expect(byar.method).toBe('byar');
    }
  });
});

describe('standardisedRatio: edge cases and InputErrors', () => {
  it('0 observed: 0 (0 to the exact upper limit); Byar below 10 says so', () => {
    const r = standardisedRatio(0, 4);
    expect([r.value, r.lower, r.method]).toEqual([0, 0, 'exact']);
    expect(rel(r.upper, -Math.log(0.025) / 4)).toBeLessThan(1e-13);
    expect(standardisedRatio(3, 4, { method: 'byar' }).notes?.[0]).toContain("Byar's approximation");
    expect(standardisedRatio(30, 4, { method: 'exact' }).notes).toBeUndefined();
    expect(standardisedRatio(30, 4)).toMatchObject({ observed: 30, expected: 4, value: 7.5 });
  });

  it("Byar's lower limit breaking down (1 observed at 99.8%) or undefined (0 observed) is noted, as in poissonCI", () => {
    const one = standardisedRatio(1, 5, { method: 'byar', level: 0.998 });
    expect([one.lower, one.method]).toEqual([0, 'byar']);
    expect(one.notes).toEqual([
      expect.stringContaining('fewer than 10 observed'),
      "too few events for Byar's lower limit at this level (the approximation breaks down); 0 used, prefer method 'exact'",
    ]);
    const zero = standardisedRatio(0, 5, { method: 'byar' });
    expect(zero.notes).toContain("0 events: Byar's lower limit is undefined; 0 used");
    // where Byar's lower limit holds, no such note
    expect(standardisedRatio(1, 5, { method: 'byar' }).notes).toEqual([expect.stringContaining('fewer than 10 observed')]);
    expect(standardisedRatio(1, 5, { level: 0.998 }).method).toBe('exact');
  });

  it('rejects negative, NaN or string observed, zero expected, unknown methods, level 95', () => {
    expect(issuesOf(() => standardisedRatio(-1, 2))).toEqual([{ path: ['observed'], expected: 'a finite number >= 0', received: -1 }]);
    expect(issuesOf(() => standardisedRatio(NaN, 2))[0]).toMatchObject({ path: ['observed'], received: NaN });
    expect(issuesOf(() => standardisedRatio('9' as never, 2))[0]).toMatchObject({ hint: 'pass the number 9, not a string' });
    expect(issuesOf(() => standardisedRatio(3, 0))).toEqual([
      { path: ['expected'], expected: 'a finite number > 0', received: 0, hint: 'no events are expected, so the ratio is undefined' },
    ]);
    expect(issuesOf(() => standardisedRatio(3, Infinity))[0]).toMatchObject({ path: ['expected'] });
    expect(issuesOf(() => standardisedRatio(3, 2, { method: 'normal' as never }))[0]).toMatchObject({ path: ['method'] });
    expect(issuesOf(() => standardisedRatio(3, 2, { level: 95 }))[0]).toMatchObject({ path: ['level'], hint: 'did you mean 0.95?' });
  });
});

describe('expectedCount', () => {
  const population = [
    { age: '16-24', population: 12000 },
    { age: '25-59', population: 41000 },
  ];
  const national = [
    { age: '16-24', count: 900, population: 6_000_000 },
    { age: '25-59', count: 2100, population: 28_000_000 },
  ];

  it('from counts and populations, or from rates per `per`; single years summed; other ages left out', () => {
    expect(rel(expectedCount(population, national), 4.875)).toBeLessThan(1e-15);
    const rates = [{ age: '16-24', rate: 15 }, { age: '25-59', rate: 7.5 }];
    expect(rel(expectedCount(population, rates, { per: 100000 }), 4.875)).toBeLessThan(1e-15);
    const years = Array.from({ length: 60 }, (_, age) => ({ age, population: age < 16 ? 999 : age < 25 ? 12000 / 9 : 41000 / 35 }));
    expect(rel(expectedCount([...years, { age: '60+', population: 5 }], national), 4.875)).toBeLessThan(1e-14);
  });

  it('InputErrors: rates without per, both forms, neither, uncovered or straddled reference bands, bad numbers', () => {
    expect(issuesOf(() => expectedCount(population, [{ age: '16-24', rate: 1 }, { age: '25-59', rate: 2 }]))).toEqual([
      expect.objectContaining({ path: ['per'], expected: expect.stringContaining('multiplier of the reference rates') }),
    ]);
    const both = issuesOf(() => expectedCount(population, [{ age: '16-24', rate: 1, count: 2, population: 3 } as never, national[1]!], { per: 1 }));
    expect(both[0]).toMatchObject({ path: ['referenceRates', 0] });
    const neither = issuesOf(() => expectedCount(population, [{ age: '16-24', count: 2 } as never, national[1]!]));
    expect(neither[0]).toMatchObject({ path: ['referenceRates', 0, 'population'] });
    const uncovered = issuesOf(() => expectedCount(population.slice(0, 1), national));
    expect(uncovered[0]).toMatchObject({ path: ['referenceRates', 1, 'age'] });
    const straddle = issuesOf(() => expectedCount([{ age: '16-30', population: 1 }, { age: '31-59', population: 1 }], national));
    expect(straddle.some((i) => i.path.join('.') === 'population.0.age')).toBe(true);
    expect(issuesOf(() => expectedCount([{ age: '16-24', population: -1 }, population[1]!], national))[0]).toMatchObject({
      path: ['population', 0, 'population'],
    });
    expect(issuesOf(() => expectedCount(population, [{ ...national[0]!, population: 0 }, national[1]!]))[0]).toMatchObject({
      path: ['referenceRates', 0, 'population'],
      received: 0,
    });
    expect(issuesOf(() => expectedCount([], national))[0]).toMatchObject({ path: ['population'] });
  });

  it('the PHE malformed inputs: a negative population (err3) is rejected', () => {
    const err3 = readPhe('DSR_ISR-err3.csv').map((r) => ({ age: fixAge(r['Age Band']!), population: num(r.pop) }));
    expect(issuesOf(() => expectedCount(err3, reference))).toEqual([
      { path: ['population', 1, 'population'], expected: 'a finite number >= 0', received: -558 },
    ]);
  });
});

describe('standardisedRatio and expectedCount: properties', () => {
  const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99, 0.998);
  it('the interval contains the ratio; expected x k divides everything by k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0.01, max: 1e5, noNaN: true }), level, fc.integer({ min: 2, max: 100 }), (o, e, lv, k) => {
        const r = standardisedRatio(o, e, { level: lv });
        expect(r.lower).toBeLessThanOrEqual(r.value);
        expect(r.upper).toBeGreaterThan(r.value);
        expect(r.lower).toBeGreaterThanOrEqual(0);
        const s = standardisedRatio(o, e * k, { level: lv });
        for (const key of ['value', 'lower', 'upper'] as const) expect(rel(s[key] * k, r[key])).toBeLessThan(1e-12);
      }),
    );
  });

  it('expected count is linear in the population, and equals the observed when the reference is the area itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ count: fc.integer({ min: 0, max: 1000 }), population: fc.integer({ min: 1, max: 1e6 }) }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 2, max: 1000 }),
        (bands, k) => {
          const ages = bands.map((_, i) => `${5 * i}-${5 * i + 4}`);
          const ref = bands.map((b, i) => ({ age: ages[i]!, count: b.count, population: b.population }));
          const pop = bands.map((b, i) => ({ age: ages[i]!, population: b.population }));
          const observed = bands.reduce((s, b) => s + b.count, 0);
          const e = expectedCount(pop, ref);
          expect(Math.abs(e - observed)).toBeLessThanOrEqual(1e-12 * Math.max(1, observed));
          const ek = expectedCount(pop.map((p) => ({ ...p, population: p.population * k })), ref);
          expect(Math.abs(ek - k * e)).toBeLessThanOrEqual(1e-12 * Math.max(1, k * e));
        },
      ),
    );
  });
  it('a ratio beyond the doubles is an InputError on expected, not a silent Infinity', () => {
    expect(() => standardisedRatio(1e308, 1e-10)).toThrow(/expected: expected an expected count that makes observed \/ expected a representable number/);
  });
});
