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
    for (const key of Object.keys(b.draws!)) total += b.draws![key]![0]!;
    expect(total).toBeGreaterThan(0);
  });
  it('bad inputs name the field', () => {
    expect(errorOf(() => splitByShares(-5, seeds, { scale: 'percent' })).issues[0]!.path).toEqual(['total']);
    expect(errorOf(() => splitByShares(100, { a: 80, b: 50 }, { scale: 'percent' })).issues[0]!.path).toEqual(['shares']);
    const hidden = hiddenIncidence({ recorded: 27, reporting: 0.5, recording: 0.5 }, { draws: 200, keepDraws: true });
    expect(errorOf(() => splitByShares(hidden, seeds, { scale: 'percent', quantity: 'nope' })).issues[0]!.path).toEqual(['quantity']);
    expect(errorOf(() => splitByShares({ value: 5, lower: 6, upper: 7, level: 0.95, method: 'x' }, seeds, { scale: 'percent' })).issues[0]!.path).toEqual([
      'total',
      'lower',
    ]);
  });
});
