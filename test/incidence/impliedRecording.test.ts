import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { impliedRecording, InputError } from '../../src/index';
import ref from '../fixtures/r/incidence-reference.json';
import { errorOf } from '../helpers';

const england = {
  recorded: { count: 7706, from: '2013-04-01', to: '2016-02-04' },
  victims: { estimate: 1_150_000, lower: 1_100_000, upper: 1_200_000 },
  reporting: { estimate: 0.5, standardError: 0.03 },
};
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('impliedRecording', () => {
  it('England and Wales: about 1 victim in 425 recorded, about 1 report in 212', () => {
    const r = impliedRecording(england);
    expect(r.recorded).toBeCloseTo(ref.annualised, 9);
    expect(r.recordedShare.value).toBeCloseTo(ref.annualised / 1_150_000, 14);
    expect(r.recording!.value).toBeCloseTo(ref.annualised / 1_150_000 / 0.5, 14);
    expect(r.unrecorded.value).toBeCloseTo(1_150_000 - ref.annualised, 6);
    expect(r.recordedShare.lower).toBeLessThan(r.recordedShare.value);
    expect(r.recordedShare.upper).toBeGreaterThan(r.recordedShare.value);
    expect(r.recording!.upper).toBeGreaterThan(r.recording!.lower);
    expect(r.recordedShare.notes!.join('\n')).toMatch(/standard error recovered/);
  });
  it('no count noise and exact incidents: the share is recorded / V with V a Gamma (R: qgamma)', () => {
    const r = impliedRecording(
      { recorded: { count: 7706, from: '2013-04-01', to: '2016-02-04' }, victims: { estimate: 1_150_000, standardError: 25_000 } },
      { countNoise: 'none', draws: 400_000 },
    );
    // Relative standard error of these percentiles is about 3e-5 here; tolerance 3e-4.
    expect(rel(r.recordedShare.lower, ref.impliedShare[0]!)).toBeLessThan(3e-4);
    expect(rel(r.recordedShare.upper, ref.impliedShare[1]!)).toBeLessThan(3e-4);
    expect(r.recording).toBeUndefined();
  });
  it('Monte Carlo and delta agree (limits within 1%)', () => {
    const mc = impliedRecording(england, { draws: 200_000 });
    const delta = impliedRecording(england, { method: 'delta' });
    for (const key of ['recordedShare', 'recording', 'unrecorded'] as const) {
      expect(rel(mc[key]!.lower, delta[key]!.lower)).toBeLessThan(0.01);
      expect(rel(mc[key]!.upper, delta[key]!.upper)).toBeLessThan(0.01);
    }
  });
  it('count noise matters for small counts: binomial and poisson widen the share', () => {
    const input = { recorded: 22, victims: { estimate: 2000, standardError: 50 } };
    const width = (countNoise: 'none' | 'binomial' | 'poisson') => {
      const r = impliedRecording(input, { countNoise, draws: 20000 });
      return r.recordedShare.upper - r.recordedShare.lower;
    };
    expect(width('binomial')).toBeGreaterThan(2 * width('none'));
    expect(width('poisson')).toBeGreaterThan(width('binomial') * 0.99);
  });
  it('deterministic; keepDraws gives the same numbers plus paired draws', () => {
    const a = impliedRecording(england, { draws: 4000, seed: 3 });
    expect(impliedRecording(england, { draws: 4000, seed: 3 })).toEqual(a);
    const kept = impliedRecording(england, { draws: 4000, seed: 3, keepDraws: true });
    const { draws, ...rest } = kept;
    expect(rest).toEqual(a);
    expect(draws!.unrecorded.length).toBe(4000);
    expect(draws!.victims[5]! * (1 - draws!.recordedShare[5]!)).toBeCloseTo(draws!.unrecorded[5]!, 6);
  });
  it('a count of 0, and an inconsistent reporting figure, are reported honestly', () => {
    const zero = impliedRecording({ recorded: 0, victims: 1000 }, { method: 'delta' });
    expect(zero.recordedShare.lower).toBe(0);
    expect(zero.recordedShare.upper).toBeGreaterThan(0);
    const zeroMC = impliedRecording({ recorded: 0, victims: 1000 }, { draws: 5000 });
    expect(zeroMC.recordedShare.lower).toBeGreaterThanOrEqual(0);
    // Reporting so low that more reports would be recorded than made.
    const odd = impliedRecording({ recorded: 900, victims: 1000, reporting: { successes: 20, trials: 25 } }, { draws: 5000 });
    expect(odd.recording!.upper).toBeGreaterThan(1);
    expect(odd.recording!.notes!.join(' ')).toMatch(/above 1/);
  });
  it('delta method with a vanishing count (subnormal, or tiny beside huge victims): unbounded limits with notes, never NaN', () => {
    for (const [recorded, victims] of [[5e-324, 1e6], [1e-310, 1.2e6], [1e-300, 1e300]] as const) {
      const r = impliedRecording({ recorded, victims, reporting: 0.5 }, { method: 'delta' });
      for (const key of ['recordedShare', 'recording', 'unrecorded'] as const) {
        const i = r[key]!;
        expect([i.value, i.lower, i.upper, i.standardError].some((x) => Number.isNaN(x))).toBe(false);
      }
      expect(r.recordedShare.upper).toBe(1);
      expect(r.recording!.upper).toBe(Infinity);
      expect(r.recording!.notes!.join(' ')).toMatch(/variance is unbounded/);
      expect(r.recording!.notes!.join(' ')).not.toMatch(/draws were infinite|more reports recorded/);
    }
  });
  it('property: any valid input gives ordered, non-NaN limits and identical repeats', () => {
    const victims = fc.oneof(
      fc.double({ min: 1, max: 1e300, noNaN: true }),
      fc.record({ estimate: fc.double({ min: 1, max: 1e12, noNaN: true }), standardError: fc.double({ min: 0, max: 1e5, noNaN: true }) }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constantFrom(5e-324, 1e-310)),
        victims,
        fc.option(fc.double({ min: 1e-6, max: 1, noNaN: true }), { nil: undefined }),
        fc.constantFrom('binomial', 'poisson', 'none') as fc.Arbitrary<'binomial' | 'poisson' | 'none'>,
        fc.constantFrom('monte-carlo', 'delta') as fc.Arbitrary<'monte-carlo' | 'delta'>,
        (recorded, victims, reporting, countNoise, method) => {
          const run = () => impliedRecording({ recorded, victims, ...(reporting === undefined ? {} : { reporting }) }, { draws: 200, countNoise, method, seed: 3 });
          let r: ReturnType<typeof run>;
          try {
            r = run();
          } catch (e) {
            // Only a documented refusal (an InputError), never a crash.
            expect(e).toBeInstanceOf(InputError);
            return;
          }
          for (const key of ['recordedShare', 'recording', 'unrecorded'] as const) {
            const i = r[key];
            if (!i) continue;
            expect([i.value, i.lower, i.upper, i.standardError].some((x) => Number.isNaN(x))).toBe(false);
            expect(i.lower).toBeLessThanOrEqual(i.upper);
          }
          expect(run()).toEqual(r);
        },
      ),
      { numRuns: 150 },
    );
  });
  it('too few draws for the level is an InputError; a point estimate of 0 above which the interval lies says so', () => {
    expect(errorOf(() => impliedRecording({ recorded: 22, victims: 1000 }, { draws: 100, level: 0.99 })).issues[0]!.path).toEqual(['draws']);
    const r = impliedRecording({ recorded: 0, victims: 1000 });
    expect(r.recordedShare.value).toBe(0);
    expect(r.recordedShare.lower).toBeGreaterThan(0);
    expect(r.recordedShare.notes!.join(' ')).toMatch(/point estimate \(0\) lies below the lower limit/);
  });
  it('bad inputs name the field', () => {
    expect(errorOf(() => impliedRecording({ ...england, recorded: -3 })).issues[0]!.path).toEqual(['recorded']);
    expect(errorOf(() => impliedRecording({ ...england, reporting: 1.5 })).issues[0]!.path).toEqual(['reporting']);
    expect(errorOf(() => impliedRecording({ ...england, victims: 0 })).issues[0]!.path).toEqual(['victims']);
    const more = errorOf(() => impliedRecording({ recorded: 5000, victims: 4000 }));
    expect(more.issues[0]!.path).toEqual(['recorded']);
    expect(more.message).toMatch(/more recorded victims than victims/);
    const dates = errorOf(() => impliedRecording({ ...england, recorded: { count: 1, from: '2017-01-01', to: '2016-01-01' } }));
    expect(dates.issues[0]!.path).toEqual(['recorded', 'from']);
  });
});
