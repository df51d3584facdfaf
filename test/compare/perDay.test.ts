import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { perDay } from '../../src/index';
import r from '../fixtures/r/change.json';
import { errorOf } from '../helpers';
import { expectClose } from '../intervals/close';

// Against R 4.2.2: poisson.test(count, days, conf.level = level)$conf.int, the exact (Garwood) limits of the
// rate per day, for 12 counts (0 to 100,000) x 6 lengths (1 to 1,040 days, fractional) x 3 levels
// (test/fixtures/r/change.R). Tolerance: relative 1e-14 (largest seen 6.3e-16).
const REL = 1e-14;


describe('perDay against R poisson.test(count, days)', () => {
  it('rate per day and its exact limits; one every N days is the same interval inverted', () => {
    expect(r.perDay.length).toBe(216);
    for (const row of r.perDay) {
      const res = perDay(row.count, { days: row.days }, { level: row.level });
      const label = `${row.count} in ${row.days} days at ${row.level}`;
      expect(res.perDay.method).toBe('exact');
      expect(res.perDay.value).toBe(row.count / row.days);
      expectClose(res.perDay.lower, row.lower, REL, 0, `${label} lower`);
      expectClose(res.perDay.upper, row.upper, REL, 0, `${label} upper`);
      expect(res.oneEvery.value).toBe(row.days / row.count);
      expectClose(res.oneEvery.lower, 1 / row.upper, REL, 0, `${label} oneEvery lower`);
      expectClose(res.oneEvery.upper, row.lower === 0 ? Infinity : 1 / row.lower, REL, 0, `${label} oneEvery upper`);
      expect(res.oneEvery.level).toBe(row.level);
    }
  });
});

describe('perDay', () => {
  it("Lewisham's 1,579 in 2017 is more than four a day", () => {
    const res = perDay(1579, { from: '2017-01-01', to: '2017-12-31' });
    expect(res.days).toBe(365);
    expect(res.count).toBe(1579);
    expect(res.perDay.value).toBeCloseTo(4.326, 3);
    expect(res.perDay.lower).toBeGreaterThan(4);
    expect(res.perDay.standardError).toBe(Math.sqrt(1579) / 365);
    expect(res.description).toBe('about 4.3 a day (95% CI 4.1 to 4.5)');
    expect(res.perDay.notes).toBeUndefined();
  });

  it("Bexley's 974 is 2.67 a day; Wycombe's 239 is one every 1.53 days", () => {
    expect(perDay(974, { days: 365 }).perDay.value).toBeCloseTo(2.668, 3);
    expect(perDay(974, { days: 365 }).description).toBe('about 2.7 a day (95% CI 2.5 to 2.8)');
    const wycombe = perDay(239, { from: '2017-01-01', to: '2017-12-31' });
    expect(wycombe.oneEvery.value).toBeCloseTo(1.527, 3);
    expect(wycombe.description).toBe('about one every 1.5 days (95% CI 1.3 to 1.7)');
    expect(wycombe.oneEvery.lower).toBeCloseTo(365 / wycombe.perDay.upper / 365, 12);
  });

  it('dates include both days; a leap year is 366 days; other levels are named in the words', () => {
    expect(perDay(366, { from: '2016-01-01', to: '2016-12-31' }).perDay.value).toBe(1);
    expect(perDay(3, { from: '2020-02-29', to: '2020-02-29' }).days).toBe(1);
    expect(perDay(7706, { from: '2013-04-01', to: '2016-02-04' }, { level: 0.998 }).description).toBe('about 7.4 a day (99.8% CI 7.2 to 7.7)');
    expect(perDay(1, { days: 1040 }).description).toBe('about one every 1,040 days (95% CI 187 to 41,078)');
    // a count so small that days / count overflows: said per day
    expect(perDay(5e-324, { days: 1 }).description).toBe('about 4.9e-324 a day (95% CI 0 to 3.7)');
  });

  it('no events: rate 0 with an upper limit, one every N days unbounded, with notes', () => {
    const res = perDay(0, { days: 365 });
    expect(res.perDay).toMatchObject({ value: 0, lower: 0 });
    expect(res.perDay.upper).toBeCloseTo(3.6888794541139363 / 365, 14); // -log(0.025) / 365
    expect(res.oneEvery).toMatchObject({ value: Infinity, upper: Infinity });
    expect(res.oneEvery.lower).toBeCloseTo(365 / 3.6888794541139363, 10);
    expect(res.perDay.notes).toEqual(['no events: the rate is 0 and the time between events is unbounded (Infinity)']);
    expect(res.description).toBe('none in 365 days (95% CI 0 to 0.010 a day: at most about one every 99 days)');
  });

  it('rejects bad input, naming each field', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => perDay(-1, { days: 3 }), /count: expected a finite number >= 0, received -1/],
      [() => perDay(5, 365 as never), /period: expected a period: \{ from, to \} .*received 365 \(e\.g\. \{ days: 365 \}/],
      [() => perDay(5, { days: 0 }), /period\.days: expected a finite number > 0, received 0/],
      [() => perDay(5, { from: '2017-12-31', to: '2017-01-01' }), /period\.from: expected a date on or before to \(2017-01-01\)/],
      [() => perDay(5, { from: '2017-01-01' } as never), /period\.to: expected an ISO date/],
      [() => perDay(5, { count: 5, days: 3 } as never), /period: expected no unknown fields \(unknown: count\)/],
      [() => perDay('5' as never, { days: 3 }), /count: .*pass the number 5, not a string/],
      [() => perDay(5, { days: 3 }, { level: 0 }), /level: expected a confidence level in \(0, 1\)/],
    ];
    for (const [run, message] of cases) expect(errorOf(run).message).toMatch(message);
  });

  it('properties: no NaN, ordered limits, oneEvery x perDay = 1, input untouched', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.double({ min: 0, max: 1e7, noNaN: true })),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (count, days, level) => {
          const period = { days };
          const res = perDay(count, period, { level });
          const all = [res.perDay, res.oneEvery].flatMap((i) => [i.value, i.lower, i.upper]);
          expect(all.some(Number.isNaN)).toBe(false);
          expect(res.perDay.lower).toBeLessThanOrEqual(res.perDay.value);
          expect(res.perDay.upper).toBeGreaterThan(res.perDay.value);
          expect(res.oneEvery.lower).toBeLessThan(res.oneEvery.value);
          expect(res.oneEvery.upper).toBeGreaterThanOrEqual(res.oneEvery.value);
          if (count > 0 && Number.isFinite(res.oneEvery.value)) expectClose(res.oneEvery.value * res.perDay.value, 1, 1e-15);
          expect(period).toEqual({ days });
          expect(res.description.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('perDay: the numbers in docs/compare.md and the @example', () => {
  it('Lewisham, Bexley, Wycombe, South Bucks in 2017', () => {
    const year = { from: '2017-01-01', to: '2017-12-31' };
    const rounded = (x: number, digits: number) => Number(x.toPrecision(digits));
    const lewisham = perDay(1579, year);
    expect([lewisham.perDay.value, lewisham.perDay.lower, lewisham.perDay.upper].map((x) => rounded(x, 4))).toEqual([4.326, 4.115, 4.545]);
    expect([lewisham.oneEvery.value, lewisham.oneEvery.lower, lewisham.oneEvery.upper].map((x) => rounded(x, 4))).toEqual([0.2312, 0.22, 0.243]);
    const table: [number, number[], number[]][] = [
      [974, [2.67, 2.5, 2.84], [0.375, 0.352, 0.399]],
      [239, [0.655, 0.574, 0.743], [1.53, 1.35, 1.74]],
      [108, [0.296, 0.243, 0.357], [3.38, 2.8, 4.12]],
    ];
    for (const [count, a, b] of table) {
      const res = perDay(count, year);
      expect([res.perDay.value, res.perDay.lower, res.perDay.upper].map((x) => rounded(x, 3))).toEqual(a);
      expect([res.oneEvery.value, res.oneEvery.lower, res.oneEvery.upper].map((x) => rounded(x, 3))).toEqual(b);
    }
    const wycombe = perDay(239, { days: 365 }).oneEvery;
    expect([wycombe.value, wycombe.lower, wycombe.upper].map((x) => rounded(x, 4))).toEqual([1.527, 1.345, 1.741]);
  });
  it('a rate per day beyond the doubles is an InputError on the period; a level of 1 is not read as 1%', () => {
    const e = errorOf(() => perDay(5, { days: 1e-320 }));
    expect(e.issues[0]!.path).toEqual(['period', 'days']);
    expect(e.message).toMatch(/count \/ days is a representable number/);
    expect(errorOf(() => perDay(5, { days: 1 }, { level: 1 })).message).not.toContain('did you mean');
  });
});
