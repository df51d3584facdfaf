import { exp } from '../../special/elementary/exp';
import { log } from '../../special/elementary/log';
import type { BlockSystem } from '../linear/blockSystem';
import { weightedSolve } from '../linear/weightedSolve';
import { countDeviance } from './countDeviance';

/** The outcome of {@link irls}. @internal */
export interface IrlsFit {
  /** Coefficients over design columns (0 for columns not fitted). */
  coefficients: Float64Array;
  eta: Float64Array;
  mu: Float64Array;
  deviance: number;
  iterations: number;
  converged: boolean;
  /** Steps that had to be halved (a non-finite or increasing deviance). */
  halvings: number;
}

/** Settings of {@link irls}. @internal */
export interface IrlsSettings {
  maxIterations: number;
  /** Convergence: |D - D_old| / (|D| + 0.1) below this (R's `glm.control` rule). */
  tolerance: number;
  /** Linear predictor to start from (e.g. a previous fit's); otherwise R's starting means. */
  etaStart?: Float64Array | undefined;
  /** Rows whose mean is fixed at 0 (a column estimated at minus infinity covers them). */
  zeroRows?: Uint8Array | undefined;
  /** Added to the offset (a coefficient held fixed, for profiles). */
  extraOffset?: Float64Array | undefined;
}

/**
 * Iteratively reweighted least squares for a log-linear count model (Nelder and Wedderburn 1972;
 * Green 1984): Poisson when `theta` is Infinity, else negative binomial with known shape θ. Each step
 * solves XᵀWX b = XᵀWz with w = μ / (1 + μ/θ) and z = η - offset + (y - μ)/μ; a step whose deviance is
 * not finite or rises is halved towards the previous coefficients (up to 30 times), as `glm2`
 * (Marschner 2011) does. Starts from μ = y + 0.1 (Poisson) or y + (y = 0)/6 (negative binomial), as R.
 *
 * @example
 * ```ts
 * import { irls } from './irls';
 * import { blockSystem } from '../linear/blockSystem';
 * import { designMatrix } from '../design/designMatrix';
 * const spec = { terms: ['g'], levels: { g: ['a', 'b'] }, coding: { g: { g: 'contrast' as const } }, exposure: null };
 * const system = blockSystem(designMatrix([{ g: 'a' }, { g: 'b' }], spec), [true, true], [false, true]);
 * irls(system, Float64Array.from([2, 6]), Infinity, { maxIterations: 50, tolerance: 1e-10 }).mu; // ≈ [2, 6]
 * ```
 * @internal
 */
export function irls(system: BlockSystem, y: Float64Array, theta: number, settings: IrlsSettings): IrlsFit {
  const { design } = system;
  const n = design.rows;
  const { rowStart, col, val } = design;
  const offset = new Float64Array(design.offset);
  if (settings.extraOffset) for (let i = 0; i < n; i++) offset[i] = offset[i]! + settings.extraOffset[i]!;
  const zero = settings.zeroRows;
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  if (settings.etaStart) {
    eta.set(settings.etaStart);
    for (let i = 0; i < n; i++) mu[i] = exp(eta[i]!);
  } else {
    for (let i = 0; i < n; i++) {
      const yi = y[i]!;
      mu[i] = theta === Infinity ? yi + 0.1 : yi + (yi === 0 ? 1 / 6 : 0);
      eta[i] = log(mu[i]!);
    }
  }
  const w = new Float64Array(n);
  const z = new Float64Array(n);
  const deviance = (m: Float64Array): number => {
    let total = 0;
    for (let i = 0; i < n; i++) if (!zero?.[i]) total += countDeviance(y[i]!, m[i]!, theta);
    return total;
  };
  const predict = (b: Float64Array, outEta: Float64Array, outMu: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      if (zero?.[i]) {
        outEta[i] = -Infinity;
        outMu[i] = 0;
        continue;
      }
      let e = offset[i]!;
      for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) e += b[col[k]!]! * val[k]!;
      outEta[i] = e;
      outMu[i] = exp(e);
    }
  };
  let devOld = deviance(mu);
  let coefficients = new Float64Array(design.columns);
  let previous: Float64Array | undefined;
  let converged = false;
  let iterations = 0;
  let halvings = 0;
  const etaNew = new Float64Array(n);
  const muNew = new Float64Array(n);
  while (iterations < settings.maxIterations) {
    iterations++;
    for (let i = 0; i < n; i++) {
      if (zero?.[i]) {
        w[i] = 0;
        z[i] = 0;
        continue;
      }
      const m = mu[i]!;
      w[i] = theta === Infinity ? m : m / (1 + m / theta);
      z[i] = eta[i]! - offset[i]! + (y[i]! - m) / m;
    }
    weightedSolve(system, w, z, 0);
    coefficients = Float64Array.from(system.solution);
    predict(coefficients, etaNew, muNew);
    let dev = deviance(muNew);
    for (let halving = 0; previous !== undefined && halving < 30 && !(dev <= devOld + 1e-10 * (Math.abs(devOld) + 0.1)); halving++) {
      halvings++;
      for (let j = 0; j < coefficients.length; j++) coefficients[j] = (coefficients[j]! + previous[j]!) / 2;
      predict(coefficients, etaNew, muNew);
      dev = deviance(muNew);
    }
    eta.set(etaNew);
    mu.set(muNew);
    previous = coefficients;
    const change = Math.abs(dev - devOld) / (Math.abs(dev) + 0.1);
    devOld = dev;
    if (change < settings.tolerance) {
      converged = true;
      break;
    }
  }
  return { coefficients, eta, mu, deviance: devOld, iterations, converged, halvings };
}
