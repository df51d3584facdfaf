import type { Random } from './generator';
import { marsagliaTsangSqueeze } from './marsagliaTsangSqueeze';
import { normalSlowPath } from './normalSlowPath';
import { ZIGGURAT } from './zigguratTables';
import { log } from '../special/elementary/log';

const K = /* @__PURE__ */ (() => ZIGGURAT.K)();
const W = /* @__PURE__ */ (() => ZIGGURAT.W)();

/** Marsaglia & Tsang's exact acceptance test, log(u) < z²/2 + d (1 - v + log v), out of line (about 2% of proposals). */
function acceptExactly(u: number, z2: number, d: number, v: number): boolean {
  return log(u) < 0.5 * z2 + d * (1 - v + log(v));
}

/**
 * The loop of Marsaglia & Tsang's (2000) Gamma(shape >= 1) method with its constants d = shape - 1/3 and
 * c = 1 / sqrt(9d) precomputed by the caller: propose d(1 + cZ)³ for a ziggurat normal Z, accept by the
 * squeeze u < 1 - 0.0331 Z⁴ (about 92%), by {@link marsagliaTsangSqueeze} (which decides nearly all the rest
 * for shapes of 100 and more, never differently from the exact test) or by the exact test. The normal's common path is written in line
 * and the rare paths are out of line, so the whole step is small enough for engines to inline into bulk
 * loops. Consumes the generator exactly as {@link gammaMarsagliaTsang}: the numbers are the same.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { marsagliaTsang } from './marsagliaTsang';
 * const rng = createGenerator(42);
 * const d = 2.5 - 1 / 3;
 * marsagliaTsang(rng, d, 1 / Math.sqrt(9 * d)); // a Gamma(2.5, 1) draw
 * ```
 * @internal
 */
export function marsagliaTsang(rng: Random, d: number, c: number): number {
  for (;;) {
    const a = rng.nextUint32();
    const b = rng.nextUint32();
    const i = a & 0xff;
    const bits = (a >>> 11) * 4294967296 + b;
    let z = bits * W[i]!;
    if (bits < K[i]!) {
      z *= 1 - ((a >>> 7) & 2); // the sign bit 0x100: z or -z, exactly (also for 0), without a branch
    } else z = normalSlowPath(rng, a, z);
    let v = 1 + c * z;
    if (v <= 0) continue;
    v = v * v * v;
    const u = rng.next();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2 || marsagliaTsangSqueeze(u, z2, d, v) || acceptExactly(u, z2, d, v)) return d * v;
  }
}
