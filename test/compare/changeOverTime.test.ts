import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeOverTime } from '../../src/index';
import r from '../fixtures/r/change.json';
import { errorOf } from '../helpers';
import { expectClose, num } from '../intervals/close';

// Against R 4.2.2: poisson.test(c(after, before), c(daysAfter, daysBefore)) for 99 count pairs (zeros,
// 1 to 100,000) x 5 pairs of period lengths (equal, 365/366, 1040/365, 31/365, 730.5/365.25) x levels
// 0.9 / 0.95 / 0.998 (test/fixtures/r/change.R).
// - Against poisson.test's limits: relative 2e-11 (largest seen 7.1e-12), on every row where R's own
//   arithmetic is good to 1e-11 (poisson.test takes 1 - p by subtraction; with 1 event before and 100,000
//   after its upper limit is off by 2.5e-10: see the script, checked there with mpmath at 50 digits).
// - Against the same limits with 1 - p from the other beta tail (qbeta(lower.tail = FALSE)), every row:
//   relative 1e-13 (largest seen 6.8e-15).
// - The ratio itself: relative 1e-15 (it is the same division).
const REL_R = 2e-11;
const REL_TWO_TAIL = 1e-13;

interface Row {
  before: number;
  daysBefore: number;
  after: number;
  daysAfter: number;
  level: number;
  ratio: number | string;
  lower: number | string;
  upper: number | string;
  lowerTwoTail: number | string;
  upperTwoTail: number | string;
}
const rows = r.change as Row[];


const relDiff = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

describe('changeOverTime against R poisson.test', () => {
  it('ratio and limits, all rows', () => {
    expect(rows.length).toBe(1485);
    let compared = 0;
    for (const row of rows) {
      const c = changeOverTime({ count: row.before, days: row.daysBefore }, { count: row.after, days: row.daysAfter }, { level: row.level });
      const label = `${row.before}/${row.daysBefore} -> ${row.after}/${row.daysAfter} at ${row.level}`;
      expect(c.ratio.method).toBe('exact');
      expectClose(c.ratio.value, num(row.ratio), 1e-15, 0, `${label} ratio`);
      const lo2 = num(row.lowerTwoTail);
      const up2 = num(row.upperTwoTail);
      expectClose(c.ratio.lower, lo2, REL_TWO_TAIL, 0, `${label} lower (two-tailed)`);
      expectClose(c.ratio.upper, up2, REL_TWO_TAIL, 0, `${label} upper (two-tailed)`);
      const lo = num(row.lower);
      const up = num(row.upper);
      if (relDiff(lo, lo2) < 1e-11 && (relDiff(up, up2) < 1e-11 || !Number.isFinite(up))) {
        compared++;
        expectClose(c.ratio.lower, lo, REL_R, 0, `${label} lower (poisson.test)`);
        expectClose(c.ratio.upper, up, REL_R, 0, `${label} upper (poisson.test)`);
      }
    }
    // all but the few rows with 1 or 2 events before and thousands after
    expect(compared).toBeGreaterThan(1440);
  });

  it('percent change is (ratio - 1) x 100, limits included', () => {
    for (const row of rows.filter((_, i) => i % 7 === 0)) {
      const c = changeOverTime({ count: row.before, days: row.daysBefore }, { count: row.after, days: row.daysAfter }, { level: row.level });
      expect(c.percentChange.value).toBe((c.ratio.value - 1) * 100);
      expect(c.percentChange.lower).toBe((c.ratio.lower - 1) * 100);
      expect(c.percentChange.upper).toBe((c.ratio.upper - 1) * 100);
      expect(c.percentChange.level).toBe(row.level);
      expect(c.percentChange.method).toBe('exact');
    }
  });
});

describe('changeOverTime', () => {
  const wycombe2015 = { count: 152, from: '2015-01-01', to: '2015-12-31' };
  const wycombe2017 = { count: 239, from: '2017-01-01', to: '2017-12-31' };

  it('Wycombe, 152 in 2015 to 239 in 2017, is +57% (not the +36% printed)', () => {
    const c = changeOverTime(wycombe2015, wycombe2017);
    expect(c.percentChange.value).toBeCloseTo(57.236842105263, 10);
    expect(c.percentChange.lower).toBeCloseTo(27.771079998691, 8); // R: 1.277710799986910
    expect(c.percentChange.upper).toBeCloseTo(93.984472720839, 8); // R: 1.939844727208387
    expect(c.before).toEqual({ count: 152, days: 365, from: '2015-01-01', to: '2015-12-31' });
    expect(c.after).toEqual({ count: 239, days: 365, from: '2017-01-01', to: '2017-12-31' });
    expect(c.description).toBe('up 57% (95% CI +28% to +94%): 239 against 152, in periods of 365 days');
    expect(c.ratio.notes).toBeUndefined();
    // the press divided the change by the newer count: (239 - 152) / 239
    expect(((239 - 152) / 239) * 100).toBeCloseTo(36.4, 1);
  });

  it('dates and days give the same answer; a leap year is 366 days', () => {
    const dated = changeOverTime(wycombe2015, { count: 239, from: '2016-01-01', to: '2016-12-31' });
    const days = changeOverTime({ count: 152, days: 365 }, { count: 239, days: 366 });
    expect([dated.ratio.value, dated.ratio.lower, dated.ratio.upper]).toEqual([days.ratio.value, days.ratio.lower, days.ratio.upper]);
    expect(dated.after.days).toBe(366);
    expect(dated.ratio.notes).toEqual([
      'periods of different length (365 days (2015-01-01 to 2015-12-31, both included) before, 366 days (2016-01-01 to 2016-12-31, both included) after): rates per day compared',
    ]);
    expect(days.ratio.value).toBe(239 / 366 / (152 / 365));
  });

  it('periods of different length are compared per day (the FOI period against one year)', () => {
    // 7,706 in 1,040 days (2013-04-01 to 2016-02-04) against, say, 3,100 in the next 365 days
    const c = changeOverTime({ count: 7706, from: '2013-04-01', to: '2016-02-04' }, { count: 3100, from: '2016-02-05', to: '2017-02-03' });
    expect(c.before.days).toBe(1040);
    expect(c.ratio.value).toBeCloseTo(3100 / 365 / (7706 / 1040), 14);
    expect(c.description).toBe('the rate per day is up 15% (95% CI +9.9% to +20%): 3,100 in 365 days (8.5 a day) against 7,706 in 1,040 days (7.4 a day)');
  });

  it('a fall, and a change consistent with no change, in words', () => {
    expect(changeOverTime({ count: 239, days: 365 }, { count: 152, days: 365 }).description).toBe(
      'down 36% (95% CI -48% to -22%): 152 against 239, in periods of 365 days',
    );
    expect(changeOverTime({ count: 100, days: 365 }, { count: 110, days: 365 }).description).toBe(
      'up 10% (95% CI -17% to +46%, consistent with no change): 110 against 100, in periods of 365 days',
    );
    expect(changeOverTime({ count: 50, days: 30 }, { count: 50, days: 30 }, { level: 0.998 }).description).toMatch(/^unchanged \(99\.8% CI -/);
  });

  it('no events after: ratio 0, lower 0, percent change -100%', () => {
    const c = changeOverTime({ count: 7, days: 10 }, { count: 0, days: 10 });
    expect(c.ratio).toMatchObject({ value: 0, lower: 0 });
    expect(c.ratio.upper).toBeGreaterThan(0);
    expect(c.percentChange).toMatchObject({ value: -100, lower: -100 });
    expect(c.ratio.notes).toEqual(['no events after: the ratio is 0 (a change of -100%), and so is its lower limit']);
    expect(c.percentChange.notes).toEqual(c.ratio.notes);
  });

  it('no events before: ratio, percent change and upper limit Infinity, with a note', () => {
    const c = changeOverTime({ count: 0, days: 10 }, { count: 5, days: 10 });
    expect(c.ratio).toMatchObject({ value: Infinity, upper: Infinity });
    expect(c.ratio.lower).toBeGreaterThan(0);
    expect(c.percentChange).toMatchObject({ value: Infinity, upper: Infinity });
    expect(c.ratio.notes).toEqual(['no events before: the change is unbounded (Infinity), and so is its upper limit']);
    expect(c.description).toBe('no events before, so the change is unbounded (95% CI from -8.4% upwards): 5 against 0, in periods of 10 days');
  });

  it('adjacent periods are fine; a dated side with a { count, days } side is taken in the order given', () => {
    expect(() => changeOverTime({ count: 5, from: '2015-01-01', to: '2015-12-31' }, { count: 6, from: '2016-01-01', to: '2016-01-01' })).not.toThrow();
    expect(() => changeOverTime({ count: 5, from: '2017-01-01', to: '2017-12-31' }, { count: 6, days: 365 })).not.toThrow();
  });

  it('reversed periods are an InputError naming both, saying they are reversed', () => {
    const e = errorOf(() => changeOverTime(wycombe2017, wycombe2015));
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['before.from', 'after.from']);
    expect(e.message).toMatch(/the periods are reversed: changeOverTime\(before, after\) takes the earlier period first/);
    expect(e.message).toMatch(/before\.from: expected a period earlier than after \(2015-01-01 to 2015-12-31\), received "2017-01-01"/);
  });

  it('overlapping periods are an InputError (they share events)', () => {
    for (const after of [
      { count: 6, from: '2015-12-31', to: '2016-12-31' }, // one day shared
      { count: 6, from: '2015-03-01', to: '2015-03-31' }, // inside
      { count: 6, from: '2014-06-01', to: '2016-06-01' }, // around
      { count: 6, from: '2015-01-01', to: '2015-12-31' }, // the same
    ]) {
      const e = errorOf(() => changeOverTime({ count: 5, from: '2015-01-01', to: '2015-12-31' }, after));
      expect(e.issues.map((i) => i.path.join('.'))).toEqual(['before.to', 'after.from']);
      expect(e.issues[0]!.hint).toMatch(/overlapping periods share events/);
    }
  });

  it('rejects other bad input, naming each field', () => {
    const ok = { count: 5, days: 365 };
    const cases: [() => unknown, RegExp][] = [
      [() => changeOverTime({ count: 0, days: 3 }, { count: 0, days: 5 }), /before\.count: expected events in at least one of before and after .*\n.*after\.count/],
      [() => changeOverTime(152 as never, ok), /before: expected a count over a period: .*received 152 \(give each period's length too/],
      [() => changeOverTime(ok, { count: -1, days: 3 }), /after\.count: expected a finite number >= 0, received -1/],
      [() => changeOverTime(ok, { count: 3, days: 0 }), /after\.days: expected a finite number > 0, received 0/],
      [() => changeOverTime(ok, { count: NaN, days: 3 }), /after\.count: .*NaN/],
      [() => changeOverTime(ok, { count: 3, from: '2015-02-30', to: '2016-01-01' }), /after\.from: expected a real calendar date/],
      [() => changeOverTime(ok, { count: 3, from: '2016-01-01', to: '2015-01-01' }), /after\.from: expected a date on or before to/],
      [() => changeOverTime(ok, { count: 3, days: 3, extra: 1 } as never), /after: expected no unknown fields \(unknown: extra\)/],
      [() => changeOverTime(ok, ok, { level: 95 }), /level: .*did you mean 0\.95\?/],
      [() => changeOverTime(ok, ok, { levle: 0.9 } as never), /no unknown fields \(unknown: levle\)/],
    ];
    for (const [run, message] of cases) expect(errorOf(run).message).toMatch(message);
  });

  it('properties: ordered limits, no NaN, swapping the periods inverts the interval, scaling days changes nothing', () => {
    const countArb = fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    const daysArb = fc.double({ min: 0.01, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(countArb, daysArb, countArb, daysArb, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (x1, t1, x2, t2, level) => {
        fc.pre(x1 > 0 || x2 > 0);
        const before = { count: x1, days: t1 };
        const after = { count: x2, days: t2 };
        // A ratio of rates beyond the doubles (counts like 5e-324 against 1) is refused, with the reason.
        const log10Ratio = Math.log10(x2) - Math.log10(t2) - Math.log10(x1) + Math.log10(t1);
        if (x1 > 0 && x2 > 0 && Math.abs(log10Ratio) > 300) {
          let refused = false;
          try {
            changeOverTime(before, after, { level });
          } catch (e) {
            refused = /ratio representable as a number/.test(String(e));
          }
          if (log10Ratio > 308.3 || log10Ratio < -323.8) expect(refused).toBe(true);
          return;
        }
        const c = changeOverTime(before, after, { level });
        const all = [c.ratio.value, c.ratio.lower, c.ratio.upper, c.percentChange.value, c.percentChange.lower, c.percentChange.upper];
        expect(all.some(Number.isNaN)).toBe(false);
        expect(c.ratio.lower).toBeLessThanOrEqual(c.ratio.value);
        expect(c.ratio.upper).toBeGreaterThanOrEqual(c.ratio.value);
        expect(c.ratio.lower).toBeGreaterThanOrEqual(0);
        expect(before).toEqual({ count: x1, days: t1 });
        const back = changeOverTime(after, before, { level });
        if (c.ratio.upper !== Infinity && back.ratio.lower > 0) expectClose(back.ratio.lower, 1 / c.ratio.upper, 1e-12, 0, 'swap lower');
        if (c.ratio.lower > 0 && back.ratio.upper !== Infinity) expectClose(back.ratio.upper, 1 / c.ratio.lower, 1e-12, 0, 'swap upper');
        const scaled = changeOverTime({ count: x1, days: t1 * 4 }, { count: x2, days: t2 * 4 }, { level });
        expectClose(scaled.ratio.lower, c.ratio.lower, 1e-13, 0, 'scaled lower');
        if (Number.isFinite(c.ratio.upper)) expectClose(scaled.ratio.upper, c.ratio.upper, 1e-13, 0, 'scaled upper');
      }),
      { numRuns: 300 },
    );
  });

  it('a wider level gives a wider interval', () => {
    const at = (level: number) => changeOverTime({ count: 152, days: 365 }, { count: 239, days: 365 }, { level }).ratio;
    const [a, b, c] = [at(0.9), at(0.95), at(0.998)];
    expect(a.lower).toBeGreaterThan(b.lower);
    expect(b.lower).toBeGreaterThan(c.lower);
    expect(a.upper).toBeLessThan(b.upper);
    expect(b.upper).toBeLessThan(c.upper);
  });
});

describe('changeOverTime: the numbers in docs/compare.md', () => {
  const year = (count: number, y: number) => ({ count, from: `${y}-01-01`, to: `${y}-12-31` });
  it('the three districts, at 95% and 99.8%', () => {
    const pct = (c: { value: number; lower: number; upper: number }) => [c.value, c.lower, c.upper].map((x) => Number(x.toFixed(1)));
    expect(pct(changeOverTime(year(152, 2015), year(239, 2017)).percentChange)).toEqual([57.2, 27.8, 94]);
    expect(pct(changeOverTime(year(70, 2015), year(108, 2017)).percentChange)).toEqual([54.3, 13.2, 111.5]);
    expect(pct(changeOverTime(year(59, 2015), year(106, 2017)).percentChange)).toEqual([79.7, 29.5, 151.4]);
    const w = changeOverTime(year(152, 2015), year(239, 2017));
    expect([w.ratio.value, w.ratio.lower, w.ratio.upper].map((x) => Number(x.toFixed(4)))).toEqual([1.5724, 1.2777, 1.9398]);
    const at998 = (a: number, b: number) => changeOverTime(year(a, 2015), year(b, 2017), { level: 0.998 }).description;
    expect(at998(152, 239)).toBe('up 57% (99.8% CI +14% to +119%): 239 against 152, in periods of 365 days');
    expect(at998(70, 108)).toBe('up 54% (99.8% CI -4.5% to +153%, consistent with no change): 108 against 70, in periods of 365 days');
    expect(at998(59, 106)).toBe('up 80% (99.8% CI +8.4% to +205%): 106 against 59, in periods of 365 days');
  });
  it('the FOI period against a later year', () => {
    expect(changeOverTime({ count: 7706, from: '2013-04-01', to: '2016-02-04' }, { count: 2700, days: 365 }).description).toBe(
      'the rate per day is down 0.17% (95% CI -4.5% to +4.3%, consistent with no change): 2,700 in 365 days (7.4 a day) against 7,706 in 1,040 days (7.4 a day)',
    );
  });
  it('a ratio of rates beyond the doubles is an InputError on after.days (was Infinity with a wrong note)', () => {
    const e = errorOf(() => changeOverTime({ count: 5, days: 1e308 }, { count: 2, days: 1e-308 }));
    expect(e.issues[0]!.path).toEqual(['after', 'days']);
    expect(e.message).toMatch(/ratio representable as a number/);
    expect(e.issues[0]!.hint).toMatch(/about 10\^616/);
  });
});
