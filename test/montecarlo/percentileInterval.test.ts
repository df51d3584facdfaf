import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileInterval } from '../../src/montecarlo/percentileInterval';

const lowerRank = (n: number, level: number) => Math.max(1, Math.floor(((n + 1) * (1 - level)) / 2));
import { createGenerator } from '../../src/random/generator';

function reference(values: Float64Array, level: number): [number, number] {
  const sorted = Float64Array.from(values).sort();
  const j = lowerRank(values.length, level);
  return [sorted[j - 1]!, sorted[values.length - j]!];
}

describe('percentile intervals by selection', () => {
  it('equal the order statistics of ranks j and n + 1 - j, j = floor((n + 1)(1 - level) / 2)', () => {
    // n = 2000 at 0.95: ranks 50 and 1951; n = 10: the extremes.
    const a = Float64Array.from({ length: 2000 }, (_, i) => 2000 - i);
    expect(percentileInterval(a, 0.95)).toEqual([50, 1951]);
    expect(percentileInterval(Float64Array.from([5, 3, 9, 1, 7, 2, 8, 4, 6, 10]), 0.95)).toEqual([1, 10]);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.01, max: 0.999, noNaN: true }),
        (values, level) => {
          const a = Float64Array.from(values);
          // + 0 turns -0 into 0: quickselect treats them as equal, as they are.
          expect(percentileInterval(a.slice(), level).map((x) => x + 0)).toEqual(reference(a, level).map((x) => x + 0));
        },
      ),
    );
  });
  it('large arrays (the bracketed pass): continuous, tied, constant and with infinities', () => {
    const rng = createGenerator(7);
    const n = 100003;
    const cases: Float64Array[] = [
      Float64Array.from({ length: n }, () => rng.next()),
      Float64Array.from({ length: n }, () => Math.floor(rng.next() * 50)),
      new Float64Array(n).fill(2.5),
      Float64Array.from({ length: n }, () => (rng.next() < 0.04 ? Infinity : rng.next())),
      Float64Array.from({ length: n }, (_, i) => n - i),
    ];
    for (const a of cases) {
      for (const level of [0.95, 0.5, 0.999, 0.01]) expect(percentileInterval(a.slice(), level)).toEqual(reference(a, level));
    }
  });
});
