import type { Random } from './generator';
import { gammaMarsagliaTsang } from './gammaMarsagliaTsang';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';

/**
 * A Gamma(shape, scale 1) draw. Shape >= 1: Marsaglia & Tsang (2000); shape < 1:
 * Gamma(shape + 1) U^(1/shape), the boost of Marsaglia & Tsang (2000, section 6), computed as
 * exp(log(U) / shape) with U in (0, 1], so U = 1 gives 1 (never 1^Infinity = NaN).
 *
 * Underflow: for small shapes the true draw can be below the smallest double (P(X < 1e-308) is
 * about 1e-308^shape / Γ(shape + 1): 8e-4 at shape 0.01, 0.49 at shape 0.001); such draws return 0
 * (or a subnormal). Use {@link sampleLogGamma} where the logarithm is what is needed, as Beta and
 * Dirichlet do. Otherwise the result is > 0. Shape <= 0 (degenerate at 0) returns 0.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { sampleGamma } from './sampleGamma';
 * const rng = createGenerator(42);
 * sampleGamma(rng, 2.5); // mean 2.5, variance 2.5
 * ```
 * @internal
 */
export function sampleGamma(rng: Random, shape: number): number {
  if (shape >= 1) return gammaMarsagliaTsang(rng, shape);
  if (!(shape > 0)) return 0;
  const g = gammaMarsagliaTsang(rng, shape + 1);
  return g * exp(log(1 - rng.next()) / shape);
}
