import { describeValue } from './describeValue';

/** The brand of an InputError, shared by every copy of darkfigure in a process. @internal */
const INPUT_ERROR: unique symbol = Symbol.for('darkfigure.InputError') as never;

/** One problem with an input: where it is, what was expected, and what was given. */
export interface InputIssue {
  /** Path to the offending field, e.g. `['b', 'population']` or `['counts', 'stranger']`. */
  path: (string | number)[];
  /** The rule that was broken, in words, e.g. `"a finite number >= 0"`. */
  expected: string;
  /** The value that was given. */
  received: unknown;
  /** Optional hint, e.g. `"did you mean 0.95?"`. */
  hint?: string;
}

/** Render a path like `b.population` or `rows[3].age`. @internal */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(input)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/**
 * The one error darkfigure throws for bad input. Its message names every offending field by its
 * path, the rule it broke and the value given; `issues` holds the same as data.
 *
 * @example
 * ```ts
 * import { proportionCI, InputError } from 'darkfigure';
 * try {
 *   proportionCI(27, 500, { level: 95 });
 * } catch (error) {
 *   if (error instanceof InputError) console.log(error.issues[0].path); // ['level']
 * }
 * ```
 */
export class InputError extends Error {
  /**
   * Recognise an InputError from any copy of darkfigure loaded in the process (its CommonJS and ESM builds, or
   * two versions), by a brand registered with `Symbol.for`, not by prototype.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[INPUT_ERROR] === true;
  }
  override readonly name = 'InputError';
  /** Every problem found, in order. */
  readonly issues: InputIssue[];
  /** The public function that rejected the input. */
  readonly functionName: string;

  constructor(functionName: string, issues: InputIssue[]) {
    const lines = issues.map(
      (i) =>
        `  - ${formatPath(i.path)}: expected ${i.expected}, received ${describeValue(i.received)}` +
        (i.hint ? ` (${i.hint})` : ''),
    );
    super(`Invalid input to ${functionName}():\n${lines.join('\n')}`);
    this.functionName = functionName;
    this.issues = issues;
    Object.defineProperty(this, INPUT_ERROR, { value: true });
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Throw an {@link InputError} with a single issue. @internal */
export function fail(
  functionName: string,
  path: (string | number)[],
  expected: string,
  received: unknown,
  hint?: string,
): never {
  throw new InputError(functionName, [hint === undefined ? { path, expected, received } : { path, expected, received, hint }]);
}
