import { describe, expect, it } from 'vitest';
import { hiddenIncidence, impliedRecording, InputError, splitByShares } from '../../src/index';
import ref from '../fixtures/r/incidence-reference.json';
import { errorOf } from '../helpers';

const seeds = { exPartner: 45, acquaintance: 22, stranger: 10, colleague: 5, family: 4 };
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const sum = (r: ReturnType<typeof splitByShares>) => Object.values(r.categories).reduce((s, c) => s + c.value, 0);

describe('splitByShares', () => {
  it('an exact total and exact shares: exact parts that add up to the total', () => {
    const r = splitByShares(1000, seeds, { scale: 'percent' });
    expect(r.categories.exPartner).toMatchObject({ value: 450, lower: 450, upper: 450, method: 'exact' });
    expect(r.categories.other!.value).toBeCloseTo(140, 10);
    expect(sum(r)).toBeCloseTo(1000, 9);
  });
  it("shares with a base: each part's marginal is total x Beta(count + 1/2, rest) (R: qbeta)", () => {
    const r = splitByShares(1000, seeds, { scale: 'percent', base: 400, draws: 400_000 });
    // Relative standard error of these percentiles about 5e-4; tolerance 2.5e-3.
    expect(rel(r.categories.exPartner!.lower, ref.dirichletMarginal[0]!)).toBeLessThan(2.5e-3);
    expect(rel(r.categories.exPartner!.upper, ref.dirichletMarginal[1]!)).toBeLessThan(2.5e-3);
    expect(r.categories.exPartner!.value).toBe(450);
    expect(r.total).toMatchObject({ value: 1000, lower: 1000, upper: 1000 });
  });
  it("a hiddenIncidence result with its draws: the dark figure split draw by draw, values add to the total's", () => {
    const hidden = hiddenIncidence(
      { recorded: 2700, reporting: { successes: 150, trials: 300 }, recording: { successes: 100, trials: 2000 } },
      { keepDraws: true, draws: 20_000 },
    );
    const before = hidden.draws!.unrecorded.slice();
    const r = splitByShares(hidden, seeds, { scale: 'percent', base: 400, quantity: 'unrecorded' });
    expect(hidden.draws!.unrecorded).toEqual(before); // the caller's draws are not reordered
    expect(r.total.value).toBe(hidden.unrecorded.value);
    expect(r.total.lower).toBe(hidden.unrecorded.lower);
    expect(r.total.upper).toBe(hidden.unrecorded.upper);
    expect(rel(sum(r), hidden.unrecorded.value)).toBeLessThan(1e-14);
    // The part's relative width is wider than the total's (two uncertainties).
    const part = r.categories.exPartner!;
    expect((part.upper - part.lower) / part.value).toBeGreaterThan((r.total.upper - r.total.lower) / r.total.value);
    // Default quantity: victims.
    expect(splitByShares(hidden, seeds, { scale: 'percent' }).total.value).toBe(hidden.victims.value);
  });
  it('an impliedRecording result (unrecorded), an Interval, and a result without draws (approximated, with a note)', () => {
    const implied = impliedRecording(
      { recorded: 2700, victims: { estimate: 1_150_000, standardError: 25_000 } },
      { keepDraws: true, draws: 5000 },
    );
    const r = splitByShares(implied, seeds, { scale: 'percent', quantity: 'unrecorded' });
    expect(rel(sum(r), implied.unrecorded.value)).toBeLessThan(1e-14);
    const fromInterval = splitByShares({ value: 1000, lower: 800, upper: 1200, level: 0.95, method: 'x' }, seeds, { scale: 'percent', draws: 5000 });
    expect(fromInterval.categories.exPartner!.lower).toBeLessThan(450);
    const noDraws = splitByShares(hiddenIncidence({ recorded: 2700, reporting: 0.5, recording: { successes: 100, trials: 2000 } }, { draws: 2000 }), seeds, {
      scale: 'percent',
      draws: 2000,
    });
    expect(noDraws.total.notes!.join(' ')).toMatch(/keepDraws: true/);
  });
  it('deterministic; keepDraws returns the parts draws with the same numbers', () => {
    const a = splitByShares({ estimate: 1000, standardError: 50 }, seeds, { scale: 'percent', base: 400, draws: 3000, seed: 9 });
    const b = splitByShares({ estimate: 1000, standardError: 50 }, seeds, { scale: 'percent', base: 400, draws: 3000, seed: 9, keepDraws: true });
    expect(b.categories).toEqual(a.categories);
    expect(b.draws!.exPartner!.length).toBe(3000);
    let total = 0;
    for (const key of Object.keys(b.draws!)) total += (b.draws as Record<string, Float64Array>)[key]![0]!;
    expect(total).toBeGreaterThan(0);
  });
  it('a total exactly 0 (an interval of 0, 0, 0, such as the dark figure when every victim is recorded) splits into exact zeros', () => {
    const allRecorded = hiddenIncidence({ recorded: 10, reporting: 1, recording: 1 });
    expect(allRecorded.unrecorded).toMatchObject({ value: 0, lower: 0, upper: 0 });
    const r = splitByShares(allRecorded, seeds, { scale: 'percent', base: 400, quantity: 'unrecorded', keepDraws: true });
    expect(r.total).toMatchObject({ value: 0, lower: 0, upper: 0, method: 'exact' });
    for (const c of Object.values(r.categories)) expect(c).toMatchObject({ value: 0, lower: 0, upper: 0, method: 'exact' });
    expect(r.notes).toContain('total exactly 0: so is every category, whatever the shares');
    expect(r.draws!.exPartner).toEqual(new Float64Array([0]));
    expect(splitByShares({ value: 0, lower: 0, upper: 0, level: 0.95, method: 'x' }, seeds, { scale: 'percent' }).categories.family).toMatchObject({ value: 0, upper: 0, method: 'exact' });
    expect(splitByShares(0, seeds, { scale: 'percent', base: 400 }).categories.family).toMatchObject({ value: 0, upper: 0, method: 'exact' });
  });
  it('a total a Gamma cannot stand for (0 with a positive upper limit, or an infinite limit) needs its kept draws; with them it splits', () => {
    const none = { recorded: 0, reporting: { successes: 150, trials: 300 }, recording: { successes: 100, trials: 2000 } };
    const unbounded = { recorded: 10, reporting: { alpha: 0.004, beta: 1 }, recording: 0.5 };
    const refusals: [unknown, string[], unknown][] = [
      [hiddenIncidence(none), ['total', 'victims', 'value'], 0],
      [hiddenIncidence(none, { method: 'delta' }), ['total', 'victims', 'value'], 0],
      [hiddenIncidence(none, { method: 'delta' }).victims, ['total', 'value'], 0],
      [hiddenIncidence(unbounded), ['total', 'victims', 'upper'], Infinity],
      [hiddenIncidence(unbounded).unrecorded, ['total', 'upper'], Infinity],
      [{ estimate: 0, standardError: 2 }, ['total', 'estimate'], 0],
    ];
    for (const [total, path, received] of refusals) {
      const issues = errorOf(() => splitByShares(total as never, seeds, { scale: 'percent' })).issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path, received });
      expect(issues[0]!.hint).toMatch(/keepDraws: true/);
    }
    // With their draws both split, infinite draws included: no NaN, and a share of 0 is 0 of any total.
    const zero = splitByShares(hiddenIncidence(none, { keepDraws: true, draws: 5000 }), seeds, { scale: 'percent', base: 400 });
    expect(zero.total).toMatchObject({ value: 0, lower: 0 });
    expect(zero.categories.exPartner).toMatchObject({ value: 0, lower: 0, method: 'monte-carlo' });
    expect(zero.categories.exPartner!.upper).toBeGreaterThan(0);
    const kept = hiddenIncidence(unbounded, { keepDraws: true, draws: 5000 });
    expect(kept.draws!.victims.includes(Infinity)).toBe(true);
    const r = splitByShares(kept, { exPartner: 45, none: 0 }, { scale: 'percent', base: 400, keepDraws: true });
    expect(r.total.upper).toBe(Infinity);
    expect(r.categories.exPartner!.upper).toBe(Infinity);
    expect(Number.isFinite(r.categories.exPartner!.lower)).toBe(true);
    for (const d of Object.values(r.draws!)) expect(d.some((x) => Number.isNaN(x))).toBe(false);
    const exactShares = splitByShares(kept, { exPartner: 45, none: 0 }, { scale: 'percent', keepDraws: true });
    expect(exactShares.categories.none).toMatchObject({ value: 0, lower: 0, upper: 0 });
    expect(exactShares.draws!.none!.every((x) => x === 0)).toBe(true);
  });
  it("the draws option is noted as ignored only when it was passed and differs from the total's draws", () => {
    const kept = hiddenIncidence({ recorded: 100, reporting: 0.5, recording: { successes: 10, trials: 100 } }, { keepDraws: true, draws: 5000 });
    const ignored = /draws option ignored/;
    expect(splitByShares(kept, { a: 50 }, { scale: 'percent' }).notes.join(' ')).not.toMatch(ignored);
    expect(splitByShares(kept, { a: 50 }, { scale: 'percent', draws: 5000 }).notes.join(' ')).not.toMatch(ignored);
    expect(splitByShares(kept, { a: 50 }, { scale: 'percent', draws: 2000 }).notes).toContain("draws option ignored: the total's 5000 draws are used");
  });
  it('too few draws for the level is an error on draws (the option) or on level (the total\'s own draws)', () => {
    const byOption = errorOf(() => splitByShares(1000, seeds, { scale: 'percent', base: 400, draws: 100, level: 0.99 })).issues;
    expect(byOption).toEqual([{ path: ['draws'], expected: expect.stringMatching(/^at least 199 draws for a 99% percentile interval/), received: 100, hint: expect.any(String) }]);
    expect(splitByShares(1000, seeds, { scale: 'percent', base: 400, draws: 199, level: 0.99 }).categories.exPartner!.method).toBe('monte-carlo');
    const kept = hiddenIncidence({ recorded: 100, reporting: 0.5, recording: 0.5 }, { keepDraws: true, draws: 500, level: 0.9 });
    const byTotal = errorOf(() => splitByShares(kept, seeds, { scale: 'percent', level: 0.999, draws: 100_000 })).issues;
    expect(byTotal).toMatchObject([{ path: ['level'], expected: expect.stringMatching(/^at least 1,999 draws/), received: 0.999 }]);
    // The default 100,000 draws at a level needing more: the level is the cause.
    expect(errorOf(() => splitByShares({ estimate: 5, standardError: 1 }, seeds, { scale: 'percent', level: 0.99999 })).issues[0]!.path).toEqual(['level']);
    // Nothing drawn (exact total and shares): any level.
    expect(splitByShares(1000, seeds, { scale: 'percent', level: 0.99999 }).categories.exPartner!.method).toBe('exact');
  });
  it('bad inputs name the field', () => {
    expect(errorOf(() => splitByShares(-5, seeds, { scale: 'percent' })).issues[0]!.path).toEqual(['total']);
    expect(errorOf(() => splitByShares(100, { a: 80, b: 50 }, { scale: 'percent' })).issues[0]!.path).toEqual(['shares']);
    const hidden = hiddenIncidence({ recorded: 27, reporting: 0.5, recording: 0.5 }, { draws: 200, keepDraws: true });
    expect(errorOf(() => splitByShares(hidden, seeds, { scale: 'percent', quantity: 'nope' as never })).issues[0]!.path).toEqual(['quantity']);
    expect(errorOf(() => splitByShares({ value: 5, lower: 6, upper: 7, level: 0.95, method: 'x' }, seeds, { scale: 'percent' })).issues[0]!.path).toEqual([
      'total',
      'lower',
    ]);
  });
  it('a value outside its interval (shares estimated at 1 from small samples) says so, for the total and each category', () => {
    const h = hiddenIncidence({ recorded: 50, reporting: { successes: 30, trials: 30 }, recording: { successes: 20, trials: 20 } }, { keepDraws: true, draws: 20_000 });
    const r = splitByShares(h, { a: 50, b: 50 }, { scale: 'percent', quantity: 'multiplier' });
    expect(r.total.value).toBe(1);
    expect(r.total.lower).toBeGreaterThan(1);
    expect(r.total.notes!.join(' ')).toMatch(/point estimate \(1\) lies below the lower limit/);
    expect(r.categories.a!.notes!.join(' ')).toMatch(/point estimate \(0.5\) lies below the lower limit/);
  });
});
