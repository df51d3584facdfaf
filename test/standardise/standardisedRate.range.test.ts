// standardisedRate at the edges of the doubles: weights whose squares underflow, standards whose sum
// overflows, totals that overflow (InputErrors), and a check that ordinary inputs give, bit for bit,
// the plain Dobson formulas (subnormal counts aside, which now lose less).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/InputError';
import { byarLimits } from '../../src/intervals/kernels/byarLimits';
import { standardisedRate } from '../../src/standardise/standardisedRate';
import { issuesOf } from '../helpers';
import { rel } from './phe';

const TWO = ['15-24', '25-34'];
const standard2 = [
  { age: '15-24', population: 11500 },
  { age: '25-34', population: 12500 },
];
const rowsOf = (counts: number[], populations: number[]) =>
  counts.map((count, i) => ({ age: `${5 * i}-${5 * i + 4}`, count, population: populations[i]! }));
const standardOf = (populations: number[]) => populations.map((population, i) => ({ age: `${5 * i}-${5 * i + 4}`, population }));

/** The DSR with Dobson limits as plain formulas, unscaled, in band order (the computation before scaling). */
function plain(counts: number[], populations: number[], std: number[], per: number, level: number) {
  let totalStandard = 0;
  for (const s of std) totalStandard += s;
  let value = 0;
  let variance = 0;
  let maxWeight = 0;
  let total = 0;
  counts.forEach((count, i) => {
    const w = std[i]! / totalStandard / populations[i]!;
    value += w * count;
    variance += w * w * count;
    if (w > maxWeight) maxWeight = w;
    total += count;
  });
  if (variance === 0) return { value: 0, lower: 0, upper: maxWeight * byarLimits(0, level)[1] * per, standardError: 0 };
  const [countLower, countUpper] = byarLimits(total, level);
  const scale = Math.sqrt(variance / total);
  const lower = value + scale * (countLower - total);
  return {
    value: value * per,
    lower: lower < 0 ? 0 : lower * per,
    upper: (value + scale * (countUpper - total)) * per,
    standardError: Math.sqrt(variance) * per,
  };
}

const area = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    counts: fc.array(fc.oneof(fc.integer({ min: 0, max: 400 }), fc.double({ min: 1e-3, max: 1e4, noNaN: true })), { minLength: n, maxLength: n }),
    pops: fc.array(fc.oneof(fc.integer({ min: 1, max: 200000 }), fc.double({ min: 0.01, max: 1e7, noNaN: true })), { minLength: n, maxLength: n }),
    std: fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: n, maxLength: n }).filter((s) => s.some((x) => x > 0)),
  }),
);
const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99, 0.998);

describe('standardisedRate: ordinary inputs are unchanged by the scaling', () => {
  it('value, limits and standard error equal the plain formulas bit for bit', () => {
    fc.assert(
      fc.property(area, level, fc.constantFrom(1, 1000, 100000), (a, lv, per) => {
        const r = standardisedRate(rowsOf(a.counts, a.pops), { standard: standardOf(a.std), level: lv, per });
        const want = plain(a.counts, a.pops, a.std, per, lv);
        expect([r.value, r.lower, r.upper, r.standardError]).toEqual([want.value, want.lower, want.upper, want.standardError]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('standardisedRate: very large and very small numbers', () => {
  const base = standardisedRate(
    TWO.map((age) => ({ age, count: 5, population: 1000 })),
    { standard: standard2 },
  );

  it('populations of 1e300: the limits of populations of 1000, scaled (the squared weights underflow)', () => {
    const r = standardisedRate(
      TWO.map((age) => ({ age, count: 5, population: 1e300 })),
      { standard: standard2 },
    );
    for (const key of ['value', 'lower', 'upper', 'standardError'] as const) expect(rel(r[key]! * 1e297, base[key]!)).toBeLessThan(1e-12);
    expect(r.lower).toBeLessThan(r.value);
    expect(r.upper).toBeGreaterThan(r.value);
    expect(r.notes).toBeUndefined(); // 10 events: no "no events" note
    expect(r.events).toBe(10);
  });

  it('populations of 1e-305 (rates of 5e305 per person): fine per person, an InputError at per 100000', () => {
    const rows = TWO.map((age) => ({ age, count: 5, population: 1e-305 }));
    const perPerson = standardisedRate(rows, { standard: standard2, per: 1 });
    const base1 = standardisedRate(TWO.map((age) => ({ age, count: 5, population: 1 })), { standard: standard2, per: 1 });
    for (const key of ['value', 'lower', 'upper'] as const) expect(rel(perPerson[key] * 1e-305, base1[key])).toBeLessThan(1e-12);
    expect(issuesOf(() => standardisedRate(rows, { standard: standard2 }))).toEqual([
      expect.objectContaining({ path: ['per'], expected: expect.stringContaining('overflows to Infinity'), received: 100000, hint: 'give the rate per fewer people' }),
    ]);
  });

  it('a rate that underflows with per is an InputError at per', () => {
    const rows = TWO.map((age) => ({ age, count: 1, population: 1e300 }));
    expect(issuesOf(() => standardisedRate(rows, { standard: standard2, per: 1e-30 }))).toEqual([
      expect.objectContaining({ path: ['per'], expected: expect.stringContaining('underflows to 0'), hint: 'give the rate per more people' }),
    ]);
  });

  it('a standard of 1e308 in each band (its sum overflows) gives the weights 1/2, 1/2', () => {
    const rows = TWO.map((age, i) => ({ age, count: 4 + i, population: 1000 }));
    const r = standardisedRate(rows, { standard: TWO.map((age) => ({ age, population: 1e308 })) });
    expect(r).toEqual(standardisedRate(rows, { standard: TWO.map((age) => ({ age, population: 1 })) }));
    expect(r.value).toBeGreaterThan(0);
  });

  it('events only in a band of tiny weight: a rate, not "no events" (its weight per person is subnormal)', () => {
    const rows = [
      { age: '15-24', count: 5, population: 1e10 },
      { age: '25-34', count: 0, population: 1000 },
    ];
    const r = standardisedRate(rows, { standard: [{ age: '15-24', population: 1e-300 }, { age: '25-34', population: 1 }] });
    const per = 1e-300 / (1 + 1e-300) / 1e10 * 1e5;
    const [lower, upper] = byarLimits(5, 0.95); // one band with events: Dobson's limits are its Byar limits, weighted
    expect(rel(r.value, per * 5)).toBeLessThan(1e-13);
    expect(rel(r.lower, per * lower)).toBeLessThan(1e-12);
    expect(rel(r.upper, per * upper)).toBeLessThan(1e-12);
    expect(r.notes).toEqual([expect.stringContaining('fewer than 10 events')]);
  });

  it('totals that overflow are InputErrors naming the row: counts, squared events, populations', () => {
    expect(issuesOf(() => standardisedRate(TWO.map((age) => ({ age, count: 1e308, population: 1000 })), { standard: standard2 }))).toEqual([
      expect.objectContaining({ path: ['rows', 1, 'count'], expected: expect.stringContaining('add up to a finite number'), received: 1e308 }),
    ]);
    // one row's own events overflow: reported there, once
    const own = issuesOf(() =>
      standardisedRate(
        [
          { age: '15-24', personsByEvents: { 999999999: 1e300 }, population: 1000 },
          { age: '25-34', count: 0, population: 1000 },
        ],
        { standard: standard2 },
      ),
    );
    expect(own).toEqual([expect.objectContaining({ path: ['rows', 0, 'personsByEvents'], received: { 999999999: 1e300 } })]);
    // events finite (1.5e299 each) but squared events 1.5e308 each: the sum for the variance overflows
    const squares = issuesOf(() =>
      standardisedRate(
        TWO.map((age) => ({ age, personsByEvents: { 999999999: 1.5e290 }, population: 1000 })),
        { standard: standard2 },
      ),
    );
    expect(squares).toEqual([expect.objectContaining({ path: ['rows', 1, 'personsByEvents'], expected: expect.stringContaining('squared events') })]);
    const populations = issuesOf(() => standardisedRate(TWO.map((age) => ({ age, count: 1, population: 1e308 })), { standard: standard2 }));
    expect(populations).toEqual([expect.objectContaining({ path: ['rows', 1, 'population'], received: 1e308 })]);
  });

  it('scaling populations by 10^k (|k| <= 250) scales the results by 10^-k; the standard by 10^k changes nothing', () => {
    const bands = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.record({
        counts: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: n, maxLength: n }),
        pops: fc.array(fc.integer({ min: 1, max: 200000 }), { minLength: n, maxLength: n }),
        std: fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: n, maxLength: n }).filter((s) => s.some((x) => x > 0)),
      }),
    );
    fc.assert(
      fc.property(bands, fc.integer({ min: -250, max: 250 }), fc.integer({ min: -300, max: 300 }), (a, k, ks) => {
        const r = standardisedRate(rowsOf(a.counts, a.pops), { standard: standardOf(a.std) });
        const s = standardisedRate(rowsOf(a.counts, a.pops.map((p) => p * 10 ** k)), { standard: standardOf(a.std.map((x) => x * 10 ** ks)) });
        for (const key of ['value', 'lower', 'upper'] as const) {
          if (r[key] === 0) expect(s[key]).toBe(0);
          else expect(rel(s[key] * 10 ** k, r[key])).toBeLessThan(1e-12);
        }
        expect(s.notes).toEqual(r.notes);
      }),
    );
  });

  it('counts, populations and standards anywhere in the doubles: an InputError, or no NaN and lower <= value <= upper', () => {
    const scale = fc.integer({ min: -320, max: 308 }).map((k) => 10 ** k);
    fc.assert(
      fc.property(area, scale, scale, scale, fc.constantFrom(1, 100000, 1e-300, 1e300), level, (a, kc, kp, ks, per, lv) => {
        const counts = a.counts.map((c) => c * kc);
        const pops = a.pops.map((p) => p * kp);
        const std = a.std.map((x) => x * ks);
        if (!pops.every((p) => p > 0 && Number.isFinite(p)) || !std.some((x) => x > 0) || !std.every(Number.isFinite) || !counts.every(Number.isFinite)) return;
        let r;
        try {
          r = standardisedRate(rowsOf(counts, pops), { standard: standardOf(std), per, level: lv });
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        for (const x of [r.value, r.lower, r.upper, r.standardError!]) expect(Number.isNaN(x)).toBe(false);
        expect(Number.isFinite(r.value)).toBe(true);
        expect(r.lower).toBeGreaterThanOrEqual(0);
        expect(r.lower).toBeLessThanOrEqual(r.value);
        expect(r.upper).toBeGreaterThanOrEqual(r.value);
        if (r.value > 0) expect(r.notes?.some((n) => n.startsWith('no events')) ?? false).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
