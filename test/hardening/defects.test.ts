/**
 * Regression tests for the defects a property-based fuzz of every public function found (issue 13,
 * "Defects to fix" 1 to 8). Each test names its defect.
 */
import { describe, expect, it } from 'vitest';
import {
  changeOverTime,
  expectedCount,
  expectedVictims,
  funnelLimits,
  funnelPlot,
  hiddenIncidence,
  impliedRecording,
  localEstimates,
  multinomialCI,
  perDay,
  proportionCI,
  rateRatioCI,
  relationshipShares,
  splitByShares,
  surveyProportion,
  type LocalEstimatesInput,
} from '../../src/index';
import { fewestDraws, tooFewDrawsRule } from '../../src/montecarlo/fewestDraws';
import { HINT } from '../../src/core/validate';
import { errorOf } from '../helpers';

const population = [
  { sex: 'female', age: '16-59', population: 100_000 },
  { sex: 'male', age: '16-59', population: 98_000 },
];
const prevalence = [
  { sex: 'female', age: '16-59', estimate: 0.049, base: 11500, designFactor: 1.2 },
  { sex: 'male', age: '16-59', estimate: 0.024, base: 9800, designFactor: 1.2 },
];
const local = (): LocalEstimatesInput => ({
  areas: [
    { name: 'Lewisham', population, recorded: 1579 },
    { name: 'Bromley', population, recorded: 1468 },
  ],
  prevalence,
  reporting: 0.5,
});

describe('defect 1: a level within 1e-16 of 1 hung the draws-for-level rule', () => {
  const nearlyOne = 1 - 1e-16;

  it('fewestDraws returns at once past 2^53 draws (n-- no longer changes n there)', () => {
    expect(fewestDraws(nearlyOne)).toBeGreaterThan(2 ** 53);
    expect(fewestDraws(1 - 2 ** -52)).toBeGreaterThan(2 ** 52);
    expect(fewestDraws(0.95)).toBe(39);
    expect(fewestDraws(0.998)).toBe(999);
  });

  it('the rule for too few draws says when no accepted number of draws is enough', () => {
    const [rule, hint] = tooFewDrawsRule(1 - 1e-9).split(HINT);
    expect(rule).toMatch(/at least [\d,]+ draws for a 99.9999999% percentile interval, more than the 50,000,000 accepted/);
    expect(hint).toMatch(/lower level/);
  });

  it.each([
    ['hiddenIncidence', () => hiddenIncidence({ recorded: 10, reporting: 0.5, recording: 0.5 }, { level: nearlyOne })],
    ['impliedRecording', () => impliedRecording({ recorded: 10, victims: 1000 }, { level: nearlyOne })],
    ['splitByShares', () => splitByShares({ estimate: 1000, standardError: 10 }, { a: 0.5, b: 0.5 }, { level: nearlyOne })],
    ['localEstimates', () => localEstimates(local(), { level: nearlyOne })],
    [
      'expectedVictims',
      () => expectedVictims(prevalence, population, { method: 'monte-carlo', level: nearlyOne }),
    ],
  ])('%s: an InputError at level, no hang', (_name, f) => {
    const e = errorOf(f);
    expect(e.issues[0]!.path).toEqual(['level']);
    expect(e.message).toMatch(/a confidence level from 1e-10 to 1 - 1e-10/);
  });

  it('a level of 1 - 1e-9 is accepted, and Monte Carlo then asks for more draws than allowed', () => {
    const e = errorOf(() => hiddenIncidence({ recorded: 10, reporting: 0.5, recording: 0.5 }, { level: 1 - 1e-9 }));
    expect(e.issues[0]!.path).toEqual(['draws']);
    expect(e.message).toMatch(/more than the 50,000,000 accepted/);
    expect(hiddenIncidence({ recorded: 10, reporting: 0.5, recording: 0.5 }, { level: 1 - 1e-9, method: 'delta' }).victims.upper).toBeGreaterThan(40);
  });
});

describe('defect 2: options inside the input were silently ignored', () => {
  it.each([
    ['hiddenIncidence', () => hiddenIncidence({ recorded: 100, reporting: 0.5, recording: 0.5, options: { method: 'delta', level: 95 } } as never)],
    ['impliedRecording', () => impliedRecording({ recorded: 10, victims: 1000, options: { method: 'delta' } } as never)],
    ['localEstimates', () => localEstimates({ ...local(), options: { level: 0.9 } } as never, { draws: 100 })],
  ])('%s: an InputError at options, pointing to the second argument', (name, f) => {
    const e = errorOf(f);
    expect(e.functionName).toBe(name);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.path).toEqual(['options']);
    expect(e.issues[0]!.hint).toMatch(/second argument/);
  });
});

describe('defect 3: standard errors so small that the Gamma or Beta degenerates', () => {
  it('impliedRecording: a victims standard error of 1e-152 on 1000 is an InputError (it gave [0, 0] for a share of 0.01)', () => {
    const e = errorOf(() => impliedRecording({ recorded: 10, victims: { estimate: 1000, standardError: 1e-152 } }));
    expect(e.issues[0]!.path).toEqual(['victims', 'standardError']);
    expect(e.issues[0]!.expected).toMatch(/a standard error of 0 \(exactly known\) or from 7\.45842e-152 to /);
    expect(e.issues[0]!.hint).toMatch(/plain number/);
  });

  it('splitByShares: a total standard error of 1e-170 is an InputError (it gave NaN limits)', () => {
    const e = errorOf(() => splitByShares({ estimate: 1000, standardError: 1e-170 }, { a: 0.5, b: 0.5 }));
    expect(e.issues[0]!.path).toEqual(['total', 'standardError']);
  });

  it('an Interval-form quantity: a tiny standard error, or a width that implies one', () => {
    const e = errorOf(() =>
      hiddenIncidence({ recorded: 10, reporting: 0.5, recording: 0.5, incidentsPerVictim: { value: 1.5, lower: 1.4, upper: 1.6, level: 0.95, method: 'x', standardError: 1e-160 } }),
    );
    expect(e.issues[0]!.path).toEqual(['incidentsPerVictim', 'standardError']);
    const ipv = { estimate: 1e-300, lower: 1e-300, upper: 1.0000001e-300 };
    const w = errorOf(() => hiddenIncidence({ recorded: 10, reporting: 0.5, recording: 0.5, incidentsPerVictim: ipv }));
    expect(w.issues[0]!.path).toEqual(['incidentsPerVictim', 'upper']);
  });

  it('just above the least standard error still works, with finite limits', () => {
    const r = impliedRecording({ recorded: 10, victims: { estimate: 1000, standardError: 1e-151 } }, { draws: 200 });
    expect(Number.isFinite(r.recordedShare.lower) && r.recordedShare.lower > 0).toBe(true);
    expect(r.recordedShare.upper).toBeGreaterThan(r.recordedShare.lower);
  });

  it('an Interval-form probability with standard error 1e-200 is an InputError (it became Beta(Infinity, Infinity))', () => {
    const reporting = { value: 0.5, lower: 0.4, upper: 0.6, level: 0.95, method: 'wilson', standardError: 1e-200 };
    const e = errorOf(() => hiddenIncidence({ recorded: 10, reporting, recording: 0.5 }));
    expect(e.issues[0]!.path).toEqual(['reporting', 'standardError']);
    expect(e.issues[0]!.expected).toMatch(/a standard error >= 3\.72921e-155/);
    const narrow = { value: 1e-300, lower: 1e-300, upper: 1.0000001e-300, level: 0.95, method: 'wilson' };
    expect(errorOf(() => hiddenIncidence({ recorded: 10, reporting: narrow, recording: 0.5 })).issues[0]!.path).toEqual(['reporting', 'upper']);
  });

  it('an effective base near the largest double: the delta method no longer gives NaN (the Beta variance overflowed)', () => {
    for (const reporting of [
      { value: 0.5, lower: 0.4, upper: 0.6, level: 0.95, method: 'wilson', standardError: 4e-155 },
      { estimate: 0.5, effectiveBase: 1.7e308 },
    ]) {
      const r = hiddenIncidence({ recorded: 10, reporting, recording: 0.5 }, { method: 'delta' }).victims;
      expect(Number.isFinite(r.lower) && Number.isFinite(r.upper)).toBe(true);
      expect(r.lower).toBeLessThan(r.upper);
    }
  });
});

/** Every number in a result, walked recursively (Float64Array draws included). */
function numbersIn(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (ArrayBuffer.isView(x)) out.push(...Array.from(x as unknown as ArrayLike<number>));
  else if (x !== null && typeof x === 'object') for (const v of Object.values(x)) numbersIn(v, out);
  return out;
}
const noNaN = (x: unknown) => expect(numbersIn(x).filter(Number.isNaN)).toEqual([]);

describe('defect 4: NaN or silent Infinity at extreme but accepted magnitudes', () => {
  it('expectedCount: a reference population of 5e-324 (NaN) or two populations of 1e308 (Infinity) are InputErrors', () => {
    const tiny = errorOf(() => expectedCount([{ age: '0-4', population: 0 }], [{ age: '0-4', count: 1, population: 5e-324 }]));
    expect(tiny.issues[0]!.path).toEqual(['referenceRates', 0, 'population']);
    const rate = errorOf(() => expectedCount([{ age: '0-4', population: 1 }], [{ age: '0-4', rate: 1e308 }], { per: 1e-10 }));
    expect(rate.issues[0]!.path).toEqual(['referenceRates', 0, 'rate']);
    const big = [
      { age: '0-4', population: 1e308 },
      { age: '5-9', population: 1e308 },
    ];
    const e = errorOf(() => expectedCount(big, [{ age: '0-4', count: 1, population: 1 }, { age: '5-9', count: 1, population: 1 }]));
    expect(e.issues[0]!.path).toEqual(['population']);
    expect(e.message).toMatch(/is a finite number/);
    expect(expectedCount([{ age: '0-4', population: 5e-324 }], [{ age: '0-4', count: 1, population: 2 }])).toBe(0);
  });

  it('hiddenIncidence delta: a recording probability of 1e-300 (victims about 2e302) gives finite limits', () => {
    for (const recording of [1e-300, { successes: 1, trials: 1e300 }]) {
      const r = hiddenIncidence({ recorded: 100, reporting: 0.5, recording }, { method: 'delta' });
      noNaN(r);
      expect(r.victims.lower).toBeGreaterThan(1e301);
      expect(r.victims.upper).toBeLessThan(1e304);
    }
  });

  it('impliedRecording delta: victims of 1e300 (their variance overflows) give finite limits', () => {
    const r = impliedRecording({ recorded: 100, victims: { estimate: 1e300, standardError: 1e299 } }, { method: 'delta' });
    noNaN(r);
    expect(r.unrecorded.lower).toBeCloseTo(8.22e299, -296);
    expect(r.unrecorded.upper).toBeLessThan(1.3e300);
    expect(r.unrecorded.standardError).toBeCloseTo(1e299, -295);
  });

  it('proportionCI(5e-324, 2) at the smallest accepted level: no NaN; a level of 5e-324 is refused', () => {
    for (const method of ['wilson', 'clopper-pearson', 'jeffreys', 'agresti-coull', 'wald', 'logit'] as const) {
      const r = proportionCI(5e-324, 2, { level: 1e-10, method });
      noNaN(r);
      expect(r.lower).toBeLessThanOrEqual(r.upper);
    }
    expect(errorOf(() => proportionCI(5e-324, 2, { level: 5e-324 })).issues[0]!.path).toEqual(['level']);
  });

  it('changeOverTime: a ratio whose percent change would be Infinity is an InputError', () => {
    const e = errorOf(() => changeOverTime({ count: 25, days: 1.7976931348623157e308 }, { count: 1e9, days: 61809733 }));
    expect(e.issues[0]!.path).toEqual(['after', 'days']);
    expect(e.message).toMatch(/as a percent change/);
  });
});

/** Every Interval in a result whose limit is infinite has a note saying so. */
function infiniteLimitsNoted(x: unknown, path = ''): string[] {
  const missing: string[] = [];
  if (x !== null && typeof x === 'object' && !ArrayBuffer.isView(x)) {
    const o = x as Record<string, unknown>;
    if (typeof o.lower === 'number' && typeof o.upper === 'number' && typeof o.method === 'string') {
      const infinite = [o.value, o.lower, o.upper].some((v) => typeof v === 'number' && !Number.isFinite(v));
      const notes = (o.notes as string[] | undefined) ?? [];
      if (infinite && !notes.some((n) => /Infinity|unbounded/.test(n))) missing.push(path || '(result)');
    }
    for (const [k, v] of Object.entries(o)) missing.push(...infiniteLimitsNoted(v, `${path}.${k}`));
  }
  return missing;
}

describe('defect 5: an infinite limit without the note the conventions promise', () => {
  it('perDay(0.001, { days: 365 }): one every Infinity days, now with a note', () => {
    const r = perDay(0.001, { days: 365 });
    expect(r.oneEvery.upper).toBe(Infinity);
    expect(r.oneEvery.notes?.join(' ')).toMatch(/unbounded \(Infinity\)/);
    expect(infiniteLimitsNoted(r)).toEqual([]);
  });

  it('rateRatioCI normal with a count of 1e-5: the infinite upper limit has a note', () => {
    const r = rateRatioCI({ count: 1e-5, population: 1 }, { count: 100, population: 1 }, { level: 0.999, method: 'normal' });
    expect(r.upper).toBe(Infinity);
    expect(r.notes?.join(' ')).toMatch(/too large to represent \(Infinity\): very few events/);
    expect(rateRatioCI({ count: 20, population: 1 }, { count: 100, population: 1 }, { method: 'normal' }).notes).toBeUndefined();
  });

  it('localEstimates with a prevalence on an effective base of about 1: every infinite limit has a note', () => {
    const input: LocalEstimatesInput = {
      areas: [
        { name: 'A', population: [{ sex: 'female', age: '16-59', population: 100_000 }], recorded: 100 },
        { name: 'B', population: [{ sex: 'female', age: '16-59', population: 100_000 }], recorded: 0 },
      ],
      prevalence: [{ sex: 'female', age: '16-59', estimate: 0.05, effectiveBase: 1.0000001 }],
      reporting: 0.5,
    };
    const r = localEstimates(input, { draws: 200 });
    expect(r.areas[0]!.expectedRecorded.upper).toBe(Infinity);
    expect(infiniteLimitsNoted(r)).toEqual([]);
    noNaN(r);
  });
});

describe('defect 6: splitByShares trusted hand-made draws', () => {
  const made = () => hiddenIncidence({ recorded: 100, reporting: 0.5, recording: { successes: 40, trials: 100 } }, { draws: 200, keepDraws: true });

  it('a NaN-filled or negative draw is an InputError naming the draw (they gave NaN limits)', () => {
    const nan = made();
    nan.draws!.victims.fill(Number.NaN);
    const e = errorOf(() => splitByShares(nan, { a: 0.5, b: 0.5 }));
    expect(e.issues[0]!.path).toEqual(['total', 'draws', 'victims', 0]);
    const negative = made();
    negative.draws!.victims[17] = -1;
    expect(errorOf(() => splitByShares(negative, { a: 0.5, b: 0.5 })).issues[0]!.path).toEqual(['total', 'draws', 'victims', 17]);
    const hand = { victims: { value: Number.NaN, lower: 1, upper: 2, level: 0.95, method: 'x' }, draws: { victims: new Float64Array(200).fill(5) } };
    expect(errorOf(() => splitByShares(hand as never, { a: 0.5, b: 0.5 })).issues[0]!.path).toEqual(['total', 'victims', 'value']);
  });

  it('the draws a result made are split as before; infinite draws stay allowed', () => {
    const r = made();
    const split = splitByShares(r, { a: 0.5, b: 0.5 });
    noNaN(split);
    r.draws!.victims[3] = Infinity;
    const withInfinity = splitByShares(r, { a: 0.5, b: 0.5 });
    noNaN(withInfinity);
  });
});

describe('defect 7: limits out of order at absurd levels; Jeffreys excluding x / n without a note', () => {
  it('levels below 1e-10 are refused with a clear message (limits came out an ulp out of order)', () => {
    const m = errorOf(() => multinomialCI({ a: 96, c: 4, other: 41 }, { level: 5e-324, method: 'quesenberry-hurst' }));
    expect(m.issues[0]!.path).toEqual(['level']);
    expect(m.issues[0]!.hint).toMatch(/collapse onto the estimate/);
    expect(errorOf(() => funnelLimits({ type: 'ratio', target: 1, levels: [0.95, 1e-300] })).issues[0]!.path).toEqual(['levels', 1]);
    const rows = [
      { area: 'a', count: 3, expected: 5 },
      { area: 'b', count: 9, expected: 4 },
    ];
    expect(errorOf(() => funnelPlot(rows, { levels: [1e-12] })).issues[0]!.path).toEqual(['levels', 0]);
    expect(errorOf(() => proportionCI(1, 3, { level: 1e-11, method: 'jeffreys' })).issues[0]!.path).toEqual(['level']);
  });

  it('at the smallest accepted level the limits are ordered', () => {
    for (const method of ['quesenberry-hurst', 'goodman', 'sison-glaz', 'wilson'] as const) {
      const r = multinomialCI({ a: 96, c: 4, other: 41 }, { level: 1e-10, method });
      for (const k of ['a', 'c', 'other'] as const) expect(r[k]!.lower).toBeLessThanOrEqual(r[k]!.upper);
    }
    for (const row of funnelLimits({ type: 'proportion', target: 0.3, levels: [1e-10] })) expect(row.lower).toBeLessThanOrEqual(row.upper);
    const plot = funnelPlot([{ area: 'a', count: 3, expected: 5 }, { area: 'b', count: 9, expected: 4 }], { levels: [1e-10, 0.5] });
    for (const row of plot.limits) expect(row.lower).toBeLessThanOrEqual(row.upper);
  });

  it('Jeffreys: a note when x / n lies outside the interval (proportionCI(1, 3, { level: 0.05 }))', () => {
    const r = proportionCI(1, 3, { level: 0.05, method: 'jeffreys' });
    expect(r.value).toBeLessThan(r.lower);
    expect(r.notes?.join(' ')).toMatch(/x \/ n \(0\.333333\) lies below the lower limit/);
    expect(proportionCI(1, 3, { method: 'jeffreys' }).notes).toBeUndefined();
  });
});

describe("defect 8: an own '__proto__' key (from JSON.parse) was silently dropped from survey designs", () => {
  const design = () => JSON.parse('{"__proto__": 1, "estimate": 0.1, "base": 100}') as { estimate: number; base: number };

  it('surveyProportion refuses it, naming the field', () => {
    const e = errorOf(() => surveyProportion(design()));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.path).toEqual(['__proto__']);
    expect(e.issues[0]!.received).toBe(1);
  });

  it('so do the other survey forms: an uncertain probability or quantity, and prevalence rows', () => {
    expect(errorOf(() => hiddenIncidence({ recorded: 10, reporting: design(), recording: 0.5 })).issues[0]!.path).toEqual(['reporting', '__proto__']);
    const ipv = JSON.parse('{"__proto__": 1, "estimate": 1.2, "standardError": 0.1}') as { estimate: number; standardError: number };
    expect(errorOf(() => hiddenIncidence({ recorded: 10, reporting: 0.5, recording: 0.5, incidentsPerVictim: ipv })).issues[0]!.path).toEqual([
      'incidentsPerVictim',
      '__proto__',
    ]);
    const row = { ...design(), sex: 'female', age: '16-59' };
    Object.defineProperty(row, '__proto__', { value: 1, enumerable: true, configurable: true, writable: true });
    expect(errorOf(() => expectedVictims([row], population)).issues[0]!.path).toEqual(['prevalence', 0, '__proto__']);
    expect(errorOf(() => localEstimates({ ...local(), prevalence: [row] }, { draws: 100 })).issues[0]!.path).toEqual(['prevalence', 0, '__proto__']);
  });
});

describe('defects found by the property suite (test/hardening/properties.test.ts)', () => {
  it('hiddenIncidence: reporting x recording underflowing to 0 is an InputError (victims were NaN or Infinity)', () => {
    for (const recorded of [0, 10]) {
      const e = errorOf(() => hiddenIncidence({ recorded, reporting: { estimate: 5e-324, base: 1 }, recording: { estimate: 5e-324, effectiveBase: 0.01 } }));
      expect(e.issues[0]!.path).toEqual(['recording']);
      expect(e.message).toMatch(/overflows to Infinity/);
    }
    expect(errorOf(() => hiddenIncidence({ recorded: 1e308, reporting: 1e-5, recording: 0.5 })).issues[0]!.path).toEqual(['recorded']);
  });

  it('hiddenIncidence delta with no events and a tiny recorded share: the infinite upper limit has a note', () => {
    const r = hiddenIncidence(
      { recorded: 0, reporting: { estimate: 1e-5, effectiveBase: 0.01 }, recording: 0.5 },
      { level: 0.5, method: 'delta' },
    );
    expect(r.victims.upper).toBe(Infinity);
    expect(infiniteLimitsNoted(r)).toEqual([]);
  });

  it('impliedRecording: a recording share / reporting that overflows is an InputError (its delta limits were NaN)', () => {
    const e = errorOf(() =>
      impliedRecording({ recorded: 1, victims: { estimate: 0.01, standardError: 0 }, reporting: { estimate: 5e-324, effectiveBase: 0.01 }, incidentsPerVictim: 100 }, { method: 'delta' }),
    );
    expect(e.issues[0]!.path).toEqual(['reporting']);
  });

  it('impliedRecording: infinite limits (Monte Carlo -Infinity, delta Infinity) have notes', () => {
    const mc = impliedRecording(
      { recorded: 0, victims: { estimate: 0.01, standardError: 0 }, incidentsPerVictim: { estimate: 1e-300, standardError: 9.258248892824447e-300 } },
      { level: 0.5, draws: 200, countNoise: 'poisson' },
    );
    expect(mc.unrecorded.lower).toBe(-Infinity);
    expect(infiniteLimitsNoted(mc)).toEqual([]);
    const delta = impliedRecording({ recorded: 0, victims: { estimate: 0.01, standardError: 0 }, reporting: { estimate: 5e-324, effectiveBase: 0.01 } }, { level: 0.5, method: 'delta' });
    expect(delta.recording!.upper).toBe(Infinity);
    expect(infiniteLimitsNoted(delta)).toEqual([]);
  });

  it('splitByShares: infinite draws of the total are noted in the total and every category', () => {
    const r = hiddenIncidence({ recorded: 100, reporting: 0.5, recording: { successes: 40, trials: 100 } }, { draws: 200, keepDraws: true });
    r.draws!.victims.fill(Infinity, 0, 100);
    const split = splitByShares(r, { a: 0.5, b: 0.5 });
    expect(split.total.upper).toBe(Infinity);
    expect(infiniteLimitsNoted(split)).toEqual([]);
  });

  it('multinomialCI score limits: no NaN for a count of 5e-324, or for 1e-300 beside 1.8e308', () => {
    for (const method of ['goodman', 'quesenberry-hurst'] as const) {
      for (const counts of [{ a: 0, other: 5e-324 }, { a: 1.7976931348623157e308, other: 1e-300 }]) {
        const r = multinomialCI(counts as Record<string, number>, { level: 0.5, method });
        noNaN(r);
        for (const k of Object.keys(counts)) expect(r[k]!.lower).toBeLessThanOrEqual(r[k]!.upper);
      }
    }
    noNaN(relationshipShares({ exPartner: 0 }, { level: 0.5, base: 5e-324, method: 'goodman' }));
  });
});

describe('more defects found by the property suite', () => {
  it('an { alpha, beta } probability with subnormal shapes is an InputError (every Beta draw was 0 / 0, NaN limits)', () => {
    const e = errorOf(() => hiddenIncidence({ recorded: 0, reporting: { successes: 1e-10, trials: 0.01 }, recording: { alpha: 5e-324, beta: 5e-324 } }, { draws: 200 }));
    expect(e.issues.map((i) => i.path)).toEqual([
      ['recording', 'alpha'],
      ['recording', 'beta'],
    ]);
    noNaN(hiddenIncidence({ recorded: 3, reporting: 0.5, recording: { alpha: 2.3e-308, beta: 2.3e-308 } }, { draws: 200 }));
  });

  it('funnelPlot: the p-value of a proportion on a denominator near the largest double is not NaN', () => {
    const plot = funnelPlot([{ area: 'A', count: 16, denominator: 1.7976931348623157e308 }]);
    expect(plot.areas[0]!.pValue).toBe(1);
    const against = funnelPlot([{ area: 'A', count: 30, denominator: 1.7976931348623157e308 }], { target: 16 / 1.7976931348623157e308 });
    expect(against.areas[0]!.pValue).toBeCloseTo(0.0022623907143107403, 14);
  });
});

describe('Wilson and share counts at the ends of the doubles (found by the property suite)', () => {
  it('Wilson limits of 5e-324 of 1.8e308 at a tiny level: an upper root of 0 no longer gives a NaN lower limit', () => {
    noNaN(proportionCI(5e-324, 1.7976931348623157e308, { level: 1e-10 }));
    noNaN(multinomialCI({ c: 1.7976931348623157e308, a: 5e-324 }, { level: 1e-10, method: 'wilson' }));
  });

  it('relationshipShares: a base whose counts add up beyond the largest double is an InputError (limits were NaN)', () => {
    for (const method of ['goodman', 'wilson', 'quesenberry-hurst'] as const) {
      const e = errorOf(() => relationshipShares({ exPartner: 1, stranger: 5.551115123125784e-17 }, { level: 0.8, base: 1.7976931348623157e308, method }));
      expect(e.issues[0]!.path).toEqual(['base']);
    }
  });
});

describe('score limits out of order by an ulp (found by the property suite)', () => {
  it('multinomialCI Quesenberry-Hurst of 1e10 and 95 at level 1e-10: lower <= x / n <= upper', () => {
    const r = multinomialCI({ a: 1e10, other: 95 }, { level: 1e-10, method: 'quesenberry-hurst' });
    for (const k of ['a', 'other'] as const) {
      expect(r[k]!.lower).toBeLessThanOrEqual(r[k]!.value);
      expect(r[k]!.value).toBeLessThanOrEqual(r[k]!.upper);
    }
  });
});

describe('recorded-share draws with a vanishing incidents-per-victim draw (found by the property suite)', () => {
  it('impliedRecording keeps no NaN among its draws when count / incidentsPerVictim overflows in a draw', () => {
    const r = impliedRecording(
      { recorded: 6.59827747995223e-12, victims: { estimate: 0.01, standardError: 0 }, incidentsPerVictim: { estimate: 14.12961841308298, standardError: 324 } },
      { level: 0.5, draws: 200, keepDraws: true },
    );
    noNaN(r);
  });
});
