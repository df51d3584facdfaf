import { highWord, lowWord, POW2, withHighWord } from './bits';

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * Natural logarithm, reproducible to the bit in every JavaScript engine (error < 1 ulp).
 *
 * Method: x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2), and log(1 + f) from s = f / (2 + f) and a
 * Remez polynomial in s^2, as in fdlibm's `e_log.c` (Sun Microsystems, 1993). log(0) = -Infinity,
 * log(x < 0) = NaN (callers never pass those unless documented).
 *
 * Speed (the result is unchanged, bit for bit): the common case, a positive normal finite x, is kept
 * small enough for engines to inline; 1 + f is formed as x 2^-k with an exact power of two rather than
 * by rewriting the exponent bits; fdlibm's separate forms for k = 0 are folded into the general ones. Zero, negative, subnormal, infinite and NaN arguments and x within a few
 * ulps of a power of two take {@link logSpecial}, fdlibm's code as written.
 * @example
 * ```ts
 * log(10); // 2.302585092994046, the same bits in every engine
 * ```
 * @internal
 */
export function log(x: number): number {
  const h = highWord(x);
  if (h < 0x00100000 || h >= 0x7ff00000) return logSpecial(x);
  const hx = h & 0x000fffff;
  const k = (h >> 20) - 1023 + (((hx + 0x95f64) & 0x100000) >> 20);
  if ((0x000fffff & (2 + hx)) < 3) return logSpecial(x);
  const f = x * POW2[1074 - k]! - 1;
  const dk = k;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  // fdlibm's separate k = 0 forms, f - (hfsq - s (hfsq + r)) and f - s (f - r), are these with dk = 0, bit
  // for bit: y + 0 = y and y - 0 = y, and 0 - (y - f) = f - y in round-to-nearest (f != 0 here).
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

/** fdlibm's `e_log.c` as written, for the arguments {@link log} passes on. */
function logSpecial(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}
