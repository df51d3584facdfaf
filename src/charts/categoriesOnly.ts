/**
 * A record's string-keyed entries only: drops the `sharedNotes` symbol of a `relationshipShares` result
 * (which zod's records would check as a category) before validation. Arrays and non-objects pass as they are.
 * @internal
 */
export function categoriesOnly<T>(x: T): T {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (Object.fromEntries(Object.entries(x)) as T) : x;
}
