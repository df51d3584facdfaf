import { designMatrix, type DesignMatrix } from '../design/designMatrix';
import type { DesignColumn, ModelSpec } from '../design/modelSpec';
import { termColumns } from '../design/termColumns';
import { termParts } from '../design/termParts';
import { blockCovariance } from '../linear/blockCovariance';
import { blockSystem, type BlockSystem } from '../linear/blockSystem';
import { weightedSolve } from '../linear/weightedSolve';
import { irls, type IrlsFit } from './irls';
import { thetaML } from './thetaML';

/** How aliasing is detected: a column whose squared residual norm is below this share of its own. */
const ALIASING_TOLERANCE = 1e-11;

/** Everything a count model's results are built from. @internal */
export interface CountFit {
  spec: ModelSpec;
  design: DesignMatrix;
  y: Float64Array;
  system: BlockSystem;
  fit: IrlsFit;
  /** Negative-binomial shape (Infinity for Poisson). */
  theta: number;
  thetaStandardError: number;
  thetaIterations: number;
  /** Columns estimated at minus infinity (a level with no events), and the rows they fix at 0. */
  minusInfinity: boolean[];
  zeroRows: Uint8Array;
  /** Design columns with a finite coefficient, in order, and their covariance (unscaled). */
  fitted: number[];
  covariance: Float64Array;
  notes: string[];
  /** The outer (theta) iterations of a negative-binomial fit; 0 otherwise. */
  outerIterations: number;
  converged: boolean;
  /** Means subtracted, by term, from numeric variables in `design` (coefficients and covariance are for the columns as given). */
  centre: Record<string, number>;
  /** Design columns whose meaning in `design` differs from the columns as given (the targets of the centring shifts). */
  shifted: number[];
  rows: readonly Record<string, unknown>[];
}

/** The settings of {@link countFit}. @internal */
export interface CountFitSettings {
  negativeBinomial: boolean;
  maxIterations: number;
  tolerance: number;
}

function exclusiveColumns(spec: Omit<ModelSpec, 'columns'>, columns: number): boolean[] {
  // the pure-factor term with the most columns: its columns never share a row
  let best: { start: number; count: number } | undefined;
  let start = 1;
  for (const term of spec.terms) {
    const count = termColumns(term, spec).length;
    // a term coded with every level of its factors spans the intercept: it must not be eliminated before it
    const contrasts = termParts(term).every((p) => spec.levels[p] !== undefined && spec.coding[term]?.[p] === 'contrast');
    if (contrasts && (!best || count > best.count)) best = { start, count };
    start += count;
  }
  const out = new Array<boolean>(columns).fill(false);
  if (best) for (let j = best.start; j < best.start + best.count; j++) out[j] = true;
  return out;
}

/**
 * Fit a log-linear count model: code the design, find columns estimated at minus infinity (an
 * indicator whose rows all have count 0: its rows' fitted counts are exactly 0) and aliased columns,
 * then IRLS ({@link irls}); for the negative binomial alternate IRLS with the maximum-likelihood θ
 * ({@link thetaML}) as `MASS::glm.nb`, starting from the Poisson fit, and fall back to the Poisson fit
 * when θ runs off to infinity. The covariance is (XᵀWX)⁻¹ at the final weights.
 *
 * @example
 * ```ts
 * import { countFit } from './countFit';
 * const spec = { response: 'y', exposure: null, terms: ['g'], levels: { g: ['a', 'b'] }, numeric: [], coding: { g: { g: 'contrast' as const } } };
 * countFit([{ y: 2, g: 'a' }, { y: 6, g: 'b' }], spec, { negativeBinomial: false, maxIterations: 50, tolerance: 1e-10 }).fit.mu; // ≈ [2, 6]
 * ```
 * @internal
 */
export function countFit(
  rows: readonly Record<string, unknown>[],
  base: Omit<ModelSpec, 'columns'>,
  settings: CountFitSettings,
  centreInteractions = true,
): CountFit {
  const notes: string[] = [];
  const labels: DesignColumn[] = [{ term: '(Intercept)', aliased: false }];
  for (const term of base.terms) for (const c of termColumns(term, base)) labels.push({ term, ...c, aliased: false });
  // centre numeric variables (a year of 2013-2019, a covariate of 1e7 + small): the same model, with normal
  // equations far better conditioned; coefficients and covariance are mapped back to the columns as given.
  // A numeric main effect shifts into the intercept; a factor crossed with a numeric (district:year, the
  // factor coded by contrasts as in its own main effect) shifts into the factor's column of the same level.
  const centre: Record<string, number> = {};
  const target = new Int32Array(labels.length).fill(-1); // for a centred column, the column its shift goes into
  const meanOf = (name: string) => {
    let sum = 0;
    for (const row of rows) sum += row[name] as number;
    return sum / rows.length;
  };
  for (const term of base.terms) {
    const parts = termParts(term);
    const numbers = parts.filter((part) => base.levels[part] === undefined);
    const factors = parts.filter((part) => base.levels[part] !== undefined);
    if (numbers.length !== 1) continue;
    if (factors.length === 0) {
      const mean = meanOf(term);
      if (mean !== 0 && Number.isFinite(mean)) centre[term] = mean;
      labels.forEach((l, j) => {
        if (l.term === term) target[j] = 0;
      });
      continue;
    }
    const f = factors[0]!;
    if (!centreInteractions || factors.length !== 1 || !base.terms.includes(f) || base.coding[term]?.[f] !== 'contrast' || base.coding[f]?.[f] !== 'contrast') continue;
    const mean = meanOf(numbers[0]!);
    if (mean === 0 || !Number.isFinite(mean)) continue;
    centre[term] = mean;
    labels.forEach((l, j) => {
      if (l.term === term) target[j] = labels.findIndex((m) => m.term === f && m.level === l.level);
    });
  }
  const design = designMatrix(rows, base, centre);
  const n = design.rows;
  const y = Float64Array.from(rows, (r) => r[base.response] as number);
  const p = design.columns;

  // columns at minus infinity: pure-factor indicator columns whose rows all have y = 0
  const pureFactor = labels.map((l) => l.term !== '(Intercept)' && termParts(l.term).every((part) => base.levels[part] !== undefined));
  const total = new Float64Array(p);
  const rowsOf = new Int32Array(p);
  for (let i = 0; i < n; i++) {
    for (let e = design.rowStart[i]!; e < design.rowStart[i + 1]!; e++) {
      total[design.col[e]!] = total[design.col[e]!]! + y[i]!;
      rowsOf[design.col[e]!] = rowsOf[design.col[e]!]! + 1;
    }
  }
  const minusInfinity = new Array<boolean>(p).fill(false);
  const zeroRows = new Uint8Array(n);
  for (let j = 1; j < p; j++) {
    if (!pureFactor[j] || rowsOf[j] === 0 || total[j] !== 0) continue;
    let fresh = false;
    for (let i = 0; i < n; i++) {
      for (let e = design.rowStart[i]!; e < design.rowStart[i + 1]!; e++) if (design.col[e] === j && !zeroRows[i]) fresh = true;
    }
    if (!fresh) continue; // all its rows already fixed at 0: not estimable (treated as aliased below)
    minusInfinity[j] = true;
    for (let i = 0; i < n; i++) {
      for (let e = design.rowStart[i]!; e < design.rowStart[i + 1]!; e++) if (design.col[e] === j) zeroRows[i] = 1;
    }
  }

  // aliasing, on the rows and columns actually fitted
  const exclusive = exclusiveColumns(base, p);
  const candidate = minusInfinity.map((m) => !m);
  const probe = blockSystem(design, candidate, exclusive);
  const unit = Float64Array.from(zeroRows, (z) => (z ? 0 : 1));
  const aliasedC = weightedSolve(probe, unit, new Float64Array(n), ALIASING_TOLERANCE);
  probe.cColumns.forEach((j, a) => {
    if (aliasedC[a]) labels[j]!.aliased = true;
  });
  probe.dColumns.forEach((j, d) => {
    if (!(probe.dDiag[d]! > 0)) labels[j]!.aliased = true;
  });
  for (let j = 1; j < p; j++) if (!minusInfinity[j] && rowsOf[j]! > 0 && total[j] === 0 && pureFactor[j]) labels[j]!.aliased = true;
  const fittedMask = labels.map((l, j) => !l.aliased && !minusInfinity[j]);
  const aliased = labels.filter((l) => l.aliased);
  if (aliased.length > 0) {
    notes.push(
      `${aliased.length} column${aliased.length > 1 ? 's' : ''} of the design ${aliased.length > 1 ? 'are' : 'is'} aliased (a linear combination of earlier columns, or with no rows left to estimate ${aliased.length > 1 ? 'them' : 'it'}) and dropped, as R reports NA coefficients: ${aliased
        .map((l) => (l.level === undefined ? l.term : `${l.term} = ${l.level}`))
        .join(', ')}`,
    );
  }
  minusInfinity.forEach((m, j) => {
    if (m) labels[j]!.minusInfinity = true;
  });
  const spec: ModelSpec = { ...base, columns: labels };
  const system = blockSystem(design, fittedMask, exclusive);
  const irlsSettings = { maxIterations: settings.maxIterations, tolerance: settings.tolerance, zeroRows };
  let fit = irls(system, y, Infinity, irlsSettings);
  let theta = Infinity;
  let thetaStandardError = Infinity;
  let thetaIterations = 0;
  let outerIterations = 0;
  let converged = fit.converged;
  if (settings.negativeBinomial) {
    let overdispersion = 0;
    for (let i = 0; i < n; i++) {
      const r = y[i]! - fit.mu[i]!;
      if (!zeroRows[i]) overdispersion += r * r - y[i]!;
    }
    let estimate = overdispersion > 0 ? thetaML(y, fit.mu, undefined) : { theta: Infinity, standardError: Infinity, iterations: 0 };
    thetaIterations += estimate.iterations;
    const poissonFit = fit;
    while (estimate.theta < Infinity && outerIterations < settings.maxIterations) {
      outerIterations++;
      const next = irls(system, y, estimate.theta, { ...irlsSettings, etaStart: fit.eta });
      const previousTheta = estimate.theta;
      const previousDeviance = fit.deviance;
      fit = next;
      estimate = thetaML(y, fit.mu, previousTheta);
      thetaIterations += estimate.iterations;
      if (
        fit.converged &&
        Math.abs(estimate.theta - previousTheta) <= settings.tolerance * previousTheta &&
        outerIterations > 1 &&
        Math.abs(fit.deviance - previousDeviance) <= settings.tolerance * (Math.abs(fit.deviance) + 0.1)
      )
        break;
    }
    if (estimate.theta === Infinity) {
      fit = poissonFit;
      notes.push(
        'the data look Poisson: the negative-binomial shape theta runs off to infinity (no overdispersion), so the Poisson fit is returned; theta is Infinity',
      );
    } else {
      // one more IRLS at the final theta so coefficients and theta agree
      fit = irls(system, y, estimate.theta, { ...irlsSettings, etaStart: fit.eta });
      converged = fit.converged && outerIterations < settings.maxIterations;
    }
    theta = estimate.theta;
    thetaStandardError = estimate.standardError;
  }
  // covariance at the final weights
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = fit.mu[i]!;
    w[i] = zeroRows[i] ? 0 : theta === Infinity ? m : m / (1 + m / theta);
  }
  weightedSolve(system, w, new Float64Array(n), 0);
  const fitted: number[] = [];
  fittedMask.forEach((f, j) => {
    if (f) fitted.push(j);
  });
  const covariance = blockCovariance(system, fitted);
  // shifts [fitted index of the centred column, fitted index of its target, mean]
  const shifts: [number, number, number][] = [];
  let unmapped = false;
  fitted.forEach((j, k) => {
    const mean = centre[labels[j]!.term];
    if (mean === undefined || target[j]! < 0) return;
    const t = fitted.indexOf(target[j]!);
    if (t < 0) unmapped = true;
    else shifts.push([k, t, mean]);
  });
  // a factor column an interaction shifts into was dropped (aliased): fit again with that interaction as given
  if (unmapped && centreInteractions) return countFit(rows, base, settings, false);
  uncentre(fit.coefficients, covariance, fitted, shifts);
  return {
    spec,
    design,
    y,
    system,
    fit,
    theta,
    thetaStandardError,
    thetaIterations,
    minusInfinity,
    zeroRows,
    fitted,
    covariance,
    notes,
    outerIterations,
    converged: converged && fit.converged,
    centre,
    shifted: [...new Set(shifts.map(([, t]) => fitted[t]!))],
    rows,
  };
}

/**
 * Map a fit on centred numeric columns back to the columns as given: for each shift (centred column k, its
 * target t, mean m) b_t -= m b_k, that is b = A b_c with A = I - Σ m e_t e_kᵀ, and V = A V_c Aᵀ.
 */
function uncentre(coefficients: Float64Array, covariance: Float64Array, fitted: number[], shifts: readonly [number, number, number][]): void {
  if (shifts.length === 0) return;
  const p = fitted.length;
  for (const [k, t, m] of shifts) coefficients[fitted[t]!] = coefficients[fitted[t]!]! - m * coefficients[fitted[k]!]!;
  // A V: row t -= m row k (rows k are never targets, so the order of the shifts does not matter)
  const av = Float64Array.from(covariance);
  for (const [k, t, m] of shifts) for (let l = 0; l < p; l++) av[t * p + l] = av[t * p + l]! - m * covariance[k * p + l]!;
  // (A V) Aᵀ: column t -= m column k
  const out = Float64Array.from(av);
  for (const [k, t, m] of shifts) for (let r = 0; r < p; r++) out[r * p + t] = out[r * p + t]! - m * av[r * p + k]!;
  covariance.set(out);
}
