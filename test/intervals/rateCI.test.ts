import { describe, expect, it } from 'vitest';
import { InputError, poissonCI, rateCI, type RateMethod } from '../../src/index';
import pheRate from '../fixtures/phe/Rate-Rate.json';
import { expectClose } from './close';
import { expectPrinted } from './printed';

describe('rateCI against the PHE test workbook (Rate-Rate.csv)', () => {
  it('per 100 and per 100,000, 95% and 99.8%: exact below 10 events, Byar\'s from 10, method named', () => {
    let checked = 0;
    for (const row of pheRate) {
      if (row.Numerator === null || row.Denominator === null) {
        // PHE leaves these rows empty; a missing count or population is an InputError here.
        expect(() => rateCI(row.Numerator as unknown as number, row.Denominator as unknown as number)).toThrow(InputError);
        continue;
      }
      const per = Number(row.multiplier);
      for (const [level, lo, hi] of [
        [0.95, row.lower95_0cl, row.upper95_0cl],
        [0.998, row.lower99_8cl, row.upper99_8cl],
      ] as const) {
        const res = rateCI(Number(row.Numerator), Number(row.Denominator), { per, level });
        expect(res.method).toBe(row.method === 'Exact' ? 'exact' : 'byar');
        expectPrinted(res.value, row.value!, `${row.Area} value`);
        expectPrinted(res.lower, lo!, `${row.Area} ${per} lower at ${level}`);
        expectPrinted(res.upper, hi!, `${row.Area} ${per} upper at ${level}`);
        checked++;
      }
    }
    // includes Area12: 250 events in a population of 220 (a rate above 100%)
    expect(checked).toBe(34);
  });
});

describe('rateCI', () => {
  it('auto switches at 10 events and says which method it used', () => {
    const nine = rateCI(9, 1000);
    expect(nine.method).toBe('exact');
    expect(nine.notes).toEqual(['fewer than 10 events: exact limits used']);
    expect(rateCI(9.99, 1000).method).toBe('exact');
    const ten = rateCI(10, 1000);
    expect(ten.method).toBe('byar');
    expect(ten.notes).toBeUndefined();
    expect(rateCI(10, 1000, { method: 'exact' }).method).toBe('exact');
    expect(rateCI(3, 1000, { method: 'byar' }).method).toBe('byar');
  });

  it('is the Poisson interval of the count scaled by per / population', () => {
    const p = poissonCI(22);
    const res = rateCI(22, 731500, { method: 'exact', per: 1000 });
    expectClose(res.value, (22 / 731500) * 1000, 1e-15);
    expectClose(res.lower, (p.lower / 731500) * 1000, 1e-15);
    expectClose(res.upper, (p.upper / 731500) * 1000, 1e-15);
    expectClose(res.standardError!, (Math.sqrt(22) / 731500) * 1000, 1e-15);
    expect(rateCI(22, 731500).value).toBeCloseTo(3.0075, 4); // default per 100000
  });

  it('0 events, population below the count, 1e9 events, byar with too few events', () => {
    const zero = rateCI(0, 5000);
    expect(zero).toMatchObject({ value: 0, lower: 0, method: 'exact' });
    expectClose(zero.upper, (-Math.log(0.025) / 5000) * 100000, 1e-14);
    const over = rateCI(250, 220, { per: 100 });
    expect(over.value).toBeGreaterThan(100);
    const big = rateCI(1e9, 5.6e10, { level: 0.998 });
    expect(big.lower).toBeLessThan(big.value);
    const few = rateCI(1, 100, { method: 'byar', level: 0.998 });
    expect(few.lower).toBe(0);
    expect(few.notes?.[0]).toMatch(/too few events/);
    expect(rateCI(0, 100, { method: 'byar' }).notes?.[0]).toMatch(/0 events/);
  });

  it('rejects bad input with an InputError naming the field', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => rateCI(5, 0), /population: expected a finite number > 0, received 0/],
      [() => rateCI(-5, 100), /count: expected a finite number >= 0, received -5/],
      [() => rateCI(NaN, 100), /count: .*NaN/],
      [() => rateCI(5, '100' as unknown as number), /population: .*"100" \(a string\)/],
      [() => rateCI(5, 100, { per: 0 }), /per: expected a finite number > 0, received 0/],
      [() => rateCI(5, 100, { level: 95 }), /level: .*did you mean 0.95\?/],
      [() => rateCI(5, 100, { method: 'normal' as RateMethod }), /method: expected one of 'auto', 'exact', 'byar'/],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(InputError);
      expect(call).toThrow(message);
    }
  });
  it('a rate that is not a representable number is an InputError on per; a limit beyond the doubles says so', () => {
    expect(() => rateCI(1e300, 1e-300)).toThrow(/per: expected a per that makes the rate a representable number \(count \/ population x per is above 1.8e308\)/);
    const tiny = rateCI(1, 1e300, { per: 1e-300 });
    expect(tiny.value).toBe(0);
    expect(tiny.notes!.join(' ')).toMatch(/below the smallest representable number: 0/);
    // (count / population) overflows on the way, the rate itself does not.
    expect(rateCI(1e300, 1e-300, { per: 1e-300 }).value).toBe(1e300);
    const edge = rateCI(10, 1, { per: 1.7e307 });
    expect(edge.upper).toBe(Infinity);
    expect(edge.notes!.join(' ')).toMatch(/beyond the largest representable number/);
  });
});
