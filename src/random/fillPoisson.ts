import type { Random } from './generator';
import { PENDING } from './pending';
import { PD_AFTER_SQUEEZE, PD_NORMAL, resumePoisson } from './resumePoisson';
import { samplePoisson } from './samplePoisson';
import { Xoshiro128StarStar } from './xoshiro128StarStar';
import { ZIGGURAT } from './zigguratTables';
import { exp } from '../special/elementary/exp';

const K = /* @__PURE__ */ (() => ZIGGURAT.K)();
const W = /* @__PURE__ */ (() => ZIGGURAT.W)();

/**
 * Fill `out` with Poisson(mean) draws and return it: the same numbers, in the same order, as `out.length`
 * calls of `samplePoisson(rng, mean)` (inversion below 10, Ahrens & Dieter's 1982 algorithm PD from 10),
 * leaving `rng` in the same state. Allocates nothing.
 *
 * Speed: the constants are computed once and the generator's state is kept in local variables while the
 * common path (inversion; PD's steps N, I and S with the normal inside its ziggurat rectangle) runs in
 * line; the rare steps are finished outside the loop by {@link resumePoisson}.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { fillPoisson } from './fillPoisson';
 * const rng = createGenerator(42);
 * fillPoisson(rng, 25, new Float64Array(1000)); // 1,000 Poisson(25) draws
 * ```
 * @internal
 */
export function fillPoisson(rng: Random, mean: number, out: Float64Array): Float64Array {
  const n = out.length;
  if (!(mean > 0 && mean < Infinity) || !(rng instanceof Xoshiro128StarStar)) {
    for (let i = 0; i < n; i++) out[i] = samplePoisson(rng, mean);
    return out;
  }
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  let x = 0;
  if (mean < 10) {
    // Inversion by sequential search, as samplePoisson.
    const p0 = exp(-mean);
    for (let i = 0; i < n; i++) {
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w1 = (x << 3) + x;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w2 = (x << 3) + x;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      const u = ((w1 >>> 5) * 67108864 + (w2 >>> 6)) * 1.1102230246251565e-16;
      let p = p0;
      let cdf = p;
      let k = 0;
      while (u > cdf) {
        k++;
        p *= mean / k;
        const next = cdf + p;
        if (next === cdf) break;
        cdf = next;
      }
      out[i] = k;
    }
  } else {
    const s = Math.sqrt(mean);
    const bigL = Math.floor(mean - 1.1484);
    const d = 6 * mean * mean;
    let stage = 0;
    let i = 0;
    while (i < n) {
      for (; i < n; i++) {
        x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const wa = (x << 3) + x;
        x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
        x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const wb = ((x << 3) + x) >>> 0;
        x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
        const layer = wa & 0xff;
        const bits = (wa >>> 11) * 4294967296 + wb;
        let t = bits * W[layer]!;
        if (bits >= K[layer]!) {
          stage = PD_NORMAL;
          PENDING[2] = wa;
          PENDING[3] = t;
          break;
        }
        t *= 1 - ((wa >>> 7) & 2); // the sign bit 0x100: t or -t, exactly (also for 0), without a branch
        const g = mean + s * t;
        if (g >= 0) {
          const k = Math.floor(g);
          if (k >= bigL) {
            out[i] = k;
            continue;
          }
          x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w1 = (x << 3) + x;
          x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
          x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w2 = (x << 3) + x;
          x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
          const u = ((w1 >>> 5) * 67108864 + (w2 >>> 6)) * 1.1102230246251565e-16;
          const difmuk = mean - k;
          if (d * u >= difmuk * difmuk * difmuk) {
            out[i] = k;
            continue;
          }
          PENDING[4] = u;
        } else PENDING[4] = NaN;
        stage = PD_AFTER_SQUEEZE;
        PENDING[3] = t;
        break;
      }
      if (i === n) break;
      // A rare step: finish this draw with the generator object, then continue in line.
      rng.s0 = s0;
      rng.s1 = s1;
      rng.s2 = s2;
      rng.s3 = s3;
      PENDING[0] = mean;
      resumePoisson(rng, stage);
      out[i++] = PENDING[6]!;
      s0 = rng.s0;
      s1 = rng.s1;
      s2 = rng.s2;
      s3 = rng.s3;
    }
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
  return out;
}
