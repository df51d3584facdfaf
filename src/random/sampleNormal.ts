import type { Random } from './generator';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';

/** Number of ziggurat layers, and the rightmost layer edge r and common layer area v for 256 layers. */
const LAYERS = 256;
const R = 3.6541528853610088;
const INV_R = 1 / R;
const AREA = 0.0049286732339746553;
const TWO_POW_53 = 9007199254740992;

/**
 * Ziggurat tables for f(x) = exp(-x²/2): layer i (0 = the base) spans heights f(x[i])..f(x[i+1]) and
 * widths 0..x[i], with x[0] = v / f(r) (the base layer's width, tail included), x[1] = r, x[256] = 0.
 * K[i] = floor(2^53 x[i+1] / x[i]) (accept at once below it), W[i] = x[i] / 2^53, F[i] = f(x[i]).
 */
function buildTables(): { K: Float64Array; W: Float64Array; F: Float64Array } {
  const x = new Float64Array(LAYERS + 1);
  const F = new Float64Array(LAYERS + 1);
  x[0] = AREA / exp(-0.5 * R * R);
  x[1] = R;
  F[1] = exp(-0.5 * R * R);
  for (let i = 1; i < LAYERS - 1; i++) {
    F[i + 1] = AREA / x[i]! + F[i]!;
    x[i + 1] = Math.sqrt(-2 * log(F[i + 1]!));
  }
  x[LAYERS] = 0;
  F[LAYERS] = 1;
  const K = new Float64Array(LAYERS);
  const W = new Float64Array(LAYERS);
  for (let i = 0; i < LAYERS; i++) {
    K[i] = Math.floor((x[i + 1]! / x[i]!) * TWO_POW_53);
    W[i] = x[i]! / TWO_POW_53;
  }
  return { K, W, F };
}

const { K, W, F } = /* @__PURE__ */ buildTables();

/**
 * A standard normal draw by the ziggurat method (Marsaglia & Tsang 2000) with 256 layers, using
 * independent bits for the layer, the sign and a 53-bit abscissa (as recommended by Doornik 2005), the
 * tail beyond r = 3.654 by Marsaglia's (1964) exponential rejection. About 99% of draws cost two
 * 32-bit outputs, a table lookup and a multiply; no state is kept between calls.
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
  for (;;) {
    const a = rng.nextUint32();
    const b = rng.nextUint32();
    const i = a & 0xff;
    const u = (a >>> 11) * 4294967296 + b; // 53 random bits
    const x = u * W[i]!;
    if (u < K[i]!) return a & 0x100 ? -x : x;
    if (i === 0) {
      // Tail x > r: Marsaglia (1964).
      for (;;) {
        const e = -log(1 - rng.next()) * INV_R;
        const y = -log(1 - rng.next());
        if (y + y > e * e) return a & 0x100 ? -(R + e) : R + e;
      }
    }
    // Wedge between layers: accept if a uniform height under the layer falls below the density.
    if (F[i]! + rng.next() * (F[i + 1]! - F[i]!) < exp(-0.5 * x * x)) return a & 0x100 ? -x : x;
  }
}
