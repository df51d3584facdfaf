import * as z from 'zod';
import { count, positive } from '../core/schemas';
import { HINT } from '../core/validate';
import { forwardIssues } from './forwardIssues';

/** Days in the 12-month reference period: the mean calendar year (Gregorian leap years averaged in). */
export const DAYS_PER_YEAR = 365.25;

/**
 * A police-recorded count: a number for one year (the survey's 12-month reference period), or a count
 * over a stated period, `{ count, from, to }` with ISO dates (`'2013-04-01'`, both days included) or
 * `{ count, days }`, which is annualised to 12 months of 365.25 days (the mean calendar year):
 * annual = count x 365.25 / days. Example: 7,706 offences from 2013-04-01 to 2016-02-04 (1,040 days)
 * are 2,706.3 a year. Count noise is applied to the count actually observed, then annualised.
 */
export type RecordedCount = number | { count: number; from: string; to: string } | { count: number; days: number };

/** A normalised recorded count. @internal */
export interface NormalisedCount {
  /** The count as observed over its period (noise applies to this). */
  count: number;
  /** Annualisation factor 365.25 / days (1 for a plain number). */
  factor: number;
  /** count x factor: recorded per year. */
  annual: number;
  /** Days in the period (undefined for a plain number). */
  days: number | undefined;
  notes: string[];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date, or undefined if it is not a real date. */
function dayNumber(text: string): number | undefined {
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

const isoDate = z.string({ error: "an ISO date such as '2013-04-01'" }).check((ctx) => {
  if (dayNumber(ctx.value) === undefined) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: "a real calendar date written YYYY-MM-DD, such as '2013-04-01'" });
  }
});

const fmt = (x: number) => String(Number.parseFloat(x.toPrecision(6)));

function annualised(c: number, days: number, what: string): NormalisedCount {
  const factor = DAYS_PER_YEAR / days;
  return {
    count: c,
    factor,
    annual: c * factor,
    days,
    notes: [`recorded count annualised: ${fmt(c)} over ${what} = ${fmt(c * factor)} a year (365.25-day year)`],
  };
}

const period = z
  .strictObject({ count, from: isoDate, to: isoDate })
  .check((ctx) => {
    const from = dayNumber(ctx.value.from)!;
    const to = dayNumber(ctx.value.to)!;
    if (from > to) {
      ctx.issues.push({ code: 'custom', path: ['from'], input: ctx.value.from, message: `a date on or before to (${ctx.value.to})` });
      ctx.issues.push({ code: 'custom', path: ['to'], input: ctx.value.to, message: `a date on or after from (${ctx.value.from})` });
    }
  })
  .transform((v) => {
    const days = dayNumber(v.to)! - dayNumber(v.from)! + 1;
    return annualised(v.count, days, `${days} days (${v.from} to ${v.to}, both included)`);
  });

const withDays = z.strictObject({ count, days: positive }).transform((v) => annualised(v.count, v.days, `${fmt(v.days)} days`));

const plain = count.transform((c): NormalisedCount => ({ count: c, factor: 1, annual: c, days: undefined, notes: [] }));

/**
 * The zod schema of a {@link RecordedCount}; output is the {@link NormalisedCount}.
 * `from` after `to` names both fields.
 * @internal
 */
export const recordedCount = z.unknown().transform((value, ctx): NormalisedCount => {
  let schema: z.ZodType<NormalisedCount> | undefined;
  if (typeof value === 'number' || typeof value === 'string') schema = plain;
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) schema = 'days' in value ? withDays : period;
  if (schema === undefined) {
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `a recorded count: a number for one year, { count, from, to } with ISO dates, or { count, days }${HINT}counts over a period are annualised to 365.25 days`,
    });
    return z.NEVER;
  }
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) return forwardIssues(ctx, parsed.error.issues);
  return parsed.data;
});
