import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { countOverPeriod, dayNumber, period } from '../../src/core/period';
import { validate } from '../../src/core/validate';
import { errorOf } from '../helpers';

const parsePeriod = (p: unknown) => validate('f', z.object({ p: period('a hint') }), { p }).p;
const parseCount = (p: unknown) => validate('f', z.object({ p: countOverPeriod() }), { p }).p;

describe('periods (src/core/period.ts, shared by recorded counts, changeOverTime and perDay)', () => {
  it('dayNumber: days since 1970-01-01 of real calendar dates only', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2016-02-29')! - dayNumber('2016-02-28')!).toBe(1);
    for (const bad of ['2015-02-29', '2015-13-01', '2015-00-10', '2015-1-1', '1/4/2013', '2015-01-01T00:00', '']) {
      expect(dayNumber(bad), bad).toBeUndefined();
    }
  });

  it('{ from, to } counts both days; { days } may be fractional', () => {
    expect(parsePeriod({ from: '2017-01-01', to: '2017-12-31' })).toEqual({
      days: 365,
      from: '2017-01-01',
      to: '2017-12-31',
      firstDay: 17167,
      lastDay: 17531,
      text: '365 days (2017-01-01 to 2017-12-31, both included)',
    });
    expect(parsePeriod({ days: 730.5 })).toEqual({ days: 730.5, text: '730.5 days' });
    expect(parseCount({ count: 7706, from: '2013-04-01', to: '2016-02-04' })).toMatchObject({ count: 7706, days: 1040 });
    expect(parseCount({ count: 3, days: 2 })).toEqual({ count: 3, days: 2, text: '2 days' });
  });

  it('errors name the field; the hint is shown for a value that is not an object', () => {
    expect(errorOf(() => parsePeriod(365)).issues[0]).toMatchObject({ path: ['p'], received: 365, hint: 'a hint' });
    expect(errorOf(() => parseCount(5)).issues[0]!.expected).toMatch(/^a count over a period/);
    expect(errorOf(() => parseCount(5)).issues[0]!.hint).toBeUndefined();
    expect(errorOf(() => parsePeriod({ from: '2017-02-01', to: '2017-01-31' })).issues.map((i) => i.path.join('.'))).toEqual(['p.from', 'p.to']);
    expect(errorOf(() => parsePeriod({ days: -1 })).issues[0]!.path).toEqual(['p', 'days']);
    expect(errorOf(() => parseCount({ days: 3 })).issues[0]!.path).toEqual(['p', 'count']);
    expect(errorOf(() => parseCount({ count: 3, from: '2017-01-01' })).issues[0]!.path).toEqual(['p', 'to']);
    expect(errorOf(() => parsePeriod({ days: 3, from: '2017-01-01' })).issues[0]!.expected).toMatch(/no unknown fields/);
  });
});
