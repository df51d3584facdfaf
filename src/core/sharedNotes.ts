/**
 * The key of the notes that concern every category of a record of intervals (`relationshipShares`), given
 * once instead of on each category: `shares[sharedNotes]`. A symbol (the same `Symbol.for` in the ESM and
 * CommonJS builds), so that the result stays a plain record of category to `Interval`: `Object.entries`,
 * `Object.values`, `JSON.stringify` and the charts see the categories only, while `console.log` shows the
 * notes. Each `Interval` keeps the notes that concern it alone.
 *
 * @example
 * ```ts
 * import { relationshipShares, sharedNotes } from 'darkfigure';
 * const shares = relationshipShares({ exPartner: 45, acquaintance: 22, stranger: 10 }, { scale: 'percent', base: 400 });
 * shares[sharedNotes]; // ["remainder category 'other' takes the rest: 23%", ...]
 * Object.keys(shares); // ['exPartner', 'acquaintance', 'stranger', 'other']
 * ```
 */
export const sharedNotes: unique symbol = /* @__PURE__ */ Symbol.for('darkfigure.sharedNotes') as never;
