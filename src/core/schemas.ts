import * as z from 'zod';
import { parseAgeBand } from './ageBand';
import { describeValue } from './describeValue';
import { HINT } from './validate';

/**
 * Shared zod schemas for the public edge. Each message states the rule ("a finite number >= 0");
 * {@link validate} adds the path and the value given. A hint follows the rule after {@link HINT}.
 * @internal
 */

const numberRule = (rule: string) =>
  z.number({
    error: (iss) =>
      typeof iss.input === 'string' && iss.input.trim() !== '' && Number.isFinite(Number(iss.input))
        ? `${rule}${HINT}pass the number ${Number(iss.input)}, not a string`
        : rule,
  });

/** A finite number >= 0; weighted (non-integer) counts allowed. */
export const count = numberRule('a finite number >= 0').refine((x) => x >= 0, { error: 'a finite number >= 0', abort: true });

/** A whole number >= 0. */
export const wholeCount = numberRule('a whole number >= 0').refine((x) => x >= 0 && Number.isInteger(x), {
  error: 'a whole number >= 0',
  abort: true,
});

/** A finite number > 0. */
export const positive = numberRule('a finite number > 0').refine((x) => x > 0, { error: 'a finite number > 0', abort: true });

/** A proportion in [0, 1]; a percentage such as 4.9 gets the hint "did you mean 0.049?". */
export const probability = numberRule('a proportion in [0, 1]').check((ctx) => {
  const x = ctx.value;
  if (x >= 0 && x <= 1) return;
  ctx.issues.push({
    code: 'custom',
    input: x,
    message:
      x > 1 && x <= 100
        ? `a proportion in [0, 1]${HINT}did you mean ${roundForHint(x / 100)}? Pass percentages divided by 100`
        : 'a proportion in [0, 1]',
  });
});

function roundForHint(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

/** A confidence level in (0, 1), default 0.95; 95 gets "did you mean 0.95?". */
export const level = numberRule('a confidence level in (0, 1), such as 0.95')
  .check((ctx) => {
    const x = ctx.value;
    if (x > 0 && x < 1) return;
    ctx.issues.push({
      code: 'custom',
      input: x,
      message:
        x > 1 && x < 100
          ? `a confidence level in (0, 1)${HINT}did you mean ${roundForHint(x / 100)}?`
          : x === 1
            ? `a confidence level in (0, 1)${HINT}a level of 1 (100%) would need limits covering every possible value; use 0.999 or 0.998, say`
            : 'a confidence level in (0, 1), such as 0.95',
    });
  })
  .default(0.95);

/** The rate multiplier `per`, a finite number > 0, default 100000. */
export const per = positive.default(100000);

/** A seed for the library's generator: a whole number (default 42). */
export const seed = numberRule('a whole number').refine((x) => Number.isSafeInteger(x), { error: 'a whole number' }).default(42);

/** A method name out of a fixed list. */
export function methodOf<const T extends readonly [string, ...string[]]>(names: T) {
  return z.enum(names, { error: (iss) => `one of ${names.map((n) => `'${n}'`).join(', ')}${typeof iss.input === 'string' ? '' : ''}` });
}

/** Options objects reject unknown keys, so a typo such as `levle` is caught. */
export function options<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape).prefault({} as never);
}

/** Describe a value for hand-written issues. */
export { describeValue };

/** An age band (`'16-19'`, `'90+'`) or single year (number or numeric string), parsed. */
export const ageBand = z.union([z.string(), z.number()], { error: "an age band such as '16-19' or '90+', or a single year" }).transform((value, ctx) => {
  const band = parseAgeBand(value);
  if (band === undefined) {
    ctx.issues.push({ code: 'custom', input: value, message: "an age band such as '16-19' or '90+', or a single year (0 to 150)" });
    return z.NEVER;
  }
  return band;
});
