import { describe, expect, it } from 'vitest';
import { percentileSummary } from '../../src/montecarlo/percentileSummary';
import { createGenerator } from '../../src/random/generator';

const lowerRank = (n: number, level: number) => Math.max(1, Math.floor(((n + 1) * (1 - level)) / 2));

/** The sorted order statistics, and the standard deviation summed in draw order from x - centre. */
function reference(values: Float64Array, centre: number, level: number) {
  const sorted = Float64Array.from(values).sort();
  const j = lowerRank(values.length, level);
  let s1 = 0;
  let s2 = 0;
  for (const x of values) {
    const d = x - centre;
    s1 += d;
    s2 += d * d;
  }
  const n = values.length;
  const mean = s1 / n;
  const sd = Number.isFinite(s2) && n >= 2 ? Math.sqrt(Math.max(0, (s2 - n * mean * mean) / (n - 1))) : undefined;
  return { limits: [sorted[j - 1]!, sorted[n - j]!], sd };
}

describe('percentileSummary: percentile limits and standard deviation from one pass', () => {
  it('equals sorting and a separate sum in draw order, on the bracketed path and off it', () => {
    const rng = createGenerator(9);
    const cases: [Float64Array, number][] = [
      [Float64Array.from({ length: 200003 }, () => rng.next()), 0.5], // bracketed pass
      [Float64Array.from({ length: 100000 }, () => Math.floor(rng.next() * 40)), 20], // ties: brackets may miss
      [Float64Array.from({ length: 5000 }, () => 1e5 * (1 + rng.next())), 150000], // quickselect only
      [new Float64Array(50000).fill(3), 3],
    ];
    for (const [a, centre] of cases) {
      for (const level of [0.95, 0.5, 0.999]) {
        const expected = reference(a, centre, level);
        const got = percentileSummary(a.slice(), centre, level);
        expect(got.limits).toEqual(expected.limits);
        expect(got.sd).toBe(expected.sd);
      }
    }
  });

  it('an infinite draw: limits still exact, no standard deviation', () => {
    const rng = createGenerator(10);
    const a = Float64Array.from({ length: 60000 }, (_, i) => (i % 1000 === 7 ? Infinity : rng.next()));
    const got = percentileSummary(a.slice(), 0.5, 0.95);
    expect(got.limits).toEqual(reference(a, 0.5, 0.95).limits);
    expect(got.sd).toBeUndefined();
  });
});
