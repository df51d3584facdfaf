import type { Random } from './generator';
import { PENDING } from './pending';
import { marsagliaTsangSqueeze } from './marsagliaTsangSqueeze';
import { MT_EXACT, MT_NORMAL, MT_RESTART, resumeMarsagliaTsang } from './resumeMarsagliaTsang';
import { sampleGamma } from './sampleGamma';
import { Xoshiro128StarStar } from './xoshiro128StarStar';
import { ZIGGURAT } from './zigguratTables';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';

const K = /* @__PURE__ */ (() => ZIGGURAT.K)();
const W = /* @__PURE__ */ (() => ZIGGURAT.W)();

/**
 * Fill `out` with `scale` x Gamma(shape, 1) draws and return it: the same numbers, in the same order, as
 * `out.length` calls of `scale * sampleGamma(rng, shape)` (Marsaglia & Tsang 2000; shape < 1 by their
 * U^(1/shape) boost; shape <= 0 gives 0), leaving `rng` in the same state. Allocates nothing.
 *
 * Speed: d and c are computed once, and the generator's state is kept in local variables while the
 * common path (the ziggurat normal inside its rectangle, 1 + cZ > 0, the squeeze accepting: about 97% of
 * draws) runs in line; the rare steps are finished outside the loop by {@link resumeMarsagliaTsang}.
 * Generators other than the library's own are served by the single-draw loop.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { fillGamma } from './fillGamma';
 * const rng = createGenerator(42);
 * fillGamma(rng, 2.5, new Float64Array(1000)); // 1,000 Gamma(2.5, 1) draws
 * ```
 * @internal
 */
export function fillGamma(rng: Random, shape: number, out: Float64Array, scale = 1): Float64Array {
  if (!(shape > 0) || !(rng instanceof Xoshiro128StarStar)) {
    const n = out.length;
    for (let i = 0; i < n; i++) out[i] = scale * sampleGamma(rng, shape);
    return out;
  }
  if (shape >= 1) {
    const d = shape - 1 / 3;
    plainInLine(rng, d, 1 / Math.sqrt(9 * d), scale, out);
  } else {
    const d = shape + 1 - 1 / 3;
    boostInLine(rng, shape, d, 1 / Math.sqrt(9 * d), scale, out);
  }
  return out;
}

/** Marsaglia & Tsang in line (shape >= 1): out[i] = scale * Gamma(shape), d and c precomputed. */
function plainInLine(rng: Xoshiro128StarStar, d: number, c: number, scale: number, out: Float64Array): void {
  const n = out.length;
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  let x = 0;
  let stage = 0;
  let i = 0;
  while (i < n) {
    for (; i < n; i++) {
      // xoshiro128** steps in line (as Xoshiro128StarStar.nextUint32): output rotl(s1 * 5, 7) * 9.
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const a = (x << 3) + x;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const b = ((x << 3) + x) >>> 0;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      // Ziggurat normal (sampleNormal): layer, sign and 53-bit abscissa.
      const layer = a & 0xff;
      const bits = (a >>> 11) * 4294967296 + b;
      let z = bits * W[layer]!;
      if (bits >= K[layer]!) {
        stage = MT_NORMAL;
        PENDING[2] = a;
        PENDING[3] = z;
        break;
      }
      z *= 1 - ((a >>> 7) & 2); // the sign bit 0x100: z or -z, exactly (also for 0), without a branch
      let v = 1 + c * z;
      if (v <= 0) {
        stage = MT_RESTART;
        break;
      }
      v = v * v * v;
      // u = rng.next(): 27 + 26 bits of two outputs.
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w1 = (x << 3) + x;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w2 = (x << 3) + x;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      const u = ((w1 >>> 5) * 67108864 + (w2 >>> 6)) * 1.1102230246251565e-16;
      const z2 = z * z;
      if (!(u < 1 - 0.0331 * z2 * z2) && !marsagliaTsangSqueeze(u, z2, d, v)) {
        stage = MT_EXACT;
        PENDING[3] = z;
        PENDING[4] = u;
        PENDING[5] = v;
        break;
      }
      out[i] = scale * (d * v);
    }
    if (i === n) break;
    // A rare step: finish this draw with the generator object, then continue in line.
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    PENDING[0] = d;
    PENDING[1] = c;
    resumeMarsagliaTsang(rng, stage);
    out[i++] = scale * PENDING[6]!;
    s0 = rng.s0;
    s1 = rng.s1;
    s2 = rng.s2;
    s3 = rng.s3;
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
}

/**
 * Gamma(shape < 1) by the boost Gamma(shape + 1) U^(1/shape), in line; d and c are those of shape + 1. In
 * blocks of 512: the gammas and the boost uniforms first (in the stream's order), then the powers, in a loop
 * of their own (the logarithm and exponential in the generator's loop make engines compile it worse).
 */
function boostInLine(rng: Xoshiro128StarStar, shape: number, d: number, c: number, scale: number, out: Float64Array): void {
  const n = out.length;
  const boostU = new Float64Array(Math.min(n, 512));
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  let x = 0;
  let stage = 0;
  for (let start = 0; start < n; start += 512) {
    const end = Math.min(n, start + 512);
    let i = start;
    while (i < end) {
      for (; i < end; i++) {
        x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const a = (x << 3) + x;
        x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
        x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const b = ((x << 3) + x) >>> 0;
        x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
        const layer = a & 0xff;
        const bits = (a >>> 11) * 4294967296 + b;
        let z = bits * W[layer]!;
        if (bits >= K[layer]!) {
          stage = MT_NORMAL;
          PENDING[2] = a;
          PENDING[3] = z;
          break;
        }
        z *= 1 - ((a >>> 7) & 2);
        let v = 1 + c * z;
        if (v <= 0) {
          stage = MT_RESTART;
          break;
        }
        v = v * v * v;
        x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w1 = (x << 3) + x;
        x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
        x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w2 = (x << 3) + x;
        x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
        const u = ((w1 >>> 5) * 67108864 + (w2 >>> 6)) * 1.1102230246251565e-16;
        const z2 = z * z;
        if (!(u < 1 - 0.0331 * z2 * z2) && !marsagliaTsangSqueeze(u, z2, d, v)) {
          stage = MT_EXACT;
          PENDING[3] = z;
          PENDING[4] = u;
          PENDING[5] = v;
          break;
        }
        // The boost's uniform (rng.next()), used below.
        x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w3 = (x << 3) + x;
        x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
        x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w4 = (x << 3) + x;
        x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
        boostU[i - start] = ((w3 >>> 5) * 67108864 + (w4 >>> 6)) * 1.1102230246251565e-16;
        out[i] = d * v;
      }
      if (i === end) break;
      // A rare step: finish this gamma with the generator object, then continue in line.
      rng.s0 = s0;
      rng.s1 = s1;
      rng.s2 = s2;
      rng.s3 = s3;
      PENDING[0] = d;
      PENDING[1] = c;
      resumeMarsagliaTsang(rng, stage);
      out[i] = PENDING[6]!;
      boostU[i - start] = rng.next();
      i++;
      s0 = rng.s0;
      s1 = rng.s1;
      s2 = rng.s2;
      s3 = rng.s3;
    }
    // Gamma(shape + 1) x U^(1/shape), as sampleGamma: g exp(log(1 - u) / shape).
    for (let j = start; j < end; j++) out[j] = scale * (out[j]! * exp(log(1 - boostU[j - start]!) / shape));
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
}
