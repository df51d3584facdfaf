import type { Random } from './generator';
import { marsagliaTsang } from './marsagliaTsang';

/**
 * Gamma(shape, 1) for shape >= 1 by Marsaglia & Tsang (2000): with d = shape - 1/3 and
 * c = 1/sqrt(9d), propose d(1 + cZ)³ for a standard normal Z; the squeeze u < 1 - 0.0331 Z⁴ accepts
 * about 92% of proposals without a logarithm, and a second squeeze ({@link marsagliaTsangSqueeze}) nearly all
 * the rest for shapes of 100 and more. Expected proposals per draw: at most 1.05.
 * The result is always > 0. Shape < 1 is handled by the callers (the U^(1/shape) boost).
 * The loop itself is {@link marsagliaTsang}, shared with the bulk samplers.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { gammaMarsagliaTsang } from './gammaMarsagliaTsang';
 * const rng = createGenerator(42);
 * gammaMarsagliaTsang(rng, 2.5); // a Gamma(2.5, 1) draw
 * ```
 * @internal
 */
export function gammaMarsagliaTsang(rng: Random, shape: number): number {
  const d = shape - 1 / 3;
  return marsagliaTsang(rng, d, 1 / Math.sqrt(9 * d));
}
