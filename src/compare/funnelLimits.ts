import * as z from 'zod/mini';
import { positive } from '../core/schemas';
import { HINT, validate } from '../core/validate';
import type { LimitScale } from './funnel/limitScale';
import { limitRows } from './funnel/limitRows';
import { precisionGrid } from './funnel/precisionGrid';
import { checkPrecision, checkTarget, finiteNumber, funnelLevels, funnelMethod, funnelType, GRID_POINTS, needsWhole, type Push } from './funnel/schemas';
import type { FunnelGrid, FunnelLimitRow, FunnelMethod, FunnelType } from './funnel/types';

export type { FunnelFlag, FunnelGrid, FunnelLimitRow, FunnelMethod, FunnelOverdispersion, FunnelType } from './funnel/types';

/** Input of {@link funnelLimits}. */
export interface FunnelLimitsInput {
  /** `'proportion'` (precision = denominators), `'rate'` (precision = populations, with `per`) or `'ratio'` (observed / expected; precision = expected counts). */
  type: FunnelType;
  /** The target the funnel is centred on: a proportion in (0, 1), a rate per `per` (> 0) or a ratio (> 0, usually 1). */
  target: number;
  /**
   * Where to compute the limits: a precision, an array of them (kept in the order given), or a grid
   * `{ from, to, points }` (log-spaced, 200 points by default). Omitted: a log-spaced grid of 200 points over the
   * useful range, from 1 to 10,000 events expected at the target (for proportions, the rarer of events and
   * non-events). Proportions with `method: 'exact'` need whole denominators; grids for proportions are rounded to them.
   */
  precision?: number | readonly number[] | FunnelGrid;
  /** Levels of the limits, default `[0.95, 0.998]` (about 2 and 3 standard errors). */
  levels?: readonly number[];
  /** `'exact'` (default; Spiegelhalter 2005) or `'wilson'` (PHE Fingertips; proportions only). */
  method?: FunnelMethod;
  /** Rates only: the rate is per this many of the population, default 100000. */
  per?: number;
}

const schema = /* @__PURE__ */ (() => z.pipe(z
  .strictObject(
    {
      type: funnelType,
      target: finiteNumber,
      precision: z.optional(z.unknown()),
      levels: funnelLevels,
      method: funnelMethod,
      per: z.optional(positive),
    },
    { error: 'an object { type, target, precision?, levels?, method?, per? }' },
  ), z.transform((input, ctx) => {
    let bad = false;
    const push: Push = (path, message, value) => {
      bad = true;
      ctx.issues.push({ code: 'custom', path, message, input: value });
    };
    const { type, method, target } = input;
    checkTarget(type, target, ['target'], push);
    if (method === 'wilson' && type !== 'proportion')
      push(['method'], `'exact' for type '${type}'${HINT}Wilson limits are for proportions`, method);
    if (input.per !== undefined && type !== 'rate') push(['per'], `no per for type '${type}'${HINT}per applies to rates`, input.per);
    const per = input.per ?? 100000;
    const precision = input.precision === undefined ? undefined : checkPrecision(input.precision, ['precision'], needsWhole(type, method), push);
    if (bad) return z.NEVER;
    if (precision === undefined && usefulGrid(type, target, per) === undefined) {
      // the default range overflows or underflows: blame per when the default per would have worked
      const perToBlame = input.per !== undefined && usefulGrid(type, target, 100000) !== undefined;
      const range = type === 'proportion' ? '1 / min(target, 1 - target)' : type === 'rate' ? 'per / target' : '1 / target';
      push(
        perToBlame ? ['per'] : ['target'],
        `a ${perToBlame ? 'per' : type === 'proportion' ? 'proportion' : type} whose default drawing range (${range} to 10,000 times that, the precisions with 1 to 10,000 events expected) is within the doubles (2.2e-308 to 1.8e308)${HINT}pass precision to say where to draw the limits`,
        perToBlame ? input.per : target,
      );
      return z.NEVER;
    }
    return { type, method, target, levels: input.levels, per, precision };
  })))();

/** Smallest normal double, 2^-1022. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * The default drawing range: from 1 to 10,000 events expected at the target; undefined when it is not within the
 * normal doubles (a target or per so extreme that one expected event needs a precision beyond them).
 */
function usefulGrid(type: FunnelType, target: number, per: number): Required<FunnelGrid> | undefined {
  const unit = type === 'proportion' ? 1 / Math.min(target, 1 - target) : type === 'rate' ? per / target : 1 / target;
  const to = 1e4 * unit;
  return unit >= MIN_NORMAL && to < Infinity ? { from: unit, to, points: GRID_POINTS } : undefined;
}

/**
 * Control limits for a funnel plot (Spiegelhalter 2005): for each level and precision, the range of values an
 * area with that precision would show 95% (or 99.8%) of the time if its true value were `target`. Returns tidy
 * rows `{ precision, level, lower, upper }`, all rows of the first level (precisions in order), then the next.
 *
 * Methods:
 * - `'exact'` (default): binomial (proportions) or Poisson (rates, ratios) quantiles at the target, with the
 *   interpolation of Spiegelhalter's appendix, so the limits are smooth in the precision:
 *   with r the quantile and F the distribution function, limit = (r - α) / precision,
 *   α = (F(r) - p) / (F(r) - F(r - 1)); clipped at 0.
 * - `'wilson'` (proportions; PHE Fingertips, PHEindicatormethods `phe_funnels`): the proportions whose Wilson
 *   score interval just reaches the target, which works out to target ∓ z √(target (1 - target) / n), clipped to [0, 1].
 *
 * Rates are per `per` (default 100000) with the population as precision (expected count target × population / per);
 * ratios are observed / expected with the expected count as precision (Poisson mean target × expected).
 *
 * Every finite precision computes in bounded time: beyond 2^50 (about 1.1e15) expected events the distance of the
 * exact limit from the mean comes from its Cornish-Fisher expansion, which equals it to double precision there,
 * instead of a walk over whole counts; where the expected count is beyond the doubles the limits equal the target.
 * A default grid that would leave the doubles (a target such as 1e-310) is an `InputError`: pass `precision`.
 *
 * References: Spiegelhalter DJ (2005), Funnel plots for comparing institutional performance, Statistics in
 * Medicine 24:1185-1202 (appendix A.1.1); Office for Health Improvement and Disparities, PHEindicatormethods
 * (phe_funnels) and Fingertips technical guidance.
 *
 * @example
 * ```ts
 * import { funnelLimits } from 'darkfigure';
 * // stalking offences per 100,000 around a target of 20, at three police force populations
 * const rows = funnelLimits({ type: 'rate', target: 20, precision: [100_000, 669_338, 2_000_000] });
 * rows[1]; // { precision: 669338, level: 0.95, lower: 16.61, upper: 23.39 }
 * // PHE's proportion funnel (Wilson): 95% limits for 50 of a target of 80.6%
 * funnelLimits({ type: 'proportion', target: 0.80642448, precision: 50, method: 'wilson', levels: [0.95] });
 * // a smooth grid for drawing ratio (observed / expected) limits
 * funnelLimits({ type: 'ratio', target: 1 }).length; // 400 (200 points x 2 levels)
 * ```
 */
export function funnelLimits(input: FunnelLimitsInput): FunnelLimitRow[] {
  const { type, method, target, levels, per, precision } = validate('funnelLimits', schema, input);
  const scale: LimitScale = { type, method, target, per, adjustment: 'none', phi: 1, tau2: 0 };
  let precisions: number[];
  if (Array.isArray(precision)) precisions = precision;
  else {
    const grid = precision ?? usefulGrid(type, target, per)!; // checked by the schema
    precisions = precisionGrid(grid.from, grid.to, grid.points, type === 'proportion');
  }
  return limitRows(scale, precisions, levels);
}
