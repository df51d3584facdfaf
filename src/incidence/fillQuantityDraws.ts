import { createGenerator } from '../random/generator';
import { sampleGamma } from '../random/sampleGamma';
import type { QuantityDistribution } from './uncertainQuantity';

/**
 * Fill `out` with draws of an uncertain positive quantity from the stream `seed`: scale x Gamma(shape)
 * draws (Marsaglia & Tsang 2000), or the exact value repeated. Replaying the same seed gives the same
 * draws.
 * @internal
 */
export function fillQuantityDraws(out: Float64Array, dist: QuantityDistribution, seed: number): Float64Array {
  if (dist.exact) return out.fill(dist.estimate);
  const rng = createGenerator(seed);
  const shape = dist.shape;
  const scale = dist.scale;
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = scale * sampleGamma(rng, shape);
  return out;
}
