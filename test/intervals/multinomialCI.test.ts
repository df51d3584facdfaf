import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/InputError';
import { multinomialCI, type MultinomialMethod } from '../../src/intervals/multinomialCI';
import { sisonGlazConstant } from '../../src/intervals/multinomial/sisonGlazConstant';
import { sisonGlazCoverage } from '../../src/intervals/multinomial/sisonGlazCoverage';
import published from '../fixtures/published/sangeetha2013-multinomial.json';
import sisonGlazExamples from '../fixtures/published/sison-glaz-1995-examples.json';
import r from '../fixtures/r/multinomial.json';

/** Counts as a record with keys c0, c1, ... in order. */
function record(counts: readonly number[]): Record<string, number> {
  return Object.fromEntries(counts.map((x, i) => [`c${i}`, x]));
}

function limits(counts: readonly number[], options: { level?: number; method?: MultinomialMethod }) {
  const out = multinomialCI(record(counts), options);
  return Object.values(out).map((iv) => [iv.lower, iv.upper] as const);
}

function expectRelative(actual: number, expected: number, tolerance: number) {
  if (expected === 0) expect(Math.abs(actual)).toBeLessThanOrEqual(tolerance);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(tolerance);
}

interface RCase {
  name: string;
  counts: number[];
  level: number;
  method: string;
  lower: number[];
  upper: number[];
  c?: number;
  gamma?: number;
}
const cases = r.cases as RCase[];

describe('multinomialCI against R (test/fixtures/r/multinomial.R)', () => {
  // Closed-form methods: R's qchisq and the score formula; relative 1e-12.
  for (const method of ['goodman', 'quesenberry-hurst', 'wilson'] as const) {
    it(`${method}: ${cases.filter((c) => c.method === method).length} cases to 1e-12 relative`, () => {
      for (const c of cases.filter((k) => k.method === method)) {
        const got = limits(c.counts, { level: c.level, method });
        got.forEach(([lower, upper], i) => {
          expectRelative(lower, c.lower[i]!, 1e-12);
          expectRelative(upper, c.upper[i]!, 1e-12);
        });
      }
    });
  }

  // Sison-Glaz: R's values come from an independent re-implementation of May & Johnson (2000)
  // (truncated moments by direct summation with dpois, full linear scan over c).
  it(`sison-glaz: same c, gamma to 1e-10 and limits to 1e-11 relative (${cases.filter((c) => c.method === 'sison-glaz').length} cases)`, () => {
    for (const c of cases.filter((k) => k.method === 'sison-glaz')) {
      const n = c.counts.reduce((s, x) => s + x, 0);
      const constant = sisonGlazConstant(c.counts, n, c.level);
      expect(constant.c, `${c.name} at ${c.level}`).toBe(c.c);
      expect(Math.abs(constant.gamma - c.gamma!)).toBeLessThanOrEqual(1e-10);
      const got = limits(c.counts, { level: c.level });
      got.forEach(([lower, upper], i) => {
        expectRelative(lower, c.lower[i]!, 1e-11);
        expectRelative(upper, c.upper[i]!, 1e-11);
      });
    }
  });
});

describe('multinomialCI against published tables', () => {
  it('Sangeetha et al. (2013) Table 2, all four methods, to the 3 decimals printed', () => {
    for (const [method, rows] of Object.entries(published.intervals)) {
      const got = limits(published.counts, { level: published.level, method: method as MultinomialMethod });
      rows.forEach(([lower, upper], i) => {
        // Half a unit in the third decimal, plus rounding slack; the one misprinted entry (see the
        // fixture: 0.114 where (72 - 19)/467 = 0.11349) is allowed 0.0006.
        const { misprint } = published;
        const lowerTolerance = method === misprint.method && i === misprint.row ? 0.0006 : 0.0005 + 1e-12;
        expect(Math.abs(got[i]![0] - lower!), `${method} lower ${i}`).toBeLessThanOrEqual(lowerTolerance);
        expect(Math.abs(got[i]![1] - upper!), `${method} upper ${i}`).toBeLessThanOrEqual(0.0005 + 1e-12);
      });
    }
    // The misprint really is one: the exact lower limit is 53/467.
    expect(multinomialCI(record(published.counts)).c1!.lower).toBeCloseTo(53 / 467, 15);
  });

  it("Sison & Glaz (1995) examples: R MultinomialCI's values to statsmodels' 4 decimals (1.5e-4; they drop one Edgeworth term), Goodman to 3 decimals", () => {
    const [ex1, ex2, ex3] = sisonGlazExamples.examples;
    const check = (counts: number[], method: MultinomialMethod, expected: number[][], tolerance: number) => {
      const got = limits(counts, { method });
      got.forEach(([lower, upper], i) => {
        expect(Math.abs(lower - expected[i]![0]!)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(upper - expected[i]![1]!)).toBeLessThanOrEqual(tolerance);
      });
    };
    const fives = new Array<number>(50).fill(5);
    const mixed = [1, 12, 5, 3, 4].flatMap((x) => new Array<number>(10).fill(x));
    const expand = (rows: number[][]) => rows.flatMap((row) => new Array<number[]>(10).fill(row));
    // numpy's assert_almost_equal(decimal = 4), as statsmodels tests them: |difference| < 1.5e-4.
    check(ex1!.counts as number[], 'sison-glaz', ex1!.sisonGlaz as number[][], 1.5e-4);
    check(ex1!.counts as number[], 'goodman', ex1!.goodman as number[][], 0.0005 + 1e-12);
    check(fives, 'sison-glaz', new Array<number[]>(50).fill(ex2!.sisonGlaz as number[]), 1.5e-4);
    check(fives, 'goodman', new Array<number[]>(50).fill(ex2!.goodman as number[]), 0.0005 + 1e-12);
    check(mixed, 'sison-glaz', expand(ex3!.sisonGlaz as number[][]), 1.5e-4);
    check(mixed, 'goodman', expand(ex3!.goodman as number[][]), 0.0005 + 1e-12);

    // Why only 4 decimals: the R fixture's variant WITHOUT the g1^2 Edgeworth term reproduces MultinomialCI's
    // numbers to the 7 digits printed (half a unit in the 8th decimal).
    const variant = Object.fromEntries(r.withoutSkewnessSquaredTerm.map((v) => [v.name, v]));
    const close = (values: number[], expected: number[][]) =>
      expected.forEach(([lower, upper], i) => {
        expect(Math.abs(values[2 * i]! - lower!)).toBeLessThanOrEqual(5e-9 + 1e-12);
        expect(Math.abs(values[2 * i + 1]! - upper!)).toBeLessThanOrEqual(5e-8);
      });
    const pairs = (v: { lower: number[]; upper: number[] }) => v.lower.flatMap((lower, i) => [lower, v.upper[i]!]);
    close(pairs(variant.sangeetha!), ex1!.sisonGlaz as number[][]);
    close(pairs(variant.fives!), new Array<number[]>(50).fill(ex2!.sisonGlaz as number[]));
    close(pairs(variant.sisonGlaz3!), expand(ex3!.sisonGlaz as number[][]));
  });
});

describe('multinomialCI results', () => {
  it('keeps the categories and their order, names the method, value = share', () => {
    const counts = { exPartner: 45, acquaintance: 22, stranger: 10, colleague: 5, family: 4, other: 14 };
    for (const method of ['sison-glaz', 'goodman', 'quesenberry-hurst', 'wilson'] as const) {
      const out = multinomialCI(counts, { method });
      expect(Object.keys(out)).toEqual(Object.keys(counts));
      expect(out.exPartner.value).toBe(0.45);
      expect(out.exPartner.method).toBe(method);
      expect(out.exPartner.level).toBe(0.95);
    }
    expect(multinomialCI(counts).stranger.method).toBe('sison-glaz');
  });

  it('says in notes that per-category Wilson intervals are not simultaneous; simultaneous methods carry no such note', () => {
    const out = multinomialCI({ a: 10, b: 20, c: 30 }, { method: 'wilson' });
    expect(out.a.notes?.[0]).toMatch(/not simultaneous/);
    expect(multinomialCI({ a: 10, b: 20, c: 30 }).a.notes).toBeUndefined();
    expect(multinomialCI({ a: 10, b: 20, c: 30 }, { method: 'goodman' }).a.notes).toBeUndefined();
  });

  it('notes do not share one array between categories', () => {
    const out = multinomialCI({ a: 1, b: 2 }, { method: 'wilson' });
    expect(out.a.notes).not.toBe(out.b.notes);
  });

  it('a category with 0 count has lower limit 0 and a positive upper limit', () => {
    for (const method of ['sison-glaz', 'goodman', 'quesenberry-hurst', 'wilson'] as const) {
      const out = multinomialCI({ a: 12, b: 0, c: 3 }, { method });
      expect(out.b.value).toBe(0);
      expect(out.b.lower).toBe(0);
      expect(out.b.upper).toBeGreaterThan(0);
    }
  });

  it('all counts in one category: that share is 1 with upper limit 1', () => {
    for (const method of ['sison-glaz', 'goodman', 'quesenberry-hurst', 'wilson'] as const) {
      const out = multinomialCI({ a: 20, b: 0, c: 0 }, { method });
      expect(out.a.value).toBe(1);
      expect(out.a.upper).toBe(1);
      expect(out.a.lower).toBeLessThanOrEqual(1);
      expect(out.b.lower).toBe(0);
    }
    // Sison-Glaz's approximation rests on the observed shares: with everything in one category it passes
    // the level at c = 1 already (c = 0) and the intervals are too narrow, which a note says.
    expect(multinomialCI({ a: 20, b: 0, c: 0 }).b.notes?.[0]).toMatch(/too concentrated.*goodman/);
    expect(multinomialCI({ a: 20, b: 5, c: 2 }).b.notes).toBeUndefined();
  });

  it('level 0.998 gives wider intervals than 0.95, for every method', () => {
    const counts = { a: 45, b: 22, c: 10, d: 5, e: 4, f: 14 };
    for (const method of ['sison-glaz', 'goodman', 'quesenberry-hurst', 'wilson'] as const) {
      const narrow = multinomialCI(counts, { method });
      const wide = multinomialCI(counts, { method, level: 0.998 });
      for (const key of Object.keys(counts) as (keyof typeof counts)[]) {
        expect(wide[key].upper - wide[key].lower).toBeGreaterThan(narrow[key].upper - narrow[key].lower);
      }
    }
  });

  it('weighted counts: accepted (with a note) by goodman, quesenberry-hurst and wilson', () => {
    const out = multinomialCI({ a: 12.5, b: 7.25, c: 30.1 }, { method: 'goodman' });
    expect(out.a.value).toBeCloseTo(12.5 / 49.85, 15);
    expect(out.a.notes?.join(' ')).toMatch(/weighted/);
  });

  it('does not mutate its input', () => {
    const counts = Object.freeze({ a: 3, b: 4, c: 0 });
    expect(() => multinomialCI(counts)).not.toThrow();
    expect(counts).toEqual({ a: 3, b: 4, c: 0 });
  });

  it("a category named '__proto__' is refused rather than silently dropped", () => {
    const counts = JSON.parse('{"__proto__": 3, "b": 4, "c": 5}') as Record<string, number>;
    expect(() => multinomialCI(counts)).toThrow(InputError);
    expect(() => multinomialCI(counts)).toThrow(/counts.__proto__: expected a category name other than '__proto__'.*received 3/);
  });
});

describe('multinomialCI Sison-Glaz with large counts', () => {
  // The first c with v(c + 1) > level, by the full scan of May & Johnson's program.
  function firstCrossing(counts: number[], level: number) {
    const total = counts.reduce((s, x) => s + x, 0);
    let vOld = 0;
    for (let next = 1; next <= total; next++) {
      const v = sisonGlazCoverage(next, counts, total);
      if (v > level) return { c: next - 1, gamma: (level - vOld) / (v - vOld) };
      vOld = v;
    }
    return { c: total, gamma: 0 };
  }

  it('beyond c = 256 the stepped search and bisection find the same c as the full scan (n = 1e5, 4e5)', () => {
    const p = [0.45, 0.22, 0.1, 0.05, 0.04, 0.14];
    for (const n of [1e5, 4e5]) {
      const counts = p.map((pi) => Math.round(pi * n));
      for (const level of [0.9, 0.95, 0.998]) {
        const expected = firstCrossing(counts, level);
        expect(expected.c).toBeGreaterThan(256);
        const got = sisonGlazConstant(counts, n, level);
        expect(got.c).toBe(expected.c);
        expect(got.gamma).toBeCloseTo(expected.gamma, 13);
      }
    }
  });

  it('v(c) is not always monotone (the Edgeworth approximation dips near 0.999); the first crossing is used', () => {
    const counts = [450, 220, 100, 50, 40, 140];
    let peak = 0;
    let dips = 0;
    for (let c = 1, previous = 0; c <= 120; c++) {
      const v = sisonGlazCoverage(c, counts, 1000);
      if (v < previous) {
        if (dips === 0) peak = previous;
        dips++;
      }
      previous = v;
    }
    expect(dips).toBeGreaterThan(0);
    expect(peak).toBeGreaterThan(0.999);
    // A level just below the local peak is crossed twice; the search returns the first crossing.
    const level = peak - 1e-7;
    expect(sisonGlazConstant(counts, 1000, level)).toEqual({ ...firstCrossing(counts, level), reached: true });
    // Up to 0.999 v(c) increases strictly for these count vectors.
    for (const xs of [[56, 72, 73, 59, 62, 87, 58], [45, 22, 10, 5, 4, 14], counts]) {
      const n = xs.reduce((s, x) => s + x, 0);
      for (let c = 1, previous = -Infinity; previous < 0.999; c++) {
        const v = sisonGlazCoverage(c, xs, n);
        expect(v).toBeGreaterThan(previous);
        previous = v;
      }
    }
  });

  it('counts of 1e6 to 1e9: finite limits whose half-width in standard deviations settles as n grows', () => {
    const p = [0.45, 0.22, 0.1, 0.05, 0.04, 0.14];
    const ratios: number[] = [];
    for (const n of [1e6, 1e7, 1e9]) {
      const counts = record(p.map((pi) => Math.round(pi * n)));
      const out = Object.values(multinomialCI(counts));
      for (const iv of out) {
        expect(Number.isFinite(iv.lower) && Number.isFinite(iv.upper)).toBe(true);
        expect(iv.lower).toBeLessThan(iv.value);
        expect(iv.upper).toBeGreaterThan(iv.value);
      }
      // The common half-width c/n, in standard deviations of the largest share.
      ratios.push((out[0]!.value - out[0]!.lower) / Math.sqrt((0.45 * 0.55) / n));
    }
    // n = 1e6: c = 1026 (R fixture), 2.06 standard deviations; the normal limit is the same.
    expect(ratios[0]).toBeCloseTo(1026 / Math.sqrt(0.45 * 0.55 * 1e6), 12);
    // c is a whole number, so the ratio moves by O(1/c); it settles to about 2.065 (within 0.2%).
    expect(Math.abs(ratios[1]! / ratios[0]! - 1)).toBeLessThan(0.002);
    expect(Math.abs(ratios[2]! / ratios[0]! - 1)).toBeLessThan(0.002);
  });
});

describe('multinomialCI input errors', () => {
  const errorOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return e as InputError;
    }
    throw new Error('expected an InputError');
  };

  it('rejects an empty record and a single category', () => {
    expect(errorOf(() => multinomialCI({})).message).toContain('counts: expected at least two categories, received {}');
    const single = errorOf(() => multinomialCI({ partner: 45 }));
    expect(single.issues[0]!.path).toEqual(['counts']);
    expect(single.issues[0]!.hint).toMatch(/share is 1 by definition/);
  });

  it('rejects a total of 0', () => {
    expect(errorOf(() => multinomialCI({ a: 0, b: 0 })).message).toContain('counts: expected counts that add up to more than 0');
  });

  it('names each bad count by its category', () => {
    const e = errorOf(() => multinomialCI({ partner: -1, stranger: Number.NaN, family: '3' as unknown as number }));
    expect(e.issues.map((i) => i.path)).toEqual([
      ['counts', 'partner'],
      ['counts', 'stranger'],
      ['counts', 'family'],
    ]);
  });

  it('sison-glaz rejects non-integer counts with a hint to use another method', () => {
    const e = errorOf(() => multinomialCI({ a: 2.5, b: 3 }));
    expect(e.issues[0]!.path).toEqual(['counts', 'a']);
    expect(e.issues[0]!.hint).toMatch(/goodman/);
    expect(() => multinomialCI({ a: 2.5, b: 3 }, { method: 'wilson' })).not.toThrow();
  });

  it('rejects non-records, bad levels, unknown methods and unknown options', () => {
    expect(errorOf(() => multinomialCI([1, 2] as unknown as Record<string, number>)).message).toContain('counts: expected a record');
    expect(errorOf(() => multinomialCI({ a: 1, b: 2 }, { level: 95 })).issues[0]!.hint).toMatch(/0.95/);
    expect(errorOf(() => multinomialCI({ a: 1, b: 2 }, { method: 'sisonglaz' as MultinomialMethod })).issues[0]!.path).toEqual([
      'method',
    ]);
    expect(errorOf(() => multinomialCI({ a: 1, b: 2 }, { levle: 0.9 } as never)).message).toContain('unknown: levle');
  });

  it('rejects counts whose total overflows', () => {
    expect(errorOf(() => multinomialCI({ a: 1e308, b: 1e308 }, { method: 'goodman' })).message).toContain('add up to a finite number');
  });
  it('huge weighted counts (1e100 to 1e307) give finite limits that scale as z^2 / n for a zero count, never NaN', () => {
    for (const method of ['goodman', 'quesenberry-hurst', 'wilson'] as const) {
      const at = (scale: number) => multinomialCI({ a: 0.45 * scale, b: 0.55 * scale, c: 0 }, { method });
      const ref = at(1e100).c.upper * 1e100;
      for (const scale of [1e200, 1e300, 1e307]) {
        const r = at(scale);
        for (const key of ['a', 'b', 'c'] as const) expect(Number.isNaN(r[key].lower) || Number.isNaN(r[key].upper)).toBe(false);
        expect(r.a.lower).toBeLessThanOrEqual(r.a.value);
        expect(r.a.upper).toBeGreaterThanOrEqual(r.a.value);
        // Wilson's z^2 / n at a zero count once lost half to underflow above n = 1e150.
        expect(Math.abs((r.c.upper * scale) / ref - 1)).toBeLessThan(1e-14);
      }
    }
  });
});
