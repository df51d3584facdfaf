import * as z from 'zod/mini';
import { datedCount, daysCount } from '../core/period';
import { count } from '../core/schemas';
import { HINT } from '../core/validate';
import { forwardIssues } from './forwardIssues';
import { sixDigits } from '../core/sixDigits';

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


function annualised(c: number, days: number, what: string): NormalisedCount {
  const factor = DAYS_PER_YEAR / days;
  return {
    count: c,
    factor,
    annual: c * factor,
    days,
    notes: [`recorded count annualised: ${sixDigits(c)} over ${what} = ${sixDigits(c * factor)} a year (365.25-day year)`],
  };
}

const period = /* @__PURE__ */ (() => z.pipe(datedCount, z.transform((v) => annualised(v.count, v.days, v.text))))();

const withDays = /* @__PURE__ */ (() => z.pipe(daysCount, z.transform((v) => annualised(v.count, v.days, v.text))))();

const plain = /* @__PURE__ */ (() => z.pipe(count, z.transform((c): NormalisedCount => ({ count: c, factor: 1, annual: c, days: undefined, notes: [] }))))();

/**
 * The zod schema of a {@link RecordedCount}; output is the {@link NormalisedCount}.
 * `from` after `to` names both fields.
 * @internal
 */
export const recordedCount = /* @__PURE__ */ (() => z.pipe(z.unknown(), z.transform((value, ctx): NormalisedCount => {
  let schema: z.ZodMiniType<NormalisedCount> | undefined;
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
})))();
