import { describe, expect, it } from 'vitest';
import { InputError, poissonCI, type PoissonMethod } from '../../src/index';
import r from '../fixtures/r/intervals.json';
import pheBW from '../fixtures/phe/Byars_Wilson-B_W.json';
import { expectClose, num } from './close';
import { expectPrinted } from './printed';

// Against R 4.2.2 (poisson.test, qgamma, the PHE Byar formula; test/fixtures/r/intervals.R),
// x in 0..7706, 1e9, 12.7 and 0.5, levels 0.9, 0.95, 0.99, 0.998. Tolerance: relative 1e-12.
const REL = 1e-12;

describe('poissonCI against R', () => {
  it('exact (Garwood): poisson.test / qgamma', () => {
    const rows = r.poisson.filter((row) => row.method === 'exact');
    expect(rows.length).toBe(56);
    for (const row of rows) {
      const res = poissonCI(row.x, { level: row.level });
      expect(res.method).toBe('exact');
      expect(res.value).toBe(row.x);
      expectClose(res.lower, num(row.lower), REL, 0, `${row.x} at ${row.level} lower`);
      expectClose(res.upper, num(row.upper), REL, 0, `${row.x} at ${row.level} upper`);
    }
  });

  it("byar (PHE variant); where the formula's lower limit is negative we give 0 with a note", () => {
    const rows = r.poisson.filter((row) => row.method === 'byar');
    for (const row of rows) {
      const res = poissonCI(row.x, { level: row.level, method: 'byar' });
      const lower = num(row.lower);
      if (lower < 0) {
        expect(res.lower).toBe(0);
        expect(res.notes?.[0]).toMatch(/too few events for Byar's lower limit/);
      } else {
        expectClose(res.lower, lower, REL, 0, `${row.x} at ${row.level} lower`);
      }
      expectClose(res.upper, num(row.upper), REL, 0, `${row.x} at ${row.level} upper`);
    }
  });

  it('epitools pois.exact agrees to 2e-3 (it finds the limits with uniroot at its default tolerance)', () => {
    for (const row of r.epitools.filter((e) => e.fn === 'pois.exact')) {
      const res = poissonCI(row.x, { level: row.level });
      expectClose(res.lower, num(row.lower), 2e-3, 1e-12, `${row.x} lower`);
      expectClose(res.upper, num(row.upper), 2e-3, 0, `${row.x} upper`);
    }
  });

  it("documented difference: epitools pois.byar is the x + 0.5 variant, not PHE's", () => {
    const ep = r.epitools.find((e) => e.fn === 'pois.byar' && e.x === 22 && e.level === 0.95)!;
    const ours = poissonCI(22, { method: 'byar' });
    // published-tables.md: PHE 13.782 to 33.310, exact 13.787 to 33.308, epitools/DescTools 14.178 to 32.707
    expect(num(ep.lower)).toBeCloseTo(14.178, 3);
    expect(num(ep.upper)).toBeCloseTo(32.707, 3);
    expect(ours.lower).toBeCloseTo(13.782, 3);
    expect(ours.upper).toBeCloseTo(33.31, 3);
    expect(Math.abs(ours.lower - num(ep.lower))).toBeGreaterThan(0.3);
    const exact = poissonCI(22);
    expect(exact.lower).toBeCloseTo(13.787, 3);
    expect(exact.upper).toBeCloseTo(33.308, 3);
  });
});

describe('poissonCI against the PHE test workbook (Byars_Wilson-B_W.csv)', () => {
  it("Byar's rows at 95% and 99.8%; PHE's empty lower limit for 1 event at 99.8% is our 0 with a note", () => {
    const rows = pheBW.filter((row) => row.method === 'Byars');
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      const level = row.confidence === '95%' ? 0.95 : 0.998;
      const res = poissonCI(Number(row.x), { level, method: 'byar' });
      if (row.lowercl === null) {
        expect(res.lower).toBe(0);
        expect(res.notes).toHaveLength(1);
      } else {
        expectPrinted(res.lower, row.lowercl, `${row.x} lower`);
      }
      expectPrinted(res.upper, row.uppercl!, `${row.x} upper`);
    }
  });
});

describe('poissonCI edge cases', () => {
  it('0 events: lower 0 for every method, exact upper -log(α/2)', () => {
    for (const method of ['exact', 'byar', 'normal'] as const) {
      const res = poissonCI(0, { method });
      expect(res.lower).toBe(0);
      expect(res.value).toBe(0);
      expect(Number.isNaN(res.upper)).toBe(false);
    }
    expectClose(poissonCI(0).upper, -Math.log(0.025), 1e-14);
    expect(poissonCI(0, { method: 'byar' }).notes?.[0]).toMatch(/0 events/);
    expect(poissonCI(0, { method: 'normal' }).notes?.[0]).toMatch(/zero width/);
  });

  it('normal: x ± z√x, lower clipped at 0 with a note', () => {
    const res = poissonCI(100, { method: 'normal' });
    expectClose(res.lower, 100 - 1.959963984540054 * 10, 1e-14);
    expectClose(res.upper, 100 + 1.959963984540054 * 10, 1e-14);
    expect(res.notes).toBeUndefined();
    const small = poissonCI(2, { method: 'normal' });
    expect(small.lower).toBe(0);
    expect(small.notes).toEqual(['the normal lower limit fell below 0 and was clipped to 0']);
    expect(poissonCI(2, { method: 'normal', level: 0.5 }).lower).toBeGreaterThan(0);
  });

  it('1e9 events and non-integer counts; standard error √x', () => {
    const big = poissonCI(1e9, { level: 0.998 });
    expect(big.lower).toBeLessThan(1e9);
    expect(big.upper).toBeGreaterThan(1e9);
    expect(poissonCI(12.7).standardError).toBe(Math.sqrt(12.7));
  });

  it('rejects bad input with an InputError naming the field', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => poissonCI(-1), /count: expected a finite number >= 0, received -1/],
      [() => poissonCI(NaN), /count: .*received NaN/],
      [() => poissonCI('22' as unknown as number), /count: .*"22" \(a string\)/],
      [() => poissonCI(22, { level: 95 }), /level: .*did you mean 0.95\?/],
      [() => poissonCI(22, { method: 'wilson' as PoissonMethod }), /method: expected one of 'exact', 'byar', 'normal'/],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(InputError);
      expect(call).toThrow(message);
    }
  });
});
