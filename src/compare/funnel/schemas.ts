import * as z from 'zod/mini';
import { atLeastOne } from '../../core/atLeastOne';
import { describeValue } from '../../core/describeValue';
import { level, methodOf } from '../../core/schemas';
import { HINT } from '../../core/validate';
import type { FunnelGrid, FunnelType } from './types';

/**
 * Zod schemas and hand-written checks shared by funnelLimits and funnelPlot.
 * @internal
 */

/** `type`: what the funnel compares. */
export const funnelType = /* @__PURE__ */ (() => methodOf(['proportion', 'rate', 'ratio']))();

/** `method`: exact (Spiegelhalter) or Wilson (PHE, proportions only) limits. */
export const funnelMethod = /* @__PURE__ */ (() => z._default(methodOf(['exact', 'wilson']), 'exact'))();

/** `levels`: confidence levels of the control limits, default 95% and 99.8%. */
export const funnelLevels = /* @__PURE__ */ (() => z._default(z
  .array(level, { error: 'an array of confidence levels such as [0.95, 0.998]' })
  .check(atLeastOne('at least one confidence level, such as [0.95, 0.998]'))
  .check((ctx) => {
    const seen = new Set<number>();
    ctx.value.forEach((v, i) => {
      if (seen.has(v)) ctx.issues.push({ code: 'custom', input: v, path: [i], message: 'a level not already listed' });
      seen.add(v);
    });
  }), [0.95, 0.998]))();

/** Number of points of a default drawing grid. */
export const GRID_POINTS = 200;

/** Push one issue (path, rule, value given). */
export type Push = (path: (string | number)[], message: string, value: unknown) => void;

/** Whether the method needs whole denominators (exact binomial limits). */
export const needsWhole = (type: FunnelType, method: string) => type === 'proportion' && method === 'exact';

function precisionRule(whole: boolean) {
  return whole ? 'a whole number >= 1 (a denominator)' : 'a finite number > 0';
}

function checkValue(value: unknown, whole: boolean): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && (!whole || Number.isInteger(value));
}

/**
 * Check a `precision` input: a number, an array of numbers, or a grid `{ from, to, points? }`.
 * Returns the precisions (or the grid), or undefined after pushing issues.
 *
 * @example
 * ```ts
 * import { checkPrecision } from './schemas';
 * const issues: unknown[] = [];
 * const push = (path: (string | number)[], message: string, value: unknown) => issues.push({ path, message, value });
 * checkPrecision([100, 1000], ['precision'], false, push); // [100, 1000]
 * checkPrecision({ from: 10, to: 1000 }, ['precision'], false, push); // { from: 10, to: 1000, points: 200 }
 * ```
 */
export function checkPrecision(
  value: unknown,
  path: (string | number)[],
  whole: boolean,
  push: Push,
): number[] | Required<FunnelGrid> | undefined {
  const rule = precisionRule(whole);
  if (typeof value === 'number') {
    if (checkValue(value, whole)) return [value];
    push(path, rule, value);
    return undefined;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      push(path, 'at least one precision', value);
      return undefined;
    }
    let ok = true;
    value.forEach((v, i) => {
      if (!checkValue(v, whole)) {
        ok = false;
        push([...path, i], rule, v);
      }
    });
    return ok ? (value as number[]).slice() : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const grid = value as Record<string, unknown>;
    let ok = true;
    for (const key of Object.keys(grid))
      if (key !== 'from' && key !== 'to' && key !== 'points') {
        ok = false;
        push([...path, key], 'no unknown fields (a grid has from, to and points)', grid[key]);
      }
    const numberOk = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
    if (!numberOk(grid.from)) {
      ok = false;
      push([...path, 'from'], 'a finite number > 0', grid.from);
    }
    if (!numberOk(grid.to)) {
      ok = false;
      push([...path, 'to'], 'a finite number > 0', grid.to);
    } else if (numberOk(grid.from) && (grid.to as number) < (grid.from as number)) {
      ok = false;
      push([...path, 'to'], `a number >= from (${describeValue(grid.from)})`, grid.to);
    }
    const points = grid.points ?? GRID_POINTS;
    if (!(typeof points === 'number' && Number.isInteger(points) && points >= 2 && points <= 100000)) {
      ok = false;
      push([...path, 'points'], 'a whole number from 2 to 100000', grid.points);
    }
    return ok ? { from: grid.from as number, to: grid.to as number, points: points as number } : undefined;
  }
  push(path, `${rule}, an array of them, or a grid { from, to, points }`, value);
  return undefined;
}

/**
 * Check a target for the funnel type: a proportion in (0, 1), or a rate / ratio > 0.
 *
 * @example
 * ```ts
 * import { checkTarget } from './schemas';
 * const issues: unknown[] = [];
 * checkTarget('proportion', 80.6, ['target'], (path, message, value) => issues.push({ path, message, value }));
 * issues; // one issue at ['target']: a proportion in (0, 1), with the hint "did you mean 0.806?"
 * ```
 */
export function checkTarget(type: FunnelType, value: number, path: (string | number)[], push: Push): void {
  if (type === 'proportion') {
    if (value > 0 && value < 1) return;
    push(
      path,
      value > 1 && value < 100
        ? `a proportion in (0, 1)${HINT}did you mean ${Number.parseFloat((value / 100).toPrecision(12))}? Pass percentages divided by 100`
        : 'a proportion in (0, 1)',
      value,
    );
  } else if (!(value > 0)) {
    push(path, type === 'rate' ? 'a rate > 0 (per `per`)' : 'a ratio > 0', value);
  }
}

/** A finite number (its range is checked by {@link checkTarget} once the type is known). */
export const finiteNumber = /* @__PURE__ */ (() => z.number({ error: 'a finite number' }))();
