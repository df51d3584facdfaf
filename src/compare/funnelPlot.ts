import * as z from 'zod/mini';
import { atLeastOne } from '../core/atLeastOne';
import { rule } from '../core/rule';
import { InputError, type InputIssue } from '../core/InputError';
import { count, methodOf, options, positive } from '../core/schemas';
import { HINT, validate } from '../core/validate';
import { twoSidedZ } from '../intervals/kernels/twoSidedZ';
import { chiSquareQuantile } from '../special/chiSquareQuantile';
import { controlLimit } from './funnel/controlLimit';
import { dersimonianLairdTau2 } from './funnel/dersimonianLairdTau2';
import { limitRows } from './funnel/limitRows';
import type { LimitScale } from './funnel/limitScale';
import { precisionGrid } from './funnel/precisionGrid';
import { exactPValue } from './funnel/exactPValue';
import { productOver } from './funnel/productOver';
import { checkPrecision, checkTarget, finiteNumber, funnelLevels, funnelMethod, GRID_POINTS, needsWhole, type Push } from './funnel/schemas';
import { targetStandardError, targetVariance } from './funnel/targetVariance';
import type { FunnelFlag, FunnelGrid, FunnelLimitRow, FunnelMethod, FunnelOverdispersion, FunnelType } from './funnel/types';
import { winsorisedPhi } from './funnel/winsorisedPhi';

/**
 * One area of a funnel plot: its count and, by type, its `denominator` (proportion), `population` (rate;
 * `denominator` is accepted too) or `expected` count (ratio). Other fields are ignored.
 */
export interface FunnelPlotRow {
  /** Area name, unique in the table. */
  area: string;
  /** Events (a whole number; weighted counts are accepted with `method: 'wilson'`). */
  count: number;
  /** Proportions: the denominator (a whole number >= count). Rates: the population, if `population` is absent. */
  denominator?: number;
  /** Rates: the population (> 0). */
  population?: number;
  /** Ratios: the expected count (> 0), e.g. from `expectedCount`. */
  expected?: number;
}

/** Options of {@link funnelPlot}. */
export interface FunnelPlotOptions {
  /** What is compared; default from the rows: `expected` → `'ratio'`, `population` → `'rate'`, `denominator` → `'proportion'`. */
  type?: FunnelType;
  /** Target; default the pooled value (total count over total denominator, times `per` for rates). */
  target?: number;
  /** Rates only: per this many of the population, default 100000. */
  per?: number;
  /** Levels of the limits and flags, default `[0.95, 0.998]`. */
  levels?: readonly number[];
  /** Limits without an overdispersion adjustment: `'exact'` (default) or `'wilson'` (proportions). */
  method?: FunnelMethod;
  /** `'none'` (default), `'multiplicative'` (phi) or `'additive'` (tau², random effects). */
  overdispersion?: FunnelOverdispersion;
  /** Share of z-scores Winsorised in each tail before estimating phi, in [0, 0.5); default 0.1. */
  trim?: number;
  /** Where to draw the limits: precisions or a grid `{ from, to, points }`; default 200 points from the smallest to the largest area. */
  precision?: readonly number[] | FunnelGrid;
}

/** One area's place on the funnel. */
export interface FunnelArea {
  /** Area name. */
  area: string;
  /** Events. */
  count: number;
  /** Its precision: denominator, population or expected count. */
  precision: number;
  /** Its value: a proportion, a rate per `per`, or a ratio. */
  value: number;
  /** z-score against the target (adjusted for overdispersion when asked). */
  z: number;
  /** `'within'`, or the widest level whose limits it falls outside: `'high-99.8'`, `'high-95'`, `'low-95'`, `'low-99.8'`. */
  flag: FunnelFlag;
  /**
   * Exact two-sided p-value of the count against the target: twice the smaller exact tail probability,
   * P(X <= count) or P(X >= count), capped at 1 (the doubling rule, not the minimum-likelihood rule of R's
   * `binom.test` / `poisson.test`). X is Binomial(denominator, target) for proportions, Poisson(target x
   * population / per) for rates and Poisson(target x expected) for ratios. It ignores any overdispersion
   * adjustment; for a handful of events it is the evidence to read, where the flags lean high.
   */
  pValue: number;
}

/** Result of {@link funnelPlot}. */
export interface FunnelPlot {
  type: FunnelType;
  /** Limits method used when `overdispersion` is `'none'`. */
  method: FunnelMethod;
  /** The overdispersion adjustment applied: as asked, except `'none'` for a single area (nothing to estimate; `notes` says so). */
  overdispersion: FunnelOverdispersion;
  /** The target (pooled unless given). */
  target: number;
  /** Rates only: the rate multiplier. */
  per?: number;
  levels: number[];
  /** Overdispersion factor from Winsorised z-scores (about 1 if areas differ by chance alone); always estimated. */
  phi: number;
  /** Between-area variance (DerSimonian-Laird) on the z-score scale: proportion², (rate per `per`)², or the square-root ratio scale; always estimated. */
  tau2: number;
  /** The areas, in input order. */
  areas: FunnelArea[];
  /** Control limits for drawing, as {@link funnelLimits} (overdispersion-adjusted when asked). */
  limits: FunnelLimitRow[];
  /** Caveats in plain words. */
  notes?: string[];
}

const areaName = /* @__PURE__ */ (() => z
  .string({ error: 'an area name (a non-empty string)' }).check(rule((s) => s.trim() !== '', 'an area name (a non-empty string)')))();

const rowSchema = /* @__PURE__ */ (() => z.object(
  {
    area: areaName,
    count,
    denominator: z.optional(positive),
    population: z.optional(positive),
    expected: z.optional(positive),
  },
  { error: 'a row { area, count, denominator | population | expected }' },
))();

const schema = /* @__PURE__ */ (() => z.pipe(z
  .object({
    rows: z
      .array(rowSchema, { error: 'an array of rows { area, count, denominator | population | expected }' })
      .check(atLeastOne('at least one row { area, count, denominator | population | expected }')),
    options: options({
      type: z.optional(methodOf(['proportion', 'rate', 'ratio'])),
      target: z.optional(finiteNumber),
      per: z.optional(positive),
      levels: funnelLevels,
      method: funnelMethod,
      overdispersion: z._default(methodOf(['none', 'multiplicative', 'additive']), 'none'),
      trim: z._default(z
        .number({ error: 'a fraction in [0, 0.5), such as 0.1' }).check(rule((x) => x >= 0 && x < 0.5, 'a fraction in [0, 0.5), such as 0.1')), 0.1),
      precision: z.optional(z.unknown()),
    }),
  }), z.transform((input, ctx) => {
    let bad = false;
    const push: Push = (path, message, value) => {
      bad = true;
      ctx.issues.push({ code: 'custom', path, message, input: value });
    };
    const { rows } = input;
    const o = input.options;
    const first = rows[0]!;
    const type: FunnelType | undefined =
      o.type ??
      (first.expected !== undefined ? 'ratio' : first.population !== undefined ? 'rate' : first.denominator !== undefined ? 'proportion' : undefined);
    if (type === undefined) {
      push(['rows', 0, 'denominator'], 'a denominator (proportion), population (rate) or expected count (ratio)', undefined);
      return z.NEVER;
    }
    const method = o.method;
    if (method === 'wilson' && type !== 'proportion')
      push(['options', 'method'], `'exact' for type '${type}'${HINT}Wilson limits are for proportions`, method);
    if (o.per !== undefined && type !== 'rate') push(['options', 'per'], `no per for type '${type}'${HINT}per applies to rates`, o.per);
    if (o.target !== undefined) checkTarget(type, o.target, ['options', 'target'], push);
    const whole = method === 'exact';
    const field = type === 'ratio' ? 'expected' : type === 'rate' ? 'population' : 'denominator';
    const precisions = new Float64Array(rows.length);
    // names compared without surrounding spaces, as localEstimates does: 'Bexley' and 'Bexley ' are one area
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = row.area.trim();
      const previous = seen.get(key);
      if (previous !== undefined)
        push(
          ['rows', i, 'area'],
          `a unique area name (rows[${previous}] has it too${rows[previous]!.area === row.area ? '' : ', ignoring surrounding spaces'})${HINT}names are compared without surrounding spaces; merge the rows of one area or name them apart`,
          row.area,
        );
      else seen.set(key, i);
      if (whole && !Number.isInteger(row.count))
        push(['rows', i, 'count'], `a whole number >= 0${HINT}exact limits count whole events; weighted counts need method 'wilson' (proportions)`, row.count);
      const precision = type === 'rate' ? (row.population ?? row.denominator) : row[field];
      if (precision === undefined) {
        push(['rows', i, field], `a finite number > 0 (the ${field === 'expected' ? 'expected count' : field})`, undefined);
        return;
      }
      precisions[i] = precision;
      if (type === 'proportion') {
        if (whole && !Number.isInteger(precision))
          push(['rows', i, 'denominator'], `a whole number >= 1${HINT}exact binomial limits need whole denominators; use method 'wilson' for weighted ones`, precision);
        else if (row.count > precision) push(['rows', i, 'count'], `a count no larger than the denominator (${precision})`, row.count);
      }
    });
    const grid = o.precision === undefined ? undefined : checkPrecision(o.precision, ['options', 'precision'], needsWhole(type, method), push);
    if (bad) return z.NEVER;
    return { ...o, rows, precisions, type, method, grid, per: o.per ?? 100000 };
  })))();

const percent = (level: number) => String(Number.parseFloat((level * 100).toPrecision(12)));

/**
 * Funnel plot of many areas against a common target (Spiegelhalter 2005): each area's value, z-score and flag,
 * the control limits for drawing, and the overdispersion of the areas around the target.
 *
 * Values: proportion count / denominator; rate count / population × per; ratio count / expected. z-scores use the
 * target's standard error at the area's precision (Spiegelhalter): (y - θ) / √(θ(1 - θ)/n) for proportions,
 * (y - λ) / √(λ · per / N) for rates, and for ratios the square-root scale, (√y - √θ) / (1 / (2√E)) =
 * 2(√O - √(θE)), which stabilises the Poisson variance and is defined at O = 0 (as the CQC variant of the NHS-R
 * FunnelPlotR package). The target defaults to the pooled value.
 *
 * Overdispersion: real areas often vary far more than chance allows. phi is the mean of the squared z-scores
 * after Winsorising 10% in each tail (R's type-7 quantiles); tau² is DerSimonian and Laird's between-area
 * variance (n phi - (n - 1)) / (Σw - Σw²/Σw), w = 1/s², 0 when n phi <= n - 1 (as FunnelPlotR). Both are always
 * reported. With `overdispersion: 'multiplicative'` the z-scores are z / √phi and the limits widen by √phi (phi
 * below 1 is not used to narrow them); with `'additive'` (random effects; Spiegelhalter's preference) z = (y - θ) /
 * √(s² + tau²) and the limits are θ ± z √(s² + tau²), squared back for ratios. With a single area neither says
 * anything (phi is its own squared z-score, tau² is 0), so no adjustment is applied: `overdispersion` is `'none'` in
 * the result and `notes` says so.
 *
 * Flags: without adjustment an area is flagged when its value lies strictly outside the exact (or Wilson) limits at
 * its own precision; with an adjustment, when its adjusted z-score lies outside ±z of the level. The flag names
 * the widest level breached.
 *
 * p-values: each area also gets `pValue`, its exact two-sided p-value against the target, defined as twice the
 * smaller exact one-sided tail probability, P(X <= count) or P(X >= count), capped at 1 (the doubling or central
 * rule; Fay 2010), with X Binomial(denominator, target) for proportions and Poisson with mean target x population
 * / per (rates) or target x expected (ratios). R's `binom.test` and `poisson.test` use the minimum-likelihood rule
 * instead, so theirs can differ. The flags follow the drawn limits, which lean high for small counts (9 of 10
 * against 0.5 is 'high-99.8' although P(X >= 9) = 0.011); the p-value (0.021 there) is the evidence to read for a
 * handful of events. It ignores any overdispersion adjustment. Weighted counts enter the same beta and gamma forms.
 *
 * Area names must be unique, compared without surrounding spaces (as `localEstimates` does). Any size of count and
 * precision computes in bounded time (see `funnelLimits`); a value, standard error or z-score beyond the
 * doubles (e.g. 1e300 events in an expected count of 1e-10) is an `InputError` naming the row's field.
 *
 * References: Spiegelhalter DJ (2005), Funnel plots for comparing institutional performance, Statistics in
 * Medicine 24:1185-1202; Spiegelhalter DJ (2005), Handling over-dispersion of performance indicators, Quality
 * and Safety in Health Care 14:347-351; DerSimonian R, Laird N (1986), Controlled Clinical Trials 7:177-188;
 * Mainey C et al., FunnelPlotR (NHS-R Community).
 *
 * @example
 * ```ts
 * import { funnelPlot } from 'darkfigure';
 * // stalking and harassment cases recorded in 2017 (mid-2018 populations)
 * const plot = funnelPlot(
 *   [
 *     { area: 'Lewisham', count: 1579, population: 303536 },
 *     { area: 'Bromley', count: 1468, population: 331096 },
 *     { area: 'Greenwich', count: 1459, population: 286186 },
 *     { area: 'Bexley', count: 974, population: 247258 },
 *     { area: 'Dartford and Gravesham', count: 1481, population: 216094 },
 *     { area: 'Wycombe', count: 239, population: 174641 },
 *     { area: 'Chiltern', count: 106, population: 95927 },
 *     { area: 'South Bucks', count: 108, population: 70043 },
 *   ],
 *   { overdispersion: 'additive' },
 * );
 * plot.target; // 429.9 per 100,000 (pooled)
 * plot.phi; // 104.7: far more spread than chance (about 1 if areas differed by chance alone)
 * plot.tau2; // 24,246: areas' true rates spread by about √tau² = 156 per 100,000
 * plot.areas.filter((a) => a.flag !== 'within'); // only Chiltern ('low-95'); without the adjustment 7 of 8 are flagged
 * ```
 */
export function funnelPlot(rows: readonly FunnelPlotRow[], options?: FunnelPlotOptions): FunnelPlot {
  const input = validate('funnelPlot', schema, { rows, options });
  const { type, method, levels, trim, per, precisions } = input;
  const n = input.rows.length;
  const ratePer = type === 'rate' ? per : 1;
  // the row's precision field, for messages (a rate's population may be given as denominator)
  const fieldOf = (i: number) => (type === 'ratio' ? 'expected' : type === 'rate' && input.rows[i]!.population !== undefined ? 'population' : 'denominator');

  // values; a rate's count / population may under- or overflow on the way where the rate itself does not
  const values = new Float64Array(n);
  const issues: InputIssue[] = [];
  for (let i = 0; i < n; i++) {
    const x = input.rows[i]!.count;
    const p = precisions[i]!;
    let value = type === 'rate' ? (x / p) * ratePer : x / p;
    if (type === 'rate' && x > 0 && !(x / p >= MIN_NORMAL && value < Infinity)) value = productOver(x, ratePer, p);
    if (!(value < Infinity)) {
      const formula = type === 'rate' ? `count / ${fieldOf(i)} × per` : 'count / expected';
      issues.push({
        path: ['rows', i, 'count'],
        expected: `a count whose ${type} (${formula}) is a finite number (at most 1.8e308)`,
        received: x,
        hint: `the ${fieldOf(i)} ${p} is too small for this count${type === 'rate' ? ` at per ${ratePer}` : ''}`,
      });
    }
    values[i] = value;
  }
  if (issues.length > 0) throw new InputError('funnelPlot', issues);

  const target = input.target ?? pooledTarget(input.rows, precisions, ratePer, type);
  const notes: string[] = [];
  const degenerate = !(target > 0) || (type === 'proportion' && target >= 1);
  if (degenerate) notes.push(`every area's value equals the target ${target}: there is no variation to compare`);

  // deviations, z-scores (unadjusted), standard errors at the target and weights on the z-score scale
  const deviations = new Float64Array(n);
  const variances = new Float64Array(n);
  const standardErrors = new Float64Array(n);
  const z0 = new Float64Array(n);
  const weights = new Float64Array(n);
  const centre = type === 'ratio' ? Math.sqrt(target) : target;
  for (let i = 0; i < n; i++) {
    const p = precisions[i]!;
    const value = values[i]!;
    const deviation = (type === 'ratio' ? Math.sqrt(value) : value) - centre;
    const variance = degenerate ? 0 : targetVariance(type, target, p, ratePer);
    // the square root of the variance, or, where the variance itself is beyond the normal doubles, formed directly
    const se = degenerate ? 0 : variance >= MIN_NORMAL && variance < Infinity ? Math.sqrt(variance) : targetStandardError(type, target, p, ratePer);
    deviations[i] = deviation;
    variances[i] = variance;
    standardErrors[i] = se;
    z0[i] = deviation === 0 ? 0 : deviation / se;
    weights[i] = 1 / variance;
    if (degenerate) continue;
    if (!(se >= MIN_NORMAL && se < Infinity)) {
      const formula = type === 'proportion' ? '√(target (1 - target) / denominator)' : type === 'rate' ? `√(target × per / ${fieldOf(i)})` : '1 / (2√expected)';
      issues.push({
        path: ['rows', i, fieldOf(i)],
        expected: `a ${fieldOf(i)} at which the standard error at the target, ${formula}, is within the doubles (2.2e-308 to 1.8e308)`,
        received: p,
        hint: `with target ${target}${type === 'rate' ? ` and per ${ratePer}` : ''} this ${fieldOf(i)} is too extreme to place the area on the funnel`,
      });
    } else if (!(Math.abs(z0[i]!) < Infinity)) {
      issues.push({
        path: ['rows', i, 'count'],
        expected: 'a count whose z-score against the target is a finite number',
        received: input.rows[i]!.count,
        hint: `its ${type} ${value} is more than 1.8e308 standard errors from the target ${target}`,
      });
    }
  }
  if (issues.length > 0) throw new InputError('funnelPlot', issues);

  const phi = degenerate ? 0 : winsorisedPhi(z0, trim);
  const tau2 = degenerate ? 0 : dersimonianLairdTau2(phi, weights, standardErrors);
  // One area: phi is just its own squared z-score and tau² is 0; neither says anything about overdispersion,
  // so the adjustment asked for is not applied (an adjusted z would always be ±1 and never flagged).
  const asked = input.overdispersion;
  const overdispersion: FunnelOverdispersion = n < 2 ? 'none' : asked;
  if (n < 2)
    notes.push(
      asked === 'none'
        ? 'one area: no overdispersion can be estimated (phi is its own squared z-score, tau² = 0)'
        : `one area: no overdispersion can be estimated (phi is its own squared z-score, tau² = 0), so overdispersion '${asked}' is not applied: its z-score, flag and limits are unadjusted`,
    );
  else if (!degenerate && overdispersion === 'none' && n * phi > chiSquareQuantile(0.95, n - 1))
    notes.push(
      `the areas vary more than chance allows (phi = ${phi.toPrecision(3)}, n phi above the 95% point of chi-square on ${n - 1} df): consider overdispersion 'additive' or 'multiplicative'`,
    );
  if (overdispersion === 'multiplicative' && phi < 1) notes.push(`phi = ${phi.toPrecision(3)} is below 1: limits not narrowed (phi 1 used)`);
  if (overdispersion === 'additive' && tau2 === 0 && n >= 2) notes.push('tau² = 0: no between-area variance beyond chance, limits unadjusted normal');
  if ((overdispersion === 'multiplicative' && phi === Infinity) || (overdispersion === 'additive' && tau2 === Infinity))
    notes.push(`${overdispersion === 'multiplicative' ? 'phi' : 'tau²'} is beyond the largest double: the adjusted limits are 0 and Infinity and every adjusted z-score is 0`);

  const scale: LimitScale = {
    type,
    method,
    target,
    per: ratePer,
    adjustment: overdispersion,
    phi: phi > 1 ? phi : 1,
    tau2,
  };
  const levelList = [...levels];
  const byWidth = levelList.map((level) => ({ level, t: (1 - level) / 2, zt: twoSidedZ(level), name: percent(level) })).sort((a, b) => b.level - a.level);

  const areas: FunnelArea[] = [];
  for (let i = 0; i < n; i++) {
    const row = input.rows[i]!;
    const variance = variances[i]!;
    let z = z0[i]!;
    if (overdispersion === 'multiplicative') z = z / Math.sqrt(scale.phi);
    else if (overdispersion === 'additive') {
      const total = variance + tau2;
      z = deviations[i] === 0 ? 0 : deviations[i]! / (total >= MIN_NORMAL && total < Infinity ? Math.sqrt(total) : hypotenuse(standardErrors[i]!, Math.sqrt(tau2)));
    }
    let flag: FunnelFlag = 'within';
    const value = values[i]!;
    for (const { t, zt, name } of byWidth) {
      let high: boolean;
      let low: boolean;
      if (overdispersion === 'none') {
        high = value > controlLimit(scale, precisions[i]!, t, zt, true);
        low = value < controlLimit(scale, precisions[i]!, t, zt, false);
      } else {
        high = z > zt;
        low = z < -zt;
      }
      if (high || low) {
        flag = `${high ? 'high' : 'low'}-${name}` as FunnelFlag;
        break;
      }
    }
    const pValue = exactPValue(type, row.count, precisions[i]!, target, ratePer);
    areas.push({ area: row.area, count: row.count, precision: precisions[i]!, value, z, flag, pValue });
  }

  let drawAt: number[];
  if (Array.isArray(input.grid)) drawAt = input.grid;
  else {
    let from = Infinity;
    let to = 0;
    for (let i = 0; i < n; i++) {
      if (precisions[i]! < from) from = precisions[i]!;
      if (precisions[i]! > to) to = precisions[i]!;
    }
    const grid = input.grid ?? { from, to, points: GRID_POINTS };
    drawAt = precisionGrid(grid.from, grid.to, grid.points, type === 'proportion');
  }
  const out: FunnelPlot = {
    type,
    method,
    overdispersion,
    target,
    ...(type === 'rate' ? { per } : {}),
    levels: levelList,
    phi,
    tau2,
    areas,
    limits: limitRows(scale, drawAt, levelList),
  };
  if (notes.length > 0) out.notes = notes;
  return out;
}

/** Smallest normal double, 2^-1022. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** √(a² + b²) for a, b >= 0 without squaring either (no overflow or underflow on the way). */
function hypotenuse(a: number, b: number): number {
  const big = a > b ? a : b;
  const small = a > b ? b : a;
  if (big === 0 || big === Infinity) return big;
  const r = small / big;
  return big * Math.sqrt(1 + r * r);
}

/**
 * The pooled target, total count / total precision (× per for rates), as the plain formula where its sums and
 * quotient are normal doubles; otherwise from sums scaled by 2^-64 where they overflow, multiplied out without
 * overflow or underflow on the way ({@link productOver}), so it is a finite number whenever the areas' values are
 * (it is their precision-weighted mean). An InputError if it still under- or overflows.
 */
function pooledTarget(rows: readonly { count: number }[], precisions: Float64Array, ratePer: number, type: FunnelType): number {
  let totalCount = 0;
  let totalPrecision = 0;
  for (let i = 0; i < rows.length; i++) {
    totalCount += rows[i]!.count;
    totalPrecision += precisions[i]!;
  }
  const quotient = totalCount / totalPrecision;
  const plain = quotient * ratePer;
  if (totalCount === 0 || (quotient >= MIN_NORMAL && plain >= MIN_NORMAL && plain < Infinity)) return plain;
  let k = 0;
  if (totalCount === Infinity) {
    totalCount = 0;
    for (const row of rows) totalCount += row.count * SCALE;
    k += 64;
  }
  if (totalPrecision === Infinity) {
    totalPrecision = 0;
    for (let i = 0; i < precisions.length; i++) totalPrecision += precisions[i]! * SCALE;
    k -= 64;
  }
  const target = productOver(totalCount, ratePer, totalPrecision, k);
  if (!(target >= MIN_NORMAL && target < Infinity)) {
    throw new InputError('funnelPlot', [
      {
        path: ['rows'],
        expected: `rows whose pooled ${type} (total count / total ${type === 'ratio' ? 'expected' : type === 'rate' ? 'population × per' : 'denominator'}) is a normal double (2.2e-308 to 1.8e308)`,
        received: target,
        hint: 'pass options.target',
      },
    ]);
  }
  return target;
}

/** 2^-64: sums of up to 2^64 values below 2^1024 stay finite. */
const SCALE = 5.421010862427522e-20;
