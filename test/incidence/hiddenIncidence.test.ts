import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenIncidence, InputError, type HiddenIncidence } from '../../src/index';
import ref from '../fixtures/r/incidence-reference.json';
import { errorOf } from '../helpers';

const stalking = {
  recorded: { count: 7706, from: '2013-04-01', to: '2016-02-04' },
  reporting: { successes: 150, trials: 300 },
  recording: { successes: 100, trials: 2000 },
};


/** Relative difference. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

function withoutDraws(r: HiddenIncidence) {
  const { draws: _draws, ...rest } = r;
  return rest;
}

describe('hiddenIncidence: point estimates', () => {
  it('victims = recorded / incidentsPerVictim / (reporting x recording), and the other quantities', () => {
    const r = hiddenIncidence({ recorded: 2700, reporting: 0.5, recording: 0.05, incidentsPerVictim: 1.2 }, { draws: 1000 });
    expect(r.victims.value).toBeCloseTo(2700 / 1.2 / 0.025, 8);
    expect(r.reported.value).toBeCloseTo(45000, 8);
    expect(r.unrecorded.value).toBeCloseTo(90000 - 2250, 8);
    expect(r.recordedShare.value).toBeCloseTo(0.025, 15);
    expect(r.multiplier.value).toBeCloseTo(1 / 0.03, 12);
    expect(r.recorded).toBe(2700);
  });
  it('annualises a period count (7,706 over 1,040 days)', () => {
    const r = hiddenIncidence(stalking, { method: 'delta' });
    expect(r.recorded).toBeCloseTo(ref.annualised, 9);
    expect(r.victims.value).toBeCloseTo(ref.annualised / 0.025, 6);
    expect(r.notes.join('\n')).toMatch(/1040 days/);
  });
});

describe('hiddenIncidence: Monte Carlo percentiles against R (test/fixtures/r/incidence-reference.R)', () => {
  // 400,000 draws: the relative standard error of a 2.5% / 97.5% percentile is about 3e-4 here;
  // tolerance 2e-3 (over 5 standard errors).
  const draws = 400_000;
  it('reporting uncertain only, no count noise: R / (recording x qbeta)', () => {
    const r = hiddenIncidence({ recorded: 2700, reporting: { successes: 150, trials: 300 }, recording: 0.6 }, { draws, countNoise: 'none' });
    expect(rel(r.victims.lower, ref.reportingOnly[0]!)).toBeLessThan(2e-3);
    expect(rel(r.victims.upper, ref.reportingOnly[1]!)).toBeLessThan(2e-3);
  });
  it('Poisson count noise with exact probabilities: qgamma(p, count + 1/2) / q', () => {
    const r = hiddenIncidence({ recorded: 22, reporting: 0.5, recording: 0.4 }, { draws, countNoise: 'poisson' });
    expect(rel(r.victims.lower, ref.poissonNoise[0]!)).toBeLessThan(3e-3);
    expect(rel(r.victims.upper, ref.poissonNoise[1]!)).toBeLessThan(2e-3);
  });
  it('binomial count noise with exact probabilities: count + qnbinom(p, count + 1/2, q)', () => {
    const r = hiddenIncidence({ recorded: 22, reporting: 0.5, recording: 0.4 }, { draws });
    expect(Math.abs(r.victims.lower - ref.binomialNoise[0]!)).toBeLessThanOrEqual(1);
    expect(Math.abs(r.victims.upper - ref.binomialNoise[1]!)).toBeLessThanOrEqual(1);
    expect(Math.abs(r.unrecorded.upper - (ref.binomialNoise[1]! - 22))).toBeLessThanOrEqual(1);
  });
  it('both probabilities uncertain: the product distribution by numerical integration', () => {
    const r = hiddenIncidence(stalking, { draws, countNoise: 'none' });
    expect(rel(r.victims.lower, ref.product[0]!)).toBeLessThan(2e-3);
    expect(rel(r.victims.upper, ref.product[1]!)).toBeLessThan(3e-3);
  });
});

describe('hiddenIncidence: Monte Carlo and delta method agree when uncertainties are small', () => {
  it('large count, large samples: limits within 1.5%', () => {
    const input = {
      recorded: 50000,
      reporting: { successes: 20000, trials: 40000 },
      recording: { successes: 3000, trials: 5000 },
      incidentsPerVictim: { estimate: 1.3, standardError: 0.01 },
    };
    const mc = hiddenIncidence(input, { draws: 200_000 });
    const delta = hiddenIncidence(input, { method: 'delta' });
    for (const key of ['victims', 'reported', 'unrecorded', 'recordedShare', 'multiplier'] as const) {
      expect(rel(mc[key].lower, delta[key].lower)).toBeLessThan(0.015);
      expect(rel(mc[key].upper, delta[key].upper)).toBeLessThan(0.015);
      expect(rel(mc[key].standardError!, delta[key].standardError!)).toBeLessThan(0.05);
      expect(delta[key].method).toBe('delta');
    }
  });
  it('and for the stalking example, with moderate uncertainty, within 2%', () => {
    const mc = hiddenIncidence(stalking, { draws: 200_000 });
    const delta = hiddenIncidence(stalking, { method: 'delta' });
    expect(rel(mc.victims.lower, delta.victims.lower)).toBeLessThan(0.02);
    expect(rel(mc.victims.upper, delta.victims.upper)).toBeLessThan(0.02);
  });
});

describe('hiddenIncidence: determinism and draws', () => {
  it('identical inputs and seed give identical numbers; another seed differs', () => {
    const a = hiddenIncidence(stalking, { draws: 5000, seed: 7 });
    const b = hiddenIncidence(stalking, { draws: 5000, seed: 7 });
    expect(a).toEqual(b);
    expect(hiddenIncidence(stalking, { draws: 5000, seed: 8 }).victims.lower).not.toBe(a.victims.lower);
  });
  it('keepDraws returns paired Float64Arrays and the same numbers as without (every code path)', () => {
    const inputs = [
      stalking,
      { ...stalking, incidentsPerVictim: { estimate: 1.2, standardError: 0.1 } },
      { ...stalking, recorded: 22 },
    ];
    for (const input of inputs) {
      for (const countNoise of ['binomial', 'poisson', 'none'] as const) {
        const kept = hiddenIncidence(input, { draws: 3000, keepDraws: true, countNoise });
        const plain = hiddenIncidence(input, { draws: 3000, countNoise });
        expect(withoutDraws(kept)).toEqual(plain);
        const d = kept.draws!;
        expect(d.victims).toBeInstanceOf(Float64Array);
        expect(d.victims.length).toBe(3000);
        for (let i = 0; i < 3000; i += 97) {
          expect(d.reported[i]!).toBeLessThanOrEqual(d.victims[i]!);
          expect(d.multiplier[i]!).toBeGreaterThan(0);
        }
      }
    }
  });
  it('the count noise models: none < binomial < poisson in width when the recorded share is large', () => {
    const input = { recorded: 30, reporting: 0.8, recording: 0.9 };
    const width = (countNoise: 'none' | 'binomial' | 'poisson') => {
      const r = hiddenIncidence(input, { draws: 20000, countNoise });
      return r.victims.upper - r.victims.lower;
    };
    expect(width('none')).toBe(0);
    expect(width('binomial')).toBeLessThan(width('poisson'));
  });
  it('everything exact and no count noise: a single point, and notes say how inputs were read', () => {
    const r = hiddenIncidence({ recorded: 100, reporting: 0.5, recording: 0.5 }, { countNoise: 'none', draws: 100 });
    expect(r.victims).toMatchObject({ value: 400, lower: 400, upper: 400, method: 'monte-carlo' });
    expect(r.multiplier).toMatchObject({ lower: 4, upper: 4 });
    expect(r.notes.join('\n')).toMatch(/count treated as exact/);
  });
});

describe('hiddenIncidence: awkward corners', () => {
  it('a count of 0: victims from 0 up, never NaN, both methods', () => {
    const mc = hiddenIncidence({ recorded: 0, reporting: 0.5, recording: { successes: 20, trials: 100 } }, { draws: 20000 });
    expect(mc.victims.value).toBe(0);
    expect(mc.victims.lower).toBe(0);
    expect(mc.victims.upper).toBeGreaterThan(0);
    const delta = hiddenIncidence({ recorded: 0, reporting: 0.5, recording: { successes: 20, trials: 100 } }, { method: 'delta' });
    expect(delta.victims.lower).toBe(0);
    expect(delta.victims.upper).toBeGreaterThan(mc.victims.upper * 0.5);
    expect([...delta.notes, ...(delta.victims.notes ?? [])].join(' ')).toMatch(/Garwood/);
  });
  it('recording known to be 1 and reporting 1: the recorded share is exactly 1', () => {
    const r = hiddenIncidence({ recorded: 50, reporting: 1, recording: 1 }, { draws: 1000 });
    expect(r.recordedShare).toMatchObject({ value: 1, lower: 1, upper: 1 });
    expect(r.unrecorded).toMatchObject({ value: 0, lower: 0, upper: 0 });
    const d = hiddenIncidence({ recorded: 50, reporting: 1, recording: 1 }, { method: 'delta' });
    expect(d.unrecorded).toMatchObject({ value: 0, lower: 0, upper: 0 });
  });
  it('all 50 audited reports recorded ({ successes: 50, trials: 50 }): the delta method still has limits', () => {
    const d = hiddenIncidence({ recorded: 50, reporting: 1, recording: { successes: 50, trials: 50 } }, { method: 'delta' });
    expect(d.recordedShare.upper).toBe(1);
    expect(d.recordedShare.lower).toBeLessThan(1);
  });
  it('extreme Beta shapes (draws that underflow to 0) give Infinity with a note, never NaN', () => {
    const r = hiddenIncidence({ recorded: 10, reporting: { alpha: 0.004, beta: 1 }, recording: 0.5 }, { draws: 2000 });
    for (const key of ['victims', 'reported', 'unrecorded', 'recordedShare', 'multiplier'] as const) {
      expect(Number.isNaN(r[key].lower) || Number.isNaN(r[key].upper)).toBe(false);
    }
    expect(r.victims.upper).toBe(Infinity);
    expect((r.victims.notes ?? []).join(' ')).toMatch(/unbounded/);
  });
  it('too few draws for the level is an InputError on draws (the limits would be the extreme draws), not a silent clamp', () => {
    const e = errorOf(() => hiddenIncidence({ recorded: 22, reporting: 0.5, recording: 0.05 }, { draws: 1000, level: 0.999 }));
    expect(e.issues[0]!.path).toEqual(['draws']);
    expect(e.message).toMatch(/at least 1,999 draws for a 99.9% percentile interval/);
    expect(hiddenIncidence({ recorded: 22, reporting: 0.5, recording: 0.05 }, { draws: 1999, level: 0.999 }).victims.upper).toBeGreaterThan(0);
    // The delta method has no draws: no such rule.
    expect(hiddenIncidence({ recorded: 22, reporting: 0.5, recording: 0.05 }, { draws: 100, level: 0.999, method: 'delta' }).victims.method).toBe('delta');
  });
  it('a point estimate outside its interval (shares estimated at 1 from small samples) says so', () => {
    const r = hiddenIncidence({ recorded: 50, reporting: { successes: 30, trials: 30 }, recording: { successes: 20, trials: 20 } });
    expect(r.recordedShare.value).toBe(1);
    expect(r.recordedShare.upper).toBeLessThan(1);
    expect(r.recordedShare.notes!.join(' ')).toMatch(/point estimate \(1\) lies above the upper limit/);
    expect(r.multiplier.notes!.join(' ')).toMatch(/lies below the lower limit/);
    expect((r.victims.notes ?? []).join(' ')).not.toMatch(/point estimate/);
  });
  it('delta method: a recorded share at 1 and a lower limit below the recorded victims are noted', () => {
    const r = hiddenIncidence({ recorded: 50, reporting: { successes: 30, trials: 30 }, recording: { successes: 20, trials: 20 } }, { method: 'delta' });
    expect([r.unrecorded.lower, r.unrecorded.upper]).toEqual([0, 0]);
    expect(r.unrecorded.notes!.join(' ')).toMatch(/recorded share estimated at 1/);
    expect(r.victims.lower).toBeLessThan(50);
    expect((r.victims.notes ?? []).join(' ')).toMatch(/below the recorded victims a year \(50\)/);
    // Poisson count noise estimates an expected number, which may lie below this year's count: no note.
    const p = hiddenIncidence({ recorded: 50, reporting: { successes: 99, trials: 100 }, recording: 1 }, { method: 'delta', countNoise: 'poisson' });
    expect((p.victims.notes ?? []).join(' ')).not.toMatch(/below the recorded victims/);
  });
  it('delta method with a vanishing count (5e-324): unbounded upper limits with a note, never NaN', () => {
    // Found by the property below: the count noise's variance 1 / rv overflows and the unrecorded point
    // underflows to 0, so v exp(z se) was 0 x Infinity.
    for (const countNoise of ['binomial', 'poisson'] as const) {
      const r = hiddenIncidence({ recorded: 5e-324, reporting: 0.999999, recording: { alpha: 5, beta: 0.05 } }, { method: 'delta', countNoise });
      expect(r.unrecorded.value).toBe(0);
      expect(r.unrecorded.lower).toBe(0);
      expect(r.unrecorded.upper).toBe(Infinity);
      expect(r.unrecorded.standardError).toBeUndefined();
      expect((r.unrecorded.notes ?? []).join(' ')).toMatch(/variance is unbounded/);
      expect((r.unrecorded.notes ?? []).join(' ')).not.toMatch(/draws were infinite/);
      expect(r.victims.upper).toBe(Infinity);
    }
  });

  it('property: any valid input gives ordered, non-NaN limits and identical repeats', () => {
    const probability = fc.oneof(
      fc.double({ min: 1e-6, max: 1, noNaN: true }),
      fc.integer({ min: 1, max: 5000 }).chain((trials) => fc.record({ successes: fc.integer({ min: 1, max: trials }), trials: fc.constant(trials) })),
      fc.record({ estimate: fc.double({ min: 1e-4, max: 0.9999, noNaN: true }), base: fc.integer({ min: 1, max: 1e6 }), designFactor: fc.double({ min: 0.5, max: 3, noNaN: true }) }),
      fc.record({ alpha: fc.double({ min: 0.05, max: 1e5, noNaN: true }), beta: fc.double({ min: 0.05, max: 1e5, noNaN: true }) }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1e7, noNaN: true })),
        probability,
        probability,
        fc.constantFrom('binomial', 'poisson', 'none') as fc.Arbitrary<'binomial' | 'poisson' | 'none'>,
        fc.constantFrom('monte-carlo', 'delta') as fc.Arbitrary<'monte-carlo' | 'delta'>,
        (recorded, reporting, recording, countNoise, method) => {
          const run = () => hiddenIncidence({ recorded, reporting, recording }, { draws: 200, countNoise, method, seed: 3 });
          const r = run();
          for (const key of ['victims', 'reported', 'unrecorded', 'recordedShare', 'multiplier'] as const) {
            const i = r[key];
            expect(Number.isNaN(i.value) || Number.isNaN(i.lower) || Number.isNaN(i.upper)).toBe(false);
            expect(i.lower).toBeLessThanOrEqual(i.upper);
            expect(i.lower).toBeGreaterThanOrEqual(0);
          }
          expect(r.recordedShare.upper).toBeLessThanOrEqual(1);
          expect(run()).toEqual(r);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('hiddenIncidence: bad inputs name the field', () => {
  it('reporting 1.5, recorded -3, from after to, percentages as proportions', () => {
    expect(errorOf(() => hiddenIncidence({ ...stalking, reporting: 1.5 })).issues[0]!.path).toEqual(['reporting']);
    expect(errorOf(() => hiddenIncidence({ ...stalking, recorded: -3 })).issues[0]!.path).toEqual(['recorded']);
    const dates = errorOf(() => hiddenIncidence({ ...stalking, recorded: { count: 7706, from: '2016-02-04', to: '2013-04-01' } }));
    expect(dates.issues.map((i) => i.path.join('.'))).toEqual(['recorded.from', 'recorded.to']);
    const percent = errorOf(() => hiddenIncidence({ ...stalking, recording: { estimate: 5, base: 2000 } }));
    expect(percent.issues[0]!.path).toEqual(['recording', 'estimate']);
    expect(percent.issues[0]!.hint).toMatch(/did you mean 0.05\?/);
  });
  it('property: a percentage passed as a proportion is rejected with the proportion it probably meant', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.0001, max: 100, noNaN: true }), fc.constantFrom('reporting', 'recording'), (percent, field) => {
        const e = errorOf(() => hiddenIncidence({ ...stalking, [field]: percent }));
        expect(e.issues[0]!.path).toEqual([field]);
        expect(e.issues[0]!.hint).toMatch(/^did you mean (0\.\d+|1)\?/);
      }),
      { numRuns: 50 },
    );
  });
  it('a probability of 0 is unbounded; options are checked', () => {
    const zero = errorOf(() => hiddenIncidence({ ...stalking, recording: { successes: 0, trials: 100 } }));
    expect(zero.issues[0]!.path).toEqual(['recording']);
    expect(zero.message).toMatch(/unbounded/);
    const o = errorOf(() => hiddenIncidence(stalking, { level: 95, draws: 10, method: 'bootstrap' as never, countNoise: 'gaussian' as never, seed: 1.5 }));
    expect(o.issues.map((i) => i.path[0])).toEqual(['level', 'method', 'draws', 'seed', 'countNoise']);
    expect(errorOf(() => hiddenIncidence({ ...stalking, incidentsPerVictim: 0 })).issues[0]!.path).toEqual(['incidentsPerVictim']);
    expect(errorOf(() => hiddenIncidence({ ...stalking, reportng: 0.5 } as never)).message).toMatch(/unknown: reportng/);
    expect(errorOf(() => hiddenIncidence(null as never)).message).toMatch(/an object \{ recorded/);
  });
  it('never mutates its input', () => {
    const input = structuredClone(stalking);
    hiddenIncidence(input, { draws: 500 });
    expect(input).toEqual(stalking);
  });
});
