import { describe, expect, it } from 'vitest';
import { InputError, rateRatioCI, type RateRatioMethod } from '../../src/index';
import r from '../fixtures/r/intervals.json';
import { expectClose, num } from './close';

// Against R 4.2.2: poisson.test(c(a, b), c(Ta, Tb)) (exact) and exp(log RR ± z√(1/a + 1/b)) (normal,
// checked in the script against epitools::rateratio.wald). Tolerance: relative 1e-12. (The largest
// difference, 9e-14 at 1 vs 1 event at 99.8%, is R's p / (1 - p) cancellation; we take 1 - p from the
// other beta tail.)
const REL = 1e-12;

describe('rateRatioCI against R', () => {
  it.each(['exact', 'normal'] as const)('%s', (method) => {
    const rows = r.rateRatio.filter((row) => row.method === method);
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) {
      const res = rateRatioCI({ count: row.a, population: row.ta }, { count: row.b, population: row.tb }, { level: row.level, method });
      const label = `${row.a}/${row.ta} vs ${row.b}/${row.tb} at ${row.level}`;
      expect(res.method).toBe(method);
      expectClose(res.value, num(row.value), 1e-15, 0, `${label} value`);
      expectClose(res.lower, num(row.lower), REL, 0, `${label} lower`);
      expectClose(res.upper, num(row.upper), REL, 0, `${label} upper`);
    }
  });
});

describe('rateRatioCI', () => {
  it('the Wycombe example: 239 against 152 is +57%, not +36%', () => {
    const res = rateRatioCI({ count: 239, population: 1 }, { count: 152, population: 1 });
    expect(res.value - 1).toBeCloseTo(0.572, 3);
    expect(res.lower).toBeGreaterThan(1);
  });

  it('no events in b: value and upper limit Infinity, with a note; no events in a: value and lower 0', () => {
    const b0 = rateRatioCI({ count: 5, population: 1000 }, { count: 0, population: 1000 });
    expect(b0.value).toBe(Infinity);
    expect(b0.upper).toBe(Infinity);
    expect(b0.lower).toBeGreaterThan(0);
    expect(b0.notes).toEqual(['no events in b: the rate ratio and its upper limit are unbounded (Infinity)']);
    const a0 = rateRatioCI({ count: 0, population: 1000 }, { count: 5, population: 1000 });
    expect(a0).toMatchObject({ value: 0, lower: 0, method: 'exact' });
    expect(a0.notes).toEqual(['no events in a: the rate ratio and its lower limit are 0']);
  });

  it('normal with a zero count falls back to the exact limits, named so, with a note', () => {
    for (const [a, b] of [
      [0, 5],
      [5, 0],
    ] as const) {
      const res = rateRatioCI({ count: a, population: 10 }, { count: b, population: 20 }, { method: 'normal' });
      const exact = rateRatioCI({ count: a, population: 10 }, { count: b, population: 20 });
      expect(res.method).toBe('exact');
      expect([res.value, res.lower, res.upper]).toEqual([exact.value, exact.lower, exact.upper]);
      expect(res.notes?.[0]).toMatch(/log-scale normal interval is undefined; exact conditional limits used instead/);
    }
  });

  it('non-integer counts and huge counts give finite ordered limits', () => {
    const w = rateRatioCI({ count: 12.7, population: 40.3 }, { count: 3.2, population: 50 });
    expect(w.lower).toBeLessThan(w.value);
    expect(w.upper).toBeGreaterThan(w.value);
    const big = rateRatioCI({ count: 1e9, population: 5e10 }, { count: 2e9, population: 5e10 }, { level: 0.998 });
    expect(big.lower).toBeLessThan(0.5);
    expect(big.upper).toBeGreaterThan(0.5);
    expect(big.upper / big.lower).toBeLessThan(1.001);
  });

  it('rejects bad input with an InputError naming the field', () => {
    const ok = { count: 5, population: 100 };
    const cases: [() => unknown, RegExp][] = [
      [
        () => rateRatioCI({ count: 0, population: 10 }, { count: 0, population: 10 }),
        /a\.count: expected events in at least one of a and b .*\n.*b\.count: expected events in at least one/,
      ],
      [() => rateRatioCI({ count: -1, population: 10 }, ok), /a\.count: expected a finite number >= 0, received -1/],
      [() => rateRatioCI(ok, { count: 5, population: 0 }), /b\.population: expected a finite number > 0, received 0/],
      [() => rateRatioCI(ok, { count: NaN, population: 3 }), /b\.count: .*NaN/],
      [() => rateRatioCI(ok, { count: '5', population: 3 } as never), /b\.count: .*"5" \(a string\)/],
      [() => rateRatioCI(ok, 5 as never), /b: expected an object \{ count, population \}/],
      [() => rateRatioCI(ok, ok, { level: 95 }), /level: .*did you mean 0.95\?/],
      [() => rateRatioCI(ok, ok, { method: 'byar' as RateRatioMethod }), /method: expected one of 'exact', 'normal'/],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(InputError);
      expect(call).toThrow(message);
    }
  });
  it('a rate ratio beyond the doubles is an InputError on b.population (was Infinity or 0, silently)', () => {
    expect(() => rateRatioCI({ count: 1e300, population: 1e-300 }, { count: 1, population: 1 })).toThrow(/b.population: expected populations whose rates have a ratio representable as a number/);
    expect(() => rateRatioCI({ count: 5, population: 1e300 }, { count: 5, population: 1e-300 })).toThrow(/about 10\^-600/);
  });
});
