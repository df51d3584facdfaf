import * as z from 'zod/mini';
import { columnName, levelsOption, termList } from '../design/columnSchemas';
import { InputError, type InputIssue } from '../../core/InputError';
import { interval, type Interval } from '../../core/interval';
import { level as levelSchema, methodOf } from '../../core/schemas';
import { validate } from '../../core/validate';
import { twoSidedZ } from '../../intervals/kernels/twoSidedZ';
import { log } from '../../special/elementary/log';
import { sin } from '../../special/elementary/sin';
import { normalUpperCdf } from '../../special/normalCdf';
import type { CoefficientRow } from '../countModel';
import { designMatrix } from '../design/designMatrix';
import { readModelRows } from '../design/readModelRows';
import { termColumns } from '../design/termColumns';
import { cholesky } from '../linear/cholesky';
import { arcsinBackTransform, clampedSin2 } from './arcsinBackTransform';
import { arcsinSqrt } from './arcsinSqrt';
import { fayHerriotFit, type FayHerriotMethod } from './fayHerriotFit';
import { fayHerriotMse } from './fayHerriotMse';

export type { FayHerriotMethod } from './fayHerriotFit';

/** Transformations of the direct estimates in {@link fayHerriot}. */
export type FayHerriotTransform = 'none' | 'arcsin';

/** Options of {@link fayHerriot}. */
export interface FayHerriotOptions {
  /** The column of direct estimates (null for an area without one: it gets the synthetic estimate). */
  response: string;
  /** The column of the direct estimates' sampling variances (at least 1e-100); not needed with `transform: 'arcsin'` and `effectiveSize`. */
  variance?: string;
  /** Covariate columns (numbers enter linearly, strings are factors, `'a:b'` an interaction); default none (a common mean). */
  covariates?: string[];
  /** Estimator of the model variance: `'reml'` (default), `'ml'` or `'fh'` (Fay-Herriot moments). */
  method?: FayHerriotMethod;
  /** Level order of factor covariates (first = reference); default code-point order. */
  levels?: Record<string, string[]>;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** The column naming each area (strings or numbers, each once); default `'area'`. */
  area?: string;
  /** `'none'` (default) or `'arcsin'`: proportions modelled on the arcsine-square-root scale. */
  transform?: FayHerriotTransform;
  /** With `transform: 'arcsin'`: a column of effective sample sizes (default: p(1 - p)/variance). */
  effectiveSize?: string;
  /** Most Fisher-scoring iterations; default 100 (as sae). */
  maxIterations?: number;
  /** Stop when the relative change in the model variance is at most this; default 1e-4 (as sae). */
  tolerance?: number;
}

/** One area of a {@link FayHerriot} fit. */
export interface FayHerriotArea {
  /** The area's name, as given. */
  area: string | number;
  /** The direct estimate, or null. */
  direct: number | null;
  /** Its sampling variance as given (null without a direct estimate or when not given). */
  variance: number | null;
  /** The EBLUP (the synthetic estimate without a direct estimate) with its interval: estimate ± z √MSE (arcsin: back-transformed). */
  estimate: Interval;
  /** Estimated MSE of `estimate.value` (arcsin: the delta-method MSE on the proportion scale; see `transformed`). */
  mse: number;
  /** γ = A/(A + D), the weight of the direct estimate (0 without one). */
  shrinkage: number;
  /** The regression (synthetic) estimate x'β̂ (arcsin: sin² of it). */
  synthetic: number;
  /** With `transform: 'arcsin'`: the same on the arcsine scale (sampling variance 1/(4 n_eff)). */
  transformed?: { direct: number | null; variance: number | null; estimate: number; mse: number; synthetic: number; effectiveSize: number | null };
}

/** A fitted Fay-Herriot model: plain, serialisable data. */
export interface FayHerriot {
  method: FayHerriotMethod;
  transform: FayHerriotTransform;
  /** Areas in the order given. */
  areas: FayHerriotArea[];
  /** The model (between-area) variance A, truncated at 0. */
  modelVariance: number;
  /** Regression coefficients, intercept first, with z statistics and Wald intervals (as sae's `fit$estcoef`). */
  coefficients: CoefficientRow[];
  /** Covariance of the coefficients, (X'V⁻¹X)⁻¹. */
  covariance: number[][];
  /** Log-likelihood at the estimates (sae's `goodness`; the ML log-likelihood for every method). */
  logLik: number;
  /** -2 logLik + 2(p + 1). */
  aic: number;
  /** -2 logLik + (p + 1) log m. */
  bic: number;
  /** Areas with a direct estimate (m). */
  inSample: number;
  converged: boolean;
  iterations: number;
  level: number;
  notes: string[];
}

const METHODS = ['reml', 'ml', 'fh'] as const satisfies readonly FayHerriotMethod[];

const optionsSchema = /* @__PURE__ */ (() => z.strictObject(
  {
    response: columnName,
    variance: z.optional(columnName),
    covariates: termList,
    method: z._default(methodOf(METHODS), 'reml'),
    levels: levelsOption,
    level: levelSchema,
    area: z._default(columnName, 'area'),
    transform: z._default(methodOf(['none', 'arcsin']), 'none'),
    effectiveSize: z.optional(columnName),
    maxIterations: z._default(z
      .number({ error: 'a whole number from 1 to 10000' }).check(z.refine((x) => Number.isInteger(x) && x >= 1 && x <= 10000, { error: 'a whole number from 1 to 10000' })), 100),
    tolerance: z._default(z
      .number({ error: 'a number in (0, 0.1]' }).check(z.refine((x) => x > 0 && x <= 0.1, { error: 'a number in (0, 0.1]' })), 1e-4),
  },
  { error: 'an object of options with at least { response, variance }' },
))();

const schema = /* @__PURE__ */ (() => z.object({
  areas: z.array(z.unknown(), { error: 'an array of area records' }),
  options: optionsSchema,
}))();

const NAME = 'fayHerriot';

function fmt(x: number): string {
  return Number.parseFloat(x.toPrecision(4)).toString();
}

/**
 * Fit the Fay-Herriot area-level model and predict each area's mean by its EBLUP, with an MSE and an
 * interval EBLUP ± z √MSE, as `sae::eblupFH` and `sae::mseFH` (Molina and Marhuenda 2015).
 *
 * Model (Fay and Herriot 1979): the direct estimate of area d is y_d = θ_d + e_d, e_d ~ N(0, D_d) with D_d
 * the known sampling variance, and θ_d = x_d'β + u_d, u_d ~ N(0, A). The EBLUP is
 * γ_d y_d + (1 - γ_d) x_d'β̂, γ_d = Â/(Â + D_d). A is estimated by REML (default), ML or the Fay-Herriot
 * moment method, by Fisher scoring with sae's start (the median D), tolerance (1e-4 relative) and
 * iteration limit (100), truncated at 0 (then every area gets the synthetic estimate; a note says so).
 * MSE: Prasad and Rao (1990) for REML, with the Datta and Lahiri (2000) / Datta, Rao and Smith (2005)
 * bias term for ML and FH, exactly as mseFH. An area whose response is null gets the synthetic x'β̂ with
 * MSE Â + x'(X'V⁻¹X)⁻¹x (ML and FH: Â less its bias, floored at 0), as emdi does for out-of-sample domains.
 *
 * `transform: 'arcsin'` models proportions p on the scale asin(√p) with sampling variance 1/(4 n_eff)
 * (`effectiveSize`, or p(1 - p)/variance), as `emdi::fh(transformation = "arcsin")`; each estimate is
 * back-transformed with emdi's bias correction, E[sin²θ] for θ ~ N(EBLUP, Â D/(Â + D)) (N(x'β̂, Â) out of
 * sample; the mass above π/2 counted as 1), and its interval is sin² of the arcsine-scale limits clamped to
 * [0, π/2], so it stays inside [0, 1] (Hadam, Würz and Kreutzmann 2020; Schmid et al. 2017).
 *
 * Bad input (a variance <= 0 or missing, an area named twice, a covariate missing in a row, a non-finite
 * response, fewer areas with a direct estimate than coefficients + 1, covariates that are linearly
 * dependent) is an `InputError` naming the field.
 *
 * @param areas - plain records, one per area
 * @param options - `response`, `variance`, `covariates`, `method`, `levels`, `level`, `area`, `transform`, `effectiveSize`
 *
 * @example
 * ```ts
 * import { fayHerriot } from 'darkfigure/models';
 * // survey estimates of stalking prevalence (%) in eight districts, their sampling variances, and police
 * // recorded stalking per 1,000 as a covariate; district F had no survey respondents
 * const areas = [
 *   { area: 'A', prevalence: 4.1, variance: 0.9, recorded: 1.2 }, { area: 'B', prevalence: 6.9, variance: 1.6, recorded: 1.5 },
 *   { area: 'C', prevalence: 3.2, variance: 0.5, recorded: 0.9 }, { area: 'D', prevalence: 3.0, variance: 2.5, recorded: 1.8 },
 *   { area: 'E', prevalence: 7.4, variance: 1.2, recorded: 2.4 }, { area: 'G', prevalence: 5.5, variance: 0.8, recorded: 1.3 },
 *   { area: 'H', prevalence: 2.5, variance: 1.0, recorded: 1.0 }, { area: 'F', prevalence: null, variance: null, recorded: 1.6 },
 * ];
 * const fit = fayHerriot(areas, { response: 'prevalence', variance: 'variance', covariates: ['recorded'] });
 * const byArea = new Map(fit.areas.map((a) => [a.area, a]));
 * const d = byArea.get('D')!;
 * console.log(d.estimate.value.toFixed(2), d.shrinkage.toFixed(2)); // '5.45' '0.12': D's noisy 3.0 mostly replaced by the regression
 * console.log(byArea.get('F')!.estimate.value.toFixed(2)); // '5.23': F, the synthetic estimate
 * ```
 */
export function fayHerriot(areas: readonly Record<string, unknown>[], options: FayHerriotOptions): FayHerriot {
  const input = validate(NAME, schema, { areas, options });
  const o = input.options;
  const rows = input.areas as Record<string, unknown>[];
  const method = o.method as FayHerriotMethod;
  const arcsin = o.transform === 'arcsin';
  const issues: InputIssue[] = [];
  if (rows.length === 0) issues.push({ path: ['areas'], expected: 'at least one area', received: areas });
  if (o.variance === undefined && !(arcsin && o.effectiveSize !== undefined)) {
    issues.push({ path: ['variance'], expected: "the column of sampling variances (only transform 'arcsin' with effectiveSize can do without)", received: undefined });
  }
  if (o.effectiveSize !== undefined && !arcsin) issues.push({ path: ['effectiveSize'], expected: "no effectiveSize unless transform is 'arcsin'", received: o.effectiveSize });
  const special = [o.response, o.variance, o.area, o.effectiveSize].filter((c): c is string => c !== undefined);
  o.covariates.forEach((c, i) => {
    for (const part of c.split(':')) {
      if (special.includes(part)) issues.push({ path: ['covariates', i], expected: `covariates other than the response, variance, area and effective-size columns (${special.join(', ')})`, received: c });
    }
  });
  if (new Set(special).size !== special.length) issues.push({ path: ['options'], expected: 'different columns for response, variance, area and effectiveSize', received: options });
  if (issues.length > 0) throw new InputError(NAME, issues);

  // rows: area, response, variance (or effective size)
  const seen = new Map<string, number>();
  const inSampleRows: number[] = [];
  const outRows: number[] = [];
  const direct: (number | null)[] = [];
  const given: (number | null)[] = [];
  const effective: (number | null)[] = [];
  for (let i = 0; i < rows.length && issues.length < 20; i++) {
    const row = rows[i]!;
    direct.push(null);
    given.push(null);
    effective.push(null);
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      issues.push({ path: ['areas', i], expected: 'a plain record', received: row });
      continue;
    }
    const name = row[o.area];
    if (!(typeof name === 'string' && name !== '') && !(typeof name === 'number' && Number.isFinite(name))) {
      issues.push({ path: ['areas', i, o.area], expected: 'an area name (a non-empty string or a finite number)', received: name });
    } else {
      const key = `${typeof name}:${name}`;
      const before = seen.get(key);
      if (before !== undefined) issues.push({ path: ['areas', i, o.area], expected: `an area named once (also at areas[${before}])`, received: name });
      else seen.set(key, i);
    }
    const y = row[o.response];
    if (y === null) {
      outRows.push(i);
      continue;
    }
    if (typeof y !== 'number' || !Number.isFinite(y)) {
      issues.push({ path: ['areas', i, o.response], expected: 'a finite number, or null for an area without a direct estimate', received: y });
      continue;
    }
    if (arcsin && !(y >= 0 && y <= 1)) {
      issues.push({ path: ['areas', i, o.response], expected: "a proportion in [0, 1] (transform 'arcsin')", received: y, ...(y > 1 && y <= 100 ? { hint: 'pass percentages divided by 100' } : {}) });
      continue;
    }
    direct[i] = y;
    let ok = true;
    if (o.variance !== undefined && !(arcsin && o.effectiveSize !== undefined && row[o.variance] === undefined)) {
      const v = row[o.variance];
      // at least 1e-100: below about 1e-200 the ML and moment MSEs overflow (weights 1/D squared) to NaN
      if (typeof v !== 'number' || !(v >= 1e-100 && v < Infinity)) {
        ok = false;
        issues.push({
          path: ['areas', i, o.variance],
          expected:
            typeof v === 'number' && v > 0 && v < 1e-100
              ? 'a sampling variance of at least 1e-100 (no survey is that precise; smaller variances overflow the fit)'
              : 'a sampling variance: a finite number > 0 (a variance of 0 would make the direct estimate exact; give its real variance)',
          received: v,
        });
      } else given[i] = v;
    }
    if (arcsin) {
      if (o.effectiveSize !== undefined) {
        const n = row[o.effectiveSize];
        if (typeof n !== 'number' || !(n > 0 && n < Infinity)) {
          ok = false;
          issues.push({ path: ['areas', i, o.effectiveSize], expected: 'an effective sample size: a finite number > 0', received: n });
        } else effective[i] = n;
      } else if (ok) {
        if (y === 0 || y === 1) {
          ok = false;
          issues.push({ path: ['areas', i, o.response], expected: 'a proportion strictly between 0 and 1 (p(1 - p)/variance is the effective sample size)', received: y, hint: 'give an effectiveSize column for areas with p = 0 or 1' });
        } else effective[i] = (y * (1 - y)) / given[i]!;
      }
    }
    if (ok) inSampleRows.push(i);
  }
  if (issues.length > 0) throw new InputError(NAME, issues);

  const read = readModelRows(rows, { response: o.response, exposure: null, terms: o.covariates, levels: o.levels, counts: 'unchecked' });
  if (!read.spec) {
    throw new InputError(NAME, read.issues.map((issue) => ({
      ...issue,
      path: issue.path[0] === 'rows' ? ['areas', ...issue.path.slice(1)] : issue.path[0] === 'terms' ? ['covariates', ...issue.path.slice(1)] : issue.path,
    })));
  }
  const spec = read.spec;
  const labels: { term: string; level?: string }[] = [{ term: '(Intercept)' }];
  for (const term of spec.terms) for (const c of termColumns(term, spec)) labels.push({ term, ...c });
  const p = labels.length;
  const m = inSampleRows.length;
  if (m < p + 1) {
    throw new InputError(NAME, [{ path: ['areas'], expected: `more areas with a direct estimate than coefficients (at least ${p + 1} for ${p} coefficients)`, received: `${m} areas with a direct estimate` }]);
  }
  const design = designMatrix(rows, spec);
  const dense = (indices: number[]): Float64Array => {
    const out = new Float64Array(indices.length * p);
    indices.forEach((r, i) => {
      for (let k = design.rowStart[r]!; k < design.rowStart[r + 1]!; k++) out[i * p + design.col[k]!] = design.val[k]!;
    });
    return out;
  };
  const x = dense(inSampleRows);
  const xOut = dense(outRows);
  const y = new Float64Array(m);
  const d = new Float64Array(m);
  inSampleRows.forEach((r, i) => {
    if (arcsin) {
      y[i] = arcsinSqrt(direct[r]!);
      d[i] = 1 / (4 * effective[r]!);
    } else {
      y[i] = direct[r]!;
      d[i] = given[r]!;
    }
  });

  // linearly dependent covariates (on the areas with a direct estimate): refused
  const gram = new Float64Array(p * p);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) for (let k = 0; k <= j; k++) gram[j * p + k] = gram[j * p + k]! + (x[i * p + j]! * x[i * p + k]!) / d[i]!;
  }
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) scale[j] = gram[j * p + j]!;
  const aliased = cholesky(gram, p, scale, 1e-10);
  if (aliased.some(Boolean)) {
    const names = labels.filter((_, j) => aliased[j]).map((c) => (c.level === undefined ? c.term : `${c.term} = ${c.level}`));
    throw new InputError(NAME, [{
      path: ['covariates'],
      expected: `covariates that are not linear combinations of each other on the areas with a direct estimate (aliased: ${names.join(', ')})`,
      received: o.covariates,
    }]);
  }

  const result = fayHerriotFit(x, y, d, p, method, o.maxIterations, o.tolerance);
  if (result === null) throw new InputError(NAME, [{ path: ['covariates'], expected: 'covariates with a non-singular design', received: o.covariates }]);
  const { a, fit } = result;
  const mse = fayHerriotMse(method, a, d, x, xOut, p, fit);
  const zq = twoSidedZ(o.level);
  const notes: string[] = [];
  if (result.boundary) {
    notes.push(
      `Fisher scoring did not settle in ${result.iterations} iterations (its iterates went below 0, where sae::eblupFH reports non-convergence); the ${method === 'fh' ? 'moment equation' : 'score'} at A = 0 is negative, so the model variance is estimated at 0`,
    );
  }
  if (!result.converged) notes.push(`Fisher scoring did not converge in ${o.maxIterations} iterations: the estimates use the last iterate (truncated at 0)`);
  if (a === 0) {
    notes.push(
      `the model variance is estimated at 0 (truncated${result.boundary ? '' : `; the iteration ended at ${fmt(result.untruncated)}`}): every area's estimate is its synthetic (regression) estimate, with shrinkage 0`,
    );
  }
  if (outRows.length > 0) {
    notes.push(
      `${outRows.length} area${outRows.length > 1 ? 's have' : ' has'} no direct estimate: the synthetic estimate x'β with MSE A + x'(X'V⁻¹X)⁻¹x${method === 'reml' ? '' : ' (A less the bias of its estimator, floored at 0)'}`,
    );
  }

  // fitted values
  const synth = (xs: Float64Array, i: number): number => {
    let s = 0;
    for (let j = 0; j < p; j++) s += xs[i * p + j]! * fit.beta[j]!;
    return s;
  };
  let logLik = 0;
  for (let i = 0; i < m; i++) {
    const total = a + d[i]!;
    const r = fit.residual[i]!;
    logLik += log(2 * Math.PI * total) + (r * r) / total;
  }
  logLik *= -0.5;
  const k = p + 1;
  const aic = -2 * logLik + 2 * k;
  const bic = -2 * logLik + k * log(m);

  const method_ = arcsin ? 'fay-herriot-arcsin' : 'fay-herriot';
  let negativeMse = 0;
  let outsideInterval = 0;
  const out: FayHerriotArea[] = new Array(rows.length);
  const place = (r: number, eblup: number, mseValue: number, gamma: number, synthetic: number, backSd: number) => {
    const name = rows[r]![o.area] as string | number;
    const variance = given[r] ?? null;
    let root = Math.sqrt(mseValue);
    if (!(mseValue > 0)) {
      negativeMse++;
      root = 0;
    }
    if (!arcsin) {
      out[r] = { area: name, direct: direct[r] ?? null, variance, estimate: interval(eblup, eblup - zq * root, eblup + zq * root, o.level, method_, { standardError: root }), mse: mseValue, shrinkage: gamma, synthetic };
      return;
    }
    const value = arcsinBackTransform(eblup, backSd);
    const lower = clampedSin2(eblup - zq * root);
    const upper = clampedSin2(eblup + zq * root);
    if (value < lower || value > upper) outsideInterval++;
    const slope = 2 * sin(Math.min(Math.max(eblup, 0), Math.PI / 2)) * sin(Math.PI / 2 - Math.min(Math.max(eblup, 0), Math.PI / 2)); // sin 2θ
    out[r] = {
      area: name,
      direct: direct[r] ?? null,
      variance,
      estimate: interval(value, Math.min(lower, value), Math.max(upper, value), o.level, method_),
      mse: slope * slope * mseValue,
      shrinkage: gamma,
      synthetic: clampedSin2(synthetic),
      transformed: {
        direct: direct[r] === null ? null : arcsinSqrt(direct[r]!),
        variance: effective[r] === null ? null : 1 / (4 * effective[r]!),
        estimate: eblup,
        mse: mseValue,
        synthetic,
        effectiveSize: effective[r] ?? null,
      },
    };
  };
  inSampleRows.forEach((r, i) => {
    const gamma = a / (a + d[i]!);
    const synthetic = y[i]! - fit.residual[i]!;
    const eblup = synthetic + a * fit.v[i]! * fit.residual[i]!;
    place(r, eblup, mse.inSample[i]!, gamma, synthetic, Math.sqrt(a * d[i]! * fit.v[i]!));
  });
  outRows.forEach((r, i) => {
    const synthetic = synth(xOut, i);
    place(r, synthetic, mse.outOfSample[i]!, 0, synthetic, Math.sqrt(a));
  });
  if (negativeMse > 0) {
    notes.push(`${negativeMse} area${negativeMse > 1 ? 's have' : ' has'} an MSE estimate <= 0 (the bias correction exceeded the rest): ${negativeMse > 1 ? 'their intervals have' : 'its interval has'} width 0 and should not be used`);
  }
  if (arcsin) {
    notes.push(
      "arcsin: the model holds on the scale asin(√p) with sampling variance 1/(4 n_eff) (binomial-like sampling with effective sample size n_eff); estimates are bias-corrected back-transforms E[sin²θ], intervals sin² of the arcsine-scale limits clamped to [0, π/2]; mse is a delta-method approximation on the proportion scale (transformed.mse is the arcsine-scale MSE)",
    );
    if (outsideInterval > 0) notes.push(`${outsideInterval} bias-corrected estimate${outsideInterval > 1 ? 's lie' : ' lies'} outside the back-transformed interval: the interval was widened to include it`);
  }

  const covariance: number[][] = [];
  for (let i = 0; i < p; i++) covariance.push(Array.from(fit.q.subarray(i * p, (i + 1) * p)));
  const coefficients: CoefficientRow[] = labels.map((label, j) => {
    const estimate = fit.beta[j]!;
    const standardError = Math.sqrt(fit.q[j * p + j]!);
    const statistic = estimate / standardError;
    return { ...label, estimate, standardError, statistic, pValue: Math.min(1, 2 * normalUpperCdf(Math.abs(statistic))), lower: estimate - zq * standardError, upper: estimate + zq * standardError };
  });
  return {
    method,
    transform: o.transform as FayHerriotTransform,
    areas: out,
    modelVariance: a,
    coefficients,
    covariance,
    logLik,
    aic,
    bic,
    inSample: m,
    converged: result.converged,
    iterations: result.iterations,
    level: o.level,
    notes,
  };
}
