import * as z from 'zod/mini';
import { InputError, type InputIssue } from '../core/InputError';
import { interval, type Interval } from '../core/interval';
import { level as levelSchema, positive } from '../core/schemas';
import { validate } from '../core/validate';
import { twoSidedZ } from '../intervals/kernels/twoSidedZ';
import { exp } from '../special/elementary/exp';
import type { CountModel } from './countModel';
import { designMatrix } from './design/designMatrix';
import { termParts } from './design/termParts';

/** Options of {@link predictCounts}. */
export interface PredictCountsOptions {
  /** Confidence level in (0, 1); default the fit's level. */
  level?: number;
  /** Give rates per `per` units of exposure instead of expected counts (e.g. 100000 for rates per 100,000). */
  per?: number;
}

/** A predicted count (or rate) with its interval, and its linear predictor as R's `predict(type = 'link', se.fit = TRUE)`. */
export type PredictedCount = Interval & {
  /** The linear predictor log(expected count), offset included. */
  link: number;
  /** Its standard error (scaled by the dispersion for quasi-Poisson, as R). */
  linkStandardError: number;
};

const schema = /* @__PURE__ */ (() => z.object({
  rows: z.array(z.unknown(), { error: 'an array of row records' }),
  options: z.prefault(z.strictObject({ level: z.optional(levelSchema), per: z.optional(positive) }), {} as never),
}))();

/**
 * Expected counts for new rows from a {@link countModel} fit, with intervals from the standard error of
 * the linear predictor: exp(η ± z se(η)), where se(η)² = xᵀ V x (V the coefficients' covariance), as
 * `exp(predict(fit, newdata, type = 'link', se.fit = TRUE))` in R. With `per`, rates per `per` units of
 * exposure instead (the exposure of each row is then only needed if the model has one, and cancels).
 * A factor level the fit never saw, or a missing column, is an InputError naming the row and column.
 *
 * @param fit - a result of `countModel`
 * @param rows - records with the model's term columns (and its exposure column, if it has one)
 * @param options - `level` (default the fit's), `per`
 *
 * @example
 * ```ts
 * import { countModel, predictCounts } from 'darkfigure/models';
 * const rows = [
 *   { force: 'Lincolnshire', count: 22, population: 755_833 },
 *   { force: 'Bedfordshire', count: 179, population: 669_338 },
 * ];
 * const fit = countModel(rows, { response: 'count', exposure: 'population', terms: ['force'] });
 * const [rate] = predictCounts(fit, [{ force: 'Lincolnshire', population: 1 }], { per: 100_000 });
 * console.log(rate?.value.toFixed(2)); // '2.91' per 100,000
 * ```
 */
export function predictCounts(fit: CountModel, rows: readonly Record<string, unknown>[], options?: PredictCountsOptions): PredictedCount[] {
  const input = validate('predictCounts', schema, { rows, options });
  const model = fit?.model;
  if (!model || !Array.isArray(fit.coefficients) || !Array.isArray(fit.covariance)) {
    throw new InputError('predictCounts', [{ path: ['fit'], expected: 'a result of countModel', received: fit }]);
  }
  const level = input.options.level ?? fit.level;
  const per = input.options.per;
  if (per !== undefined && model.exposure === null) {
    throw new InputError('predictCounts', [{ path: ['per'], expected: 'no per: the model has no exposure, so it predicts counts, not rates', received: per }]);
  }
  const issues: InputIssue[] = [];
  const columnsUsed = [...new Set(model.terms.flatMap(termParts))];
  const newRows = input.rows as Record<string, unknown>[];
  newRows.forEach((row, i) => {
    if (row === null || typeof row !== 'object') {
      issues.push({ path: ['rows', i], expected: 'a plain record', received: row });
      return;
    }
    for (const name of columnsUsed) {
      const v = row[name];
      const levels = model.levels[name];
      if (levels !== undefined) {
        if (typeof v !== 'string' || !levels.includes(v)) {
          issues.push({ path: ['rows', i, name], expected: `a level the fit has seen (${levels.map((l) => JSON.stringify(l)).join(', ')})`, received: v });
        }
      } else if (typeof v !== 'number' || !Number.isFinite(v)) {
        issues.push({ path: ['rows', i, name], expected: 'a finite number', received: v });
      }
    }
    if (model.exposure !== null && per === undefined) {
      const e = row[model.exposure];
      if (typeof e !== 'number' || !(e > 0 && e < Infinity)) {
        issues.push({ path: ['rows', i, model.exposure], expected: 'an exposure: a finite number > 0', received: e, hint: 'or pass per to predict rates' });
      }
    }
  });
  if (issues.length > 0) throw new InputError('predictCounts', issues);
  const coded = newRows.map((row) => (model.exposure !== null && per !== undefined ? { ...row, [model.exposure]: 1 } : row));
  const design = designMatrix(coded, model);
  // coefficient index of each design column (-1: aliased; -2: estimated at minus infinity)
  const index: number[] = [];
  let k = 0;
  const estimates: number[] = [];
  for (const column of model.columns) {
    if (column.aliased) {
      index.push(-1);
      continue;
    }
    const estimate = fit.coefficients[k]?.estimate;
    // JSON turns -Infinity into null: the column's own flag says which estimates are minus infinity
    if (column.minusInfinity === true) estimates.push(-Infinity);
    else if (typeof estimate === 'number' && Number.isFinite(estimate)) estimates.push(estimate);
    else throw new InputError('predictCounts', [{ path: ['fit', 'coefficients', k, 'estimate'], expected: 'a finite number, as countModel returns it', received: estimate }]);
    index.push(k++);
  }
  const positions: number[] = [];
  estimates.forEach((b, i) => {
    if (Number.isFinite(b)) positions.push(i);
  });
  const covIndex = new Map(positions.map((p, i) => [p, i]));
  const z = twoSidedZ(level);
  const scale = per ?? 1;
  return newRows.map((_, i) => {
    let eta = design.offset[i]!;
    const notes: string[] = [];
    const entries: [number, number][] = [];
    for (let e = design.rowStart[i]!; e < design.rowStart[i + 1]!; e++) {
      const c = index[design.col[e]!]!;
      if (c === -1) {
        notes.push('this row uses an aliased column (no coefficient): the prediction from a rank-deficient fit may be misleading');
        continue;
      }
      // a value of 0 adds nothing (and 0 x an infinite covariance, from a fit with a near-constant column, is NaN)
      if (design.val[e] === 0) continue;
      eta += estimates[c]! * design.val[e]!;
      if (covIndex.has(c)) entries.push([covIndex.get(c)!, design.val[e]!]);
    }
    let variance = 0;
    for (const [a, va] of entries) for (const [b, vb] of entries) variance += va * vb * fit.covariance[a]![b]!;
    const se = Number.isNaN(variance) ? Infinity : Math.sqrt(Math.max(0, variance));
    if (eta === -Infinity) {
      notes.push('a level with no events in the fit: the expected count is 0, and its upper limit is unbounded');
      return { ...interval(0, 0, Infinity, level, 'wald-log', { notes }), link: -Infinity, linkStandardError: Infinity };
    }
    const value = exp(eta) * scale;
    const upper = exp(eta + z * se) * scale;
    if (upper === Infinity) {
      // a huge standard error (a fit drifting to a level with no events) or a huge rate: exp overflows
      notes.push(`the upper limit exp(${Number((eta + z * se).toPrecision(6))}) overflows: it is unbounded (the standard error of this row's log count, ${Number(se.toPrecision(6))}, is too large for a useful interval)`);
    }
    return {
      ...interval(value, exp(eta - z * se) * scale, upper, level, 'wald-log', { standardError: value * se, notes }),
      link: eta,
      linkStandardError: se,
    };
  });
}
