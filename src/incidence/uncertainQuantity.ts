import * as z from 'zod/mini';
import { rule as ruleCheck } from '../core/rule';
import type { Interval } from '../core/interval';
import { count, intervalLevel } from '../core/schemas';
import { HINT } from '../core/validate';
import { normalQuantile } from '../special/normalQuantile';
import { forwardIssues } from './forwardIssues';
import { sixDigits } from '../core/sixDigits';

/**
 * A positive quantity known only approximately: the number of victims from a survey (an `Interval` from
 * `expectedVictims`), or incidents per victim. Forms and the distribution each becomes:
 *
 * | form | distribution |
 * | --- | --- |
 * | a number `m` | exactly `m` |
 * | `{ estimate, standardError }` | Gamma with mean m and standard deviation SE (shape m²/SE², scale SE²/m) |
 * | `{ estimate, lower, upper, level? }` | the same with SE = (upper - lower) / (2 z), assuming the interval was estimate ± z SE (level default 0.95) |
 * | an `Interval` | its `standardError` if it has one, else SE from its width as above; exactly `value` when `lower = upper = value` |
 *
 * The Gamma matches the first two moments (method of moments) and, unlike a normal, never goes below 0.
 * A strongly skewed interval (such as a `hiddenIncidence` result) is only roughly described by its width:
 * to propagate such a result exactly, keep its draws (`keepDraws: true`) and pass the result itself where
 * that is accepted (`splitByShares`). A standard error (given or implied by a width) so small that the
 * Gamma degenerates, its shape beyond the largest double or its scale below the smallest normal one
 * (below about estimate x 7.5e-155), is refused; pass a plain number for a value known exactly.
 */
export type UncertainQuantity =
  | number
  | { estimate: number; standardError: number }
  | { estimate: number; lower: number; upper: number; level?: number }
  | Interval;

/** A normalised uncertain positive quantity: a point mass or a Gamma(shape, scale). @internal */
export interface QuantityDistribution {
  estimate: number;
  exact: boolean;
  shape: number;
  scale: number;
  /** Variance (0 when exact); Infinity where SE^2 overflows. */
  variance: number;
  /** Variance over the estimate squared, 1 / shape (0 when exact), for the delta method: always finite. */
  relativeVariance: number;
  description: string;
  notes: string[];
}


function exactQuantity(m: number): QuantityDistribution {
  return { estimate: m, exact: true, shape: 0, scale: 0, variance: 0, relativeVariance: 0, description: `exactly ${sixDigits(m)}`, notes: [] };
}

/** The smallest normal double: a Gamma scale below it has lost precision (and soon underflows to 0). */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * The Gamma with mean m and standard deviation se > 0 (shape (m / se)^2, scale se (se / m), computed so
 * that neither squares alone), or undefined when it degenerates: a shape beyond the largest double or a
 * scale below the smallest normal one (a standard error below about m x 7.5e-155, say), or, for an absurdly
 * large standard error, a shape below the smallest normal double or a scale beyond the largest.
 */
function gammaQuantity(m: number, se: number, notes: string[]): QuantityDistribution | undefined {
  if (se === 0) return exactQuantity(m);
  const ratio = m / se;
  const shape = ratio * ratio;
  const scale = se / ratio;
  if (!(shape >= MIN_NORMAL && shape <= Number.MAX_VALUE && scale >= MIN_NORMAL && scale <= Number.MAX_VALUE)) return undefined;
  return {
    estimate: m,
    exact: false,
    shape,
    scale,
    variance: se * se,
    relativeVariance: 1 / shape,
    description: `Gamma(shape ${sixDigits(shape)}, scale ${sixDigits(scale)}), mean ${sixDigits(m)} and standard deviation ${sixDigits(se)}`,
    notes,
  };
}

/**
 * Push the issue for a standard error too small for a Gamma (see {@link gammaQuantity}) at `path`, with
 * the least standard error accepted (rounded up), and return z.NEVER.
 */
function degenerate(ctx: z.core.ParsePayload, path: string, input: unknown, m: number, se: number, implied: boolean): never {
  const least = Number.parseFloat((Math.max(m / Math.sqrt(Number.MAX_VALUE), Math.sqrt(MIN_NORMAL) * Math.sqrt(m)) * (1 + 1e-5)).toPrecision(6));
  const most = Number.parseFloat((Math.min(m / Math.sqrt(MIN_NORMAL), Math.sqrt(Number.MAX_VALUE) * Math.sqrt(m)) * (1 - 1e-5)).toPrecision(6));
  const range = `from ${least} to ${most}`;
  const what = implied ? `an interval whose standard error (upper - lower) / (2 z) is ${range}` : `a standard error of 0 (exactly known) or ${range}`;
  ctx.issues.push({
    code: 'custom',
    path: [path],
    input,
    message: `${what}${HINT}a standard error of ${sixDigits(se)} on ${sixDigits(m)} leaves no usable Gamma distribution (its shape (estimate / SE)^2 or scale SE^2 / estimate leaves the doubles); pass the estimate as a plain number to treat it as exact`,
  });
  return z.NEVER;
}

function zOf(inputLevel: number | undefined): number {
  return -normalQuantile((1 - (inputLevel ?? 0.95)) / 2);
}

function limitsCheck(v: { lower: number; upper: number }, estimate: number, name: string, ctx: z.core.ParsePayload): void {
  if (v.lower > estimate) ctx.issues.push({ code: 'custom', path: ['lower'], input: v.lower, message: `a lower limit <= ${name} (${estimate})` });
  if (v.upper < estimate) ctx.issues.push({ code: 'custom', path: ['upper'], input: v.upper, message: `an upper limit >= ${name} (${estimate})` });
}

/**
 * The zod schema of an {@link UncertainQuantity} whose estimate must be > 0 (`rule` words the reason,
 * e.g. "incidents per victim > 0"); output is the normalised {@link QuantityDistribution}.
 * @internal
 */
export function uncertainQuantity(rule: string) {
  // One rule for the estimate (not count's '>= 0' followed by '> 0', which gave -1 two issues).
  const estimate = z
    .number({
      error: (iss) =>
        typeof iss.input === 'string' && iss.input.trim() !== '' && Number.isFinite(Number(iss.input))
          ? `${rule}${HINT}pass the number ${Number(iss.input)}, not a string`
          : rule,
    }).check(ruleCheck((x) => x > 0, rule));
  const plain = z.pipe(estimate, z.transform(exactQuantity));
  const withSE = z.pipe(z
    .strictObject({ estimate, standardError: count }), z.transform(({ estimate: m, standardError }, ctx) => gammaQuantity(m, standardError, []) ?? degenerate(ctx, 'standardError', standardError, m, standardError, false)));
  const withLimits = z.pipe(z
    .strictObject({ estimate, lower: count, upper: count, level: z.optional(intervalLevel) })
    .check((ctx) => limitsCheck(ctx.value, ctx.value.estimate, 'estimate', ctx)), z.transform((v, ctx) => {
      const z0 = zOf(v.level);
      const se = (v.upper - v.lower) / (2 * z0);
      return (
        gammaQuantity(v.estimate, se, [`standard error recovered from the interval's width, assuming it was estimate +/- ${sixDigits(z0)} x SE`]) ??
        degenerate(ctx, 'upper', v.upper, v.estimate, se, true)
      );
    }));
  const intervalLike = z.pipe(z
    .looseObject({ value: estimate, lower: count, upper: count, level: z.optional(intervalLevel), standardError: z.optional(count) })
    .check((ctx) => limitsCheck(ctx.value, ctx.value.value, 'value', ctx)), z.transform((v, ctx) => {
      if (v.lower === v.upper) return exactQuantity(v.value);
      if (v.standardError !== undefined && v.standardError > 0) {
        return gammaQuantity(v.value, v.standardError, []) ?? degenerate(ctx, 'standardError', v.standardError, v.value, v.standardError, false);
      }
      const z0 = zOf(v.level);
      const se = (v.upper - v.lower) / (2 * z0);
      return (
        gammaQuantity(v.value, se, [`standard error recovered from the interval's width, assuming it was value +/- ${sixDigits(z0)} x SE`]) ??
        degenerate(ctx, 'upper', v.upper, v.value, se, true)
      );
    }));
  const forms = `${rule}: a number, { estimate, standardError }, { estimate, lower, upper, level? } or an Interval`;
  return z.pipe(z.unknown(), z.transform((value, ctx): QuantityDistribution => {
    if (value !== null && typeof value === 'object' && Object.hasOwn(value, '__proto__')) {
      const input: unknown = Object.getOwnPropertyDescriptor(value, '__proto__')?.value;
      ctx.issues.push({ code: 'custom', path: ['__proto__'], input, message: "no field '__proto__' (reserved in JavaScript)" });
      return z.NEVER;
    }
    let schema: z.ZodMiniType<QuantityDistribution> | undefined;
    if (typeof value === 'number' || typeof value === 'string') schema = plain;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if ('value' in value) schema = intervalLike;
      else if ('estimate' in value) schema = 'standardError' in value ? withSE : withLimits;
    }
    if (schema === undefined) {
      const isResult = value !== null && typeof value === 'object' && ('victims' in value || 'unrecorded' in value);
      ctx.issues.push({ code: 'custom', input: value, message: isResult ? `${forms}${HINT}a model result is not accepted here; pass one of its Intervals` : forms });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value, { reportInput: true });
    if (!parsed.success) return forwardIssues(ctx, parsed.error.issues);
    return parsed.data;
  }));
}
