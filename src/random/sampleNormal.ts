import type { Random } from './generator';
import { normalSlowPath } from './normalSlowPath';
import { ZIGGURAT } from './zigguratTables';

const K = /* @__PURE__ */ (() => ZIGGURAT.K)();
const W = /* @__PURE__ */ (() => ZIGGURAT.W)();

/**
 * A standard normal draw by the ziggurat method (Marsaglia & Tsang 2000) with 256 layers, using
 * independent bits for the layer, the sign and a 53-bit abscissa (as recommended by Doornik 2005), the
 * tail beyond r = 3.654 by Marsaglia's (1964) exponential rejection. About 99% of draws cost two
 * 32-bit outputs, a table lookup and a multiply; no state is kept between calls. The rare tail and wedge
 * cases are in {@link normalSlowPath}, which keeps this function small enough for engines to inline.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { sampleNormal } from './sampleNormal';
 * const rng = createGenerator(42);
 * const z = sampleNormal(rng); // N(0, 1)
 * ```
 * @internal
 */
export function sampleNormal(rng: Random): number {
  const a = rng.nextUint32();
  const b = rng.nextUint32();
  const i = a & 0xff;
  const u = (a >>> 11) * 4294967296 + b; // 53 random bits
  const x = u * W[i]!;
  // The sign bit 0x100: x or -x, exactly (also for 0), by a multiplication rather than an unpredictable branch.
  if (u < K[i]!) return x * (1 - ((a >>> 7) & 2));
  return normalSlowPath(rng, a, x);
}
