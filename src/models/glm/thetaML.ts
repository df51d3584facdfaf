import { exp } from '../../special/elementary/exp';
import { thetaScore } from './thetaScore';

/** Above this θ the negative binomial is indistinguishable from the Poisson: the estimate is taken as infinite. */
export const THETA_INFINITE = 1e8;

/**
 * Maximum-likelihood shape θ of a negative binomial (NB2) with known means, as `MASS::theta.ml`
 * (Venables and Ripley 2002, §7.4): Newton's method from the moment estimate n / Σ (y/μ - 1)², here on
 * log θ (so no step leaves θ > 0) and to a relative change of 1e-12 rather than MASS's 1.2e-4.
 * Returns Infinity when the likelihood still rises beyond {@link THETA_INFINITE} (the data are not
 * overdispersed), and the standard error 1/√information at the estimate.
 *
 * @example
 * ```ts
 * import { thetaML } from './thetaML';
 * thetaML(Float64Array.from([0, 1, 7, 2, 0, 9]), Float64Array.from([3, 3, 3, 3, 3, 3]), undefined).theta; // ≈ 0.78
 * ```
 * @internal
 */
export function thetaML(
  y: Float64Array,
  mu: Float64Array,
  start: number | undefined,
): { theta: number; standardError: number; iterations: number } {
  let theta = start ?? 0;
  if (!(theta > 0 && theta < THETA_INFINITE)) {
    let n = 0;
    let s = 0;
    for (let i = 0; i < y.length; i++) {
      if (mu[i] === 0) continue;
      n++;
      const r = y[i]! / mu[i]! - 1;
      s += r * r;
    }
    theta = s > 0 ? n / s : THETA_INFINITE;
    if (!(theta < THETA_INFINITE)) theta = THETA_INFINITE / 10;
  }
  let iterations = 0;
  for (; iterations < 200; iterations++) {
    const { score, information } = thetaScore(y, mu, theta);
    // d/d(log θ): score θ; second derivative: -information θ² + score θ
    const g = score * theta;
    const h = -information * theta * theta + g;
    let step = h < 0 ? -g / h : g > 0 ? 1 : -1;
    if (step > 3) step = 3;
    if (step < -3) step = -3;
    const next: number = theta * exp(step);
    if (next > THETA_INFINITE) {
      if (thetaScore(y, mu, THETA_INFINITE).score > 0) return { theta: Infinity, standardError: Infinity, iterations };
      theta = (theta + THETA_INFINITE) / 2;
      continue;
    }
    theta = next;
    if (Math.abs(step) < 1e-12) break;
  }
  const { information } = thetaScore(y, mu, theta);
  return { theta, standardError: 1 / Math.sqrt(information), iterations };
}
