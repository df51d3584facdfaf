import type { Random } from '../random/generator';
import { sampleGamma } from '../random/sampleGamma';
import { samplePoisson } from '../random/samplePoisson';

/** Count-noise models, as small integers for the hot loop. @internal */
export const NOISE_NONE = 0;
/** @internal */
export const NOISE_BINOMIAL = 1;
/** @internal */
export const NOISE_POISSON = 2;

/**
 * Prior shape added to the recorded count in the Gamma posterior of the count-noise models:
 * Gamma(count + 1/2), Jeffreys's (1946) prior for a Poisson mean. @internal
 */
export const PRIOR_SHAPE = 0.5;

/** Above this Poisson mean the Poisson draw is replaced by its mean (relative noise below 3e-8). */
const POISSON_LIMIT = 1e15;

/**
 * One Monte Carlo draw of the number of victims in the period, annualised, given draws of the
 * incidents per victim `k` and the recorded share `q` (reporting x recording), for a count `c`
 * observed over a period with annualisation factor `f`. Recorded victims are rv = c / k.
 *
 * - binomial thinning (`NOISE_BINOMIAL`): recorded victims are a Binomial(V, q) thinning of the V
 *   victims. Under the prior P(V) proportional to Gamma(V + 1/2) / Gamma(V + 1) (about V^(-1/2)) the
 *   victims never recorded are negative binomial, V - rv ~ NB(size rv + 1/2, q), drawn as
 *   Poisson(G (1 - q) / q) with G ~ Gamma(rv + 1/2) (the Gamma-Poisson mixture; Greenwood & Yule 1920).
 *   Estimand: the number of victims in that period.
 * - Poisson (`NOISE_POISSON`): the count is Poisson; its mean is drawn from the Jeffreys posterior
 *   Gamma(rv + 1/2) and divided by q. Estimand: the expected (underlying) number of victims a year.
 * - none (`NOISE_NONE`): rv / q, the count treated as a census.
 *
 * A draw q = 0 (possible only for extreme Beta shapes) or k = 0 gives Infinity, never NaN.
 * @internal
 */
export function drawVictims(rng: Random, noise: number, c: number, f: number, k: number, q: number): number {
  if (!(q > 0 && k > 0)) return Infinity;
  const rv = c / k;
  if (noise === NOISE_BINOMIAL) {
    const mean = sampleGamma(rng, rv + PRIOR_SHAPE) * ((1 - q) / q);
    const u = mean < POISSON_LIMIT ? samplePoisson(rng, mean) : mean;
    return (rv + u) * f;
  }
  if (noise === NOISE_POISSON) return (sampleGamma(rng, rv + PRIOR_SHAPE) / q) * f;
  return (rv / q) * f;
}
