import { digamma } from '../../special/digamma';
import { log1p } from '../../special/elementary/log1p';
import { trigamma } from '../../special/trigamma';

/**
 * The score and observed information of the negative-binomial shape θ at fixed means (the functions
 * inside `MASS::theta.ml`): score Σ ψ(θ + y) - ψ(θ) - log(1 + μ/θ) + (μ - y)/(μ + θ), information
 * Σ ψ'(θ) - ψ'(θ + y) - 1/θ + 2/(μ + θ) - (y + θ)/(μ + θ)², with the digamma and trigamma differences
 * summed directly for small whole y (no cancellation when θ is large).
 *
 * @example
 * ```ts
 * import { thetaScore } from './thetaScore';
 * thetaScore(Float64Array.from([0, 5]), Float64Array.from([2.5, 2.5]), 1).score; // > 0 ... a root near θ = 1.2
 * ```
 * @internal
 */
export function thetaScore(y: Float64Array, mu: Float64Array, theta: number): { score: number; information: number } {
  let score = 0;
  let information = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    const m = mu[i]!;
    if (m === 0 && yi === 0) continue;
    let dPsi: number;
    let dTri: number;
    if (yi < 64 && Number.isInteger(yi)) {
      dPsi = 0;
      dTri = 0;
      for (let k = 0; k < yi; k++) {
        const t = 1 / (theta + k);
        dPsi += t;
        dTri += t * t;
      }
    } else {
      dPsi = digamma(theta + yi) - digamma(theta);
      dTri = trigamma(theta) - trigamma(theta + yi);
    }
    const mt = m + theta;
    score += dPsi - log1p(m / theta) + (m - yi) / mt;
    information += dTri - 1 / theta + 2 / mt - (yi + theta) / (mt * mt);
  }
  return { score, information };
}
