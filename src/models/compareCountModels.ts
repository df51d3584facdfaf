import { fail } from '../core/InputError';
import { fisherFUpper } from '../special/fisherFUpper';
import { gammaQ } from '../special/gammaP';
import type { CountModel } from './countModel';

/** The result of {@link compareCountModels}. */
export interface CountModelComparison {
  /** `'likelihood-ratio'` (Poisson, negative binomial) or `'F'` (quasi-Poisson). */
  test: 'likelihood-ratio' | 'F';
  /** The likelihood-ratio chi-square, or F. */
  statistic: number;
  /** Coefficients the larger model adds. */
  df: number;
  /** The F test's denominator degrees of freedom (the larger model's residual df); absent otherwise. */
  dfDenominator?: number;
  pValue: number;
  smaller: { deviance: number; dfResidual: number; logLik: number | null };
  larger: { deviance: number; dfResidual: number; logLik: number | null };
  notes: string[];
}

function label(c: { term: string; level?: string; aliased: boolean }): string {
  return c.level === undefined ? c.term : `${c.term} = ${c.level}`;
}

/**
 * Test a count model against a larger one that contains it, fitted to the same rows: for Poisson the
 * likelihood-ratio (deviance difference) test, as `anova(smaller, larger, test = 'Chisq')`; for
 * quasi-Poisson the F test with the larger model's dispersion, as `anova(..., test = 'F')`; for the
 * negative binomial the likelihood-ratio test with each model's own θ, as `MASS::anova.negbin`.
 * Fits of different families, response, exposure or rows, or whose smaller model has a column the
 * larger lacks, are refused with an InputError.
 *
 * @example
 * ```ts
 * import { countModel, compareCountModels } from 'darkfigure/models';
 * const rows = [
 *   { district: 'Wycombe', year: '2015', count: 152 }, { district: 'Wycombe', year: '2017', count: 239 },
 *   { district: 'Chiltern', year: '2015', count: 59 }, { district: 'Chiltern', year: '2017', count: 106 },
 *   { district: 'South Bucks', year: '2015', count: 70 }, { district: 'South Bucks', year: '2017', count: 108 },
 * ];
 * const common = countModel(rows, { response: 'count', terms: ['district', 'year'] });
 * const each = countModel(rows, { response: 'count', terms: ['district', 'year', 'district:year'] });
 * console.log(compareCountModels(common, each).pValue.toFixed(2)); // '0.74': no evidence the districts differ
 * ```
 */
export function compareCountModels(smaller: CountModel, larger: CountModel): CountModelComparison {
  for (const [name, fit] of [['smaller', smaller], ['larger', larger]] as const) {
    if (!fit || typeof fit !== 'object' || !fit.model || !Array.isArray(fit.model.observed)) fail('compareCountModels', [name], 'a result of countModel', fit);
  }
  const a = smaller.model;
  const b = larger.model;
  if (smaller.family !== larger.family) fail('compareCountModels', ['larger', 'family'], `the smaller model's family '${smaller.family}'`, larger.family);
  if (a.response !== b.response || a.exposure !== b.exposure) {
    fail('compareCountModels', ['larger', 'model'], `the same response and exposure as the smaller model (${a.response}, ${a.exposure ?? 'none'})`, `${b.response}, ${b.exposure ?? 'none'}`);
  }
  const same =
    a.observed.length === b.observed.length &&
    a.observed.every((y, i) => y === b.observed[i]) &&
    (a.exposures === null || a.exposures.every((e, i) => e === b.exposures?.[i]));
  if (!same) fail('compareCountModels', ['larger'], 'a fit to the same rows as the smaller model (same counts and exposures, in the same order)', `${b.observed.length} rows that differ`);
  const inLarger = new Set(b.columns.filter((c) => !c.aliased).map(label));
  const extra = a.columns.filter((c) => !c.aliased && !inLarger.has(label(c))).map(label);
  if (extra.length > 0) fail('compareCountModels', ['smaller'], 'a model nested in the larger one (every column of the smaller in the larger)', `columns not in the larger: ${extra.join(', ')}`);
  const df = smaller.dfResidual - larger.dfResidual;
  if (df <= 0) fail('compareCountModels', ['larger'], 'a model with more coefficients than the smaller one', `${df} more`);
  const notes: string[] = [];
  const summary = (f: CountModel) => ({ deviance: f.deviance, dfResidual: f.dfResidual, logLik: f.logLik });
  if (smaller.family === 'quasipoisson') {
    const f = Math.max(0, smaller.deviance - larger.deviance) / df / larger.dispersion;
    return { test: 'F', statistic: f, df, dfDenominator: larger.dfResidual, pValue: fisherFUpper(f, df, larger.dfResidual), smaller: summary(smaller), larger: summary(larger), notes };
  }
  const statistic =
    smaller.family === 'negative-binomial' ? 2 * (larger.logLik! - smaller.logLik!) : smaller.deviance - larger.deviance;
  if (statistic < 0) notes.push('the larger model fits worse than the smaller (a negative statistic): the fits may not have converged, or the models are not nested');
  return { test: 'likelihood-ratio', statistic, df, pValue: gammaQ(df / 2, Math.max(0, statistic) / 2), smaller: summary(smaller), larger: summary(larger), notes };
}
