import { scaleByPowerOfTwo } from './bits';

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

/** The doubles whose high words are fdlibm's thresholds (low words 0), so that comparisons of |x| with
 * them decide exactly as fdlibm's comparisons of the high word of |x| do (doubles >= 0 order as their bits). */
const ABOVE_REDUCTION_LIMIT = 709.7822265625; // high word 0x40862e42: |x| >= this may overflow or underflow
const ABOVE_HALF_LN2 = 0.3465735912322998; // 0x3fd62e43: high word of |x| > 0x3fd62e42, |x| > ln2 / 2
const TINY = 3.725290298461914e-9; // 0x3e300000: 2^-28

/**
 * e^x, reproducible to the bit in every JavaScript engine (error < 1 ulp).
 *
 * Method: argument reduction x = k ln2 + r, |r| <= ln2/2, and a Remez rational approximation of
 * e^r, as in fdlibm's `e_exp.c` (Sun Microsystems, 1993). Used instead of `Math.exp`, whose last
 * bits differ between engines.
 *
 * Speed (the result is unchanged, bit for bit): fdlibm's tests on the high word of x are made as
 * comparisons of |x| with the doubles that have those high words; its special cases for |x| < 1.5 ln2 and
 * for k = 0 are folded into the general reduction and reconstruction (they give the same bits; see the
 * comments), which removes branches that random arguments make unpredictable.
 * @example
 * ```ts
 * exp(1); // 2.718281828459045, the same bits in every engine
 * ```
 * @internal
 */
export function exp(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < ABOVE_REDUCTION_LIMIT)) {
    if (x !== x) return x;
    if (x > OVERFLOW) return Infinity;
    if (x < UNDERFLOW) return 0;
  }
  let hi = x;
  let lo = 0;
  let k = 0;
  if (ax >= ABOVE_HALF_LN2) {
    // x != 0 here, so x < 0 is fdlibm's sign bit. fdlibm's separate case |x| < 1.5 ln2 (k = +-1,
    // hi = x -+ LN2_HI, lo = +-LN2_LO) is this one bit for bit: there INV_LN2 |x| + 0.5 lies in
    // (1 + 1e-9, 2 - 3e-7), so the truncation gives +-1, and +-1 x LN2_HI, +-1 x LN2_LO are exact.
    k = x < 0 ? Math.trunc(INV_LN2 * x - 0.5) : Math.trunc(INV_LN2 * x + 0.5);
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
    x = hi - lo;
  } else if (ax < TINY) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  // With k = 0 (hi = x, lo = 0) this is fdlibm's separate form 1 - ((x c) / (c - 2) - x), bit for bit:
  // (x c) / (c - 2) = -((x c) / (2 - c)) and 0 - P = -P exactly, and 2^0 scales exactly.
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  return scaleByPowerOfTwo(y, k);
}
