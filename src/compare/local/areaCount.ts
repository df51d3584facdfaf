import * as z from 'zod/mini';
import { countOverPeriod, type CountOverPeriod } from '../../core/period';
import { wholeCount } from '../../core/schemas';
import { DAYS_PER_YEAR } from '../../incidence/recordedCount';

/** An area's police-recorded count, parsed: a whole number over its period, and the annualisation. @internal */
export interface AreaCount {
  /** The count as observed over its period (a whole number; count noise applies to it). */
  count: number;
  /** Annualisation factor 365.25 / days (1 for a plain number). */
  factor: number;
  /** count x factor: recorded a year. */
  annual: number;
  /** The period, when one was given (`{ count, from, to }` or `{ count, days }`). */
  period: CountOverPeriod | undefined;
}

const plain = /* @__PURE__ */ (() => z.pipe(wholeCount, z.transform((c): AreaCount => ({ count: c, factor: 1, annual: c, period: undefined }))))();
const FORMS = 'a recorded count: a whole number for one year, { count, from, to } with ISO dates, or { count, days }';
const overPeriod = /* @__PURE__ */ (() => countOverPeriod().check((ctx) => {
  if (!Number.isInteger(ctx.value.count)) {
    ctx.issues.push({ code: 'custom', path: ['count'], input: ctx.value.count, message: 'a whole number >= 0 (a police count)' });
  }
}))();

/**
 * The zod schema of an area's recorded count: a whole number for one year (the survey's 12-month
 * reference period), or `{ count, from, to }` (ISO dates, both days included) / `{ count, days }` with a
 * whole count, annualised to 365.25 days as in `hiddenIncidence`. Output an {@link AreaCount}.
 * @internal
 */
export const areaCount = /* @__PURE__ */ (() => z.pipe(z.unknown(), z.transform((value, ctx): AreaCount => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const parsed = overPeriod.safeParse(value, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.issues.push({ ...issue } as z.core.$ZodRawIssue);
      return z.NEVER;
    }
    const p = parsed.data;
    const factor = DAYS_PER_YEAR / p.days;
    return { count: p.count, factor, annual: p.count * factor, period: p };
  }
  if (typeof value !== 'number' && typeof value !== 'string') {
    ctx.issues.push({ code: 'custom', input: value, message: FORMS });
    return z.NEVER;
  }
  const parsed = plain.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.issues.push({ ...issue } as z.core.$ZodRawIssue);
    return z.NEVER;
  }
  return parsed.data;
})))();
