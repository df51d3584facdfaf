import { highWord, powerOfTwo } from '../../special/elementary/bits';

/** Smallest normal double, 2^-1022. */
const MIN_NORMAL = 2.2250738585072014e-308;
const TWO_64 = /* @__PURE__ */ /* @__PURE__ */ (() => powerOfTwo(64))();

/** The binary exponent e of a finite x > 0 (x = m 2^e, m in [1, 2)), subnormals included. */
function exponentOf(x: number): number {
  const biased = (highWord(x) >>> 20) & 0x7ff;
  return biased === 0 ? exponentOf(x * TWO_64) - 64 : biased - 1023;
}

/** y 2^k for any whole k: exact unless the result is subnormal; Infinity or 0 beyond the range of doubles. */
function scaleBy(y: number, k: number): number {
  let x = y;
  let rest = k;
  while (rest > 1023 && x < Infinity) {
    x *= powerOfTwo(1023);
    rest -= 1023;
  }
  while (rest < -1022 && x > 0) {
    x *= powerOfTwo(-1022);
    rest += 1022;
  }
  return rest > 1023 || rest < -1022 ? x : x * powerOfTwo(rest);
}

/**
 * a · b / c · 2^k for finite a, b, c > 0 and whole k, without overflow or underflow on the way: Infinity or 0
 * only when the result itself is beyond the doubles. Where a · b is a normal double and k = 0 it is exactly
 * (a · b) / c, the plain formula; otherwise the mantissas are multiplied and the binary exponents added, so
 * the result is within a few ulps.
 *
 * Internal, no validation: a, b, c finite, a, b >= 0 (0 gives 0), c > 0.
 *
 * @example
 * ```ts
 * import { productOver } from './productOver';
 * productOver(1e300, 1e300, 1e300); // 1e300 (the plain formula would give Infinity)
 * ```
 * @internal
 */
export function productOver(a: number, b: number, c: number, k = 0): number {
  const ab = a * b;
  if ((k === 0 && ab >= MIN_NORMAL && ab < Infinity) || !(a > 0 && b > 0)) return ab / c;
  const ea = exponentOf(a);
  const eb = exponentOf(b);
  const ec = exponentOf(c);
  const m = (scaleBy(a, -ea) * scaleBy(b, -eb)) / scaleBy(c, -ec);
  return scaleBy(m, ea + eb - ec + k);
}

/**
 * √(a · b / c) for finite a, b, c > 0 without overflow or underflow on the way (the square root of
 * {@link productOver}'s mantissa form, the exponent halved), so it is finite and above 0 wherever the result is
 * a double, even when a · b / c itself is not (√(1e300 · 1e300 / 1e-300) = 1e450 is not, √ of 1e-400 is).
 *
 * Internal, no validation: a, b, c finite, a, b >= 0 (0 gives 0), c > 0.
 *
 * @example
 * ```ts
 * import { sqrtProductOver } from './productOver';
 * sqrtProductOver(1e-200, 1e-200, 1e200); // 1e-300 (1e-200 · 1e-200 underflows to 0)
 * ```
 * @internal
 */
export function sqrtProductOver(a: number, b: number, c: number): number {
  if (!(a > 0 && b > 0)) return 0;
  const ea = exponentOf(a);
  const eb = exponentOf(b);
  const ec = exponentOf(c);
  let m = (scaleBy(a, -ea) * scaleBy(b, -eb)) / scaleBy(c, -ec);
  let e = ea + eb - ec;
  if (e % 2 !== 0) {
    m *= 2;
    e -= 1;
  }
  return scaleBy(Math.sqrt(m), e / 2);
}
