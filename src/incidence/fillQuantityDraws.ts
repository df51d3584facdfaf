import { createGenerator } from '../random/generator';
import { fillGamma } from '../random/fillGamma';
import type { QuantityDistribution } from './uncertainQuantity';

/**
 * Fill `out` with draws of an uncertain positive quantity from the stream `seed`: scale x Gamma(shape)
 * draws (Marsaglia & Tsang 2000), or the exact value repeated. Replaying the same seed gives the same
 * draws. The draws are those of `scale * sampleGamma(rng, shape)`, made in bulk by {@link fillGamma}.
 * @internal
 */
export function fillQuantityDraws(out: Float64Array, dist: QuantityDistribution, seed: number): Float64Array {
  if (dist.exact) return out.fill(dist.estimate);
  return fillGamma(createGenerator(seed), dist.shape, out, dist.scale);
}
