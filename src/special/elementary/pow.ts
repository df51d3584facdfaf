import { exp } from './exp';
import { highWord, withHighWord } from './bits';
import { log } from './log';

const LN2_HI = 6.93147180369123816490e-1; // low 32 bits zero: k * LN2_HI is exact for |k| < 2^20
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.80143985094819840000e16;
const SPLITTER = 134217729; // 2^27 + 1

/**
 * x^a for x > 0, reproducible to the bit in every JavaScript engine, with relative error of about
 * 1e-15 even when |a log x| is large (where exp(a * log(x)) would lose |a log x| ulps).
 *
 * Method: x = 2^k m with m in [sqrt(2)/2, sqrt(2)); a log x = a k ln2 + a log m with a k ln2_hi
 * formed exactly by Dekker's (1971) two-product, the sum kept as a double-double (Knuth's two-sum),
 * and x^a = e^hi (1 + lo). Domain: x >= 0 finite; a may be infinite (as Math.pow: 0.5^Infinity = 0). Internal.
 * @example
 * ```ts
 * import { pow } from './pow';
 * pow(1e-300, 1); // 1e-300 (exp(log(x)) would lose about 690 ulps here)
 * ```
 * @internal
 */
export function pow(x: number, a: number): number {
  if (x === 0) return a > 0 ? 0 : a === 0 ? 1 : Infinity;
  if (a === 0 || x === 1) return 1;
  if (a === Infinity || a === -Infinity) return x < 1 === a > 0 ? 0 : Infinity;
  const rough = a * log(x);
  if (rough < -746) return 0; // beyond the subnormals (also keeps Dekker's split of a huge a finite)
  if (rough > 710) return Infinity;
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    x *= TWO54;
    k = -54;
    hx = highWord(x);
  }
  k += (hx >> 20) - 1023;
  let mantissa = hx & 0x000fffff;
  // m in [sqrt(2)/2, sqrt(2)): as fdlibm's log, move the top mantissas down an octave
  if (mantissa >= 0x6a09e) {
    k += 1;
    mantissa |= 0x3fe00000;
  } else {
    mantissa |= 0x3ff00000;
  }
  const m = withHighWord(x, mantissa);
  const kHi = k * LN2_HI;
  // exact product a * kHi = ph + pl (Dekker 1971)
  const ph = a * kHi;
  const pl = twoProductError(a, kHi, ph);
  const t = a * log(m) + a * (k * LN2_LO) + pl;
  const yh = ph + t;
  const yl = t - (yh - ph); // exact when |ph| >= |t| (Fast2Sum); otherwise the error is below 1 ulp of t
  const e = exp(yh);
  return e === 0 || e === Infinity ? e : e + e * yl;
}

function twoProductError(a: number, b: number, p: number): number {
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}
