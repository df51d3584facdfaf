import * as z from 'zod/mini';
import { HINT } from '../core/validate';
import { rule } from '../core/rule';
import { countRecord } from '../core/countRecord';
import { count, methodOf, positive } from '../core/schemas';

/** How share values are given: proportions (0.45), percentages (45) or counts. */
export type ShareScale = 'proportion' | 'percent' | 'count';

/**
 * `remainder`: a category name or false. A check rather than a union of a string and the literal false (zod's
 * union and literal types cost the core bundle about 0.6 KB); the same issues as that union gave: its message
 * for neither, and the name rules for '__proto__' and for '' (an empty name).
 */
const remainder = /* @__PURE__ */ (() => z.unknown().check((ctx) => {
  const x = ctx.value;
  if (x === false || (typeof x === 'string' && x !== '' && x !== '__proto__')) return;
  const message =
    typeof x !== 'string'
      ? "a category name such as 'other' (not '__proto__', reserved in JavaScript), or false for none"
      : x === ''
        ? "a category name such as 'other' (not empty), or false for none"
        : "a category name other than '__proto__' (reserved in JavaScript)";
  ctx.issues.push({ code: 'custom', input: x, message, ...(typeof x === 'string' ? { continue: true } : {}) });
}) as z.ZodMiniType<string | false, string | false>)();

/** The zod shapes of the options shared by `relationshipShares` and `splitByShares`. @internal */
export const shareOptionShape = /* @__PURE__ */ (() => ({
  base: z.optional(positive),
  scale: z._default(methodOf(['proportion', 'percent', 'count']), 'proportion'),
  remainder: z._default(remainder, 'other'),
  tolerance: z._default(count.check(rule((x) => x < 0.1, `a proportion from 0 to 0.1, such as 0.005 (half a percentage point)${HINT}give it as a proportion whatever the scale`)), 0.005),
}))();

/** Shares as a record of category to a number. @internal */
export const sharesRecord = /* @__PURE__ */ (() => countRecord('a record of category to share, such as { exPartner: 0.45, stranger: 0.1 }'))();

/** Parsed share options. @internal */
export interface ShareOptions {
  base?: number | undefined;
  scale: ShareScale;
  remainder: string | false;
  tolerance: number;
}

/** Shares after normalising: categories in order, shares adding to 1, and counts when there is a base. @internal */
export interface NormalisedShares {
  keys: string[];
  shares: number[];
  /** Respondent counts behind the shares (share x base, or the counts given); undefined without a base. */
  counts: number[] | undefined;
  base: number | undefined;
  notes: string[];
}

const fmtPct = (x: number) => `${Number.parseFloat((x * 100).toPrecision(6))}%`;

/**
 * Check and normalise shares (a zod check body; pushes issues with paths `shares`, `shares.<key>` and
 * `base`). Proportions or percentages adding to less than 1 get a remainder category (default 'other')
 * for the rest; adding to more than 1 + tolerance is an error, within tolerance they are rescaled to 1.
 * Counts give shares count / total with total = base when given (the rest going to the remainder).
 * @internal
 */
export function normaliseShares(
  raw: Record<string, number>,
  o: ShareOptions,
  push: (path: (string | number)[], message: string, input: unknown) => void,
): NormalisedShares | undefined {
  const keys = Object.keys(raw);
  if (keys.length === 0) {
    push(['shares'], 'at least one category', raw);
    return undefined;
  }
  const values = keys.map((k) => raw[k]!);
  const notes: string[] = [];
  let bad = false;
  if (o.scale === 'proportion') {
    for (const [i, k] of keys.entries()) {
      if (values[i]! > 1) {
        push(['shares', k], `a proportion in [0, 1] (scale 'proportion')${HINT}${values[i]! <= 100 ? "percentages? pass scale: 'percent'; counts? pass scale: 'count'" : "counts? pass scale: 'count'"}`, values[i]);
        bad = true;
      }
    }
  } else if (o.scale === 'percent') {
    for (const [i, k] of keys.entries()) {
      if (values[i]! > 100) {
        push(['shares', k], `a percentage in [0, 100] (scale 'percent')${HINT}counts? pass scale: 'count'`, values[i]);
        bad = true;
      }
    }
  }
  if (bad) return undefined;

  let sum = 0;
  for (const x of values) sum += x;
  if (o.scale === 'percent' && sum > 0 && values.every((x) => x <= 1)) {
    // Proportions passed as percentages: 0.45 would silently be 0.45%.
    if (Math.abs(sum - 1) <= o.tolerance + 1e-12) {
      push(['shares'], `percentages (scale 'percent'); these add up to ${fmtPct(sum / 100)}${HINT}they look like proportions adding up to 100%: pass scale: 'proportion' (the default)`, raw);
      return undefined;
    }
    notes.push(`the shares, read as percentages (scale 'percent'), add up to only ${fmtPct(sum / 100)}: if they are proportions, pass scale: 'proportion'`);
  }
  const addRemainder = (name: string, amount: number) => {
    const at = keys.indexOf(name);
    if (at >= 0) {
      values[at] = values[at]! + amount;
      notes.push(`the rest (${Number.parseFloat(amount.toPrecision(6))}) added to the existing category '${name}'`);
    } else {
      keys.push(name);
      values.push(amount);
      notes.push(`remainder category '${name}' takes the rest: ${Number.parseFloat(amount.toPrecision(6))}`);
    }
  };

  if (o.scale === 'count') {
    if (!(sum > 0)) {
      push(['shares'], 'counts adding up to more than 0', raw);
      return undefined;
    }
    let total = sum;
    if (o.base !== undefined) {
      if (o.base < sum * (1 - 1e-12)) {
        push(['base'], `at least the sum of the counts (${sum})`, o.base);
        return undefined;
      }
      if (o.base > sum * (1 + 1e-12)) {
        if (o.remainder === false) {
          push(['base'], `the sum of the counts (${sum}) when remainder is false${HINT}or name a remainder category for the other ${o.base - sum}`, o.base);
          return undefined;
        }
        addRemainder(o.remainder, o.base - sum);
        total = o.base;
      }
    }
    return { keys, shares: values.map((x) => x / total), counts: values, base: total, notes };
  }

  const whole = o.scale === 'percent' ? 100 : 1;
  const s = sum / whole;
  const tol = o.tolerance;
  if (s > 1 + tol + 1e-12) {
    push(['shares'], `shares adding up to at most 100% (plus ${fmtPct(tol)} for rounding); they add up to ${fmtPct(s)}`, raw);
    return undefined;
  }
  let shares = values.map((x) => x / whole);
  if (s > 1 + 1e-12) {
    shares = shares.map((x) => x / s);
    notes.push(`shares added up to ${fmtPct(s)} (rounding): rescaled to 100%`);
  } else if (s < 1 - 1e-12) {
    if (o.remainder === false) {
      if (s < 1 - tol - 1e-12) {
        push(['shares'], `shares adding up to 100% when remainder is false (within ${fmtPct(tol)}); they add up to ${fmtPct(s)}${HINT}name a remainder category, such as remainder: 'other'`, raw);
        return undefined;
      }
      shares = shares.map((x) => x / s);
      notes.push(`shares added up to ${fmtPct(s)} (rounding): rescaled to 100%`);
    } else {
      const rest = 1 - s;
      const at = keys.indexOf(o.remainder);
      if (at >= 0) {
        shares[at] = shares[at]! + rest;
        notes.push(`the rest (${fmtPct(rest)}) added to the existing category '${o.remainder}'`);
      } else {
        keys.push(o.remainder);
        shares.push(rest);
        notes.push(`remainder category '${o.remainder}' takes the rest: ${fmtPct(rest)}`);
      }
    }
  }
  const counts = o.base !== undefined ? shares.map((x) => x * o.base!) : undefined;
  return { keys, shares, counts, base: o.base, notes };
}
