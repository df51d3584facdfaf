import type { Random } from './generator';
import { PENDING } from './pending';
import { marsagliaTsangSqueeze } from './marsagliaTsangSqueeze';
import { MT_EXACT, MT_NORMAL, MT_RESTART, resumeMarsagliaTsang } from './resumeMarsagliaTsang';
import { PD_AFTER_SQUEEZE, PD_NORMAL, resumePoisson } from './resumePoisson';
import { sampleGamma } from './sampleGamma';
import { samplePoisson } from './samplePoisson';
import { Xoshiro128StarStar } from './xoshiro128StarStar';
import { ZIGGURAT } from './zigguratTables';

const K = /* @__PURE__ */ (() => ZIGGURAT.K)();
const W = /* @__PURE__ */ (() => ZIGGURAT.W)();

/** Above this Poisson mean the Poisson draw is replaced by its mean (relative noise below 3e-8). */
const POISSON_LIMIT = 1e15;
/** Rare steps of a draw, finished outside the loop (MT_* for the gamma; 3 to 5 for the Poisson part). */
const POISSON_SMALL = 3; // mean below 10: samplePoisson's inversion
const POISSON_NORMAL = 4; // PD's normal outside its ziggurat rectangle
const POISSON_REST = 5; // PD after steps N to S


/**
 * Fill `out` with negative binomial draws, out[i] ~ NB(size, p[i]) (failures before the size-th success,
 * mean size (1 - p) / p), and return it: each the Gamma-Poisson mixture (Greenwood & Yule 1920),
 * Poisson(G (1 - p[i]) / p[i]) with G ~ Gamma(size), drawn as `sampleGamma(rng, size)` and then
 * `samplePoisson(rng, mean)` (Marsaglia & Tsang 2000; Ahrens & Dieter 1982's PD or inversion), the same numbers
 * in the same order as that pair of calls per element. p[i] <= 0 gives Infinity and draws nothing; a
 * Poisson mean of 1e15 or more gives the mean itself (relative noise below 3e-8). `p` and `out` must not
 * overlap. Allocates nothing.
 *
 * Speed: for size >= 1 the generator's state is kept in local variables while the common paths of both
 * samplers run in line; rare steps are finished outside the loop with the generator object.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { fillNegativeBinomial } from './fillNegativeBinomial';
 * const rng = createGenerator(42);
 * // victims never recorded, given 7,706 recorded and recorded shares of 2.5% and 5%
 * fillNegativeBinomial(rng, 7706.5, Float64Array.of(0.025, 0.05), new Float64Array(2));
 * ```
 * @internal
 */
export function fillNegativeBinomial(rng: Random, size: number, p: Float64Array, out: Float64Array): Float64Array {
  const n = out.length;
  if (!(size >= 1) || !(rng instanceof Xoshiro128StarStar)) {
    for (let i = 0; i < n; i++) {
      const q = p[i]!;
      if (!(q > 0)) {
        out[i] = Infinity;
        continue;
      }
      const mean = sampleGamma(rng, size) * ((1 - q) / q);
      out[i] = mean < POISSON_LIMIT ? samplePoisson(rng, mean) : mean;
    }
    return out;
  }
  const d = size - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  let x = 0;
  let stage = 0;
  let i = 0;
  while (i < n) {
    for (; i < n; i++) {
      const q = p[i]!;
      if (!(q > 0)) {
        out[i] = Infinity;
        continue;
      }
      // Gamma(size): Marsaglia & Tsang in line, as in fillGamma.
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const wa = (x << 3) + x;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const wb = ((x << 3) + x) >>> 0;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      const layer = wa & 0xff;
      const bits = (wa >>> 11) * 4294967296 + wb;
      let z = bits * W[layer]!;
      if (bits >= K[layer]!) {
        stage = MT_NORMAL;
        PENDING[2] = wa;
        PENDING[3] = z;
        break;
      }
      z *= 1 - ((wa >>> 7) & 2); // the sign bit 0x100: z or -z, exactly (also for 0), without a branch
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
      const mean = d * v * ((1 - q) / q);
      if (!(mean < POISSON_LIMIT)) {
        out[i] = mean;
        continue;
      }
      if (mean < 10) {
        stage = POISSON_SMALL;
        PENDING[0] = mean;
        break;
      }
      // Poisson(mean): Ahrens & Dieter's PD steps N, I and S in line, as poissonFromNormal.
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const wc = (x << 3) + x;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const wd = ((x << 3) + x) >>> 0;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      const pLayer = wc & 0xff;
      const pBits = (wc >>> 11) * 4294967296 + wd;
      let t = pBits * W[pLayer]!;
      if (pBits >= K[pLayer]!) {
        stage = POISSON_NORMAL;
        PENDING[0] = mean;
        PENDING[2] = wc;
        PENDING[3] = t;
        break;
      }
      t *= 1 - ((wc >>> 7) & 2);
      const g = mean + Math.sqrt(mean) * t;
      if (g >= 0) {
        const k = Math.floor(g);
        if (k >= Math.floor(mean - 1.1484)) {
          out[i] = k;
          continue;
        }
        x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w3 = (x << 3) + x;
        x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
        x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w4 = (x << 3) + x;
        x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
        const pu2 = ((w3 >>> 5) * 67108864 + (w4 >>> 6)) * 1.1102230246251565e-16;
        const difmuk = mean - k;
        if (6 * mean * mean * pu2 >= difmuk * difmuk * difmuk) {
          out[i] = k;
          continue;
        }
        PENDING[4] = pu2;
      } else PENDING[4] = NaN;
      stage = POISSON_REST;
      PENDING[0] = mean;
      PENDING[3] = t;
      break;
    }
    if (i === n) break;
    // A rare step: finish this draw with the generator object, then continue in line.
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    if (stage === POISSON_NORMAL || stage === POISSON_REST) {
      resumePoisson(rng, stage === POISSON_NORMAL ? PD_NORMAL : PD_AFTER_SQUEEZE);
      out[i] = PENDING[6]!;
    } else {
      let mean = PENDING[0]!;
      if (stage !== POISSON_SMALL) {
        const q = p[i]!;
        PENDING[0] = d;
        PENDING[1] = c;
        resumeMarsagliaTsang(rng, stage);
        mean = PENDING[6]! * ((1 - q) / q);
      }
      out[i] = mean < POISSON_LIMIT ? samplePoisson(rng, mean) : mean;
    }
    i++;
    s0 = rng.s0;
    s1 = rng.s1;
    s2 = rng.s2;
    s3 = rng.s3;
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
  return out;
}
