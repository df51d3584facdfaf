import { expect } from 'vitest';
import { InputError, type InputIssue } from '../src/core/InputError';

/** Run `f`, expect it to throw an InputError, and return that error. */
export function errorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

/** Run `f`, expect it to throw an InputError, and return its issues. */
export function issuesOf(f: () => unknown): InputIssue[] {
  return errorOf(f).issues;
}
