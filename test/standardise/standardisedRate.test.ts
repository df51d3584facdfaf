import fc from 'fast-check';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { describe, expect, it } from 'vitest';
import { esp2013 } from '../../src/data/esp2013';
import { standardisedRate, type StandardisedRateRow } from '../../src/standardise/standardisedRate';
import data from '../fixtures/r/standardise.json';
import { rel } from './phe';
import { issuesOf } from '../helpers';

const FOUR = ['15-24', '25-34', '35-44', '45-59'];
const standard4 = [
  { age: '15-24', population: 11500 },
  { age: '25-34', population: 12500 },
  { age: '35-44', population: 14000 },
  { age: '45-59', population: 20500 },
];


describe('standardisedRate: R cross-check (test/fixtures/r/standardise.R)', () => {
  it('Dobson limits from Byar limits at levels 0.8 to 0.998, per 100000 and per 1, non-integer counts', () => {
    for (const c of data.dsr) {
      const rows = c.ages.map((age, i) => ({ age, count: c.count[i]!, population: c.population[i]! }));
      const standard = c.ages.map((age, i) => ({ age, population: c.standard[i]! }));
      const r = standardisedRate(rows, { standard, per: c.per, level: c.level });
      expect(rel(r.value, c.value)).toBeLessThan(1e-13);
      expect(rel(r.lower, c.lower)).toBeLessThan(1e-12);
      expect(rel(r.upper, c.upper)).toBeLessThan(1e-12);
      expect(rel(r.standardError!, c.standardError)).toBeLessThan(1e-13);
    }
  });

  it('non-independent events at levels 0.8 to 0.998', () => {
    const n = data.nonIndependent;
    const rows = n.ages.map((age, i) => ({
      age,
      personsByEvents: Object.fromEntries(n.persons[i]!.map((p, f) => [f + 1, p])),
      population: n.population[i]!,
    }));
    const standard = n.ages.map((age, i) => ({ age, population: n.standard[i]! }));
    for (const c of n.results) {
      const r = standardisedRate(rows, { standard, level: c.level });
      expect(rel(r.value, c.value)).toBeLessThan(1e-13);
      expect(rel(r.lower, c.lower)).toBeLessThan(1e-12);
      expect(rel(r.upper, c.upper)).toBeLessThan(1e-12);
      expect(rel(r.standardError!, c.standardError)).toBeLessThan(1e-13);
    }
  });

  it("birth-order data (Fleiss 1981): same DSR as epitools' ageadjust.direct; Dobson limits, not Fay & Feuer's", () => {
    const b = data.birthOrder;
    const standard = b.ages.map((age, i) => ({ age, population: b.standard[i]! }));
    // printed in the epitools man page (published-tables.md): adjusted rates per 100,000
    const printed = [92.3, 91.2, 85.1, 92.7, 75.5];
    b.rows.forEach((c, k) => {
      const rows = b.ages.map((age, i) => ({ age, count: c.count[i]!, population: c.population[i]! }));
      const r = standardisedRate(rows, { standard });
      expect(rel(r.value, c.adjusted)).toBeLessThan(1e-13);
      expect(Math.round(r.value * 10) / 10).toBe(printed[k]);
      expect(rel(r.lower, c.dobsonLower)).toBeLessThan(1e-12);
      expect(rel(r.upper, c.dobsonUpper)).toBeLessThan(1e-12);
    });
    // The contrast, documented: with a zero-count band of tiny population (birth order 5+, mothers
    // under 20), Fay & Feuer's gamma upper limit (188.3) is far above Dobson's (83.9).
    const five = b.rows[4]!;
    expect(five.fayFeuerUpper).toBeGreaterThan(2 * five.dobsonUpper);
  });
});

describe('standardisedRate: edge cases', () => {
  const z975 = normalQuantile(0.975, 0, 1);
  const byarUpper0 = (1 - 1 / 9 + z975 / 3) ** 3; // PHE Byar's upper limit at x = 0 (from x + 1 = 1)

  it('zero events: 0 (0 to an upper limit from the band of largest weight), with a note', () => {
    const rows = FOUR.map((age, i) => ({ age, count: 0, population: [9800, 11200, 10400, 600][i]! }));
    const r = standardisedRate(rows, { standard: standard4 });
    expect(r.value).toBe(0);
    expect(r.lower).toBe(0);
    const maxWeight = 20500 / 58500 / 600;
    expect(rel(r.upper, maxWeight * byarUpper0 * 1e5)).toBeLessThan(1e-12);
    expect(r.events).toBe(0);
    expect(r.notes).toEqual([expect.stringContaining('no events')]);
  });

  it('events only in bands of standard weight 0: treated as no events for the limits', () => {
    const standard = [{ age: '0-49', population: 0 }, { age: '50+', population: 1 }];
    const r = standardisedRate([{ age: '0-49', count: 12, population: 100 }, { age: '50+', count: 0, population: 50 }], { standard });
    expect([r.value, r.lower, r.events]).toEqual([0, 0, 12]);
    expect(rel(r.upper, (1 / 50) * byarUpper0 * 1e5)).toBeLessThan(1e-12);
    expect(r.notes).toEqual([expect.stringContaining('no events in the bands the standard weights')]);
  });

  it("a lower limit below 0 (very uneven weights) is set to 0, with a note", () => {
    const rows = [
      { age: '0-49', count: 1, population: 100000 },
      { age: '50+', count: 1, population: 10 },
    ];
    const r = standardisedRate(rows, { standard: [{ age: '0-49', population: 1 }, { age: '50+', population: 1 }] });
    expect(r.lower).toBe(0);
    expect(r.notes).toEqual([
      expect.stringContaining('fewer than 10 events'),
      expect.stringContaining('set to 0'),
    ]);
  });

  it('single years are summed into the standard bands; row order does not matter', () => {
    const bands = standardisedRate(
      [
        { age: '15-24', count: 10, population: 1000 },
        { age: '25-34', count: 20, population: 3000 },
      ],
      { standard: [{ age: '15-24', population: 1 }, { age: '25-34', population: 3 }] },
    );
    const years = Array.from({ length: 20 }, (_, k) => ({
      age: 15 + k,
      count: k < 10 ? 1 : 2,
      population: k < 10 ? 100 : 300,
    })).reverse();
    const r = standardisedRate(years, { standard: [{ age: '25-34', population: 3 }, { age: '15-24', population: 1 }] });
    expect(rel(r.value, bands.value)).toBeLessThan(1e-14);
    expect(rel(r.lower, bands.lower)).toBeLessThan(1e-14);
    expect(rel(r.upper, bands.upper)).toBeLessThan(1e-14);
    expect(r.population).toBe(4000);
  });

  it('does not mutate its inputs (frozen rows and standard)', () => {
    const rows = Object.freeze(
      FOUR.map((age, i) => Object.freeze({ age, personsByEvents: Object.freeze({ 1: 3 + i, 2: 1 }), population: 1000 })),
    );
    const standard = Object.freeze(standard4.map((s) => Object.freeze({ ...s })));
    const before = JSON.stringify([rows, standard]);
    standardisedRate(rows, { standard });
    expect(JSON.stringify([rows, standard])).toBe(before);
  });
});

describe('standardisedRate: InputErrors', () => {
  const rows4 = FOUR.map((age, i) => ({ age, count: 5 + i, population: 1000 }));

  it('a band of the standard without a row', () => {
    const issues = issuesOf(() => standardisedRate(rows4.slice(0, 3), { standard: standard4 }));
    expect(issues).toEqual([
      expect.objectContaining({ path: ['standard', 3, 'age'], expected: expect.stringContaining('every age in 45-59') }),
    ]);
    // esp2013 by default: 4 rows leave 0-14 and 60+ uncovered
    expect(issuesOf(() => standardisedRate(rows4)).length).toBeGreaterThan(1);
  });

  it('a duplicated row, a row outside the standard, a row straddling two bands', () => {
    const dup = issuesOf(() => standardisedRate([...rows4, { age: '15-24', count: 1, population: 5 }], { standard: standard4 }));
    expect(dup).toEqual([expect.objectContaining({ path: ['rows', 4, 'age'], hint: expect.stringContaining('duplicates rows[0]') })]);
    const outside = issuesOf(() => standardisedRate([...rows4, { age: '60+', count: 1, population: 5 }], { standard: standard4 }));
    expect(outside).toEqual([
      expect.objectContaining({ path: ['rows', 4, 'age'], expected: expect.stringContaining("inside the standard's ages"), received: '60+' }),
    ]);
    const straddle = issuesOf(() =>
      standardisedRate(
        [{ age: '15-29', count: 1, population: 5 }, { age: '30-34', count: 1, population: 5 }, ...rows4.slice(2)],
        { standard: standard4 },
      ),
    );
    expect(straddle[0]).toMatchObject({ path: ['rows', 0, 'age'], received: '15-29' });
  });

  it('duplicated or overlapping bands in the standard; a standard of zeros', () => {
    const issues = issuesOf(() => standardisedRate(rows4, { standard: [...standard4, { age: '15-24', population: 1 }] }));
    expect(issues[0]).toMatchObject({ path: ['standard', 4, 'age'], expected: expect.stringContaining('do not overlap') });
    const zeros = issuesOf(() => standardisedRate(rows4, { standard: standard4.map((s) => ({ ...s, population: 0 })) }));
    expect(zeros).toEqual([expect.objectContaining({ path: ['standard'], expected: 'a standard with population > 0 in some band' })]);
  });

  it('bad numbers, strings, NaN, a bad age, level 95, unknown options', () => {
    const issues = issuesOf(() =>
      standardisedRate(
        [
          { age: '15-24', count: NaN, population: 1000 },
          { age: '25-34', count: '3' as unknown as number, population: Infinity },
          { age: 'adults', count: 1, population: 1 },
        ],
        { level: 95, levle: 0.9 } as never,
      ),
    );
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join('.'), i]));
    expect(byPath['rows.0.count']).toMatchObject({ expected: 'a finite number >= 0' });
    expect(byPath['rows.1.count']).toMatchObject({ hint: 'pass the number 3, not a string' });
    expect(byPath['rows.1.population']).toMatchObject({ expected: 'a finite number > 0', received: Infinity });
    expect(byPath['rows.2.age']).toMatchObject({ received: 'adults' });
    expect(byPath['level']).toMatchObject({ hint: 'did you mean 0.95?' });
    expect(byPath['options']).toMatchObject({ expected: 'no unknown fields (unknown: levle)', hint: expect.stringMatching(/^did you mean level\? known options: /) });
    expect(issuesOf(() => standardisedRate('rows' as never))[0]).toMatchObject({ path: ['rows'] });
    expect(issuesOf(() => standardisedRate(rows4, { standard: [] }))[0]).toMatchObject({ path: ['standard'] });
    expect(issuesOf(() => standardisedRate(rows4, { per: 0, standard: standard4 }))[0]).toMatchObject({ path: ['per'] });
  });

  it("a '__proto__' key in personsByEvents (zod would drop it silently) is an InputError at its path", () => {
    const rows = [
      { age: '15-24', personsByEvents: JSON.parse('{"1":25,"__proto__":5}') as Record<string, number>, population: 9800 },
      { age: '25-34', count: 0, population: 11200 },
    ];
    const standard = [{ age: '15-24', population: 11500 }, { age: '25-34', population: 12500 }];
    expect(issuesOf(() => standardisedRate(rows, { standard }))).toEqual([
      expect.objectContaining({ path: ['rows', 0, 'personsByEvents', '__proto__'], expected: expect.stringContaining("other than '__proto__'"), received: 5 }),
    ]);
  });

  it('no rows at all: an InputError at rows, not at the standard', () => {
    const expected = 'at least one row { age, count, population }';
    expect(issuesOf(() => standardisedRate([]))).toEqual([{ path: ['rows'], expected, received: [] }]);
    expect(issuesOf(() => standardisedRate([], { standard: standard4 }))).toEqual([{ path: ['rows'], expected, received: [] }]);
  });

  it('repeat events: bad keys, a count that disagrees, rows without personsByEvents, a row with neither', () => {
    const rows: StandardisedRateRow[] = [
      { age: '15-24', personsByEvents: { 1: 3, 0: 2 }, population: 1000 },
      { age: '25-34', personsByEvents: { 1: 3, 2: 1 }, count: 6, population: 1000 },
      { age: '35-44', count: 4, population: 1000 },
      { age: '45-59', count: 0, population: 1000 },
    ];
    const issues = issuesOf(() => standardisedRate(rows, { standard: standard4 }));
    expect(issues.map((i) => i.path)).toEqual([['rows', 0, 'personsByEvents', '0']]);
    rows[0] = { age: '15-24', personsByEvents: { 1: 3, 3: 2 }, population: 1000 };
    const later = issuesOf(() => standardisedRate(rows, { standard: standard4 }));
    expect(later).toEqual([
      expect.objectContaining({ path: ['rows', 1, 'count'], expected: 'the number of events in personsByEvents (5), or no count', received: 6 }),
      expect.objectContaining({ path: ['rows', 2, 'personsByEvents'], hint: expect.stringContaining('for every band with events, or for none') }),
    ]);
    const neither = issuesOf(() =>
      standardisedRate([{ age: '15-24', population: 10 } as never], { standard: [{ age: '15-24', population: 1 }] }),
    );
    expect(neither).toEqual([expect.objectContaining({ path: ['rows', 0, 'count'] })]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
const bandCount = fc.integer({ min: 1, max: 8 });
/** Random area: contiguous 5-year bands with counts, populations and a standard. */
const area = bandCount.chain((n) =>
  fc.record({
    counts: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: n, maxLength: n }),
    pops: fc.array(fc.integer({ min: 1, max: 200000 }), { minLength: n, maxLength: n }),
    std: fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: n, maxLength: n }).filter((s) => s.some((x) => x > 0)),
  }),
);
const agesOf = (n: number) => Array.from({ length: n }, (_, i) => `${5 * i}-${5 * i + 4}`);
const build = (a: { counts: number[]; pops: number[]; std: number[] }) => {
  const ages = agesOf(a.counts.length);
  return {
    rows: ages.map((age, i) => ({ age, count: a.counts[i]!, population: a.pops[i]! })),
    standard: ages.map((age, i) => ({ age, population: a.std[i]! })),
  };
};
const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99, 0.998);

describe('standardisedRate: properties', () => {
  it('the interval contains the value; all finite; a zero count gives a zero lower limit', () => {
    fc.assert(
      fc.property(area, level, (a, lv) => {
        const { rows, standard } = build(a);
        const r = standardisedRate(rows, { standard, level: lv });
        expect(Number.isFinite(r.lower) && Number.isFinite(r.upper) && Number.isFinite(r.value)).toBe(true);
        expect(r.lower).toBeGreaterThanOrEqual(0);
        expect(r.lower).toBeLessThanOrEqual(r.value);
        expect(r.upper).toBeGreaterThan(r.value);
        if (r.events === 0) expect(r.lower).toBe(0);
      }),
    );
  });

  it('populations x k divide the rate and its limits by k; the standard x k changes nothing; per is linear', () => {
    fc.assert(
      fc.property(area, fc.integer({ min: 2, max: 1000 }), (a, k) => {
        const { rows, standard } = build(a);
        const r = standardisedRate(rows, { standard });
        const bigger = standardisedRate(rows.map((row) => ({ ...row, population: row.population * k })), { standard });
        const scaledStd = standardisedRate(rows, { standard: standard.map((s) => ({ ...s, population: s.population * k })) });
        const perK = standardisedRate(rows, { standard, per: 100000 * k });
        for (const key of ['value', 'lower', 'upper'] as const) {
          expect(rel(bigger[key] * k, r[key])).toBeLessThan(1e-12);
          expect(rel(scaledStd[key], r[key])).toBeLessThan(1e-12);
          expect(rel(perK[key], r[key] * k)).toBeLessThan(1e-12);
        }
      }),
    );
  });

  it('counts and populations x k keep the rate and narrow the interval', () => {
    fc.assert(
      fc.property(area, fc.integer({ min: 2, max: 50 }), (a, k) => {
        const { rows, standard } = build(a);
        const r = standardisedRate(rows, { standard });
        const more = standardisedRate(rows.map((row) => ({ ...row, count: row.count * k, population: row.population * k })), { standard });
        expect(rel(more.value, r.value)).toBeLessThan(1e-12);
        if (r.events > 0 && r.notes?.some((n) => n.includes('set to 0')) !== true) {
          expect(more.upper - more.lower).toBeLessThan(r.upper - r.lower);
        }
      }),
    );
  });

  it('equal age-specific rates give that rate, whatever the standard', () => {
    fc.assert(
      fc.property(area, fc.integer({ min: 1, max: 50 }), (a, c) => {
        const { standard } = build(a);
        // every band: c events per 1000 people
        const rows = a.pops.map((p, i) => ({ age: standard[i]!.age, count: c * (p % 7 + 1), population: 1000 * (p % 7 + 1) }));
        const r = standardisedRate(rows, { standard, per: 1000 });
        expect(rel(r.value, c)).toBeLessThan(1e-12);
      }),
    );
  });

  it('one event per person is the independent case; concentrating events on fewer persons widens the interval', () => {
    fc.assert(
      fc.property(area, (a) => {
        const { rows, standard } = build(a);
        const r = standardisedRate(rows, { standard });
        const single = standardisedRate(
          rows.map(({ age, count, population }) => ({ age, personsByEvents: { 1: count }, population })),
          { standard },
        );
        for (const key of ['value', 'lower', 'upper'] as const) expect(rel(single[key], r[key])).toBeLessThan(1e-14);
        // the same events from persons with 2 events each (and one single if the count is odd)
        const pairs = standardisedRate(
          rows.map(({ age, count, population }) => ({ age, personsByEvents: { 1: count % 2, 2: (count - (count % 2)) / 2 }, population })),
          { standard },
        );
        expect(rel(pairs.value, r.value)).toBeLessThan(1e-14);
        expect(pairs.upper).toBeGreaterThanOrEqual(r.upper * (1 - 1e-14));
        expect(pairs.lower).toBeLessThanOrEqual(r.lower * (1 + 1e-14));
      }),
    );
  });

  it('row order does not matter', () => {
    fc.assert(
      fc.property(area, fc.integer(), (a, seed) => {
        const { rows, standard } = build(a);
        const shuffled = [...rows].sort((x, y) => ((x.population * 31 + seed) % 17) - ((y.population * 31 + seed) % 17));
        const r = standardisedRate(rows, { standard });
        const s = standardisedRate(shuffled, { standard: [...standard].reverse() });
        for (const key of ['value', 'lower', 'upper'] as const) expect(rel(s[key], r[key])).toBeLessThan(1e-13);
      }),
    );
  });
});

it('esp2013 has 19 bands summing to 100000 (the default standard)', () => {
  expect(esp2013).toHaveLength(19);
  expect(esp2013.reduce((s, b) => s + b.population, 0)).toBe(100000);
});
