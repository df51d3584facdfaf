import type { Random } from './generator';
import { EXPONENTIAL_ZIGGURAT } from './exponentialZiggurat';
import { exponentialSlowPath } from './exponentialSlowPath';
import { PENDING } from './pending';
import { marsagliaTsangSqueeze } from './marsagliaTsangSqueeze';
import { MT_EXACT, MT_NORMAL, MT_RESTART, resumeMarsagliaTsang } from './resumeMarsagliaTsang';
import { sampleBeta } from './sampleBeta';
import { Xoshiro128StarStar } from './xoshiro128StarStar';
import { ZIGGURAT } from './zigguratTables';
import { exp } from '../special/elementary/exp';

const K = /* @__PURE__ */ (() => ZIGGURAT.K)();
const W = /* @__PURE__ */ (() => ZIGGURAT.W)();
const EK = /* @__PURE__ */ (() => EXPONENTIAL_ZIGGURAT.K)();
const EW = /* @__PURE__ */ (() => EXPONENTIAL_ZIGGURAT.W)();

/** Below this a double is subnormal (2^-1022), where ratios lose relative precision. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * Jöhnk (1964) in line, as sampleBeta for a, b <= 1: X = U^(1/a) = exp(-E/a), Y = exp(-E'/b) with E, E'
 * exponential ziggurat draws, until X + Y <= 1. The ziggurat's rare steps (about 2% of draws) go to
 * {@link exponentialSlowPath} with the generator object.
 */
function johnkInLine(rng: Xoshiro128StarStar, a: number, b: number, out: Float64Array): void {
  const n = out.length;
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  let x = 0;
  for (let i = 0; i < n; i++) {
    for (;;) {
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w1 = (x << 3) + x;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w2 = ((x << 3) + x) >>> 0;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      const bits1 = (w1 >>> 11) * 4294967296 + w2;
      let e1 = bits1 * EW[w1 & 0xff]!;
      if (bits1 >= EK[w1 & 0xff]!) {
        rng.s0 = s0;
        rng.s1 = s1;
        rng.s2 = s2;
        rng.s3 = s3;
        e1 = exponentialSlowPath(rng, w1, e1);
        s0 = rng.s0;
        s1 = rng.s1;
        s2 = rng.s2;
        s3 = rng.s3;
      }
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w3 = (x << 3) + x;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      x = ((s1 << 2) + s1) | 0; x = (x << 7) | (x >>> 25); const w4 = ((x << 3) + x) >>> 0;
      x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
      const bits2 = (w3 >>> 11) * 4294967296 + w4;
      let e2 = bits2 * EW[w3 & 0xff]!;
      if (bits2 >= EK[w3 & 0xff]!) {
        rng.s0 = s0;
        rng.s1 = s1;
        rng.s2 = s2;
        rng.s3 = s3;
        e2 = exponentialSlowPath(rng, w3, e2);
        s0 = rng.s0;
        s1 = rng.s1;
        s2 = rng.s2;
        s3 = rng.s3;
      }
      const logX = -e1 / a;
      const logY = -e2 / b;
      const gx = exp(logX);
      const gy = exp(logY);
      if (gx + gy > 1) continue;
      if (gx >= SMALLEST_NORMAL && gy >= SMALLEST_NORMAL) out[i] = gx / (gx + gy);
      else out[i] = ratioFromLogs(logX, logY);
      break;
    }
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
}

/** X / (X + Y) from log X and log Y when X or Y is subnormal or 0. */
function ratioFromLogs(logX: number, logY: number): number {
  return 1 / (1 + exp(logY - logX));
}

/**
 * Fill `out` with Beta(a, b) draws and return it: the same numbers, in the same order, as `out.length`
 * calls of `sampleBeta(rng, a, b)` (both shapes >= 1: X / (X + Y) with Marsaglia & Tsang 2000 gammas,
 * Devroye 1986, ch. IX.4; both <= 1: Jöhnk 1964 with exponential ziggurat draws; one on each side of 1: as {@link sampleBeta}), leaving
 * `rng` in the same state. Allocates nothing.
 *
 * Speed: as in fillGamma, the gamma constants are computed once and the generator's state is kept in
 * local variables while the common path runs in line (the two gammas of a draw alternate through one
 * copy of the Marsaglia-Tsang loop); rare steps are finished outside the loop by
 * {@link resumeMarsagliaTsang}. Jöhnk's method runs in line too.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { fillBeta } from './fillBeta';
 * const rng = createGenerator(42);
 * fillBeta(rng, 150.5, 150.5, new Float64Array(1000)); // 1,000 draws of a reporting probability
 * ```
 * @internal
 */
export function fillBeta(rng: Random, a: number, b: number, out: Float64Array): Float64Array {
  const n = out.length;
  const johnk = a <= 1 && b <= 1;
  if (!(rng instanceof Xoshiro128StarStar) || !(johnk || (a >= 1 && b >= 1))) {
    for (let i = 0; i < n; i++) out[i] = sampleBeta(rng, a, b);
    return out;
  }
  if (johnk) johnkInLine(rng, a, b, out);
  else gammaRatioInLine(rng, a, b, out);
  return out;
}

/**
 * X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), a, b >= 1, as sampleBeta: the 2n gammas alternate
 * Gamma(a), Gamma(b) through one in-line copy of the Marsaglia-Tsang loop (as in fillGamma).
 */
function gammaRatioInLine(rng: Xoshiro128StarStar, a: number, b: number, out: Float64Array): void {
  const n = out.length;
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  let x = 0;
  const da = a - 1 / 3;
  const ca = 1 / Math.sqrt(9 * da);
  const db = b - 1 / 3;
  const cb = 1 / Math.sqrt(9 * db);
  const m = 2 * n;
  let first = 0; // the current draw's Gamma(a)
  let stage = 0;
  let j = 0;
  while (j < m) {
    for (; j < m; j++) {
      const second = (j & 1) === 1;
      const d = second ? db : da;
      const c = second ? cb : ca;
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
      const g = d * v;
      if (second) out[j >> 1] = first / (first + g);
      else first = g;
    }
    if (j === m) break;
    // A rare step: finish this gamma with the generator object, then continue in line.
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    const second = (j & 1) === 1;
    PENDING[0] = second ? db : da;
    PENDING[1] = second ? cb : ca;
    resumeMarsagliaTsang(rng, stage);
    const g = PENDING[6]!;
    if (second) out[j >> 1] = first / (first + g);
    else first = g;
    j++;
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
