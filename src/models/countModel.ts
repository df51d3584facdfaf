import * as z from 'zod/mini';
import { columnName, levelsOption, termList } from './design/columnSchemas';
import { fail, InputError } from '../core/InputError';
import { interval, type Interval } from '../core/interval';
import { level as levelSchema, methodOf } from '../core/schemas';
import { validate } from '../core/validate';
import { twoSidedZ } from '../intervals/kernels/twoSidedZ';
import { exp } from '../special/elementary/exp';
import { normalUpperCdf } from '../special/normalCdf';
import { studentTUpper } from '../special/studentTUpper';
import type { ModelSpec } from './design/modelSpec';
import { readModelRows } from './design/readModelRows';
import { countFit } from './glm/countFit';
import { countLogLikelihood } from './glm/countLogLikelihood';
import { countDeviance } from './glm/countDeviance';
import { irls } from './glm/irls';
import { profileLimits } from './glm/profileLimits';
import { thetaInterval } from './glm/thetaInterval';
import { blockSystem } from './linear/blockSystem';
import { residualSummary, type ResidualSummary } from './glm/residualSummary';

/** Families of {@link countModel}. */
export type CountFamily = 'poisson' | 'quasipoisson' | 'negative-binomial';

/** How {@link countModel} computes coefficient intervals. */
export type CoefficientInterval = 'wald' | 'profile';

/** Options of {@link countModel}. */
export interface CountModelOptions {
  /** The column of counts. */
  response: string;
  /** A column of exposures (population, person-years, days): the model has offset log(exposure). */
  exposure?: string;
  /** Columns (strings: factors; numbers: linear) and interactions `'a:b'`; default none (a constant rate). */
  terms?: string[];
  /** `'poisson'` (default), `'quasipoisson'` or `'negative-binomial'`. */
  family?: CountFamily;
  /** Level order of factor columns (first = reference); default code-point order. */
  levels?: Record<string, string[]>;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** `'wald'` (default) or `'profile'` (profile likelihood, as R's `confint`). */
  interval?: CoefficientInterval;
  /** Most IRLS iterations (and negative-binomial outer iterations); default 100. */
  maxIterations?: number;
  /** Convergence tolerance on the relative change in deviance; default 1e-10. */
  tolerance?: number;
}

/** One coefficient (or rate ratio) of a fitted model. */
export interface CoefficientRow {
  /** The column name, `'a:b'` for an interaction, `'(Intercept)'` for the intercept. */
  term: string;
  /** The factor level (`'B:M'` for an interaction of two factors); absent for numeric terms. */
  level?: string;
  estimate: number;
  standardError: number;
  /** z (Poisson, negative binomial) or t (quasi-Poisson). */
  statistic: number;
  /** Two-sided p-value of the statistic. */
  pValue: number;
  lower: number;
  upper: number;
}

/** A fitted count model: plain, serialisable data. */
export interface CountModel {
  family: CountFamily;
  /** Coefficients on the log scale, intercept first (aliased columns left out: see `notes`). */
  coefficients: CoefficientRow[];
  /** The same on the exp scale: rate ratios (the intercept row is the baseline rate per unit exposure). */
  rateRatios: CoefficientRow[];
  /** Covariance matrix of `coefficients` (scaled by the dispersion, as R's `vcov`). */
  covariance: number[][];
  deviance: number;
  nullDeviance: number;
  dfResidual: number;
  dfNull: number;
  /** Log-likelihood; null for quasi-Poisson (no likelihood). */
  logLik: number | null;
  /** Akaike's information criterion; null for quasi-Poisson. */
  aic: number | null;
  /** 1 for Poisson and negative binomial; Pearson chi-square / residual df for quasi-Poisson. */
  dispersion: number;
  /** The negative-binomial shape θ (variance μ + μ²/θ) with its standard error and profile-likelihood interval. */
  theta?: Interval;
  /** Fitted counts, in row order. */
  fitted: number[];
  residuals: { pearson: number[]; deviance: number[] };
  /** Quartiles of the deviance residuals (as R's `summary.glm` prints). */
  residualSummary: ResidualSummary;
  converged: boolean;
  iterations: number;
  level: number;
  interval: CoefficientInterval;
  notes: string[];
  /** What the fit needs to predict new rows and be compared: the design and the data fitted. */
  model: ModelSpec & { family: CountFamily; observed: number[]; exposures: number[] | null };
}

const FAMILIES = ['poisson', 'quasipoisson', 'negative-binomial'] as const satisfies readonly CountFamily[];

const optionsSchema = /* @__PURE__ */ (() => z.strictObject(
  {
    response: columnName,
    exposure: z.optional(columnName),
    terms: termList,
    family: z._default(methodOf(FAMILIES), 'poisson'),
    levels: levelsOption,
    level: levelSchema,
    interval: z._default(methodOf(['wald', 'profile']), 'wald'),
    maxIterations: z._default(z
      .number({ error: 'a whole number from 1 to 10000' }).check(z.refine((x) => Number.isInteger(x) && x >= 1 && x <= 10000, { error: 'a whole number from 1 to 10000' })), 100),
    tolerance: z._default(z
      .number({ error: 'a number in (0, 0.01]' }).check(z.refine((x) => x > 0 && x <= 0.01, { error: 'a number in (0, 0.01]' })), 1e-10),
  },
  { error: 'an object of options with at least { response }' },
))();

const schema = /* @__PURE__ */ (() => z.object({
  rows: z.array(z.unknown(), { error: 'an array of row records' }),
  options: optionsSchema,
}))();

function pValue(statistic: number, df: number | undefined): number {
  const tail = df === undefined ? normalUpperCdf(Math.abs(statistic)) : studentTUpper(Math.abs(statistic), df);
  return Math.min(1, 2 * tail);
}

/**
 * Fit a log-linear regression to counts: Poisson, quasi-Poisson or negative binomial, with
 * `log(exposure)` as offset, as R's `glm(..., family = poisson, offset = log(exposure))` and
 * `MASS::glm.nb`.
 *
 * Method: iteratively reweighted least squares (Nelder and Wedderburn 1972) with step-halving, solving
 * the normal equations with the largest factor's block eliminated (fast for area and year panels);
 * quasi-Poisson scales the Poisson standard errors by the dispersion, Pearson χ² / residual df, and uses
 * t statistics (McCullagh and Nelder 1989); the negative binomial (NB2, variance μ + μ²/θ) alternates
 * IRLS with the maximum-likelihood θ as `MASS::glm.nb` (Venables and Ripley 2002, §7.4). Coefficient
 * intervals are Wald (b ± z se, as `confint.default`) or profile likelihood (`interval: 'profile'`, as
 * `confint`; quasi-Poisson profiles the deviance scaled by the dispersion and a negative binomial holds θ
 * at its estimate, as MASS does). θ's interval is a profile-likelihood interval (coefficients refitted).
 *
 * Design: strings are factors (levels in code-point order unless `levels` orders them; the first is the
 * reference, coded by treatment contrasts), numbers enter linearly, `'a:b'` is an interaction; terms are
 * taken in R's order (main effects first). Aliased columns are dropped with a note (R's NA coefficients).
 * A factor level whose counts are all 0 has an estimate of minus infinity: its row says so (-Infinity,
 * standard error Infinity) and a note explains, rather than the -20 to -36 R prints.
 *
 * @param rows - plain records, one per count
 * @param options - `response` (required), `exposure`, `terms`, `family`, `levels`, `level`, `interval`
 *
 * @example
 * ```ts
 * import { countModel } from 'darkfigure/models';
 * // Wycombe, South Bucks and Chiltern: recorded stalking, harassment and malicious communications, 2015 and 2017
 * const rows = [
 *   { district: 'Wycombe', year: '2015', count: 152 }, { district: 'Wycombe', year: '2017', count: 239 },
 *   { district: 'Chiltern', year: '2015', count: 59 }, { district: 'Chiltern', year: '2017', count: 106 },
 *   { district: 'South Bucks', year: '2015', count: 70 }, { district: 'South Bucks', year: '2017', count: 108 },
 * ];
 * const fit = countModel(rows, { response: 'count', terms: ['district', 'year'] });
 * const rise = fit.rateRatios.find((r) => r.term === 'year');
 * console.log(rise?.estimate.toFixed(3)); // '1.613' (a 61% rise common to the three districts)
 * ```
 */
export function countModel(rows: readonly Record<string, unknown>[], options: CountModelOptions): CountModel {
  const input = validate('countModel', schema, { rows, options });
  const o = input.options;
  if (input.rows.length === 0) fail('countModel', ['rows'], 'at least one row', rows);
  if (o.exposure === o.response) fail('countModel', ['exposure'], `an exposure column other than the response '${o.response}'`, o.exposure);
  const family = o.family as CountFamily;
  const read = readModelRows(input.rows as Record<string, unknown>[], {
    response: o.response,
    exposure: o.exposure ?? null,
    terms: o.terms,
    levels: o.levels,
    counts: family === 'quasipoisson' ? 'any' : 'whole',
  });
  if (!read.spec) throw new InputError('countModel', read.issues);
  const base = read.spec;
  for (const [name, levels] of Object.entries(base.levels)) {
    // a reference level with no events: every other level's rate ratio would be infinite
    if (!base.terms.includes(name)) continue;
    let total = 0;
    for (const row of input.rows as Record<string, unknown>[]) if (row[name] === levels[0]) total += row[base.response] as number;
    if (total === 0) {
      fail('countModel', ['levels', name], `a reference (first) level with at least one event ('${levels[0]}' has none)`, levels, `put a level with events first, e.g. levels: { ${name}: [${JSON.stringify(levels.find((l) => l !== levels[0]))}, ...] }`);
    }
  }
  const rowsIn = input.rows as Record<string, unknown>[];
  const model = countFit(rowsIn, base, { negativeBinomial: family === 'negative-binomial', maxIterations: o.maxIterations, tolerance: o.tolerance });
  if (family === 'negative-binomial' && !(model.theta > 0)) {
    // θ's maximum-likelihood iteration ran off to 0 (NaN): no negative binomial fits, and every statistic would be NaN
    fail(
      'countModel',
      ['family'],
      'a family that fits these rows: the negative-binomial shape theta runs off to 0 (more overdispersion than the model can fit, e.g. a count far above the others for its exposure)',
      family,
      "use family 'quasipoisson', or check the counts and exposures",
    );
  }
  const { spec, fit, y, fitted: fittedColumns, covariance, theta } = model;
  const n = y.length;
  const columnsEstimated = spec.columns.filter((c) => !c.aliased).length;
  if (n < spec.columns.length || (family === 'quasipoisson' && n === columnsEstimated)) {
    fail(
      'countModel',
      ['rows'],
      `${family === 'quasipoisson' && n >= spec.columns.length ? 'more rows than' : 'at least as many rows as'} coefficients (${family === 'quasipoisson' && n >= spec.columns.length ? `${columnsEstimated}: quasi-Poisson needs residual degrees of freedom for its dispersion` : `${spec.columns.length} in the design`})`,
      `${n} rows`,
    );
  }
  const notes = [...model.notes];
  const dfResidual = n - columnsEstimated;
  const variance = (m: number): number => (theta === Infinity ? m : m + (m * m) / theta);
  const pearson: number[] = [];
  const devianceResiduals: number[] = [];
  let pearsonSum = 0;
  for (let i = 0; i < n; i++) {
    const m = fit.mu[i]!;
    const yi = y[i]!;
    const r = m === 0 ? 0 : (yi - m) / Math.sqrt(variance(m));
    pearson.push(r);
    pearsonSum += r * r;
    const d = m === 0 ? 0 : countDeviance(yi, m, theta);
    devianceResiduals.push((yi >= m ? 1 : -1) * Math.sqrt(Math.max(0, d)));
  }
  const dispersion = family === 'quasipoisson' ? pearsonSum / dfResidual : 1;
  const df = family === 'quasipoisson' ? dfResidual : undefined;
  const z = twoSidedZ(o.level);
  const p = fittedColumns.length;
  const cov: number[][] = [];
  for (let i = 0; i < p; i++) cov.push(Array.from(covariance.subarray(i * p, (i + 1) * p), (v) => v * dispersion));
  const coefficients: CoefficientRow[] = [];
  let infiniteNoted = false;
  spec.columns.forEach((column, j) => {
    if (column.aliased) return;
    const label = column.level === undefined ? { term: column.term } : { term: column.term, level: column.level };
    if (model.minusInfinity[j]) {
      let upper = Infinity;
      if (o.interval === 'profile') upper = profileLimits(model, j, z, dispersion, -Infinity, Infinity)[1];
      coefficients.push({ ...label, estimate: -Infinity, standardError: Infinity, statistic: -Infinity, pValue: 0, lower: -Infinity, upper });
      if (!infiniteNoted) {
        notes.push(
          `a level with no events has an estimate of minus infinity (its fitted counts are 0; R prints a large negative number with a huge standard error): ${spec.columns
            .filter((_, k) => model.minusInfinity[k])
            .map((c) => (c.level === undefined ? c.term : `${c.term} = ${c.level}`))
            .join(', ')}${o.interval === 'wald' ? "; its Wald interval is unbounded: interval 'profile' gives a finite upper limit" : ''}`,
        );
        infiniteNoted = true;
      }
      return;
    }
    const k = fittedColumns.indexOf(j);
    const estimate = fit.coefficients[j]!;
    const standardError = Math.sqrt(cov[k]![k]!);
    const statistic = estimate / standardError;
    let [lower, upper] = [estimate - z * standardError, estimate + z * standardError];
    if (o.interval === 'profile') [lower, upper] = profileLimits(model, j, z, dispersion, estimate, standardError);
    coefficients.push({ ...label, estimate, standardError, statistic, pValue: pValue(statistic, df), lower, upper });
  });
  const rateRatios = coefficients.map((c) => ({
    ...c,
    estimate: exp(c.estimate),
    standardError: c.standardError === Infinity ? Infinity : exp(c.estimate) * c.standardError,
    lower: exp(c.lower),
    upper: exp(c.upper),
  }));
  // null model: intercept (and offset) only, with the same theta
  const nullSystem = blockSystem(model.design, spec.columns.map((_, j) => j === 0), new Array<boolean>(spec.columns.length).fill(false));
  const nullFit = irls(nullSystem, y, theta, { maxIterations: o.maxIterations, tolerance: 1e-12 });
  const logLik = family === 'quasipoisson' ? null : countLogLikelihood(y, fit.mu, theta);
  const parameters = columnsEstimated + (family === 'negative-binomial' && theta < Infinity ? 1 : 0);
  const aic = logLik === null ? null : -2 * logLik + 2 * parameters;
  if (!model.converged) notes.push(`the fit did not converge in ${o.maxIterations} iterations: the estimates are the last iteration's`);
  if (fit.halvings > 0) notes.push(`${fit.halvings} IRLS step${fit.halvings > 1 ? 's were' : ' was'} halved to keep the deviance falling`);
  let boundary = 0;
  for (let i = 0; i < n; i++) if (y[i] === 0 && fit.mu[i]! > 0 && fit.mu[i]! < 1e-8) boundary++;
  if (boundary > 0) {
    notes.push(
      `${boundary} row${boundary > 1 ? 's have' : ' has'} a fitted count below 1e-8: some estimates are drifting to minus infinity (a combination of levels with no events), and their standard errors are unreliable`,
    );
  }
  const out: CountModel = {
    family,
    coefficients,
    rateRatios,
    covariance: cov,
    deviance: fit.deviance,
    nullDeviance: nullFit.deviance,
    dfResidual,
    dfNull: n - 1,
    logLik,
    aic,
    dispersion,
    fitted: Array.from(fit.mu),
    residuals: { pearson, deviance: devianceResiduals },
    residualSummary: residualSummary(devianceResiduals),
    converged: model.converged,
    iterations: fit.iterations + model.outerIterations,
    level: o.level,
    interval: o.interval as CoefficientInterval,
    notes,
    model: {
      ...spec,
      family,
      observed: Array.from(y),
      exposures: spec.exposure === null ? null : rowsIn.map((r) => r[spec.exposure!] as number),
    },
  };
  if (family === 'negative-binomial') out.theta = thetaInterval(model, o.level);
  return out;
}
