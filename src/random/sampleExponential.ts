import type { Random } from './generator';
import { EXPONENTIAL_ZIGGURAT } from './exponentialZiggurat';
import { exponentialSlowPath } from './exponentialSlowPath';

const K = /* @__PURE__ */ (() => EXPONENTIAL_ZIGGURAT.K)();
const W = /* @__PURE__ */ (() => EXPONENTIAL_ZIGGURAT.W)();

/**
 * A standard exponential draw (density e^-x, x >= 0) by the ziggurat method (Marsaglia & Tsang 2000) with
 * 256 layers and a 53-bit abscissa, as {@link sampleNormal}: about 98% of draws cost two 32-bit outputs, a
 * table lookup and a multiply, with no logarithm. The tail beyond r = 7.697 is r plus a fresh draw (the
 * exponential forgets its past) and the wedges between layers are decided against e^-x, in
 * {@link exponentialSlowPath}.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { sampleExponential } from './sampleExponential';
 * const rng = createGenerator(42);
 * sampleExponential(rng); // mean 1
 * ```
 * @internal
 */
export function sampleExponential(rng: Random): number {
  const a = rng.nextUint32();
  const b = rng.nextUint32();
  const i = a & 0xff;
  const u = (a >>> 11) * 4294967296 + b; // 53 random bits
  const x = u * W[i]!;
  if (u < K[i]!) return x;
  return exponentialSlowPath(rng, a, x);
}
