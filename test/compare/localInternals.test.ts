import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { percentileInterval } from '../../src/montecarlo/percentileInterval';
import { percentileLimits } from '../../src/compare/local/percentileLimits';
import { areaSeed } from '../../src/compare/local/areaSeed';
import { areaCount } from '../../src/compare/local/areaCount';
import { overlappingStrata } from '../../src/compare/local/areaStrata';
import { parseAgeBand } from '../../src/core/ageBand';
import { createGenerator } from '../../src/random/generator';

describe('percentileLimits: exactly the limits of percentileInterval', () => {
  const kinds = ['uniform', 'lognormal', 'ties', 'infinite', 'sorted', 'reversed'] as const;
  const fill = (kind: (typeof kinds)[number], n: number, seed: number) => {
    const rng = createGenerator(seed);
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      a[i] =
        kind === 'uniform' ? u
          : kind === 'lognormal' ? Math.exp(6 * (u - 0.5) * (u - 0.3))
            : kind === 'ties' ? Math.floor(u * 7)
              : kind === 'infinite' ? (u < 0.03 ? Infinity : u)
                : kind === 'sorted' ? i
                  : n - i;
    }
    return a;
  };
  it('on many arrays, lengths and levels (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.integer({ min: 100, max: 60_000 }),
        fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99, 0.998, 0.9999),
        fc.integer({ min: 0, max: 1e9 }),
        (kind, n, level, seed) => {
          const a = fill(kind, n, seed);
          const expected = percentileInterval(a.slice(), level);
          const out = new Float64Array(4);
          const limits = percentileLimits(n, level);
          limits(a.slice(), out, 2);
          expect([out[2], out[3]]).toEqual(expected);
          // reusable: a second array through the same finder
          const b = fill(kind, n, seed + 1);
          limits(b.slice(), out, 0);
          expect([out[0], out[1]]).toEqual(percentileInterval(b.slice(), level));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('percentileLimits takes its fast path on ordinary draws', () => {
  it('leaves the array in order (the quickselect fallback would reorder it)', () => {
    for (const kind of ['uniform', 'lognormal'] as const) {
      for (const [n, level] of [[10_000, 0.95], [2048, 0.9], [100_000, 0.998]] as const) {
        const rng = createGenerator(n);
        const a = Float64Array.from({ length: n }, () => (kind === 'uniform' ? rng.next() : Math.exp(3 * rng.next() ** 2)));
        const copy = a.slice();
        const out = new Float64Array(2);
        percentileLimits(n, level)(a, out, 0);
        expect(a.every((x, i) => x === copy[i])).toBe(true);
        expect([out[0], out[1]]).toEqual(percentileInterval(copy, level));
      }
    }
  });
});

describe('areaSeed', () => {
  it('depends on the name and the stream seed only, and is a safe integer', () => {
    expect(areaSeed(123456789, 'Lewisham')).toBe(areaSeed(123456789, 'Lewisham'));
    expect(areaSeed(123456789, 'Lewisham')).not.toBe(areaSeed(123456789, 'Bromley'));
    expect(areaSeed(123456789, 'Lewisham')).not.toBe(areaSeed(987654321, 'Lewisham'));
    for (const s of [0, 1, 2 ** 32 - 1]) expect(Number.isSafeInteger(areaSeed(s, 'Dartford and Gravesham'))).toBe(true);
    // FNV-1a 32 of "a" is 0xe40c292c (Fowler-Noll-Vo reference value)
    expect(areaSeed(0, 'a')).toBe(0xe40c292c);
  });
});

describe('areaCount', () => {
  it('plain whole numbers, and periods annualised to 365.25 days', () => {
    expect(areaCount.parse(22)).toEqual({ count: 22, factor: 1, annual: 22, period: undefined });
    const p = areaCount.parse({ count: 22, from: '2013-04-01', to: '2016-02-04' });
    expect([p.count, p.period?.days, p.factor]).toEqual([22, 1040, 365.25 / 1040]);
    expect(areaCount.parse({ count: 12, days: 730.5 }).annual).toBe(6);
    expect(areaCount.safeParse(2.5).success).toBe(false);
    expect(areaCount.safeParse({ count: 2.5, days: 10 }).success).toBe(false);
  });
});

describe('overlappingStrata', () => {
  const band = (s: string) => parseAgeBand(s)!;
  it('finds repeated and overlapping bands within a sex only', () => {
    expect(overlappingStrata([{ sex: 'female', band: band('16-29') }, { sex: 'male', band: band('16-29') }])).toEqual([]);
    const found = overlappingStrata([
      { sex: 'female', band: band('16-29') },
      { sex: 'female', band: band('30-59') },
      { sex: 'female', band: band('16-29') },
      { sex: 'female', band: band('55+') },
    ]);
    expect(found.map((i) => i.path)).toEqual([
      ['prevalence', 2, 'age'],
      ['prevalence', 3, 'age'],
    ]);
  });
});
