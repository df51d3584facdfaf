import { fail } from './InputError';

/**
 * Throw an `InputError` if `record` has an own key `'__proto__'`. zod's record parser silently drops such
 * a key, and writing it into a result object would set the object's prototype instead of adding a
 * category, so a category of that name would be lost without a word. Call it at the public edge, before
 * `validate`, for every input that is a record of user-named categories, and for objects of fixed fields
 * where zod would drop the key without a word (then `rule` words it as an unknown field).
 *
 * @example
 * ```ts
 * import { refuseReservedKey } from './refuseReservedKey';
 * refuseReservedKey('relationshipShares', ['shares'], { exPartner: 0.45 }); // fine
 * refuseReservedKey('relationshipShares', ['shares'], JSON.parse('{"__proto__": 0.2}')); // throws an InputError at shares.__proto__
 * ```
 * @internal
 */
export function refuseReservedKey(
  functionName: string,
  path: (string | number)[],
  record: unknown,
  rule = "a category name other than '__proto__' (reserved in JavaScript)",
): void {
  if (typeof record === 'object' && record !== null && Object.hasOwn(record, '__proto__')) {
    const value: unknown = Object.getOwnPropertyDescriptor(record, '__proto__')?.value;
    fail(functionName, [...path, '__proto__'], rule, value);
  }
}
