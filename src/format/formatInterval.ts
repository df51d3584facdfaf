import * as z from 'zod/mini';
import { rule } from '../core/rule';
import { fail } from '../core/InputError';
import type { Interval } from '../core/interval';
import { positive } from '../core/schemas';
import { validate } from '../core/validate';

/** Options of {@link formatInterval}. */
export interface FormatIntervalOptions {
  /** Digits: significant digits for plain numbers (default 3), decimal places for percentages (default 1). */
  digits?: number;
  /** Show the interval as percentages (a proportion of 0.054 as 5.4%). Default false. */
  percent?: boolean;
  /** Say what the numbers are per, e.g. 100000 gives "2.91 per 100,000". */
  per?: number;
  /** A BCP 47 locale for the digits (Intl.NumberFormat); default 'en-GB'. */
  locale?: string;
}

/** The power of ten of |x| (exact: from the decimal exponent, not a logarithm). */
const magnitude = (x: number) => Number(Math.abs(x).toExponential().split('e')[1]);

/** A number, infinite allowed (an unbounded limit), NaN not. */
const limit = () => z.unknown().check(rule((x) => typeof x === 'number' && !Number.isNaN(x), 'a number (Infinity allowed, not NaN)')) as z.ZodMiniType<number, number>;

const schema = /* @__PURE__ */ (() =>
  z.object({
    interval: z.object(
      { value: limit(), lower: limit(), upper: limit(), level: z.number(), method: z.string() },
      { error: 'an Interval { value, lower, upper, level, method }' },
    ),
    options: z.prefault(
      z.strictObject({
        digits: z.optional(z.number({ error: 'a whole number from 0 to 15' }).check(rule((x) => Number.isInteger(x) && x >= 0 && x <= 15, 'a whole number from 0 to 15'))),
        percent: z._default(z.boolean({ error: 'true or false' }), false),
        per: z.optional(positive),
        locale: z._default(z.string({ error: "a locale such as 'en-GB'" }), 'en-GB'),
      }),
      {} as never,
    ),
  }))();

/**
 * An {@link Interval} in words, as darkfigure's examples print it: `"5.4% (95% CI 3.7% to 7.7%; wilson)"`,
 * `"1.23 million (95% CI 1.13 million to 1.34 million; logit)"`, `"2.91 per 100,000 (95% CI 1.82 to 4.41; byar)"`.
 * Plain numbers keep `digits` significant digits (default 3, with thousands separators: 552,784 is 553,000,
 * or 552,800 with 4 digits), numbers of a million or more are written in millions; percentages keep `digits` decimal
 * places (default 1). An unbounded limit reads "unbounded". Digits follow `locale` (Intl.NumberFormat).
 *
 * @param interval - any Interval (a result of a darkfigure function, or one you made)
 * @param options - `digits`, `percent`, `per`, `locale`
 *
 * @example
 * ```ts
 * import { formatInterval, proportionCI, rateCI } from 'darkfigure';
 * console.log(formatInterval(proportionCI(27, 500), { percent: true })); // 5.4% (95% CI 3.7% to 7.7%; wilson)
 * console.log(formatInterval(rateCI(22, 755_833), { per: 100_000 })); // 2.91 per 100,000 (95% CI 1.82 to 4.41; byar)
 * ```
 */
export function formatInterval(interval: Interval, options?: FormatIntervalOptions): string {
  const input = validate('formatInterval', schema, { interval, options });
  const { percent, per, locale } = input.options;
  try {
    new Intl.NumberFormat(locale);
  } catch {
    fail('formatInterval', ['locale'], "a locale Intl.NumberFormat knows, such as 'en-GB'", locale);
  }
  const digits = input.options.digits ?? (percent ? 1 : 3);
  const number = (x: number, decimals: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(x);
  const significant = (x: number): string => {
    if (x === Infinity) return 'unbounded';
    if (x === -Infinity) return 'minus unbounded';
    if (percent) return `${number(100 * x, digits)}%`;
    const size = Math.abs(x);
    if (size >= 1e6) {
      const millions = x / 1e6;
      return `${number(millions, Math.max(0, digits - 1 - magnitude(millions)))} million`;
    }
    if (size === 0) return number(0, 0);
    const m = magnitude(size);
    if (m >= digits) {
      // round large numbers to significant digits too (552,784 with 4 digits is 552,800)
      const unit = Number(`1e${m - digits + 1}`);
      return number(Math.round(x / unit) * unit, 0);
    }
    const decimals = Math.max(0, digits - 1 - m);
    return number(x, Math.min(decimals, 20));
  };
  const level = number(100 * input.interval.level, Number.isInteger(100 * input.interval.level) ? 0 : 1);
  const unit = per === undefined ? '' : ` per ${number(per, 0)}`;
  const { value, lower, upper, method } = input.interval;
  return `${significant(value)}${unit} (${level}% CI ${significant(lower)} to ${significant(upper)}; ${method})`;
}
