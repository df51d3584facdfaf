import { fail } from './InputError';

/**
 * Throw an `InputError` if the input object has an own field `options`. Functions that take their input
 * as one object and their options as a second argument merge the two for validation, so an `options`
 * field inside the input would otherwise be overwritten by the second argument without a word (and its
 * level or method silently ignored). Call it at the public edge, before `validate`.
 *
 * @example
 * ```ts
 * import { refuseOptionsField } from './refuseOptionsField';
 * refuseOptionsField('hiddenIncidence', { recorded: 100 }); // fine
 * refuseOptionsField('hiddenIncidence', { recorded: 100, options: { level: 0.9 } }); // throws an InputError at options
 * ```
 * @internal
 */
export function refuseOptionsField(functionName: string, input: unknown): void {
  if (typeof input === 'object' && input !== null && Object.hasOwn(input, 'options')) {
    fail(
      functionName,
      ['options'],
      'no field options in the input (unknown: options)',
      (input as { options: unknown }).options,
      `pass options as the second argument: ${functionName}(input, options)`,
    );
  }
}
