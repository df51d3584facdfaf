import { describe, expect, it } from 'vitest';
import { InputError, proportionCI, type ProportionMethod } from '../../src/index';
import r from '../fixtures/r/intervals.json';
import pheBW from '../fixtures/phe/Byars_Wilson-B_W.json';
import pheProp from '../fixtures/phe/Proportion-Prop.json';
import { expectClose, num } from './close';
import { expectPrinted } from './printed';

// Against R 4.2.2 (prop.test, binom.test, qbeta, explicit formulas; test/fixtures/r/intervals.R).
// Tolerance: relative 1e-12. (The largest difference, 4e-14, is R's own cancellation in the Wilson
// formula for a weighted count; our product form agrees with a 50-digit computation to 4e-16.)
const REL = 1e-12;

describe('proportionCI against R', () => {
  it.each(['wilson', 'clopper-pearson', 'jeffreys', 'agresti-coull', 'wald', 'logit'] as const)(
    '%s: every grid point (x in 0..7706 and 1e9, n in 1..1e9, weighted counts, levels 0.9, 0.95, 0.998)',
    (method) => {
      const rows = r.proportion.filter((row) => row.method === method);
      expect(rows.length).toBeGreaterThan(100);
      for (const row of rows) {
        const res = proportionCI(row.x, row.n, { level: row.level, method });
        const label = `${method} ${row.x}/${row.n} at ${row.level}`;
        expectClose(res.lower, num(row.lower), REL, 0, `${label} lower`);
        expectClose(res.upper, num(row.upper), REL, 0, `${label} upper`);
        expect(res.value).toBe(row.x / row.n);
        expect(res.level).toBe(row.level);
        const atBoundary = row.x === 0 || row.x === row.n;
        expect(res.method).toBe(method === 'logit' && atBoundary ? 'clopper-pearson' : method);
      }
    },
  );

  it('agrees with epitools binom.wilson, binom.exact and binom.approx (Wald, which epitools does not clip)', () => {
    const byFn: Record<string, ProportionMethod> = {
      'binom.wilson': 'wilson',
      'binom.exact': 'clopper-pearson',
      'binom.approx': 'wald',
    };
    let n = 0;
    for (const row of r.epitools) {
      const method = byFn[row.fn];
      if (method === undefined || !('n' in row) || row.n === undefined) continue;
      const res = proportionCI(row.x, row.n, { level: row.level, method });
      const label = `${row.fn} ${row.x}/${row.n} at ${row.level}`;
      // epitools' Wilson lower at x = 0 is a rounding residue such as -2e-17: absolute 1e-15 there.
      expectClose(res.lower, Math.min(1, Math.max(0, num(row.lower))), REL, 1e-15, `${label} lower`);
      expectClose(res.upper, Math.min(1, Math.max(0, num(row.upper))), REL, 1e-15, `${label} upper`);
      n++;
    }
    expect(n).toBeGreaterThan(200);
  });
});

describe('proportionCI against the PHE test workbooks (Wilson)', () => {
  it('Byars_Wilson-B_W.csv, Wilson rows', () => {
    const rows = pheBW.filter((row) => row.method === 'Wilson');
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const level = row.confidence === '95%' ? 0.95 : 0.998;
      const res = proportionCI(Number(row.x), Number(row.n), { level });
      expectPrinted(res.lower, row.lowercl!, `${row.x}/${row.n} lower`);
      expectPrinted(res.upper, row.uppercl!, `${row.x}/${row.n} upper`);
    }
  });

  it('Proportion-Prop.csv: proportions and percentages, 95% and 99.8%', () => {
    let checked = 0;
    for (const row of pheProp) {
      if (row.Numerator === null || row.Denominator === null) {
        // PHE leaves the row empty; here a missing count is an InputError naming the field.
        expect(() => proportionCI(row.Numerator as unknown as number, row.Denominator as unknown as number)).toThrow(
          InputError,
        );
        continue;
      }
      const m = Number(row.multiplier);
      for (const [level, lo, hi] of [
        [0.95, row.lower95_0cl, row.upper95_0cl],
        [0.998, row.lower99_8cl, row.upper99_8cl],
      ] as const) {
        const res = proportionCI(Number(row.Numerator), Number(row.Denominator), { level });
        expectPrinted(res.value * m, row.value!, `${row.Area} value`);
        expectPrinted(res.lower * m, lo!, `${row.Area} lower at ${level}`);
        expectPrinted(res.upper * m, hi!, `${row.Area} upper at ${level}`);
        checked++;
      }
    }
    expect(checked).toBe(32);
  });
});

describe('proportionCI edge cases', () => {
  const methods = ['wilson', 'clopper-pearson', 'jeffreys', 'agresti-coull', 'wald', 'logit'] as const;

  it('0 successes: lower limit exactly 0 for every method; all successes: upper exactly 1', () => {
    for (const method of methods) {
      for (const n of [1, 10, 1579, 1e9, 40.3]) {
        for (const level of [0.9, 0.95, 0.998]) {
          const zero = proportionCI(0, n, { level, method });
          expect(zero.lower).toBe(0);
          expect(zero.upper).toBeGreaterThanOrEqual(0);
          const all = proportionCI(n, n, { level, method });
          expect(all.upper).toBe(1);
          expect(all.lower).toBeLessThanOrEqual(1);
          if (method !== 'wald') {
            expect(zero.upper).toBeGreaterThan(0);
            expect(all.lower).toBeLessThan(1);
          }
        }
      }
    }
  });

  it('closed forms at the boundary: Clopper-Pearson upper at 0 is 1 - (α/2)^(1/n)', () => {
    for (const n of [1, 10, 500, 1e9]) {
      const res = proportionCI(0, n, { method: 'clopper-pearson' });
      expectClose(res.upper, -Math.expm1(Math.log(0.025) / n), 1e-13, 0, `n = ${n}`);
      expectClose(proportionCI(n, n, { method: 'clopper-pearson' }).lower, Math.exp(Math.log(0.025) / n), 1e-13);
    }
  });

  it('logit at 0 or all successes: Clopper-Pearson limits, named so, with a note', () => {
    const res = proportionCI(0, 500, { method: 'logit' });
    expect(res.method).toBe('clopper-pearson');
    expect(res).toMatchObject(proportionCI(0, 500, { method: 'clopper-pearson' }));
    expect(res.notes?.[0]).toMatch(/0 successes: the logit interval is undefined/);
    expect(proportionCI(40.3, 40.3, { method: 'logit' }).notes?.[0]).toMatch(/all successes/);
    expect(proportionCI(1, 500, { method: 'logit' }).method).toBe('logit');
  });

  it('Wald and Agresti-Coull say so when they clip; Jeffreys notes its boundary rule', () => {
    expect(proportionCI(1, 10, { method: 'wald' }).notes).toContain('Wald limits fell outside [0, 1] and were clipped to it');
    expect(proportionCI(5, 10, { method: 'wald' }).notes).toBeUndefined();
    expect(proportionCI(0, 10, { method: 'wald' }).notes?.join()).toMatch(/zero width/);
    expect(proportionCI(0, 10, { method: 'agresti-coull' }).notes).toContain(
      'Agresti-Coull limits fell outside [0, 1] and were clipped to it',
    );
    expect(proportionCI(9, 10, { method: 'agresti-coull' }).upper).toBe(1);
    expect(proportionCI(5, 10, { method: 'agresti-coull' }).notes).toBeUndefined();
    expect(proportionCI(0, 10, { method: 'jeffreys' }).notes?.[0]).toMatch(/Brown, Cai & DasGupta/);
    expect(proportionCI(1, 10, { method: 'wilson' }).notes).toBeUndefined();
  });

  it('standard error √(p(1-p)/n); weighted counts; the running example (4.9% of a survey base)', () => {
    const res = proportionCI(12.7, 40.3);
    expect(res.value).toBe(12.7 / 40.3);
    expect(res.standardError).toBeCloseTo(Math.sqrt(((12.7 / 40.3) * (1 - 12.7 / 40.3)) / 40.3), 15);
    const huge = proportionCI(1e9 - 1, 1e9);
    expect(huge.lower).toBeLessThan(huge.value);
    expect(huge.upper).toBeLessThanOrEqual(1);
    expect(Number.isNaN(huge.lower + huge.upper)).toBe(false);
  });

  it('rejects bad input with an InputError naming the field', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => proportionCI(-1, 10), /successes: expected a finite number >= 0, received -1/],
      [() => proportionCI(11, 10), /successes: expected a number <= trials \(10\), received 11/],
      [() => proportionCI(0, 0), /trials: expected a finite number > 0, received 0/],
      [() => proportionCI(NaN, 10), /successes: expected a finite number >= 0, received NaN/],
      [() => proportionCI(1, NaN), /trials: expected a finite number > 0, received NaN/],
      [() => proportionCI(1, Infinity), /trials: expected a finite number > 0, received Infinity/],
      [() => proportionCI('5' as unknown as number, 10), /successes: .*received "5" \(a string\) \(pass the number 5/],
      [() => proportionCI(5, 10, { level: 95 }), /level: expected a confidence level in \(0, 1\), received 95 \(did you mean 0.95\?\)/],
      [() => proportionCI(5, 10, { level: 1 }), /level: .*received 1/],
      [() => proportionCI(5, 10, { method: 'exact' as ProportionMethod }), /method: expected one of 'wilson'/],
      [() => proportionCI(5, 10, { levle: 0.9 } as never), /unknown: levle/],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(InputError);
      expect(call).toThrow(message);
    }
  });

  it('does not mutate its options', () => {
    const options = Object.freeze({ level: 0.9, method: 'jeffreys' as const });
    expect(proportionCI(3, 10, options).level).toBe(0.9);
  });
});
