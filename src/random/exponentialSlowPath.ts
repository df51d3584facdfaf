import type { Random } from './generator';
import { EXPONENTIAL_R, EXPONENTIAL_ZIGGURAT } from './exponentialZiggurat';
import { sampleExponential } from './sampleExponential';
import { exp } from '../special/elementary/exp';

const F = /* @__PURE__ */ (() => EXPONENTIAL_ZIGGURAT.F)();

/**
 * The rare part of a ziggurat exponential draw ({@link sampleExponential}; Marsaglia & Tsang 2000), for the
 * about 2% of first words `a` (layer `a & 0xff`) whose abscissa `x` falls outside the layer's rectangle:
 * the tail beyond r (r plus a fresh draw), or the wedge test against e^-x, a rejected wedge starting a fresh
 * draw. Consumes the generator exactly as sampleExponential would from that point.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { exponentialSlowPath } from './exponentialSlowPath';
 * const rng = createGenerator(42);
 * exponentialSlowPath(rng, 0, 8); // a draw from the tail beyond r = 7.697 (layer 0)
 * ```
 * @internal
 */
export function exponentialSlowPath(rng: Random, a: number, x: number): number {
  const i = a & 0xff;
  if (i === 0) return EXPONENTIAL_R + sampleExponential(rng);
  if (F[i]! + rng.next() * (F[i + 1]! - F[i]!) < exp(-x)) return x;
  return sampleExponential(rng);
}
