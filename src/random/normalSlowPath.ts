import type { Random } from './generator';
import { sampleNormal } from './sampleNormal';
import { ZIGGURAT, ZIGGURAT_R } from './zigguratTables';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';

const F = /* @__PURE__ */ (() => ZIGGURAT.F)();
const INV_R = /* @__PURE__ */ (() => 1 / ZIGGURAT_R)();

/**
 * The rare part of a ziggurat normal draw ({@link sampleNormal}; Marsaglia & Tsang 2000), for the
 * about 1% of first words `a` (layer `a & 0xff`, sign bit `0x100`) whose abscissa `x` (>= 0) falls outside
 * the layer's rectangle: the tail beyond r = 3.654 by Marsaglia's (1964) exponential rejection, or the
 * wedge test against the density; a rejected wedge starts a fresh draw. Consumes the generator exactly
 * as {@link sampleNormal} would from that point, so a caller that inlines the common path and calls
 * this otherwise draws the same numbers.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { normalSlowPath } from './normalSlowPath';
 * const rng = createGenerator(42);
 * normalSlowPath(rng, 0, 1); // a draw from the tail beyond r (layer 0), positive
 * ```
 * @internal
 */
export function normalSlowPath(rng: Random, a: number, x: number): number {
  const i = a & 0xff;
  if (i === 0) {
    // Tail x > r: Marsaglia (1964).
    for (;;) {
      const e = -log(1 - rng.next()) * INV_R;
      const y = -log(1 - rng.next());
      if (y + y > e * e) return a & 0x100 ? -(ZIGGURAT_R + e) : ZIGGURAT_R + e;
    }
  }
  // Wedge between layers: accept if a uniform height under the layer falls below the density.
  if (F[i]! + rng.next() * (F[i + 1]! - F[i]!) < exp(-0.5 * x * x)) return a & 0x100 ? -x : x;
  return sampleNormal(rng);
}
