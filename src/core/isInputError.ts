import { InputError } from './InputError';

/**
 * Whether `error` is a darkfigure {@link InputError}, from whichever copy of darkfigure threw it (its
 * CommonJS or ESM build, or another version in the same process): a type guard for `catch` blocks.
 *
 * @example
 * ```ts
 * import { isInputError, proportionCI } from 'darkfigure';
 * try {
 *   proportionCI(27, 500, { level: 95 });
 * } catch (error) {
 *   if (isInputError(error)) console.log(error.issues[0]?.hint); // did you mean 0.95?
 * }
 * ```
 */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
