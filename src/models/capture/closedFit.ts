import type { CaptureTable } from './captureTable';
import type { ClosedModelDesign } from './heterogeneityModels';
import { loglinearFit, type LoglinearCell, type LoglinearFit } from './loglinearFit';

/** A closed-population model fitted to a capture table (with Chao's negative etas removed). @internal */
export interface ClosedFit {
  fit: LoglinearFit;
  /** Indices (into the model's covariates) kept in the fit. */
  kept: number[];
  /** Chao's eta columns removed because their estimate was negative (1-based j of eta_j). */
  removed: number[];
  cells: LoglinearCell[];
}

/**
 * Fit one of Rcapture's closed-population models ({@link closedModelDesigns}) to the 2^t - 1 observable
 * histories, with an optional unobserved cell count (for profile likelihoods). For Chao's lower bound, as
 * Rcapture's `Chao.neg`: while an eta coefficient is negative, drop the first such column and refit.
 *
 * @example
 * ```ts
 * // see closedPopulation
 * ```
 * @internal
 */
export function closedFit(table: CaptureTable, design: ClosedModelDesign, unobserved?: number): ClosedFit {
  const full = table.cells.map((cell) => design.covariates(cell.history));
  const width = full[0]!.length;
  const etaStart = design.chao ? width - (table.lists.length - 2) : width;
  let kept = Array.from({ length: width }, (_, j) => j);
  const removed: number[] = [];
  for (;;) {
    const cells: LoglinearCell[] = table.cells.map((cell, c) => ({ count: cell.count, covariates: kept.map((j) => full[c]![j]!) }));
    if (unobserved !== undefined) cells.push({ count: unobserved, covariates: kept.map(() => 0) });
    const fit = loglinearFit(cells, kept.length);
    if (!design.chao) return { fit, kept, removed, cells };
    const negative = kept.findIndex((j, i) => j >= etaStart && !fit.aliased[i] && fit.coefficients[i]! < 0);
    if (negative < 0) return { fit, kept, removed, cells };
    removed.push(kept[negative]! - etaStart + 3);
    kept = kept.filter((_, i) => i !== negative);
  }
}
