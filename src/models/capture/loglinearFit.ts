import { countFit } from '../glm/countFit';
import { countLogLikelihood } from '../glm/countLogLikelihood';
import type { CaptureTable } from './captureTable';

/** A log-linear model of a capture table fitted by Poisson regression. @internal */
export interface LoglinearFit {
  /** Interactions as pairs of list indices. */
  interactions: [number, number][];
  /** log of the expected count of the all-zero history (the people on no list). */
  intercept: number;
  interceptStandardError: number;
  deviance: number;
  dfResidual: number;
  logLik: number;
  parameters: number;
  converged: boolean;
  /** Fitted counts of the observed histories, in table order. */
  fitted: Float64Array;
}

/**
 * Fit the log-linear model of a capture table (Fienberg 1972; Cormack 1989): the counts of the 2^k - 1
 * observable histories are Poisson with log mean = intercept + a main effect for each list the history is on
 * + a term for each chosen pair of lists both on it. The all-zero history's expected count is exp(intercept):
 * the estimate of the people on no list. Fitted with darkfigure's IRLS ({@link countFit}), covariance from
 * the final weights; each list is a numeric 0/1 column and an interaction their product.
 *
 * @example
 * ```ts
 * import { captureTable } from './captureTable';
 * import { loglinearFit } from './loglinearFit';
 * const table = captureTable('f', { '100': 30, '010': 25, '001': 20, '110': 8, '101': 6, '011': 5, '111': 2 }, undefined);
 * Math.exp(loglinearFit(table, []).intercept); // the hidden count under independence
 * ```
 * @internal
 */
export function loglinearFit(table: CaptureTable, interactions: readonly [number, number][], maxIterations = 100): LoglinearFit {
  const k = table.lists.length;
  const names = Array.from({ length: k }, (_, j) => `L${j}`);
  const rows = table.cells.map((cell) => {
    const row: Record<string, number> = { count: cell.count };
    cell.history.forEach((h, j) => (row[names[j]!] = h));
    return row;
  });
  const terms = [...names, ...interactions.map(([a, b]) => `${names[a]}:${names[b]}`)];
  const model = countFit(
    rows,
    { response: 'count', exposure: null, terms, levels: {}, numeric: names, coding: Object.fromEntries(terms.map((t) => [t, {}])) },
    { negativeBinomial: false, maxIterations, tolerance: 1e-12 },
  );
  const p = model.fitted.length;
  const at = model.fitted.indexOf(0);
  const y = model.y;
  return {
    interactions: interactions.map(([a, b]) => [a, b]),
    intercept: model.fit.coefficients[0]!,
    interceptStandardError: at === 0 ? Math.sqrt(model.covariance[0]!) : Infinity,
    deviance: model.fit.deviance,
    dfResidual: y.length - p,
    logLik: countLogLikelihood(y, model.fit.mu, Infinity),
    parameters: p,
    converged: model.converged,
    fitted: model.fit.mu,
  };
}
