import { highWord, scaleByPowerOfTwo } from './bits';

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const OVERFLOW = 7.09782712893383973096e2;
const UNDERFLOW = -7.45133219101941108420e2;

/**
 * e^x, reproducible to the bit in every JavaScript engine (error < 1 ulp).
 *
 * Method: argument reduction x = k ln2 + r, |r| <= ln2/2, and a Remez rational approximation of
 * e^r, as in fdlibm's `e_exp.c` (Sun Microsystems, 1993). Used instead of `Math.exp`, whose last
 * bits differ between engines.
 * @example
 * ```ts
 * import { exp } from './exp';
 * exp(1); // 2.718281828459045, the same bits in every engine
 * ```
 * @internal
 */
export function exp(x: number): number {
  const hx = highWord(x);
  const negative = hx < 0;
  const ax = hx & 0x7fffffff;
  if (ax >= 0x40862e42) {
    if (x !== x) return x;
    if (x > OVERFLOW) return Infinity;
    if (x < UNDERFLOW) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax > 0x3fd62e42) {
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
  } else if (ax < 0x3e300000) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  return scaleByPowerOfTwo(y, k);
}
