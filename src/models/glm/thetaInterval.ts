import { interval, type Interval } from '../../core/interval';
import { twoSidedZ } from '../../intervals/kernels/twoSidedZ';
import { exp } from '../../special/elementary/exp';
import { log } from '../../special/elementary/log';
import type { CountFit } from './countFit';
import { countLogLikelihood } from './countLogLikelihood';
import { irls } from './irls';
import { THETA_INFINITE } from './thetaML';
import { profileRoot } from '../search/profileRoot';

/**
 * The negative-binomial shape θ as an {@link Interval}: the estimate, MASS's standard error
 * (1/√information, as `glm.nb`'s `SE.theta`) and a profile-likelihood interval, the θ where the
 * log-likelihood maximised over the coefficients falls z²/2 below its maximum (found on log θ by
 * {@link profileRoot}). An upper limit beyond 1e8 (the likelihood cannot tell the data from
 * Poisson) is Infinity, with a note; an infinite estimate (Poisson-like data) gets its lower limit so.
 *
 * @example
 * ```ts
 * // countModel(rows, { response: 'y', family: 'negative-binomial' }).theta
 * ```
 * @internal
 */
export function thetaInterval(model: CountFit, level: number): Interval {
  const { system, y, zeroRows } = model;
  const z = twoSidedZ(level);
  let eta = model.fit.eta;
  const profile = (theta: number): number => {
    const fit = irls(system, y, theta >= THETA_INFINITE ? Infinity : theta, { maxIterations: 100, tolerance: 1e-12, zeroRows, etaStart: eta });
    if (fit.converged) eta = fit.eta;
    return countLogLikelihood(y, fit.mu, theta >= THETA_INFINITE ? Infinity : theta);
  };
  const estimate = model.theta;
  const maximum = countLogLikelihood(y, model.fit.mu, estimate);
  const target = maximum - (z * z) / 2;
  const notes: string[] = [];
  const centre = estimate === Infinity ? log(THETA_INFINITE) : log(estimate);
  const cap = log(THETA_INFINITE);
  const step = estimate === Infinity ? 1 : Math.max(0.05, (z * model.thetaStandardError) / estimate);
  const f = (u: number) => profile(exp(u));
  const search = (direction: 1 | -1): number => {
    eta = model.fit.eta;
    const u = profileRoot(f, centre, target, direction * step, direction > 0 ? cap : -700);
    if (direction > 0) return u >= cap ? Infinity : exp(u);
    return u <= -700 ? 0 : exp(u);
  };
  const lower = search(-1);
  const upper = estimate === Infinity ? Infinity : search(1);
  if (upper === Infinity) notes.push('the upper limit of theta is unbounded: the data are consistent with no overdispersion (Poisson)');
  return interval(estimate, lower, upper, level, 'profile', { standardError: model.thetaStandardError, notes });
}
