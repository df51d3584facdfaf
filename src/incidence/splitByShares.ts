import * as z from 'zod/mini';
import { interval, type Interval } from '../core/interval';
import { count, level, options, seed } from '../core/schemas';
import { refuseReservedKey } from '../core/refuseReservedKey';
import { HINT, validate } from '../core/validate';
import { createGenerator } from '../random/generator';
import { sampleDirichlet } from '../random/sampleDirichlet';
import { drawsOption } from '../montecarlo/drawsOption';
import { fewestDraws, tooFewDrawsRule } from '../montecarlo/fewestDraws';
import type { HiddenIncidence } from './hiddenIncidence';
import type { ImpliedRecording } from './impliedRecording';
import { fillQuantityDraws } from './fillQuantityDraws';
import { forwardIssues } from './forwardIssues';
import { outsideIntervalNote } from './outsideIntervalNote';
import { percentileInterval } from '../montecarlo/percentileInterval';
import { normaliseShares, shareOptionShape, sharesRecord, type ShareScale } from './shareOptions';
import { streamSeeds } from '../montecarlo/streamSeeds';
import { uncertainQuantity, type QuantityDistribution, type UncertainQuantity } from './uncertainQuantity';

/**
 * A total to split: a number, an `Interval` (or another uncertain quantity), or a `hiddenIncidence` /
 * `impliedRecording` result (whose draws are used when it kept them).
 */
export type SplitTotal = UncertainQuantity | HiddenIncidence | ImpliedRecording;

/** Options of {@link splitByShares}. */
export interface SplitBySharesOptions<R extends string | false = string | false> {
  /** Survey respondents behind the shares; without it the shares are exact and only the total's uncertainty is split. */
  base?: number;
  /** `'proportion'` (default), `'percent'` or `'count'`. */
  scale?: ShareScale;
  /** Remainder category (default `'other'`), or `false`. */
  remainder?: R;
  /** Rounding tolerance for shares adding above 100%, as a proportion; default 0.005. */
  tolerance?: number;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Draws when the total has none of its own (default 100,000; at least 39 at level 0.95, 199 at 0.99); a total's own draws set the number. */
  draws?: number;
  /** Seed (a whole number); default 42. */
  seed?: number;
  /** Which quantity of a `hiddenIncidence` / `impliedRecording` result to split: default `'victims'` when it has it, e.g. `'unrecorded'` for the dark figure. */
  quantity?: SplitQuantity;
  /** Keep each category's draws in the result. */
  keepDraws?: boolean;
}

/** Result of {@link splitByShares}. */
export interface SplitByShares<K extends string = string> {
  /** The total that was split. */
  total: Interval;
  /** Each category's part of the total (and the remainder's, when the shares leave something out); the values add up to the total's value. */
  categories: Record<K, Interval>;
  /**
   * Notes that concern every category (how the shares were read and drawn, the draws used), given once; each
   * interval keeps the notes that concern it alone (the total's own, a value outside its interval).
   */
  notes: string[];
  /** Each category's draws (only with `keepDraws: true`). */
  draws?: Record<K, Float64Array>;
}

/** The quantities of a `hiddenIncidence` or `impliedRecording` result that {@link splitByShares} can split. */
export type SplitQuantity = 'victims' | 'reported' | 'unrecorded' | 'recordedShare' | 'multiplier' | 'recording';

const totalQuantity = /* @__PURE__ */ (() => uncertainQuantity('a total > 0'))();

interface ParsedTotal {
  value: number;
  dist?: QuantityDistribution;
  draws?: Float64Array;
  notes: string[];
  quantity?: string;
}

const schema = /* @__PURE__ */ (() => z.pipe(z
  .object({
    total: z.unknown(),
    shares: sharesRecord,
    options: options({ level, draws: z.optional(drawsOption()._zod.def.innerType), seed, quantity: z.optional(z.string()), keepDraws: z._default(z.boolean({ error: 'true or false' }), false), ...shareOptionShape }),
  }), z.transform((v, ctx) => {
    const o = v.options;
    const total = parseTotal(v.total, o.quantity, ctx);
    const shares = normaliseShares(v.shares, o, (path, message, input) =>
      ctx.issues.push({ code: 'custom', path: path[0] === 'base' ? ['options', ...path] : path, message, input }),
    );
    if (total === undefined || shares === undefined) return z.NEVER;
    // One draw when nothing is uncertain (or the total is exactly 0); else the total's draws or the draws option.
    const exactTotal = total.draws === undefined && (total.dist === undefined || total.dist.exact);
    const n = exactTotal && (shares.counts === undefined || total.value === 0) ? 1 : (total.draws?.length ?? o.draws ?? 100_000);
    if (n > 1 && n < fewestDraws(o.level)) {
      const byOption = total.draws === undefined && o.draws !== undefined;
      ctx.issues.push({ code: 'custom', path: ['options', byOption ? 'draws' : 'level'], input: byOption ? o.draws : o.level, message: tooFewDrawsRule(o.level) });
      return z.NEVER;
    }
    return { total, shares, options: o, exactTotal, n };
  })))();

const KEEP_DRAWS = `${HINT}no Gamma can stand for this interval: pass a result computed with keepDraws: true (Monte Carlo), whose draws are split as they are`;

/**
 * A total the Gamma approximation cannot take: an interval of exactly 0 (`'zero'`, split into exact zeros),
 * or an infinite limit or a value of 0 with a positive upper limit (an issue pointing to keepDraws).
 */
function gammaless(raw: unknown, path: string[], ctx: z.core.ParsePayload): 'zero' | 'refused' | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const q = raw as { value?: unknown; estimate?: unknown; lower?: unknown; upper?: unknown; standardError?: unknown };
  const valueKey = 'value' in q ? 'value' : 'estimate';
  const infinite = ([valueKey, 'lower', 'upper', 'standardError'] as const).find((k) => q[k] === Infinity);
  if (infinite !== undefined) {
    ctx.issues.push({ code: 'custom', path: [...path, infinite], input: Infinity, message: `a finite number >= 0${KEEP_DRAWS}` });
    return 'refused';
  }
  if (q[valueKey] !== 0) return undefined;
  if (q.lower === 0 && q.upper === 0) return 'zero';
  if (q.lower === undefined && q.upper === undefined && q.standardError === 0) return 'zero';
  const positive = (x: unknown) => typeof x === 'number' && x > 0;
  if (!positive(q.upper) && !positive(q.standardError)) return undefined;
  ctx.issues.push({ code: 'custom', path: [...path, valueKey], input: 0, message: `a total > 0, or an interval of exactly 0${KEEP_DRAWS}` });
  return 'refused';
}

/** The note for an infinite value or upper limit (infinite draws of the total), or undefined. */
function unboundedNote(value: number, upper: number): string | undefined {
  if (value === Infinity) return "the total's value is unbounded (Infinity), and so is this value";
  if (upper === Infinity) return 'some draws of the total were infinite: the upper limit is unbounded';
  return undefined;
}

/** Index of the first draw that is not a number >= 0 (NaN or negative; Infinity is allowed), or undefined. */
function firstBadDraw(d: Float64Array): number | undefined {
  for (let i = 0; i < d.length; i++) if (!(d[i]! >= 0)) return i;
  return undefined;
}

function parseTotal(raw: unknown, quantity: string | undefined, ctx: z.core.ParsePayload): ParsedTotal | undefined {
  if (typeof raw === 'number') {
    const r = count.safeParse(raw, { reportInput: true });
    if (!r.success) {
      forwardIssues(ctx, r.error.issues.map((i) => ({ ...i, path: ['total', ...i.path] })));
      return undefined;
    }
    return { value: raw, notes: [] };
  }
  const isObject = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  if (isObject && !('value' in raw) && !('estimate' in raw)) {
    // A model result: { victims: Interval, ..., draws?: { victims: Float64Array, ... } }.
    const result = raw as Record<string, unknown>;
    const draws = result.draws as Record<string, unknown> | undefined;
    const available = Object.keys(draws ?? result).filter((k) => k !== 'draws' && k !== 'recorded');
    const key = quantity ?? (available.includes('victims') ? 'victims' : undefined);
    if (key === undefined || !available.includes(key)) {
      ctx.issues.push({
        code: 'custom',
        path: quantity === undefined ? ['total'] : ['options', 'quantity'],
        input: quantity ?? raw,
        message: `${quantity === undefined ? 'a total' : 'a quantity of the result'}${HINT}name which quantity to split with options.quantity, one of: ${available.join(', ')}`,
      });
      return undefined;
    }
    const d = draws?.[key];
    const itv = result[key] as { value?: unknown } | undefined;
    if (d instanceof Float64Array && d.length >= 100) {
      // The draws may be hand-made or edited: check each once, here at the edge (never in the split loop).
      const bad = firstBadDraw(d);
      if (bad !== undefined) {
        ctx.issues.push({
          code: 'custom',
          path: ['total', 'draws', key, bad],
          input: d[bad],
          message: `draws that are numbers >= 0 (Infinity allowed)${HINT}draw ${bad} of ${d.length} is not; pass the draws a result computed with keepDraws: true holds, unedited`,
        });
        return undefined;
      }
      if (itv !== undefined && 'value' in itv && !(typeof itv.value === 'number' && itv.value >= 0)) {
        ctx.issues.push({ code: 'custom', path: ['total', key, 'value'], input: itv.value, message: 'a number >= 0 (the point estimate beside the draws)' });
        return undefined;
      }
      let value: number;
      if (itv !== undefined && typeof itv.value === 'number') value = itv.value;
      else {
        // No point estimate beside the draws (impliedRecording's survey victims): use the draws' mean.
        let sum = 0;
        for (let i = 0; i < d.length; i++) sum += d[i]!;
        value = sum / d.length;
      }
      return { value, draws: d, notes: [`total: the ${key} draws of the result (${d.length}), propagated`], quantity: key };
    }
    const special = gammaless(itv, ['total', key], ctx);
    if (special === 'refused') return undefined;
    if (special === 'zero') return { value: 0, notes: [`total: the result's ${key} interval is exactly 0`], quantity: key };
    const parsed = totalQuantity.safeParse(itv, { reportInput: true });
    if (!parsed.success) {
      forwardIssues(ctx, parsed.error.issues.map((i) => ({ ...i, path: ['total', key, ...i.path] })));
      return undefined;
    }
    return {
      value: parsed.data.estimate,
      dist: parsed.data,
      notes: [`total: the result's ${key} interval approximated by a ${parsed.data.description}; pass a result computed with keepDraws: true to propagate its draws exactly`],
      quantity: key,
    };
  }
  const special = gammaless(raw, ['total'], ctx);
  if (special === 'refused') return undefined;
  if (special === 'zero') return { value: 0, notes: [] };
  const parsed = totalQuantity.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    forwardIssues(ctx, parsed.error.issues.map((i) => ({ ...i, path: ['total', ...i.path] })));
    return undefined;
  }
  return {
    value: parsed.data.estimate,
    dist: parsed.data,
    notes: parsed.data.exact ? [] : [`total: ${parsed.data.description}`, ...parsed.data.notes.map((n) => `total: ${n}`)],
  };
}

/**
 * Split a total (victims, or the dark figure) by category shares (the perpetrator's relationship to
 * the victim), propagating both uncertainties together by Monte Carlo (JCGM 101:2008): each draw of
 * the total is multiplied by a draw of the shares from their Dirichlet posterior, Dirichlet(count + 1/2)
 * (the Jeffreys prior; counts = share x base), and each category's interval is the percentile interval
 * of its draws. Category values are total value x share, so they add up to the total's value.
 *
 * The total may be a number (exact), an `Interval` (approximated by a Gamma matched to its estimate and
 * standard error, see {@link UncertainQuantity}) or a `hiddenIncidence` / `impliedRecording` result:
 * computed with `keepDraws: true` its own draws are used draw by draw (exact propagation, infinite draws
 * included; their number sets the number of draws; a draw that is NaN or negative is an `InputError`, since
 * the draws may have been made or edited by hand). A total whose interval is exactly 0 splits into exact
 * zeros; one no Gamma can stand for (a value of 0 with a positive upper limit, or an infinite limit) is an
 * `InputError` unless it comes with its draws. Fewer draws than a percentile interval at `level` needs
 * (39 at 0.95, 1,999 at 0.999) are an `InputError` on `draws`, or on `level` when they are the total's own.
 * `quantity` picks the result's quantity, `'victims'` by default when it has one, `'unrecorded'` for the
 * victims never in police records. Shares take the forms of `relationshipShares` (proportions, percentages
 * or counts, with a remainder category); without a `base` (or counts) they are exact and only the total's
 * uncertainty is split.
 *
 * @example
 * ```ts
 * import { hiddenIncidence, splitByShares } from 'darkfigure';
 * const hidden = hiddenIncidence(
 *   { recorded: 2700, reporting: { successes: 150, trials: 300 }, recording: { successes: 100, trials: 2000 } },
 *   { keepDraws: true },
 * );
 * const byRelationship = splitByShares(hidden, { exPartner: 45, acquaintance: 22, stranger: 10, colleague: 5, family: 4 }, {
 *   scale: 'percent', base: 400, quantity: 'unrecorded', // base ASSUMED: 400 survey victims answered
 * });
 * byRelationship.categories.exPartner; // victims never in police records whose stalker was an ex-partner
 * ```
 */
export function splitByShares<K extends string, R extends string | false = 'other'>(
  total: SplitTotal,
  shares: Readonly<Record<K, number>>,
  options?: SplitBySharesOptions<R>,
): SplitByShares<K | Exclude<R, false>> {
  refuseReservedKey('splitByShares', ['shares'], shares);
  const v = validate('splitByShares', schema, { total, shares, options });
  const { total: t, shares: s, options: o, exactTotal, n } = v;
  const K = s.keys.length;
  const [sTotal, sShares] = streamSeeds(o.seed, 2) as [number, number];
  const notes = [...s.notes]; // the total's own notes stay on result.total

  let totalDraws: Float64Array | undefined = t.draws;
  const exactShares = s.counts === undefined || n === 1;
  if (t.draws !== undefined && o.draws !== undefined && o.draws !== t.draws.length) notes.push(`draws option ignored: the total's ${t.draws.length} draws are used`);
  if (totalDraws === undefined && !exactTotal) totalDraws = fillQuantityDraws(new Float64Array(n), t.dist!, sTotal);
  if (s.counts === undefined) notes.push('no base given: shares treated as exact; only the total\'s uncertainty is split');
  else if (n === 1) notes.push('total exactly 0: so is every category, whatever the shares');
  else notes.push(`shares: Dirichlet(count + 1/2) with counts = share x base (${s.base})`);

  const method = n === 1 ? 'exact' : 'monte-carlo';
  const parts = s.keys.map(() => new Float64Array(n));
  const alphas = new Float64Array(K);
  const d = new Float64Array(K);
  if (!exactShares) for (let j = 0; j < K; j++) alphas[j] = s.counts![j]! + 0.5;
  const rng = createGenerator(sShares);
  for (let i = 0; i < n; i++) {
    const T = totalDraws === undefined ? t.value : totalDraws[i]!;
    if (exactShares) for (let j = 0; j < K; j++) d[j] = s.shares[j]!;
    else sampleDirichlet(rng, alphas, d);
    for (let j = 0; j < K; j++) {
      // A share of 0 is 0 of any total, an infinite total draw included.
      parts[j]![i] = d[j] === 0 ? 0 : T * d[j]!;
    }
  }

  const scratch = o.keepDraws ? new Float64Array(n) : undefined;
  const limitsOf = (a: Float64Array): [number, number] => {
    if (scratch === undefined) return percentileInterval(a, o.level);
    scratch.set(a);
    return percentileInterval(scratch, o.level);
  };
  const categories: Record<string, Interval> = {};
  // The total's own interval first (its draws are the caller's: copy before selecting).
  let totalLimits: [number, number] = [t.value, t.value];
  if (totalDraws !== undefined) totalLimits = percentileInterval(totalDraws === t.draws ? totalDraws.slice() : totalDraws, o.level);
  s.keys.forEach((key, j) => {
    const [lower, upper] = limitsOf(parts[j]!);
    const value = s.shares[j] === 0 ? 0 : t.value * s.shares[j]!;
    const outside = outsideIntervalNote(value, lower, upper);
    const all = outside === undefined ? [] : [outside];
    const unbounded = unboundedNote(value, upper);
    if (unbounded !== undefined) all.push(unbounded);
    categories[key] = interval(value, lower, upper, o.level, method, { notes: all });
  });
  const totalOutside = outsideIntervalNote(t.value, totalLimits[0], totalLimits[1]);
  const totalNotes = totalOutside === undefined ? [...t.notes] : [...t.notes, totalOutside];
  const totalUnbounded = unboundedNote(t.value, totalLimits[1]);
  if (totalUnbounded !== undefined) totalNotes.push(totalUnbounded);
  const result: SplitByShares = {
    total: interval(t.value, totalLimits[0], totalLimits[1], o.level, method, { notes: totalNotes }),
    categories,
    notes,
  };
  if (o.keepDraws) result.draws = Object.fromEntries(s.keys.map((key, j) => [key, parts[j]!]));
  return result;
}
