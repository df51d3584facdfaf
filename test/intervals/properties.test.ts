import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poissonCI, proportionCI, rateCI, rateRatioCI, type Interval } from '../../src/index';

const PROPORTION_METHODS = ['wilson', 'clopper-pearson', 'jeffreys', 'agresti-coull', 'wald', 'logit'] as const;

/** Counts that stress the edges: zeros, tiny and huge values, whole and weighted. */
const countArb = fc.oneof(
  fc.constantFrom(0, 1, 2, 9, 10, 1e9),
  fc.integer({ min: 0, max: 10_000 }),
  fc.double({ min: 0, max: 1e12, noNaN: true }),
  fc.double({ min: 0, max: 1e-6, noNaN: true }),
);
const levelArb = fc.oneof(fc.constantFrom(0.9, 0.95, 0.99, 0.998), fc.double({ min: 1e-6, max: 0.999999, noNaN: true }));
/** Levels a report would use: at tiny levels an equal-tailed Bayesian (Jeffreys) interval is centred on
 * the posterior median, which need not contain x / n. */
const usualLevelArb = fc.oneof(fc.constantFrom(0.9, 0.95, 0.99, 0.998), fc.double({ min: 0.5, max: 0.999999, noNaN: true }));

/** successes <= trials, with each boundary and tiny proportions drawn often. */
const proportionArb = fc
  .tuple(
    fc.oneof(fc.double({ min: 1e-3, max: 1e12, noNaN: true }), fc.integer({ min: 1, max: 2000 }), fc.constant(1e9)),
    fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e-9, noNaN: true })),
    fc.boolean(),
  )
  .map(([n, share, whole]) => {
    const x = whole && Number.isInteger(n) ? Math.round(share * n) : share * n;
    return { x: Math.min(x, n), n };
  });

function finite(r: Interval): boolean {
  return !Number.isNaN(r.value) && !Number.isNaN(r.lower) && !Number.isNaN(r.upper);
}

describe('proportionCI properties', () => {
  it('no NaN; 0 <= lower <= value <= upper <= 1 for every method (usual levels)', () => {
    fc.assert(
      fc.property(proportionArb, usualLevelArb, fc.constantFrom(...PROPORTION_METHODS), ({ x, n }, level, method) => {
        const r = proportionCI(x, n, { level, method });
        expect(finite(r)).toBe(true);
        expect(r.lower).toBeGreaterThanOrEqual(0);
        expect(r.upper).toBeLessThanOrEqual(1);
        // Jeffreys with under one weighted success or failure: the prior dominates (documented)
        const jeffreysExempt = method === 'jeffreys' && ((x > 0 && x < 1) || (n - x > 0 && n - x < 1));
        if (!jeffreysExempt) {
          expect(r.lower).toBeLessThanOrEqual(r.value);
          expect(r.value).toBeLessThanOrEqual(r.upper);
        }
        if (x === 0) expect(r.lower).toBe(0);
        if (x === n) expect(r.upper).toBe(1);
      }),
      { numRuns: 3000 },
    );
  });

  it('no NaN and limits in [0, 1] at any level in (0, 1); all methods but Jeffreys contain x / n', () => {
    fc.assert(
      fc.property(proportionArb, levelArb, fc.constantFrom(...PROPORTION_METHODS), ({ x, n }, level, method) => {
        const r = proportionCI(x, n, { level, method });
        expect(finite(r)).toBe(true);
        expect(0 <= r.lower && r.lower <= r.upper && r.upper <= 1).toBe(true);
        if (method !== 'jeffreys') expect(r.lower <= r.value && r.value <= r.upper).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('monotone in level: a higher level never gives a narrower interval', () => {
    fc.assert(
      fc.property(proportionArb, levelArb, levelArb, fc.constantFrom(...PROPORTION_METHODS), ({ x, n }, l1, l2, method) => {
        const [lo, hi] = l1 <= l2 ? [l1, l2] : [l2, l1];
        const a = proportionCI(x, n, { level: lo, method });
        const b = proportionCI(x, n, { level: hi, method });
        // slack: relative 1e-12 for quantile round-off
        expect(b.lower).toBeLessThanOrEqual(a.lower * (1 + 1e-12) + 1e-300);
        expect(b.upper).toBeGreaterThanOrEqual(a.upper * (1 - 1e-12));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('poissonCI and rateCI properties', () => {
  it('no NaN; 0 <= lower <= count <= upper for every method; monotone in level', () => {
    fc.assert(
      fc.property(countArb, usualLevelArb, usualLevelArb, fc.constantFrom('exact', 'byar', 'normal' as const), (x, l1, l2, method) => {
        const [lo, hi] = l1 <= l2 ? [l1, l2] : [l2, l1];
        const a = poissonCI(x, { level: lo, method });
        const b = poissonCI(x, { level: hi, method });
        for (const r of [a, b]) {
          expect(finite(r)).toBe(true);
          expect(r.lower).toBeGreaterThanOrEqual(0);
          expect(r.lower).toBeLessThanOrEqual(x);
          expect(r.upper).toBeGreaterThanOrEqual(x);
          expect(r.upper).toBeLessThan(Infinity);
        }
        expect(b.lower).toBeLessThanOrEqual(a.lower * (1 + 1e-12));
        expect(b.upper).toBeGreaterThanOrEqual(a.upper * (1 - 1e-12));
      }),
      { numRuns: 3000 },
    );
  });

  it('exact limits contain x at any level in (0, 1)', () => {
    fc.assert(
      fc.property(countArb, levelArb, (x, level) => {
        const r = poissonCI(x, { level });
        expect(finite(r)).toBe(true);
        expect(r.lower <= x && x <= r.upper).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('rateCI: no NaN, ordered, any population (including below the count)', () => {
    fc.assert(
      fc.property(
        countArb,
        fc.double({ min: 1e-3, max: 1e12, noNaN: true }),
        usualLevelArb,
        fc.constantFrom('auto', 'exact', 'byar' as const),
        (x, population, level, method) => {
          const r = rateCI(x, population, { level, method });
          expect(finite(r)).toBe(true);
          expect(0 <= r.lower && r.lower <= r.value && r.value <= r.upper && r.upper < Infinity).toBe(true);
          expect(r.method).toBe(method === 'auto' ? (x < 10 ? 'exact' : 'byar') : method);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('rateRatioCI properties', () => {
  it('no NaN; 0 <= lower <= value <= upper (Infinity only with no events in b); monotone in level', () => {
    const group = fc.record({ count: countArb, population: fc.double({ min: 1e-3, max: 1e12, noNaN: true }) });
    fc.assert(
      fc.property(group, group, usualLevelArb, usualLevelArb, fc.constantFrom('exact', 'normal' as const), (a, b, l1, l2, method) => {
        fc.pre(a.count > 0 || b.count > 0);
        // Ratios beyond the doubles (a count like 5e-324 in b) are refused: tested in rateRatioCI.test.ts.
        const log10Ratio = Math.log10(a.count) - Math.log10(a.population) - Math.log10(b.count) + Math.log10(b.population);
        fc.pre(!(a.count > 0 && b.count > 0) || Math.abs(log10Ratio) < 300);
        const [lo, hi] = l1 <= l2 ? [l1, l2] : [l2, l1];
        const r1 = rateRatioCI(a, b, { level: lo, method });
        const r2 = rateRatioCI(a, b, { level: hi, method });
        for (const r of [r1, r2]) {
          expect(finite(r)).toBe(true);
          expect(0 <= r.lower && r.lower <= r.value && r.value <= r.upper).toBe(true);
          // Infinity only with no events in b, or with so few (weighted) events that the limit overflows
          if (a.count >= 0.01 && b.count >= 0.01) expect(r.upper).toBeLessThan(Infinity);
          if (b.count === 0) expect(r.upper).toBe(Infinity);
        }
        expect(r2.lower).toBeLessThanOrEqual(r1.lower * (1 + 1e-12));
        expect(r2.upper).toBeGreaterThanOrEqual(r1.upper * (1 - 1e-12));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('regressions found by the properties above', () => {
  it('a count within rounding of trials keeps Wilson upper <= 1', () => {
    const r = proportionCI(0.0009999998164219594, 0.001, { level: 0.9 });
    expect(r.upper).toBeLessThanOrEqual(1);
    expect(r.lower).toBeLessThanOrEqual(r.value);
  });

  it('a vanishingly small weighted count gives no NaN (Clopper-Pearson lower 0)', () => {
    const r = proportionCI(4.4120164091459025e-223, 3, { level: 0.5, method: 'clopper-pearson' });
    expect(r.lower).toBe(0);
    expect(r.upper).toBeGreaterThan(0);
  });

  it('1e9 events at a tiny level: exact limits still ordered around the count', () => {
    const r = poissonCI(1e9, { level: 1e-6 });
    expect(r.lower).toBeLessThanOrEqual(1e9);
    expect(r.upper).toBeGreaterThanOrEqual(1e9);
  });

  it('rate ratio with both rates underflowing: value from the log scale, not NaN', () => {
    const r = rateRatioCI({ count: 1e-300, population: 1e10 }, { count: 1e-300, population: 1e12 });
    expect(r.value).toBeCloseTo(100, 8);
    const s = rateRatioCI({ count: 0, population: 0.001 }, { count: 5e-324, population: 2 }, { level: 0.9 });
    expect(s.value).toBe(0);
    expect(s.upper).toBe(Infinity);
    expect(s.notes).toContain('the upper limit is too large to represent (Infinity): very few events in b');
  });
});

describe('regression: agresti-coull at tiny weighted n', () => {
  it('keeps x / n inside the limits when rounding would push the lower limit above it', () => {
    const n = 2.220446049250313e-16;
    const r = proportionCI(Math.min(n, 1.112536929253601e-308 * n), n, { level: 0.9323920391708512, method: 'agresti-coull' });
    expect(r.lower <= r.value && r.value <= r.upper).toBe(true);
  });
});

describe('extreme magnitudes (arithmetic only: methods that need no special-function quantiles)', () => {
  const huge = fc.double({ min: 1e-300, max: 1e300, noNaN: true });
  it('proportionCI wilson, wald, agresti-coull, logit: no NaN and limits in [0, 1] for trials up to 1e300', () => {
    fc.assert(
      fc.property(huge, fc.double({ min: 0, max: 1, noNaN: true }), usualLevelArb, fc.constantFrom('wilson', 'wald', 'agresti-coull', 'logit' as const), (n, share, level, method) => {
        const r = proportionCI(Math.min(n, share * n), n, { level, method });
        expect(finite(r)).toBe(true);
        expect(0 <= r.lower && r.lower <= r.value && r.value <= r.upper && r.upper <= 1).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('rateCI (byar) and rateRatioCI (normal): no NaN for populations and per from 1e-300 to 1e300', () => {
    fc.assert(
      fc.property(countArb, countArb, huge, huge, huge, usualLevelArb, (x, y, pa, pb, per, level) => {
        // A rate above the largest double is refused (an InputError on per), anything else is a number.
        let rate: Interval | undefined;
        try {
          rate = rateCI(x, pa, { per, level, method: 'byar' });
        } catch (e) {
          expect(String(e)).toMatch(/per: expected a per that makes the rate a representable number/);
          expect(Math.log10(x) - Math.log10(pa) + Math.log10(per)).toBeGreaterThan(308.2);
        }
        if (rate !== undefined) {
          expect(finite(rate)).toBe(true);
          expect(rate.lower <= rate.value && rate.value <= rate.upper).toBe(true);
        }
        fc.pre(x > 0 && y > 0);
        // A rate ratio beyond the doubles is refused (an InputError on b.population), anything else is a number.
        const log10Ratio = Math.log10(x) - Math.log10(pa) - Math.log10(y) + Math.log10(pb);
        if (log10Ratio > 308.3 || log10Ratio < -323.8) {
          expect(() => rateRatioCI({ count: x, population: pa }, { count: y, population: pb }, { level, method: 'normal' })).toThrow(/ratio representable as a number/);
          return;
        }
        if (log10Ratio > 308.2 || log10Ratio < -323.2) return; // at the edge of the doubles: either is right
        const ratio = rateRatioCI({ count: x, population: pa }, { count: y, population: pb }, { level, method: 'normal' });
        expect(finite(ratio)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
