import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validate } from '../../src/core/validate';
import { hiddenIncidence } from '../../src/incidence/hiddenIncidence';
import { uncertainProbability } from '../../src/incidence/uncertainProbability';
import { uncertainQuantity } from '../../src/incidence/uncertainQuantity';
import { normalQuantile } from '../../src/special/normalQuantile';
import { errorOf } from '../helpers';

const schema = z.object({ p: uncertainProbability });
const parse = (p: unknown) => validate('f', schema, { p }).p;
const quantity = z.object({ x: uncertainQuantity('a number > 0') });
const parseQuantity = (x: unknown) => validate('f', quantity, { x }).x;


const z975 = -normalQuantile(0.025);

describe('uncertain probability: each form and its distribution', () => {
  it('a number is exact', () => {
    expect(parse(0.3)).toMatchObject({ estimate: 0.3, exact: true, variance: 0 });
  });
  it('{ successes, trials } is the Jeffreys Beta(s + 1/2, n - s + 1/2), estimate s / n', () => {
    const d = parse({ successes: 150, trials: 300 });
    expect(d).toMatchObject({ estimate: 0.5, exact: false, alpha: 150.5, beta: 150.5 });
    // Beta variance ab / ((a + b)^2 (a + b + 1)).
    expect(d.variance).toBeCloseTo((150.5 * 150.5) / (301 * 301 * 302), 15);
    expect(parse({ successes: 0, trials: 50 })).toMatchObject({ estimate: 0, alpha: 0.5, beta: 50.5 });
    expect(parse({ successes: 2.5, trials: 10 })).toMatchObject({ estimate: 0.25, alpha: 3, beta: 8 });
  });
  it('{ estimate, base, designFactor } is the Jeffreys Beta on base / designFactor^2', () => {
    const d = parse({ estimate: 0.049, base: 11500, designFactor: 1.2 });
    const n = 11500 / 1.44;
    expect(d.alpha).toBeCloseTo(0.049 * n + 0.5, 10);
    expect(d.beta).toBeCloseTo(0.951 * n + 0.5, 10);
    expect(d.estimate).toBe(0.049);
    // designEffect is deft^2, so designEffect 1.44 is the same design.
    const e = parse({ estimate: 0.049, base: 11500, designEffect: 1.44 });
    expect(e.alpha).toBeCloseTo(d.alpha, 10);
  });
  it('{ estimate, base } without a design factor assumes simple random sampling, and says so', () => {
    const d = parse({ estimate: 0.5, base: 300 });
    expect(d).toMatchObject({ alpha: 150.5, beta: 150.5 });
    expect(d.notes.join(' ')).toMatch(/simple random sampling/);
  });
  it('{ estimate, standardError } uses the effective base p(1 - p) / SE^2; the same information gives the same Beta', () => {
    const se = Math.sqrt((0.05 * 0.95) / 2000);
    const d = parse({ estimate: 0.05, standardError: se });
    expect(d.alpha).toBeCloseTo(100.5, 9);
    expect(d.beta).toBeCloseTo(1900.5, 9);
    const viaBase = parse({ estimate: 0.05, effectiveBase: 2000 });
    expect(viaBase.alpha).toBeCloseTo(100.5, 12);
  });
  it('{ estimate, lower, upper, level? } takes SE = (upper - lower) / (2 z) at its own level', () => {
    const d = parse({ estimate: 0.5, lower: 0.45, upper: 0.55 });
    const se = 0.1 / (2 * z975);
    expect(d.alpha).toBeCloseTo((0.25 / (se * se)) * 0.5 + 0.5, 9);
    const d90 = parse({ estimate: 0.5, lower: 0.45, upper: 0.55, level: 0.9 });
    const se90 = 0.1 / (2 * -normalQuantile(0.05));
    expect(d90.alpha).toBeCloseTo((0.25 / (se90 * se90)) * 0.5 + 0.5, 9);
    expect(d.notes.join(' ')).toMatch(/symmetric|estimate \+\/-/);
  });
  it('{ alpha, beta } is that Beta with estimate alpha / (alpha + beta)', () => {
    expect(parse({ alpha: 2, beta: 6 })).toMatchObject({ estimate: 0.25, alpha: 2, beta: 6 });
  });
  it('an Interval: its effectiveBase, else its standardError, else its width; exact when lower = upper', () => {
    const base = { value: 0.2, lower: 0.15, upper: 0.25, level: 0.95, method: 'logit' };
    expect(parse({ ...base, effectiveBase: 400 })).toMatchObject({ alpha: 80.5, beta: 320.5 });
    expect(parse({ ...base, standardError: 0.02 }).alpha).toBeCloseTo(0.2 * 400 + 0.5, 9);
    const se = 0.1 / (2 * z975);
    expect(parse(base).alpha).toBeCloseTo((0.16 / (se * se)) * 0.2 + 0.5, 9);
    expect(parse({ value: 0.14, lower: 0.14, upper: 0.14, level: 0.95, method: 'as-given' })).toMatchObject({ exact: true, estimate: 0.14 });
  });
});

describe('uncertain probability: impossible inputs say why', () => {
  it('an estimate outside [0, 1] hints at percentages', () => {
    const e = errorOf(() => parse({ estimate: 4.9, base: 300 }));
    expect(e.issues[0]!.path).toEqual(['p', 'estimate']);
    expect(e.issues[0]!.hint).toMatch(/did you mean 0.049\?/);
    expect(errorOf(() => parse(1.5)).issues[0]!.expected).toBe('a proportion in [0, 1]');
  });
  it('a lower limit above the estimate, an upper limit below it', () => {
    const e = errorOf(() => parse({ estimate: 0.5, lower: 0.6, upper: 0.7 }));
    expect(e.issues[0]!.path).toEqual(['p', 'lower']);
    expect(e.message).toMatch(/lower limit <= estimate/);
    expect(errorOf(() => parse({ value: 0.5, lower: 0.4, upper: 0.45, level: 0.95, method: 'x' })).issues[0]!.path).toEqual(['p', 'upper']);
  });
  it('a standard error too large for any distribution on [0, 1] with that mean', () => {
    const e = errorOf(() => parse({ estimate: 0.1, standardError: 0.4 }));
    expect(e.issues[0]!.path).toEqual(['p', 'standardError']);
    expect(e.message).toMatch(/sqrt\(estimate x \(1 - estimate\)\) = 0.3/);
    // An interval so wide its implied SE exceeds sqrt(p(1 - p)).
    const w = errorOf(() => parse({ estimate: 0.01, lower: 0, upper: 0.5 }));
    expect(w.message).toMatch(/no Beta distribution on \[0, 1\]/);
    const wi = errorOf(() => parse({ value: 0.01, lower: 0, upper: 0.5, level: 0.95, method: 'x' }));
    expect(wi.message).toMatch(/no Beta distribution on \[0, 1\]/);
  });
  it('a standard error of exactly sqrt(p(1 - p)) is refused too: every Beta with mean p has less spread', () => {
    const e = errorOf(() => hiddenIncidence({ recorded: 100, reporting: { estimate: 0.5, standardError: 0.5 }, recording: 0.5 }));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: ['reporting', 'standardError'], expected: 'a standard error < sqrt(estimate x (1 - estimate)) = 0.5', received: 0.5 });
    expect(e.issues[0]!.hint).toMatch(/no Beta distribution/);
    // A larger one reads the same rule (strict), so the user is not told "<= 0.3" and then refused 0.3.
    const larger = errorOf(() => parse({ estimate: 0.1, standardError: 0.4 })).issues[0]!;
    expect(larger.expected).toBe('a standard error < sqrt(estimate x (1 - estimate)) = 0.3');
    // Just below the bound is accepted; an Interval's own standard error follows the same rule.
    expect(parse({ estimate: 0.5, standardError: 0.4999 }).exact).toBe(false);
    const i = errorOf(() => parse({ value: 0.5, lower: 0.2, upper: 0.8, level: 0.95, method: 'x', standardError: 0.5 })).issues[0]!;
    expect(i).toMatchObject({ path: ['p', 'standardError'], expected: 'a standard error < sqrt(value x (1 - value)) = 0.5', received: 0.5 });
  });
  it('a too-wide interval names the limit on its wider side, the value given and the bound it must keep', () => {
    const e = errorOf(() => hiddenIncidence({ recorded: 100, reporting: { estimate: 0.05, lower: 0, upper: 0.9 }, recording: 0.5 }));
    expect(e.issues).toHaveLength(1);
    const bound = 0 + 2 * z975 * Math.sqrt(0.05 * 0.95);
    expect(e.issues[0]).toMatchObject({ path: ['reporting', 'upper'], received: 0.9, expected: `an upper limit below ${Number(bound.toPrecision(6))} (with lower 0)` });
    expect(e.issues[0]!.hint).toMatch(/implies a standard error \(upper - lower\) \/ \(2 x 1.95996\) = 0.229596, not below sqrt\(estimate x \(1 - estimate\)\) = 0.217945/);
    // The bound is the one the rule uses: just below it is accepted, at it refused.
    expect(parse({ estimate: 0.05, lower: 0, upper: bound * (1 - 1e-9) }).exact).toBe(false);
    expect(errorOf(() => parse({ estimate: 0.05, lower: 0, upper: bound * (1 + 1e-9) })).issues[0]!.path).toEqual(['p', 'upper']);
    // The lower side when it is the wider one; the same for an Interval.
    expect(errorOf(() => parse({ estimate: 0.95, lower: 0.1, upper: 1 })).issues[0]).toMatchObject({ path: ['p', 'lower'], received: 0.1 });
    expect(errorOf(() => parse({ value: 0.95, lower: 0.1, upper: 1, level: 0.95, method: 'x' })).issues[0]).toMatchObject({ path: ['p', 'lower'], received: 0.1 });
    // When no single limit can fix it (here at a level of 0.1, no upper limit >= 0.5 keeps the width below
    // 0.126), the interval as the user gave it.
    const given = { estimate: 0.5, lower: 0, upper: 1, level: 0.1 };
    const f = errorOf(() => parse(given)).issues[0]!;
    expect(f).toMatchObject({ path: ['p'], received: given });
    expect(f.expected).toMatch(/^an interval narrower than 0.125/);
  });
  it('a standard error or interval at exactly 0 or 1 cannot give the sample size', () => {
    expect(errorOf(() => parse({ estimate: 0, standardError: 0.01 })).message).toMatch(/strictly between 0 and 1/);
    expect(errorOf(() => parse({ value: 1, lower: 0.9, upper: 1, level: 0.95, method: 'x' })).message).toMatch(/successes, trials/);
  });
  it('successes above trials; non-positive shapes; unknown shapes of input', () => {
    expect(errorOf(() => parse({ successes: 31, trials: 30 })).issues[0]).toMatchObject({ path: ['p', 'successes'], expected: 'at most trials (30)' });
    expect(errorOf(() => parse({ alpha: 0, beta: 1 })).issues[0]!.path).toEqual(['p', 'alpha']);
    expect(errorOf(() => parse({ successes: 1, trials: 2, extra: 1 })).message).toMatch(/unknown: extra/);
    expect(errorOf(() => parse({ mean: 0.5 })).message).toMatch(/an uncertain probability: a number in \[0, 1\]/);
    expect(errorOf(() => parse(null)).message).toMatch(/an uncertain probability/);
    expect(errorOf(() => parse('0.5')).issues[0]!.hint).toMatch(/pass the number 0.5/);
  });
});

describe('uncertain probability: a Jeffreys Beta that does not match what was given says so', () => {
  const moments = (d: { alpha: number; beta: number; variance: number }) => ({ mean: d.alpha / (d.alpha + d.beta), sd: Math.sqrt(d.variance) });
  it('{ estimate 0.5, standardError 0.49 }: Beta(1.02, 1.02), sd 0.287, not 0.49', () => {
    const d = parse({ estimate: 0.5, standardError: 0.49 });
    expect(d.notes).toHaveLength(1);
    expect(d.notes[0]).toBe(
      "effective base only 1.04123 (p n' = 0.520616): the draws follow Beta(1.02062, 1.02062), with mean 0.5 and standard deviation 0.286712, " +
        'against the estimate 0.5 and given standard error 0.49; intervals are rough; if the standard error was given in percentage points, divide it by 100',
    );
    expect(moments(d).sd).toBeCloseTo(0.286712, 6);
  });
  it('{ estimate 0.05, standardError 0.1 }: Beta(0.74, 5.01) with mean 0.128, not 0.05', () => {
    const d = parse({ estimate: 0.05, standardError: 0.1 });
    expect(d.notes[0]).toMatch(/the draws follow Beta\(0.7375, 5.0125\), with mean 0.128261 and standard deviation 0.128703, against the estimate 0.05 and given standard error 0.1/);
    expect(d.estimate).toBe(0.05);
  });
  it('other forms name their standard error; a large base has no such note', () => {
    expect(parse({ estimate: 0.3, lower: 0.01, upper: 0.9 }).notes.join(' ')).toMatch(/standard error implied by the interval 0.227/);
    expect(parse({ estimate: 0.01, base: 100 }).notes.join(' ')).toMatch(/mean 0.0148515 and standard deviation 0.0119.*standard error sqrt\(p\(1 - p\) \/ n'\) 0.00994987/);
    expect(parse({ value: 0.5, lower: 0.1, upper: 0.9, level: 0.95, method: 'x', standardError: 0.45 }).notes.join(' ')).toMatch(/Interval's standard error 0.45/);
    expect(parse({ estimate: 0.049, base: 11500, designFactor: 1.2 }).notes.join(' ')).not.toMatch(/draws follow/);
    expect(parse({ successes: 0, trials: 3 }).notes).toEqual([]);
  });
  it('the note appears exactly when the Beta is more than 10% off the estimate (against min(p, 1 - p)) or standard error', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.05, max: 5000, noNaN: true }), (p, n) => {
        const d = parse({ estimate: p, effectiveBase: n });
        const { mean, sd } = moments(d);
        const se = Math.sqrt((p * (1 - p)) / n);
        const off = Math.abs(mean - p) > 0.1 * Math.min(p, 1 - p) || Math.abs(sd - se) > 0.1 * se;
        const notes = d.notes.filter((x) => x.includes('draws follow'));
        expect(notes).toHaveLength(off ? 1 : 0);
        if (off) {
          expect(notes[0]).toContain(`Beta(${Number.parseFloat(d.alpha.toPrecision(6))}, ${Number.parseFloat(d.beta.toPrecision(6))})`);
          // It replaces the generic small-base note rather than repeating it.
          expect(d.notes.filter((x) => x.startsWith('effective base only'))).toHaveLength(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('uncertain positive quantity', () => {
  it('a number is exact; { estimate, standardError } a Gamma with that mean and sd', () => {
    expect(parseQuantity(1.2)).toMatchObject({ exact: true, estimate: 1.2 });
    const g = parseQuantity({ estimate: 1.2, standardError: 0.1 });
    expect(g.shape).toBeCloseTo(144, 10);
    expect(g.scale * g.shape).toBeCloseTo(1.2, 14);
    expect(g.shape * g.scale * g.scale).toBeCloseTo(0.01, 14);
  });
  it('an interval or Interval: SE from the standard error, else from the width', () => {
    const se = 100000 / (2 * z975);
    const g = parseQuantity({ estimate: 1150000, lower: 1100000, upper: 1200000 });
    expect(Math.sqrt(g.variance)).toBeCloseTo(se, 6);
    const i = parseQuantity({ value: 1150000, lower: 1100000, upper: 1200000, level: 0.95, method: 'normal', standardError: 30000 });
    expect(Math.sqrt(i.variance)).toBeCloseTo(30000, 8);
    expect(parseQuantity({ value: 5, lower: 5, upper: 5, level: 0.95, method: 'x' }).exact).toBe(true);
  });
  it('rejects 0, negative values, limits on the wrong side and results without a chosen interval', () => {
    expect(errorOf(() => parseQuantity(0)).issues[0]!.expected).toBe('a number > 0');
    expect(errorOf(() => parseQuantity({ estimate: 2, lower: 3, upper: 4 })).issues[0]!.path).toEqual(['x', 'lower']);
    expect(errorOf(() => parseQuantity({ estimate: 2, standardError: -1 })).issues[0]!.path).toEqual(['x', 'standardError']);
    expect(errorOf(() => parseQuantity({ victims: {}, unrecorded: {} })).message).toMatch(/pass one of its Intervals/);
  });
  it('a negative estimate is one issue with the rule, not two (">= 0" and then "> 0")', () => {
    expect(errorOf(() => parseQuantity(-1)).issues).toEqual([{ path: ['x'], expected: 'a number > 0', received: -1 }]);
    expect(errorOf(() => parseQuantity({ estimate: -1, standardError: 0.1 })).issues).toEqual([{ path: ['x', 'estimate'], expected: 'a number > 0', received: -1 }]);
    expect(errorOf(() => parseQuantity('1.2')).issues[0]).toMatchObject({ expected: 'a number > 0', hint: 'pass the number 1.2, not a string' });
    const e = errorOf(() => hiddenIncidence({ recorded: 100, reporting: 0.5, recording: 0.5, incidentsPerVictim: -1 }));
    expect(e.issues).toEqual([{ path: ['incidentsPerVictim'], expected: 'incidents per victim > 0', received: -1 }]);
  });
});
