import { describe, expect, it } from 'vitest';
import { hiddenIncidence, multinomialCI, relationshipShares, splitByShares, type Interval } from '../../src/index';

// Type-level checks: `npx tsc --noEmit` (in CI) fails if a @ts-expect-error line stops being an error.
describe('category names are typed', () => {
  it('a typo in a category is a compile error; the remainder is typed', () => {
    const shares = relationshipShares({ exPartner: 0.45, stranger: 0.1 }, { base: 400 });
    const ex: Interval = shares.exPartner;
    const other: Interval | undefined = shares.other;
    // @ts-expect-error: no such category
    void shares.exPartnr;
    const none = relationshipShares({ exPartner: 0.45, stranger: 0.55 }, { remainder: false });
    // @ts-expect-error: no remainder category with remainder: false
    void none.other;
    const named = relationshipShares({ exPartner: 0.45 }, { remainder: 'unknown' });
    const unknown: Interval | undefined = named.unknown;
    const counts = multinomialCI({ a: 3, b: 4 });
    // @ts-expect-error: no such category
    void counts.c;
    const total = hiddenIncidence({ recorded: 100, reporting: 0.5, recording: 0.5 }, { draws: 200 });
    const split = splitByShares(total, { exPartner: 0.45, stranger: 0.1 }, { quantity: 'unrecorded', draws: 200 });
    const s: Interval = split.categories.stranger;
    // @ts-expect-error: no such category
    void split.categories.strangr;
    // @ts-expect-error: no such quantity
    void (() => splitByShares(total, { a: 0.5 }, { quantity: 'victim' }));
    expect([ex, other, unknown, s].every((x) => x === undefined || typeof x.value === 'number')).toBe(true);
  });
});
