import type { Random } from './generator';
import { gammaMarsagliaTsang } from './gammaMarsagliaTsang';
import { log } from '../special/elementary/log';

/**
 * The natural logarithm of a Gamma(shape, 1) draw, computed in log space so that tiny shapes (where
 * the draw itself underflows to 0) still give a finite value: log Gamma(shape + 1) + log(U) / shape
 * for shape < 1 (the boost of Marsaglia & Tsang 2000), log of Marsaglia & Tsang (2000) otherwise.
 * Consumes the generator exactly as {@link sampleGamma}, so
 * exp(sampleLogGamma(rng, a)) equals sampleGamma(rng, a) up to rounding. Finite for
 * shape >= 1e-290; shape <= 0 returns -Infinity.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { sampleLogGamma } from './sampleLogGamma';
 * const rng = createGenerator(42);
 * sampleLogGamma(rng, 0.001); // e.g. -812.3, a Gamma(0.001) draw of about 1e-353
 * ```
 * @internal
 */
export function sampleLogGamma(rng: Random, shape: number): number {
  if (shape >= 1) return log(gammaMarsagliaTsang(rng, shape));
  if (!(shape > 0)) return -Infinity;
  const g = gammaMarsagliaTsang(rng, shape + 1);
  return log(g) + log(1 - rng.next()) / shape;
}
