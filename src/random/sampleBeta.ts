import type { Random } from './generator';
import { sampleExponential } from './sampleExponential';
import { sampleGamma } from './sampleGamma';
import { sampleLogGamma } from './sampleLogGamma';
import { exp } from '../special/elementary/exp';

/** Below this a double is subnormal (2^-1022), where ratios lose relative precision. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * A Beta(a, b) draw, in [0, 1], for shapes a, b > 0.
 *
 * - both >= 1 (and not both 1): X / (X + Y) with independent X ~ Gamma(a), Y ~ Gamma(b) (Devroye
 *   1986, ch. IX.4; gammas by Marsaglia & Tsang 2000), as numpy does.
 * - one shape below 1, the other above 1: the same, the small shape's gamma drawn in log space
 *   ({@link sampleLogGamma}): 1 / (1 + Y exp(-log X)) or X / (X + exp(log Y)), so a gamma draw that
 *   underflows to 0 gives 0 or 1, never 0/0 (the other gamma is > 0).
 * - both at most 1: Jöhnk's (1964) method, X = U^(1/a), Y = V^(1/b), accepted when X + Y <= 1
 *   (probability Γ(a + 1) Γ(b + 1) / Γ(a + b + 1) >= 1/2), returning X / (X + Y); powers are taken in
 *   log space, log U = -E with E a standard exponential ({@link sampleExponential}, a ziggurat: no
 *   logarithm), and, where X or Y underflows (shapes such as 0.001), the ratio is formed from the logs.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { sampleBeta } from './sampleBeta';
 * const rng = createGenerator(42);
 * sampleBeta(rng, 2, 30); // mean 2/32
 * ```
 * @internal
 */
export function sampleBeta(rng: Random, a: number, b: number): number {
  if (a <= 1 && b <= 1) {
    for (;;) {
      // log U / a with -log U an exponential draw, made without a logarithm.
      const logX = -sampleExponential(rng) / a;
      const logY = -sampleExponential(rng) / b;
      const x = exp(logX);
      const y = exp(logY);
      if (x + y > 1) continue;
      if (x >= SMALLEST_NORMAL && y >= SMALLEST_NORMAL) return x / (x + y);
      return 1 / (1 + exp(logY - logX));
    }
  }
  if (a >= 1 && b >= 1) {
    const x = sampleGamma(rng, a);
    return x / (x + sampleGamma(rng, b));
  }
  // One shape below 1: only its gamma can underflow, so only it is drawn in log space.
  if (a < 1) {
    const logX = sampleLogGamma(rng, a);
    return 1 / (1 + sampleGamma(rng, b) * exp(-logX));
  }
  const x = sampleGamma(rng, a);
  return x / (x + exp(sampleLogGamma(rng, b)));
}
