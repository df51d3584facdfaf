import { createGenerator } from '../random/generator';
import { fillBeta } from '../random/fillBeta';
import type { ProbabilityDistribution } from './uncertainProbability';

/**
 * Fill `out` with draws of an uncertain probability from the stream `seed`: Beta(alpha, beta) draws
 * (Gamma ratio, Marsaglia & Tsang 2000), or the exact value repeated. Replaying the same seed gives
 * the same draws. No allocation besides the generator. The draws are those of `sampleBeta`, made in bulk
 * by {@link fillBeta}.
 * @internal
 */
export function fillProbabilityDraws(out: Float64Array, dist: ProbabilityDistribution, seed: number): Float64Array {
  if (dist.exact) return out.fill(dist.estimate);
  return fillBeta(createGenerator(seed), dist.alpha, dist.beta, out);
}
