import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenIncidence, proportionCI } from '../../src/index';
import { reclassify, roganGladen, type RoganGladenMethod } from '../../src/models/index';
import { simplexLeastSquares } from '../../src/models/reclassify/simplexLeastSquares';
import { solveInPlace } from '../../src/models/reclassify/solveInPlace';
import { issuesOf } from '../helpers';
import reclassifyJson from '../fixtures/r/reclassify.json';
import roganJson from '../fixtures/r/rogan-gladen.json';

// References: test/fixtures/r/reclassify.R (R 4.2.2: solve(t(P), recorded)) and test/fixtures/r/rogan-gladen.R
// (R 4.2.2, epiR 2.0.57: epi.prev with units = 1). Tolerances (relative): the matrix method 1e-12, epi.prev 1e-10
// (all three of its methods are reproduced step for step, Blaker's 1e-4 grid included).

interface ReclassifyCase {
  name: string;
  form: 'counts' | 'probabilities';
  categories: string[];
  recorded: number[];
  recordedAs: number[][];
  matrix: number[][];
  solution: number[];
  recordedCorrectly: number[];
}
interface RoganCase {
  positives: number;
  tested: number;
  sensitivity: number;
  specificity: number;
  level: number;
  method: RoganGladenMethod;
  apparent: [number, number, number];
  true: [number, number, number];
}
const reclassifyCases = (reclassifyJson as unknown as { cases: ReclassifyCase[] }).cases;
const roganCases = (roganJson as unknown as { cases: RoganCase[] }).cases;

const relative = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

function inputs(c: ReclassifyCase) {
  const recorded = Object.fromEntries(c.categories.map((n, i) => [n, c.recorded[i]!]));
  const recordedAs = Object.fromEntries(c.categories.map((t, i) => [t, Object.fromEntries(c.categories.map((r, j) => [r, c.recordedAs[i]![j]!]))]));
  return { recorded, recordedAs };
}

const stalking = {
  recorded: { stalking: 2706, harassment: 52000, other: 30000 },
  recordedAs: {
    stalking: { stalking: 60, harassment: 35, other: 5 },
    harassment: { stalking: 2, harassment: 180, other: 18 },
    other: { stalking: 0, harassment: 6, other: 194 },
  },
};

describe('reclassify: the matrix method against R', () => {
  it.each(reclassifyCases.map((c) => [c.name, c] as const))('%s: solve(t(P), recorded) to 1e-12', (_, c) => {
    const { recorded, recordedAs } = inputs(c);
    const result = reclassify(recorded, recordedAs, { form: c.form, draws: 1000 });
    expect(result.form).toBe(c.form);
    c.categories.forEach((n, i) => {
      expect(relative(result.unconstrained[n]!, c.solution[i]!)).toBeLessThan(1e-12);
      c.categories.forEach((m, j) => expect(relative(result.matrix[n]![m]!, c.matrix[i]![j]!)).toBeLessThan(1e-15));
      const rc = result.recordedCorrectly[n]!;
      const p = typeof rc === 'number' ? rc : (rc as { successes: number; trials: number }).successes / (rc as { successes: number; trials: number }).trials;
      expect(relative(p, c.recordedCorrectly[i]!)).toBeLessThan(1e-15);
      // a non-negative solution is the value itself
      if (c.solution.every((x) => x >= 0)) expect(relative(result.true[n]!.value, c.solution[i]!)).toBeLessThan(1e-12);
    });
  });

  it('the negative solution of R (-14.29, 114.29) becomes the nearest non-negative counts with the same total', () => {
    const c = reclassifyCases.find((x) => x.name === 'negative solution')!;
    const { recorded, recordedAs } = inputs(c);
    const result = reclassify(recorded, recordedAs);
    expect(result.true.a!.value).toBe(0);
    expect(result.true.b!.value).toBeCloseTo(100, 10);
    expect(result.negativeShare).toBe(1);
    expect(result.notes.join(' ')).toMatch(/negative count .*least squares on the simplex/);
    expect(result.true.a!.method).toBe('matrix-method');
  });
});

describe('reclassify: Monte Carlo over the audit rows', () => {
  it('is deterministic for a seed, and another seed gives other limits', () => {
    const a = reclassify(stalking.recorded, stalking.recordedAs, { draws: 5000, seed: 7 });
    const b = reclassify(stalking.recorded, stalking.recordedAs, { draws: 5000, seed: 7 });
    const c = reclassify(stalking.recorded, stalking.recordedAs, { draws: 5000, seed: 8 });
    expect(a).toEqual(b);
    expect(c.true.stalking.lower).not.toBe(a.true.stalking.lower);
    expect(c.true.stalking.value).toBe(a.true.stalking.value);
  });

  it('the intervals contain the point solution; names the prior; recordedCorrectly feeds hiddenIncidence', () => {
    const r = reclassify(stalking.recorded, stalking.recordedAs, { draws: 20000 });
    for (const n of ['stalking', 'harassment', 'other'] as const) {
      expect(r.true[n].lower).toBeLessThanOrEqual(r.true[n].value);
      expect(r.true[n].upper).toBeGreaterThanOrEqual(r.true[n].value);
      expect(r.true[n].method).toBe('monte-carlo');
    }
    expect(r.prior).toBe('jeffreys');
    expect(r.notes[0]).toMatch(/Dirichlet\(count \+ 1\/2\) posterior \(Jeffreys prior\)/);
    expect(r.recordedCorrectly.stalking).toEqual({ successes: 60, trials: 100 });
    const chain = hiddenIncidence({ recorded: 2706, reporting: { successes: 150, trials: 300 }, recording: r.recordedCorrectly.stalking }, { draws: 1000 });
    expect(chain.victims.value).toBeCloseTo(2706 / 0.5 / 0.6, 6);
    const uniform = reclassify(stalking.recorded, stalking.recordedAs, { draws: 2000, prior: 'uniform' });
    expect(uniform.notes[0]).toMatch(/Dirichlet\(count \+ 1\) posterior \(uniform prior\)/);
  });

  it('with ever larger audits the percentile intervals shrink onto the exact solution', () => {
    const exact = reclassify(stalking.recorded, {
      stalking: { stalking: 0.6, harassment: 0.35, other: 0.05 },
      harassment: { stalking: 0.01, harassment: 0.9, other: 0.09 },
      other: { stalking: 0, harassment: 0.03, other: 0.97 },
    });
    const widths = [1, 100, 10000].map((scale) => {
      const audit = Object.fromEntries(
        Object.entries(stalking.recordedAs).map(([t, row]) => [t, Object.fromEntries(Object.entries(row).map(([k, x]) => [k, x * scale]))]),
      ) as typeof stalking.recordedAs;
      const r = reclassify(stalking.recorded, audit, { draws: 4000, seed: 3 });
      for (const n of ['stalking', 'harassment', 'other'] as const) {
        expect(relative(r.true[n].value, exact.true[n].value)).toBeLessThan(1e-12);
        // the draws (Cramer's rule on Gamma rows) centre on the point (Gaussian elimination)
        expect(r.true[n].lower).toBeLessThanOrEqual(exact.true[n].value);
        expect(r.true[n].upper).toBeGreaterThanOrEqual(exact.true[n].value);
      }
      return (r.true.stalking.upper - r.true.stalking.lower) / exact.true.stalking.value;
    });
    expect(widths[1]!).toBeLessThan(widths[0]! / 5);
    expect(widths[2]!).toBeLessThan(widths[1]! / 5);
    expect(widths[2]!).toBeLessThan(0.01);
  });

  it('draws with a negative solution are counted, reported and constrained (counts >= 0, total kept)', () => {
    // stalking is rarely recorded correctly and few cases are recorded as stalking: many draws go negative
    const recorded = { stalking: 20, harassment: 5000, other: 3000 };
    const recordedAs = {
      stalking: { stalking: 3, harassment: 15, other: 2 },
      harassment: { stalking: 1, harassment: 90, other: 9 },
      other: { stalking: 0, harassment: 5, other: 95 },
    };
    const r = reclassify(recorded, recordedAs, { draws: 5000 });
    expect(r.negativeShare).toBeGreaterThan(0.05);
    expect(r.negativeShare).toBeLessThan(1);
    const note = r.notes.find((n) => n.includes('gave a negative true count'))!;
    expect(note).toContain(`(${Number.parseFloat((100 * r.negativeShare).toPrecision(3))}%)`);
    expect(r.true.stalking.lower).toBe(0);
    for (const n of ['stalking', 'harassment', 'other'] as const) expect(r.true[n].lower).toBeGreaterThanOrEqual(0);
    const sum = r.true.stalking.value + r.true.harassment.value + r.true.other.value;
    expect(relative(sum, 8020)).toBeLessThan(1e-12);
  });

  it('a point with no spread when recordedAs holds exact probabilities', () => {
    const r = reclassify({ a: 300, b: 700 }, { a: { a: 0.8, b: 0.2 }, b: { a: 0.1, b: 0.9 } });
    expect(r.true.a).toMatchObject({ value: r.true.a.lower, upper: r.true.a.value, method: 'matrix-method' });
    expect(r.draws).toBe(0);
    expect(r.recordedCorrectly).toEqual({ a: 0.8, b: 0.9 });
  });
});

describe('reclassify: bad input is an InputError naming the field', () => {
  const paths = (f: () => unknown) => issuesOf(f).map((i) => i.path.join('.'));
  it('rows that do not sum to 1; percentages passed as proportions', () => {
    const [issue] = issuesOf(() => reclassify({ a: 1, b: 2 }, { a: { a: 0.5, b: 0.4 }, b: { a: 0.1, b: 0.9 } }));
    expect(issue!.path).toEqual(['recordedAs', 'a']);
    expect(issue!.expected).toMatch(/probabilities summing to 1 \(within 0.005\); this row sums to 0.9/);
    const pct = issuesOf(() => reclassify({ a: 1, b: 2 }, { a: { a: 60, b: 40 }, b: { a: 10, b: 90 } }, { form: 'probabilities' }));
    expect(pct[0]!.hint).toMatch(/did you mean proportions\?/);
    const decimals = issuesOf(() => reclassify({ a: 1, b: 2 }, { a: { a: 60.5, b: 39.5 }, b: { a: 10, b: 90 } }));
    expect(decimals[0]!.path).toEqual(['recordedAs', 'a', 'a']);
    expect(decimals[0]!.hint).toMatch(/did you mean proportions\?/);
    // whole percentages read as audits of 100 say so
    expect(reclassify({ a: 1, b: 2 }, { a: { a: 60, b: 40 }, b: { a: 10, b: 90 } }, { draws: 200 }).notes.join(' ')).toMatch(/sums to exactly 100/);
  });
  it('a recorded category without a row, and a row that is not a recorded category', () => {
    expect(paths(() => reclassify({ a: 1, b: 2 }, { a: { a: 1, b: 0 } } as never))).toEqual(['recordedAs.b']);
    const extra = issuesOf(() => reclassify({ a: 1 }, { a: { a: 1 }, b: { a: 1 } } as never));
    expect(extra[0]!.path).toEqual(['recordedAs', 'b']);
    expect(extra[0]!.expected).toMatch(/a true category among the recorded categories \('a'\)/);
    expect(paths(() => reclassify({ a: 1 }, { a: { a: 1, c: 0 } } as never))).toEqual(['recordedAs.a.c']);
    expect(paths(() => reclassify({ a: 1, b: 1 }, { a: { a: 1 }, b: { a: 0, b: 1 } } as never))).toEqual(['recordedAs.a.b']);
  });
  it('negative counts, non-integer audit counts, empty tables, empty audit rows', () => {
    expect(paths(() => reclassify({ a: -1, b: 2 }, { a: { a: 1, b: 0 }, b: { a: 0, b: 1 } }))).toEqual(['recorded.a']);
    expect(paths(() => reclassify({ a: 1, b: 2 }, { a: { a: 9, b: -1 }, b: { a: 0, b: 1 } }))).toEqual(['recordedAs.a.b']);
    expect(paths(() => reclassify({ a: 1, b: 2 }, { a: { a: 9, b: 2.5 }, b: { a: 0, b: 7 } }))).toEqual(['recordedAs.a.b']);
    expect(paths(() => reclassify({}, {}))).toEqual(['recorded', 'recordedAs']);
    expect(paths(() => reclassify({ a: 1, b: 2 }, { a: { a: 0, b: 0 }, b: { a: 2, b: 7 } }))).toEqual(['recordedAs.a']);
    expect(paths(() => reclassify({ a: 1 }, { a: { a: 3 } }, { level: 95 }))).toEqual(['level']);
    expect(paths(() => reclassify({ a: 1 }, { a: { a: 3 } }, { draws: 10 }))).toEqual(['draws']);
  });
  it('a singular recording matrix says why', () => {
    const alike = issuesOf(() => reclassify({ a: 1, b: 2 }, { a: { a: 6, b: 4 }, b: { a: 3, b: 2 } }));
    expect(alike[0]!.path).toEqual(['recordedAs']);
    expect(alike[0]!.expected).toMatch(/'a' and 'b' are recorded alike/);
    const never = issuesOf(() => reclassify({ s: 0, h: 10, o: 5 }, { s: { s: 0, h: 9, o: 1 }, h: { s: 0, h: 8, o: 2 }, o: { s: 0, h: 1, o: 9 } }));
    expect(never[0]!.expected).toMatch(/no true category is ever recorded as 's'/);
    const mixture = issuesOf(() =>
      reclassify({ a: 1, b: 1, c: 1 }, { a: { a: 0.5, b: 0.5, c: 0 }, b: { a: 0, b: 0.5, c: 0.5 }, c: { a: 0.25, b: 0.5, c: 0.25 } }),
    );
    expect(mixture[0]!.expected).toMatch(/linearly dependent/);
    // ill-conditioned but invertible: a note, and the reciprocal condition number
    const fragile = reclassify({ a: 500, b: 500 }, { a: { a: 0.5, b: 0.5 }, b: { a: 0.5005, b: 0.4995 } });
    expect(fragile.reciprocalCondition).toBeLessThan(1e-3);
    expect(fragile.notes.join(' ')).toMatch(/ill-conditioned/);
    const nine = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`c${i}`, 1]));
    expect(paths(() => reclassify(nine, Object.fromEntries(Object.keys(nine).map((t) => [t, { ...nine }]))))).toEqual(['recorded']);
  });
  it('a typo in a category is a compile error', () => {
    const r = reclassify({ stalking: 1, harassment: 2 }, { stalking: { stalking: 9, harassment: 1 }, harassment: { stalking: 1, harassment: 9 } }, { draws: 200 });
    void r.true.stalking;
    // @ts-expect-error: no such category
    void r.true.stalkng;
    // @ts-expect-error: a typo in a row's category
    void (() => reclassify({ stalking: 1, harassment: 2 }, { stalking: { stalking: 9, harasment: 1 }, harassment: { stalking: 1, harassment: 9 } }));
    expect(r.true.harassment.value).toBeGreaterThan(0);
  });
});

describe('reclassify: properties at awkward corners', () => {
  const row = (k: number) => fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1_000_000, max: 1e9 })), { minLength: k, maxLength: k });
  const countOf = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1e9, max: 1e13, noNaN: true }));
  // 1 to 5 categories: three take the Cramer's-rule kernel, the others Gaussian elimination
  const table = fc.integer({ min: 1, max: 5 }).chain((k) => fc.tuple(fc.array(countOf, { minLength: k, maxLength: k }), fc.array(row(k), { minLength: k, maxLength: k })));
  it('values are numbers >= 0 adding up to the recorded total; limits ordered and finite; never NaN', () => {
    fc.assert(
      fc.property(table, fc.integer(), ([rec, rows], seed) => {
        const names = rec.map((_, i) => `c${i}`);
        // keep the diagonal dominant enough to be invertible
        const audit = rows.map((r, i) => r.map((x, j) => (i === j ? x + 1 + 3 * Math.max(...r) : x)));
        const recorded = Object.fromEntries(names.map((n, i) => [n, rec[i]!]));
        const recordedAs = Object.fromEntries(names.map((t, i) => [t, Object.fromEntries(names.map((r, j) => [r, audit[i]![j]!]))]));
        const result = reclassify(recorded, recordedAs, { draws: 200, seed, form: 'counts' });
        const total = rec.reduce((s, x) => s + x, 0);
        let sum = 0;
        for (const n of names) {
          const t = result.true[n]!;
          expect(t.value).toBeGreaterThanOrEqual(0);
          expect(t.lower).toBeGreaterThanOrEqual(0);
          expect(t.lower).toBeLessThanOrEqual(t.upper);
          expect(t.upper).toBeLessThanOrEqual(total * (1 + 1e-9));
          sum += t.value;
        }
        expect(Math.abs(sum - total)).toBeLessThanOrEqual(1e-9 * Math.max(total, 1));
        expect(result.negativeShare).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200, seed: 20261206 },
    );
  });
  it('tiny probabilities: exact solutions, no NaN', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e-3, noNaN: true }), fc.double({ min: 1e-300, max: 1e-3, noNaN: true }), (e1, e2) => {
        const r = reclassify({ a: 1000, b: 10 }, { a: { a: 1 - e1, b: e1 }, b: { a: e2, b: 1 - e2 } });
        expect(r.true.a.value + r.true.b.value).toBeCloseTo(1010, 8);
        expect(r.true.a.value).toBeGreaterThanOrEqual(0);
        expect(r.true.b.value).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('roganGladen against epiR::epi.prev', () => {
  it.each(roganCases.map((c) => [`${c.positives}/${c.tested} se ${c.sensitivity} sp ${c.specificity} ${c.method} ${c.level}`, c] as const))('%s (1e-10)', (_, c) => {
    const r = roganGladen({ positives: c.positives, tested: c.tested }, { sensitivity: c.sensitivity, specificity: c.specificity, level: c.level, method: c.method });
    const ours = [r.apparent.value, r.apparent.lower, r.apparent.upper, r.unclamped.value, r.unclamped.lower, r.unclamped.upper];
    const theirs = [...c.apparent, ...c.true];
    ours.forEach((x, i) => expect(Math.abs(theirs[i]!) < 1e-15 ? Math.abs(x) < 1e-15 : relative(x, theirs[i]!) < 1e-10).toBe(true));
    for (const key of ['value', 'lower', 'upper'] as const) {
      expect(r.true[key]).toBe(Math.min(1, Math.max(0, r.unclamped[key])));
    }
    const outside = r.unclamped.value < 0 || r.unclamped.value > 1;
    expect(r.notes.some((n) => /clamped to [01]/.test(n))).toBe(outside);
    expect(r.true.method).toBe(`rogan-gladen, ${c.method}`);
  });
  it('bad input names the field', () => {
    expect(issuesOf(() => roganGladen({ positives: 5, tested: 4 }, { sensitivity: 0.9, specificity: 0.9 }))[0]!.path).toEqual(['counts', 'positives']);
    expect(issuesOf(() => roganGladen({ positives: 5, tested: 40 }, { sensitivity: 0.4, specificity: 0.5 }))[0]!.path).toEqual(['specificity']);
    expect(issuesOf(() => roganGladen({ positives: 5, tested: 40 }, { sensitivity: 90, specificity: 0.9 }))[0]!.hint).toMatch(/did you mean 0.9/);
    expect(issuesOf(() => roganGladen({ positives: 5, tested: 40 }, { sensitivity: 0.9, specificity: 0.9, method: 'sterne' as never }))[0]!.path).toEqual(['method']);
    expect(issuesOf(() => roganGladen({ positives: 0, tested: 0 }, { sensitivity: 0.9, specificity: 0.9 }))[0]!.path).toEqual(['counts', 'tested']);
  });
  it('uncertain sensitivity and specificity: Monte Carlo, seeded, and the chain from reclassify', () => {
    const se = { successes: 90, trials: 100 };
    const sp = { successes: 950, trials: 1000 };
    const a = roganGladen({ positives: 80, tested: 1000 }, { sensitivity: se, specificity: sp, draws: 20000 });
    const b = roganGladen({ positives: 80, tested: 1000 }, { sensitivity: se, specificity: sp, draws: 20000 });
    expect(a).toEqual(b);
    expect(a.true.method).toBe('monte-carlo');
    expect(a.true.value).toBeCloseTo((0.08 + 0.95 - 1) / 0.85, 14);
    const exact = roganGladen({ positives: 80, tested: 1000 }, { sensitivity: 0.9, specificity: 0.95 });
    expect(a.true.lower).toBeLessThan(exact.true.lower);
    expect(a.true.upper).toBeGreaterThan(exact.true.upper);
    expect(a.notes[0]).toMatch(/Jeffreys posterior for 90 of 100.*20000 draws, seed 42/);
    // nearly exact audits: the interval is the apparent prevalence's Jeffreys interval mapped
    const big = roganGladen({ positives: 80, tested: 1000 }, { sensitivity: { successes: 9e8, trials: 1e9 }, specificity: { successes: 9.5e8, trials: 1e9 }, draws: 200000 });
    const jeffreys = proportionCI(80, 1000, { method: 'jeffreys' });
    expect(relative(big.true.lower, (jeffreys.lower - 0.05) / 0.85)).toBeLessThan(0.02);
    expect(relative(big.true.upper, (jeffreys.upper - 0.05) / 0.85)).toBeLessThan(0.01);
    // reclassify's recordedCorrectly is a sensitivity
    const audit = reclassify(stalking.recorded, stalking.recordedAs, { draws: 1000 });
    const chained = roganGladen({ positives: 80, tested: 1000 }, { sensitivity: audit.recordedCorrectly.stalking, specificity: 0.99, draws: 1000 });
    expect(chained.true.value).toBeCloseTo((0.08 - 0.01) / 0.59, 12);
    // draws no better than chance are left out, with a note
    const vague = roganGladen({ positives: 30, tested: 100 }, { sensitivity: { successes: 6, trials: 10 }, specificity: { successes: 6, trials: 10 }, draws: 5000 });
    expect(vague.notes.join(' ')).toMatch(/sensitivity \+ specificity <= 1 \(no better than chance\): left out/);
    expect(vague.true.lower).toBeGreaterThanOrEqual(0);
    expect(vague.true.upper).toBeLessThanOrEqual(1);
  });
});

describe('reclassify internals', () => {
  it('solveInPlace solves, pivoting, and refuses a singular system', () => {
    const b = Float64Array.of(5, 10);
    expect(solveInPlace(Float64Array.of(2, 1, 1, 3), b, 2)).toBe(true);
    expect(Array.from(b)).toEqual([1, 3]);
    const c = Float64Array.of(3, 2);
    expect(solveInPlace(Float64Array.of(0, 1, 1, 0), c, 2)).toBe(true);
    expect(Array.from(c)).toEqual([2, 3]);
    expect(solveInPlace(Float64Array.of(1, 2, 2, 4), Float64Array.of(1, 2), 2)).toBe(false);
  });
  it('simplexLeastSquares is the best point of the scaled simplex (against a fine grid)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }), fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }), (rows, r) => {
        const p = Float64Array.from(rows.flatMap((row) => row.map((x) => x / row.reduce((s, y) => s + y, 0))));
        const rec = Float64Array.from(r);
        const total = r[0]! + r[1]! + r[2]!;
        const out = simplexLeastSquares(p, rec, total, 3, new Float64Array(3));
        const loss = (t: number[]) => [0, 1, 2].reduce((s, l) => s + (t[0]! * p[l]! + t[1]! * p[3 + l]! + t[2]! * p[6 + l]! - rec[l]!) ** 2, 0);
        expect(out.every((x) => x >= 0)).toBe(true);
        expect(Math.abs(out[0]! + out[1]! + out[2]! - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
        const best = loss(Array.from(out));
        const steps = 60;
        for (let i = 0; i <= steps; i++) for (let j = 0; i + j <= steps; j++) {
          const t = [(i / steps) * total, (j / steps) * total, ((steps - i - j) / steps) * total];
          expect(best).toBeLessThanOrEqual(loss(t) * (1 + 1e-9) + 1e-9);
        }
      }),
      { numRuns: 60, seed: 11 },
    );
  });
});

describe('reclassify regressions found by the property fuzz (test/hardening/modelProperties.test.ts)', () => {
  it('recorded counts adding to more than 2^53 are refused (the largest double gave NaN true counts)', () => {
    const names = ['stalking', 'harassment', 'malicious', 'other'];
    const recordedAs = Object.fromEntries(names.map((t, i) => [t, Object.fromEntries(names.map((r, j) => [r, i === j ? 50 : i === 3 && j === 2 ? 1 : 0]))]));
    const recorded: Record<string, number> = { stalking: 0, harassment: 0, malicious: 0, other: Number.MAX_VALUE };
    const issue = issuesOf(() => reclassify(recorded, recordedAs, { level: 0.5, draws: 1000 }))[0]!;
    expect(issue.path).toEqual(['recorded']);
    expect(issue.expected).toMatch(/2\^53/);
    const result = reclassify({ ...recorded, other: 2 ** 53 } as Record<string, number>, recordedAs, { level: 0.5, draws: 1000 });
    expect(JSON.stringify(result)).not.toMatch(/NaN/);
    for (const i of Object.values(result.true)) expect(Number.isNaN(i.value) || Number.isNaN(i.lower) || Number.isNaN(i.upper)).toBe(false);
  });
});
