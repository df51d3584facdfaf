import { exp } from '../../special/elementary/exp';
import { log } from '../../special/elementary/log';
import type { CaptureTable } from './captureTable';
import { estimateExists } from './estimateExists';
import { loglinearFit, type LoglinearFit } from './loglinearFit';
import { mseCells } from './mseCells';
import { overlap } from './overlap';

/** A fitted multiple-systems model: main effects and the given pairs of lists. @internal */
export interface MseModel {
  pairs: [number, number][];
  /** Pairs with no one on both lists: their cells are left out (the interaction is minus infinity), as SparseMSE. */
  emptyPairs: [number, number][];
  fit: LoglinearFit;
  /** Why the model gives no estimate, or undefined when it does. */
  refused?: string;
  hidden: number;
  aic: number;
  bic: number;
  parameters: number;
}

/**
 * Fit the log-linear model with main effects for every list and the given pairwise interactions
 * (Fienberg 1972), leaving out the cells of pairs with no one on both lists (their interaction is minus
 * infinity, as SparseMSE's `buildmodel`), and check that its estimate of the hidden count exists: refused
 * when a column is aliased (the hidden count is not identifiable) or no strictly positive table has the observed
 * sufficient statistics (the maximum likelihood estimate lies at infinity: {@link estimateExists}; Fienberg
 * and Rinaldo 2012), the two conditions SparseMSE's `checkident` tests. AIC and BIC count the empty pairs' parameters, as
 * SparseMSE's AIC does; BIC uses log(observed), as Rcapture.
 *
 * @example
 * ```ts
 * import { captureTable } from './captureTable';
 * import { mseModel } from './mseModel';
 * const table = captureTable('f', { '100': 30, '010': 25, '001': 20, '110': 8, '101': 6, '011': 5, '111': 2 }, undefined);
 * mseModel(table, [[0, 1]]).hidden; // about 96.9
 * ```
 * @internal
 */
export function mseModel(table: CaptureTable, pairs: readonly [number, number][]): MseModel {
  const emptyPairs = pairs.filter(([i, j]) => overlap(table, i, j) === 0).map(([i, j]) => [i, j] as [number, number]);
  const kept = pairs.length - emptyPairs.length;
  const cells = mseCells(table, pairs);
  const fit = loglinearFit(cells, table.lists.length + kept);
  const hidden = exp(fit.intercept);
  let refused: string | undefined;
  if (fit.aliased.some((a) => a)) refused = 'not identifiable: the interactions make a column of the model a combination of others';
  else if (!estimateExists(cells) || !(hidden < Infinity) || !(fit.interceptStandardError < Infinity)) {
    refused = 'its maximum likelihood estimate does not exist (a fitted count tends to 0 or the hidden count to infinity)';
  }
  const parameters = fit.rank + emptyPairs.length;
  return {
    pairs: pairs.map(([i, j]) => [i, j]),
    emptyPairs,
    fit,
    ...(refused === undefined ? {} : { refused }),
    hidden,
    aic: -2 * fit.logLik + 2 * parameters,
    bic: -2 * fit.logLik + log(table.observed) * parameters,
    parameters,
  };
}
