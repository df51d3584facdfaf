import * as z from 'zod/mini';
import { parseAgeBand } from './ageBand';
import { describeValue } from './describeValue';
import { HINT } from './validate';
import { rule } from './rule';

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

/** {@link numberRule} and the same rule for numbers failing `ok`: the one issue, which aborts. */
function numberWhere(message: string, ok: (x: number) => boolean) {
  return numberRule(message).check(rule(ok, message, true));
}

/** A finite number >= 0; weighted (non-integer) counts allowed. */
export const count = /* @__PURE__ */ (() => numberWhere('a finite number >= 0', (x) => x >= 0))();

/** A whole number >= 0. */
export const wholeCount = /* @__PURE__ */ (() => numberWhere('a whole number >= 0', (x) => x >= 0 && Number.isInteger(x)))();

/** A finite number > 0. */
export const positive = /* @__PURE__ */ (() => numberWhere('a finite number > 0', (x) => x > 0))();

/** A proportion in [0, 1]; a percentage such as 4.9 gets the hint "did you mean 0.049?". */
export const probability = /* @__PURE__ */ (() => numberRule('a proportion in [0, 1]').check((ctx) => {
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
}))();

function roundForHint(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

/** Smallest confidence level accepted for a result: below it the limits collapse onto the estimate. */
export const LEAST_LEVEL = 1e-10;
/** Largest confidence level accepted for a result, 1 - 1e-10: above it tail areas leave double precision. */
export const MOST_LEVEL = 1 - 1e-10;

/** The issue message for a level outside (0, 1), or (with `strict`) outside [1e-10, 1 - 1e-10]; undefined when fine. */
function levelMessage(x: number, strict: boolean): string | undefined {
  if (x > 0 && x < 1) {
    if (!strict || (x >= LEAST_LEVEL && x <= MOST_LEVEL)) return undefined;
    return x < LEAST_LEVEL
      ? `a confidence level from 1e-10 to 1 - 1e-10${HINT}below 1e-10 the limits collapse onto the estimate and rounding can put them out of order; use a level such as 0.5 or 0.95`
      : `a confidence level from 1e-10 to 1 - 1e-10${HINT}closer to 1 the tail area 1 - level keeps too few digits for the limits, and a Monte Carlo interval would need over ten billion draws; use 0.999 or 0.998, say`;
  }
  if (x > 1 && x < 100) return `a confidence level in (0, 1)${HINT}did you mean ${roundForHint(x / 100)}?`;
  if (x === 1) {
    return `a confidence level in (0, 1)${HINT}a level of 1 (100%) would need limits covering every possible value; use 0.999 or 0.998, say`;
  }
  return 'a confidence level in (0, 1), such as 0.95';
}

function levelRule(strict: boolean) {
  return numberRule('a confidence level in (0, 1), such as 0.95').check((ctx) => {
    const message = levelMessage(ctx.value, strict);
    if (message !== undefined) ctx.issues.push({ code: 'custom', input: ctx.value, message });
  });
}

/**
 * The `level` of an interval given as input (a published interval's own level): any level in (0, 1),
 * no default. 95 gets "did you mean 0.95?".
 */
export const intervalLevel = /* @__PURE__ */ (() => levelRule(false))();

/**
 * The confidence level of a result, default 0.95: a level from 1e-10 to 1 - 1e-10 (95 gets "did you
 * mean 0.95?"). Below 1e-10 the limits collapse onto the estimate and rounding can put them an ulp out
 * of order; within 1e-10 of 1 the tail area 1 - level keeps too few digits for the limits (and a Monte
 * Carlo percentile interval would need more than ten billion draws). Such a level is an InputError.
 */
export const level = /* @__PURE__ */ (() => z._default(levelRule(true), 0.95))();

/** The rate multiplier `per`, a finite number > 0, default 100000. */
export const per = /* @__PURE__ */ (() => z._default(positive, 100000))();

/** A seed for the library's generator: a whole number (default 42). */
export const seed = /* @__PURE__ */ (() =>
  z._default(
    numberRule('a whole number').check(rule((x) => Number.isSafeInteger(x), 'a whole number')),
    42,
  ))();

/** A method name out of a fixed list. */
export function methodOf<const T extends readonly [string, ...string[]]>(names: T): z.ZodMiniType<T[number], T[number]> {
  // a check on z.unknown() rather than z.enum, which costs a bundle about 0.3 KB more; the same issue message
  return z.unknown().check((ctx) => {
    if (!names.includes(ctx.value as string)) ctx.issues.push({ code: 'custom', input: ctx.value, message: `one of ${names.map((n) => `'${n}'`).join(', ')}` });
  }) as never;
}

/** Options objects reject unknown keys, so a typo such as `levle` is caught. */
export function options<T extends z.core.$ZodShape>(shape: T) {
  return z.prefault(z.strictObject(shape), {} as never);
}

/** Describe a value for hand-written issues. */
export { describeValue };

/** An age band (`'16-19'`, `'90+'`) or single year (number or numeric string), parsed. */
export const ageBand = /* @__PURE__ */ (() => z.pipe(z.unknown().check(rule((x) => typeof x === 'string' || Number.isFinite(x), "an age band such as '16-19' or '90+', or a single year", true)), z.transform((value, ctx) => {
  const band = parseAgeBand(value);
  if (band === undefined) {
    ctx.issues.push({ code: 'custom', input: value, message: "an age band such as '16-19' or '90+', or a single year (0 to 150)" });
    return z.NEVER;
  }
  return band;
})))();
