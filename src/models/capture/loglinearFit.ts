import { countFit } from '../glm/countFit';
import { countLogLikelihood } from '../glm/countLogLikelihood';

/** One cell of a capture table for a log-linear fit: its count and its covariates (numbers). @internal */
export interface LoglinearCell {
  count: number;
  covariates: readonly number[];
}

/** A log-linear model of a capture table fitted by Poisson regression. @internal */
export interface LoglinearFit {
  /** log of the expected count of the all-zero history (the people on no list). */
  intercept: number;
  interceptStandardError: number;
  /** Coefficients after the intercept (NaN-free; 0 for aliased ones), with their aliased flags. */
  coefficients: number[];
  aliased: boolean[];
  /** Covariance of the intercept and the non-aliased coefficients, row-major. */
  covariance: Float64Array;
  deviance: number;
  dfResidual: number;
  logLik: number;
  /** Estimated parameters (intercept and non-aliased covariates). */
  rank: number;
  converged: boolean;
  /** Fitted counts of the cells, in order. */
  fitted: Float64Array;
  /** The smallest fitted count: near 0 means the maximum likelihood estimate lies at infinity. */
  smallestFitted: number;
}

/**
 * Fit a Poisson log-linear model to the cells of a capture table (Fienberg 1972; Cormack 1989):
 * log mean = intercept + Σ covariate × coefficient. With covariates that are 0 for the all-zero history,
 * exp(intercept) estimates the people on no list. Fitted with darkfigure's IRLS ({@link countFit}) to a
 * relative change in deviance of 1e-12, the covariance from the final weights; aliased covariates are
 * dropped (their `aliased` flag set).
 *
 * @example
 * ```ts
 * import { loglinearFit } from './loglinearFit';
 * // three lists, independence: a main effect for each list
 * const h = [[1,0,0],[0,1,0],[0,0,1],[1,1,0],[1,0,1],[0,1,1],[1,1,1]];
 * const y = [30, 25, 20, 8, 6, 5, 2];
 * Math.exp(loglinearFit(h.map((c, i) => ({ count: y[i]!, covariates: c })), 3).intercept); // 93.46
 * ```
 * @internal
 */
export function loglinearFit(cells: readonly LoglinearCell[], covariates: number, maxIterations = 100): LoglinearFit {
  const names = Array.from({ length: covariates }, (_, j) => `x${j}`);
  const rows = cells.map((cell) => {
    const row: Record<string, number> = { count: cell.count };
    for (let j = 0; j < covariates; j++) row[names[j]!] = cell.covariates[j]!;
    return row;
  });
  const model = countFit(
    rows,
    { response: 'count', exposure: null, terms: names, levels: {}, numeric: names, coding: Object.fromEntries(names.map((t) => [t, {}])) },
    { negativeBinomial: false, maxIterations, tolerance: 1e-12 },
  );
  const rank = model.fitted.length;
  let smallestFitted = Infinity;
  for (const m of model.fit.mu) smallestFitted = Math.min(smallestFitted, m);
  const aliased = model.spec.columns.slice(1).map((c) => c.aliased);
  return {
    intercept: model.fit.coefficients[0]!,
    interceptStandardError: model.fitted[0] === 0 ? Math.sqrt(model.covariance[0]!) : Infinity,
    coefficients: Array.from(model.fit.coefficients.subarray(1)),
    aliased,
    covariance: model.covariance,
    deviance: model.fit.deviance,
    dfResidual: cells.length - rank,
    logLik: countLogLikelihood(model.y, model.fit.mu, Infinity),
    rank,
    converged: model.converged,
    fitted: model.fit.mu,
    smallestFitted,
  };
}
