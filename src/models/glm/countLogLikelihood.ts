import { log } from '../../special/elementary/log';
import { log1p } from '../../special/elementary/log1p';
import { logGamma } from '../../special/logGamma';

/** log Γ(θ + y) - log Γ(θ): a sum of logs for small whole y (no cancellation at large θ). */
function logGammaRatio(theta: number, y: number): number {
  if (y < 64 && Number.isInteger(y)) {
    let s = 0;
    for (let k = 0; k < y; k++) s += log(theta + k);
    return s;
  }
  return logGamma(theta + y) - logGamma(theta);
}

/**
 * The log-likelihood of counts `y` with means `mu`: Poisson when `theta` is Infinity,
 * Σ y log μ - μ - log y!, else negative binomial (NB2, as `MASS::glm.nb`):
 * Σ log Γ(θ + y) - log Γ(θ) - log y! + y log(μ/(μ + θ)) - θ log(1 + μ/θ). Rows with μ = 0 and y = 0
 * contribute 0. Uses darkfigure's own log Γ (accurate to a few ulps against R; simple-statistics'
 * `gammaln` is a Lanczos approximation good to about 1e-10 relative, too loose for log-likelihoods of
 * thousands of rows compared to 1e-5).
 *
 * @example
 * ```ts
 * import { countLogLikelihood } from './countLogLikelihood';
 * countLogLikelihood(Float64Array.from([2]), Float64Array.from([2]), Infinity); // -1.3068528...
 * ```
 * @internal
 */
export function countLogLikelihood(y: Float64Array, mu: Float64Array, theta: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    const m = mu[i]!;
    if (m === 0) continue;
    const logFactorial = logGamma(yi + 1);
    if (theta === Infinity) total += (yi > 0 ? yi * log(m) : 0) - m - logFactorial;
    else
      total +=
        logGammaRatio(theta, yi) - logFactorial + (yi > 0 ? yi * log(m / (m + theta)) : 0) - theta * log1p(m / theta);
  }
  return total;
}
