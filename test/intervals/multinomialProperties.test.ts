import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multinomialCI } from '../../src/intervals/multinomialCI';

const methods = ['sison-glaz', 'goodman', 'quesenberry-hurst', 'wilson'] as const;

// Category names include integer-like keys ('0', '17'), which JavaScript orders first: the result
// must follow the input's own key order whatever it is.
const categoryNames = fc.uniqueArray(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.nat(50).map(String)), {
  minLength: 2,
  maxLength: 8,
});

const wholeCounts = categoryNames.chain((names) =>
  fc
    .array(fc.oneof(fc.nat(20), fc.nat(2000), fc.constant(0)), { minLength: names.length, maxLength: names.length })
    .filter((xs) => xs.some((x) => x > 0))
    .map((xs) => Object.fromEntries(names.map((name, i) => [name, xs[i]!])) as Record<string, number>),
);

const weightedCounts = categoryNames.chain((names) =>
  fc
    .array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: names.length, maxLength: names.length })
    .filter((xs) => xs.reduce((s, x) => s + x, 0) > 1e-3)
    .map((xs) => Object.fromEntries(names.map((name, i) => [name, xs[i]!])) as Record<string, number>),
);

const levels = fc.oneof(fc.constantFrom(0.8, 0.9, 0.95, 0.99, 0.998), fc.double({ min: 0.5, max: 0.999, noNaN: true }));

function checkResult(counts: Record<string, number>, out: Record<string, { value: number; lower: number; upper: number; level: number }>, level: number) {
  const keys = Object.keys(counts);
  expect(Object.keys(out)).toEqual(keys);
  const n = keys.reduce((s, key) => s + counts[key]!, 0);
  for (const key of keys) {
    const iv = out[key]!;
    expect(Number.isNaN(iv.lower) || Number.isNaN(iv.upper) || Number.isNaN(iv.value)).toBe(false);
    expect(iv.value).toBeCloseTo(counts[key]! / n, 14);
    expect(iv.lower).toBeGreaterThanOrEqual(0);
    expect(iv.upper).toBeLessThanOrEqual(1);
    expect(iv.lower).toBeLessThanOrEqual(iv.value);
    expect(iv.value).toBeLessThanOrEqual(iv.upper);
    expect(iv.level).toBe(level);
  }
}

describe('multinomialCI properties (fast-check)', () => {
  for (const method of methods) {
    it(`${method}: intervals contain the share, limits in [0, 1], no NaN, categories in order`, () => {
      fc.assert(
        fc.property(wholeCounts, levels, (counts, level) => {
          checkResult(counts, multinomialCI(counts, { level, method }), level);
        }),
        { numRuns: method === 'sison-glaz' ? 150 : 300 },
      );
    });
  }

  it('goodman, quesenberry-hurst and wilson also on weighted (non-integer) counts', () => {
    fc.assert(
      fc.property(weightedCounts, levels, fc.constantFrom('goodman', 'quesenberry-hurst', 'wilson' as const), (counts, level, method) => {
        checkResult(counts, multinomialCI(counts, { level, method }), level);
      }),
      { numRuns: 300 },
    );
  });

  it('simultaneous intervals are at least as wide as per-category Wilson at the same level (goodman, quesenberry-hurst)', () => {
    fc.assert(
      fc.property(wholeCounts, levels, (counts, level) => {
        const wilson = multinomialCI(counts, { level, method: 'wilson' });
        for (const method of ['goodman', 'quesenberry-hurst'] as const) {
          const simultaneous = multinomialCI(counts, { level, method });
          for (const key of Object.keys(counts)) {
            expect(simultaneous[key]!.lower).toBeLessThanOrEqual(wilson[key]!.lower + 1e-12);
            expect(simultaneous[key]!.upper).toBeGreaterThanOrEqual(wilson[key]!.upper - 1e-12);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
