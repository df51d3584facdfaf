import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validate } from '../../src/core/validate';
import { recordedCount } from '../../src/incidence/recordedCount';
import { errorOf } from '../helpers';

const parse = (recorded: unknown) => validate('f', z.object({ recorded: recordedCount }), { recorded }).recorded;

describe('recorded counts', () => {
  it('a number is one year', () => {
    expect(parse(22)).toMatchObject({ count: 22, factor: 1, annual: 22 });
  });
  it('7,706 offences from 2013-04-01 to 2016-02-04 (both included) is 1,040 days: 2,706.36 a year', () => {
    const r = parse({ count: 7706, from: '2013-04-01', to: '2016-02-04' });
    expect(r.days).toBe(1040);
    expect(r.annual).toBeCloseTo((7706 * 365.25) / 1040, 10);
    expect(r.count).toBe(7706);
    expect(r.notes[0]).toMatch(/1040 days/);
  });
  it('a single day, a leap year, and { count, days }', () => {
    expect(parse({ count: 3, from: '2020-02-29', to: '2020-02-29' }).days).toBe(1);
    expect(parse({ count: 366, from: '2020-01-01', to: '2020-12-31' }).annual).toBeCloseTo(365.25, 12);
    expect(parse({ count: 100, days: 730.5 }).annual).toBeCloseTo(50, 12);
  });
  it('from after to names both fields; impossible dates and negative counts are rejected', () => {
    const e = errorOf(() => parse({ count: 5, from: '2016-02-04', to: '2013-04-01' }));
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['recorded.from', 'recorded.to']);
    expect(errorOf(() => parse({ count: 5, from: '2015-02-30', to: '2016-01-01' })).issues[0]!.path).toEqual(['recorded', 'from']);
    expect(errorOf(() => parse({ count: 5, from: '1/4/2013', to: '2016-01-01' })).message).toMatch(/YYYY-MM-DD/);
    expect(errorOf(() => parse(-3)).issues[0]).toMatchObject({ path: ['recorded'], expected: 'a finite number >= 0' });
    expect(errorOf(() => parse({ count: -1, days: 10 })).issues[0]!.path).toEqual(['recorded', 'count']);
    expect(errorOf(() => parse([1, 2])).message).toMatch(/a recorded count/);
  });
});
