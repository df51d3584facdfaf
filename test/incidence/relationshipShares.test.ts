import { describe, expect, it } from 'vitest';
import { InputError, multinomialCI, relationshipShares, sharedNotes, splitByShares } from '../../src/index';
import { errorOf } from '../helpers';

const seeds = { exPartner: 45, acquaintance: 22, stranger: 10, colleague: 5, family: 4 };

describe('relationshipShares', () => {
  it("the press figures (86%) get a remainder 'other' of 14%; without a base they are exact, and say so", () => {
    const r = relationshipShares(seeds, { scale: 'percent' });
    expect(Object.keys(r)).toEqual(['exPartner', 'acquaintance', 'stranger', 'colleague', 'family', 'other']);
    expect(r.other!.value).toBeCloseTo(0.14, 14);
    expect(r.exPartner).toMatchObject({ value: 0.45, lower: 0.45, upper: 0.45, method: 'as-given' });
    expect(r[sharedNotes].join(' ')).toMatch(/no base given: shares treated as exact/);
    expect(r.exPartner!.notes).toBeUndefined();
    expect(relationshipShares({ a: 0.5, b: 0.2 }, { remainder: 'rest' }).rest!.value).toBeCloseTo(0.3, 14);
  });
  it('with a base: simultaneous Sison-Glaz intervals from the reconstructed counts, as multinomialCI', () => {
    const r = relationshipShares(seeds, { scale: 'percent', base: 400 });
    const m = multinomialCI({ exPartner: 180, acquaintance: 88, stranger: 40, colleague: 20, family: 16, other: 56 });
    for (const key of Object.keys(m)) {
      expect((r as Record<string, { lower: number; upper: number; method: string }>)[key]!.lower).toBe(m[key as keyof typeof m].lower);
      expect((r as Record<string, { lower: number; upper: number; method: string }>)[key]!.upper).toBe(m[key as keyof typeof m].upper);
      expect((r as Record<string, { lower: number; upper: number; method: string }>)[key]!.method).toBe('sison-glaz');
    }
    // Non-whole counts (45% of 333) are rounded for Sison-Glaz, with a note; value stays the share given.
    const odd = relationshipShares(seeds, { scale: 'percent', base: 333 });
    expect(odd.exPartner!.value).toBe(0.45);
    expect(odd[sharedNotes].join(' ')).toMatch(/rounded/);
    const goodman = relationshipShares(seeds, { scale: 'percent', base: 333, method: 'goodman', level: 0.9 });
    expect(goodman.exPartner!.method).toBe('goodman');
    expect(goodman.exPartner!.level).toBe(0.9);
  });
  it('counts: shares are count / total, with base the rest goes to the remainder', () => {
    const r = relationshipShares({ partner: 90, stranger: 20 }, { scale: 'count' });
    expect(r.partner!.value).toBeCloseTo(90 / 110, 14);
    expect(r.partner!.method).toBe('sison-glaz');
    const withBase = relationshipShares({ partner: 90, stranger: 20 }, { scale: 'count', base: 200 });
    expect(withBase.other!.value).toBeCloseTo(0.45, 14);
    expect(errorOf(() => relationshipShares({ partner: 90, stranger: 20 }, { scale: 'count', base: 100 })).issues[0]!.path).toEqual(['base']);
  });
  it('rounding: 100.4% is rescaled to 100%, 130% is an InputError naming shares', () => {
    const r = relationshipShares({ a: 50.2, b: 50.2 }, { scale: 'percent' });
    expect(r.a!.value).toBeCloseTo(0.5, 14);
    expect(r[sharedNotes].join(' ')).toMatch(/rescaled/);
    const e = errorOf(() => relationshipShares({ a: 80, b: 50 }, { scale: 'percent' }));
    expect(e.issues[0]!.path).toEqual(['shares']);
    expect(e.message).toMatch(/they add up to 130%/);
    expect(errorOf(() => relationshipShares({ a: 0.8, b: 0.5 })).message).toMatch(/130%/);
    expect(errorOf(() => relationshipShares({ a: 0.502, b: 0.502 }, { tolerance: 0.001 })).issues[0]!.path).toEqual(['shares']);
  });
  it('remainder: false requires 100%; percentages passed as proportions get a hint', () => {
    expect(errorOf(() => relationshipShares({ a: 0.5, b: 0.3 }, { remainder: false })).issues[0]!.path).toEqual(['shares']);
    const e = errorOf(() => relationshipShares(seeds));
    expect(e.issues[0]!.path).toEqual(['shares', 'exPartner']);
    expect(e.issues[0]!.hint).toMatch(/scale: 'percent'/);
    expect(errorOf(() => relationshipShares({ a: -1 })).issues[0]!.path).toEqual(['shares', 'a']);
    expect(errorOf(() => relationshipShares({})).message).toMatch(/at least one category/);
    expect(errorOf(() => relationshipShares({ a: 0.5 }, { base: -4 })).issues[0]!.path).toEqual(['base']);
  });
  it('a remainder name already used adds to that category', () => {
    const r = relationshipShares({ partner: 0.5, other: 0.1 });
    expect(Object.keys(r)).toEqual(['partner', 'other']);
    expect(r.other!.value).toBeCloseTo(0.5, 14);
  });
  it("a category or remainder named '__proto__' is refused, not silently dropped (relationshipShares and splitByShares)", () => {
    const shares = JSON.parse('{"__proto__": 0.2, "partner": 0.45}') as Record<string, number>;
    expect(errorOf(() => relationshipShares(shares, { base: 400 })).issues[0]!.path).toEqual(['shares', '__proto__']);
    expect(errorOf(() => splitByShares(1000, shares)).issues[0]!.path).toEqual(['shares', '__proto__']);
    expect(errorOf(() => relationshipShares({ partner: 0.45 }, { remainder: '__proto__' })).message).toMatch(/remainder: expected a category name other than '__proto__'/);
    expect(errorOf(() => relationshipShares({ partner: 0.45 }, { remainder: '' })).message).toMatch(/remainder: expected a category name such as 'other' \(not empty\), or false for none/);
  });
  it('a base too small or too large for whole Sison-Glaz counts names the base, not multinomialCI', () => {
    const tiny = errorOf(() => relationshipShares({ partner: 0.45, other: 0.55 }, { base: 0.5 }));
    expect(tiny.functionName).toBe('relationshipShares');
    expect(tiny.issues[0]!.path).toEqual(['base']);
    expect(tiny.message).toMatch(/rounds to at least one whole respondent/);
    const huge = errorOf(() => relationshipShares({ partner: 0.45 }, { base: 1e300 }));
    expect(huge.issues[0]!.path).toEqual(['base']);
    expect(huge.message).toMatch(/at most 2\^53 - 1.*goodman/);
    // Other methods take weighted counts: a huge base gives (nearly) the shares themselves, never NaN.
    const g = relationshipShares({ partner: 0.45 }, { base: 1e300, method: 'goodman' });
    expect([g.partner!.lower, g.partner!.upper]).toEqual([0.45, 0.45]);
    expect(g.other!.lower).toBeCloseTo(0.55, 14);
  });
  it("proportions passed with scale 'percent' are caught: an error when they add up to 1, a note otherwise", () => {
    const e = errorOf(() => relationshipShares({ a: 0.45, b: 0.55 }, { scale: 'percent' }));
    expect(e.issues[0]!.path).toEqual(['shares']);
    expect(e.issues[0]!.hint).toMatch(/look like proportions.*scale: 'proportion'/);
    const r = relationshipShares({ exPartner: 0.45, acquaintance: 0.22, stranger: 0.1, colleague: 0.05, family: 0.04 }, { scale: 'percent' });
    expect(r.other!.value).toBeCloseTo(0.9914, 12);
    expect(r[sharedNotes].join(' ')).toMatch(/add up to only 0.86%: if they are proportions/);
  });
  it('a share outside its interval after rounding share x base (a tiny base) says so', () => {
    const r = relationshipShares(seeds, { scale: 'percent', base: 3 });
    expect(r.acquaintance!.value).toBe(0.22);
    expect(r.acquaintance!.lower).toBeGreaterThan(0.22);
    expect(r.acquaintance!.notes!.join(' ')).toMatch(/lies outside the interval for the rounded count 1 of 2/);
  });
  it('shared notes are given once under the sharedNotes symbol: the result stays a plain record of intervals', () => {
    const r = relationshipShares(seeds, { scale: 'percent', base: 333 });
    expect(r[sharedNotes]).toEqual([
      "remainder category 'other' takes the rest: 14%",
      'counts reconstructed as share x base and rounded to whole respondents (Sison-Glaz needs whole counts): 150, 73, 33, 17, 13, 47',
    ]);
    for (const i of Object.values(r)) expect(i.notes ?? []).not.toContain(r[sharedNotes][0]);
    expect(Object.keys(JSON.parse(JSON.stringify(r)))).toEqual(Object.keys(r));
    expect({ ...r }[sharedNotes]).toBe(r[sharedNotes]); // a spread copy keeps them
    expect(sharedNotes).toBe(Symbol.for('darkfigure.sharedNotes'));
  });
});
