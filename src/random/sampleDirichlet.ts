import type { Random } from './generator';
import { sampleGamma } from './sampleGamma';
import { sampleLogGamma } from './sampleLogGamma';
import { exp } from '../special/elementary/exp';

/**
 * A Dirichlet(alphas) draw written into `out` (which must have `alphas.length` entries) and returned:
 * independent Gamma(alpha_i) draws divided by their sum (Devroye 1986, ch. XI.4; gammas by
 * Marsaglia & Tsang 2000). If any alpha is below 1 the gammas are drawn in log space
 * ({@link sampleLogGamma}) and normalised after subtracting the largest, so tiny alphas (all of
 * whose gammas may underflow) still give a point of the simplex: entries in [0, 1], summing to 1 up
 * to rounding. Allocates nothing; `alphas` is not modified.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { sampleDirichlet } from './sampleDirichlet';
 * const rng = createGenerator(42);
 * sampleDirichlet(rng, [45, 22, 10, 5, 4, 14], new Float64Array(6)); // shares of victims by relationship
 * ```
 * @internal
 */
export function sampleDirichlet(rng: Random, alphas: ArrayLike<number>, out: Float64Array): Float64Array {
  const n = alphas.length;
  let small = false;
  for (let i = 0; i < n; i++) if (alphas[i]! < 1) small = true;
  let sum = 0;
  if (!small) {
    for (let i = 0; i < n; i++) {
      const g = sampleGamma(rng, alphas[i]!);
      out[i] = g;
      sum += g;
    }
  } else {
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const logG = sampleLogGamma(rng, alphas[i]!);
      out[i] = logG;
      if (logG > max) max = logG;
    }
    for (let i = 0; i < n; i++) {
      const g = exp(out[i]! - max);
      out[i] = g;
      sum += g;
    }
  }
  const scale = 1 / sum;
  for (let i = 0; i < n; i++) out[i] = out[i]! * scale;
  return out;
}
