import type { Random } from '../random/generator';
import { sampleGamma } from '../random/sampleGamma';
import { NOISE_BINOMIAL, NOISE_POISSON, PRIOR_SHAPE } from './drawVictims';
import { finiteOrInfinity } from '../montecarlo/finiteOrInfinity';

/**
 * One draw of the share of victims recorded, given a draw of the annual victims `v` and of the incidents
 * per victim `k`, for a count `c` observed over a period with annualisation factor `f` (rv = c / k recorded
 * victims in the period, v / f victims in the period):
 *
 * - binomial thinning (`NOISE_BINOMIAL`): Beta(rv + 1/2, max(v / f - rv, 0) + 1/2), the Jeffreys posterior
 *   of a binomial share, drawn as a ratio of Gammas (Marsaglia & Tsang 2000);
 * - Poisson (`NOISE_POISSON`): Gamma(rv + 1/2) f / v (Jeffreys's posterior of the Poisson mean, over v);
 * - none: rv f / v.
 *
 * k <= 0, or a k so small that c / k overflows, gives 1 (binomial) or Infinity; a NaN (an infinite v) gives Infinity. Used by `impliedRecording`
 * and `localEstimates`, so both draw the same way.
 *
 * @example
 * ```ts
 * import { createGenerator } from '../random/generator';
 * import { drawRecordedShare } from './drawRecordedShare';
 * import { NOISE_BINOMIAL } from './drawVictims';
 * // 2,700 recorded a year against about 1.15 million victims
 * drawRecordedShare(createGenerator(42), NOISE_BINOMIAL, 2700, 1, 1, 1_150_000); // about 0.0023
 * ```
 * @internal
 */
export function drawRecordedShare(rng: Random, noise: number, c: number, f: number, k: number, v: number): number {
  const rv = c / k;
  // k <= 0, or a draw of k so small that c / k overflows (Gamma(Infinity) and Infinity / Infinity were NaN)
  if (!(k > 0 && rv < Infinity)) return noise === NOISE_BINOMIAL ? 1 : Infinity;
  if (noise === NOISE_BINOMIAL) {
    const x = sampleGamma(rng, rv + PRIOR_SHAPE);
    const rest = v / f - rv;
    const y = sampleGamma(rng, (rest > 0 ? rest : 0) + PRIOR_SHAPE);
    return x + y > 0 ? x / (x + y) : 1;
  }
  if (noise === NOISE_POISSON) return finiteOrInfinity((sampleGamma(rng, rv + PRIOR_SHAPE) * f) / v);
  return finiteOrInfinity((rv * f) / v);
}
