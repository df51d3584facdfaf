import { highWord, powerOfTwo, scaleByPowerOfTwo, withHighWord } from './bits';

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const OVERFLOW = 7.09782712893383973096e2;
const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

/**
 * e^x - 1, accurate for tiny x and reproducible to the bit in every JavaScript engine (< 1 ulp).
 *
 * Method: fdlibm's `s_expm1.c` (Sun Microsystems, 1993): argument reduction by k ln2 and a
 * rational approximation with a correction for the reduction's rounding.
 * @example
 * ```ts
 * import { expm1 } from './expm1';
 * expm1(1e-10); // 1.00000000005e-10 (e^x - 1 without cancellation)
 * ```
 * @internal
 */
export function expm1(x: number): number {
  const hx0 = highWord(x);
  const negative = hx0 < 0;
  const ax = hx0 & 0x7fffffff;
  if (ax >= 0x4043687a) {
    if (ax >= 0x40862e42) {
      if (x !== x) return x;
      if (x === Infinity) return Infinity;
      if (x > OVERFLOW) return Infinity;
    }
    if (negative) return -1;
  }
  let k = 0;
  let c = 0;
  if (ax > 0x3fd62e42) {
    let hi: number;
    let lo: number;
    if (ax < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (ax < 0x3c900000) {
    return x;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t0 = 3 - r1 * hfx;
  let e = hxs * ((r1 - t0) / (6 - x * t0));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) return scaleByPowerOfTwo(1 - (e - x), k) - 1;
  if (k < 20) {
    const t = withHighWord(0, 0x3ff00000 - (0x200000 >> k)); // 1 - 2^-k
    return scaleByPowerOfTwo(t - (e - x), k);
  }
  const t = powerOfTwo(-k);
  return scaleByPowerOfTwo(x - (e + t) + 1, k);
}
