import * as z from 'zod/mini';
import { count, positive } from './schemas';
import { HINT } from './validate';
import { sixDigits } from './sixDigits';

/**
 * Periods of time, shared by every function that takes counts over a period: `{ from, to }` with ISO dates
 * (`'2013-04-01'`, both days included) or `{ days }` (a length in days, > 0, may be fractional), and the
 * same with a `count`: `{ count, from, to }` / `{ count, days }`. Parsed once at the public edge.
 * @internal
 */

/** A parsed period: its length in days and, for dated periods, its first and last day. @internal */
export interface Period {
  /** Length in days (for dates: to - from + 1, both days included). */
  days: number;
  /** First day as given (dated periods only). */
  from?: string;
  /** Last day as given (dated periods only). */
  to?: string;
  /** Days since 1970-01-01 of `from` (dated periods only). */
  firstDay?: number;
  /** Days since 1970-01-01 of `to` (dated periods only). */
  lastDay?: number;
  /** The period in words, e.g. `'1040 days (2013-04-01 to 2016-02-04, both included)'` or `'730.5 days'`. */
  text: string;
}

/** A count over a {@link Period}. @internal */
export interface CountOverPeriod extends Period {
  /** The count observed over the period (>= 0, may be non-integer). */
  count: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of an ISO date `YYYY-MM-DD`, or undefined if it is not a real calendar date.
 * @example
 * ```ts
 * dayNumber('1970-01-02'); // 1
 * dayNumber('2015-02-30'); // undefined
 * ```
 * @internal
 */
export function dayNumber(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return ms / 86400000;
}

/** An ISO calendar date `YYYY-MM-DD`. @internal */
export const isoDate = /* @__PURE__ */ (() => z.string({
  error: (iss) =>
    iss.input instanceof Date
      ? `an ISO date string such as '2013-04-01'${HINT}a Date object is not accepted, because its calendar day depends on the time zone: pass date.toISOString().slice(0, 10) for its UTC day, or write the day out`
      : "an ISO date such as '2013-04-01'",
}).check((ctx) => {
  if (dayNumber(ctx.value) === undefined) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: "a real calendar date written YYYY-MM-DD, such as '2013-04-01'" });
  }
}))();


/** `from` after `to` names both fields. */
function checkOrder(ctx: { value: { from: string; to: string }; issues: z.core.$ZodRawIssue[] }): void {
  const from = dayNumber(ctx.value.from)!;
  const to = dayNumber(ctx.value.to)!;
  if (from > to) {
    ctx.issues.push({ code: 'custom', path: ['from'], input: ctx.value.from, message: `a date on or before to (${ctx.value.to})` });
    ctx.issues.push({ code: 'custom', path: ['to'], input: ctx.value.to, message: `a date on or after from (${ctx.value.from})` });
  }
}

function dated(from: string, to: string): Period {
  const firstDay = dayNumber(from)!;
  const lastDay = dayNumber(to)!;
  const days = lastDay - firstDay + 1;
  return { days, from, to, firstDay, lastDay, text: `${days} days (${from} to ${to}, both included)` };
}

const lengthOf = (days: number): Period => ({ days, text: `${sixDigits(days)} days` });

/** `{ count, from, to }`. @internal */
export const datedCount = /* @__PURE__ */ (() => z.pipe(z
  .strictObject({ count, from: isoDate, to: isoDate })
  .check(checkOrder), z.transform((v): CountOverPeriod => ({ count: v.count, ...dated(v.from, v.to) }))))();

/** `{ count, days }`. @internal */
export const daysCount = /* @__PURE__ */ (() => z.pipe(z.strictObject({ count, days: positive }), z.transform((v): CountOverPeriod => ({ count: v.count, ...lengthOf(v.days) }))))();

const datedPeriod = /* @__PURE__ */ (() => z.pipe(z
  .strictObject({ from: isoDate, to: isoDate })
  .check(checkOrder), z.transform((v) => dated(v.from, v.to))))();

const daysPeriod = /* @__PURE__ */ (() => z.pipe(z.strictObject({ days: positive }), z.transform((v) => lengthOf(v.days))))();

const isRecord = (value: unknown): value is object => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Run a nested schema and copy its issues into the current context (zod prefixes their paths with the
 * current one), so a dispatching schema reports the fields of the form it chose.
 */
function dispatch<T>(schema: z.ZodMiniType<T>, value: unknown, ctx: z.core.ParsePayload): T {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.issues.push({ ...issue } as z.core.$ZodRawIssue);
  return z.NEVER;
}

/**
 * A count over a period, `{ count, from, to }` (ISO dates, both days included) or `{ count, days }`; output
 * a {@link CountOverPeriod}. An object with `days` is read as the second form, any other object as the first.
 * `hint` is added to the message for a value that is not an object (e.g. a plain number).
 * @internal
 */
export function countOverPeriod(hint?: string) {
  return z.pipe(z.unknown(), z.transform((value, ctx): CountOverPeriod => {
    if (isRecord(value)) return dispatch('days' in value ? daysCount : datedCount, value, ctx);
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `a count over a period: { count, from, to } with ISO dates, or { count, days }${hint === undefined ? '' : HINT + hint}`,
    });
    return z.NEVER;
  }));
}

/**
 * A period, `{ from, to }` (ISO dates, both days included) or `{ days }`; output a {@link Period}.
 * `hint` is added to the message for a value that is not an object.
 * @internal
 */
export function period(hint?: string) {
  return z.pipe(z.unknown(), z.transform((value, ctx): Period => {
    if (isRecord(value)) return dispatch('days' in value ? daysPeriod : datedPeriod, value, ctx);
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `a period: { from, to } with ISO dates (both days included), or { days }${hint === undefined ? '' : HINT + hint}`,
    });
    return z.NEVER;
  }));
}
