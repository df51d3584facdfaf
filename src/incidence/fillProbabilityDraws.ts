import { createGenerator } from '../random/generator';
import { sampleBeta } from '../random/sampleBeta';
import type { ProbabilityDistribution } from './uncertainProbability';

/**
 * Fill `out` with draws of an uncertain probability from the stream `seed`: Beta(alpha, beta) draws
 * (Gamma ratio, Marsaglia & Tsang 2000), or the exact value repeated. Replaying the same seed gives
 * the same draws. No allocation besides the generator.
 * @internal
 */
export function fillProbabilityDraws(out: Float64Array, dist: ProbabilityDistribution, seed: number): Float64Array {
  if (dist.exact) return out.fill(dist.estimate);
  const rng = createGenerator(seed);
  const a = dist.alpha;
  const b = dist.beta;
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = sampleBeta(rng, a, b);
  return out;
}
