/**
 * Bit access to doubles for the elementary functions. JavaScript numbers are IEEE 754 doubles and
 * + - * / and sqrt are correctly rounded everywhere, so functions built only from them and from
 * these bit operations return the same bits in every engine (unlike Math.exp and Math.log, whose
 * last bits differ between V8 versions, e.g. Node 20 and current Chromium). A DataView with
 * explicit big-endian order makes the word order independent of the machine.
 * @internal
 */
const view = /* @__PURE__ */ new DataView(new ArrayBuffer(8));

/**
 * High 32 bits of x as a signed integer.
 * @example
 * ```ts
 * highWord(1); // 0x3ff00000
 * ```
 * @internal
 */
export function highWord(x: number): number {
  view.setFloat64(0, x);
  return view.getInt32(0);
}

/**
 * Low 32 bits of x as a signed integer.
 * @example
 * ```ts
 * lowWord(1); // 0
 * ```
 * @internal
 */
export function lowWord(x: number): number {
  view.setFloat64(0, x);
  return view.getInt32(4);
}

/**
 * x with its high word replaced.
 * @example
 * ```ts
 * withHighWord(1, 0x40000000); // 2
 * ```
 * @internal
 */
export function withHighWord(x: number, hi: number): number {
  view.setFloat64(0, x);
  view.setInt32(0, hi);
  return view.getFloat64(0);
}

/**
 * The double 2^k for whole k in [-1022, 1023].
 * @example
 * ```ts
 * powerOfTwo(-3); // 0.125
 * ```
 * @internal
 */
export function powerOfTwo(k: number): number {
  view.setInt32(0, (k + 1023) << 20);
  view.setInt32(4, 0);
  return view.getFloat64(0);
}

/**
 * y * 2^k, exactly as fdlibm's exponent arithmetic (k in [-1074, 1024]).
 * @example
 * ```ts
 * scaleByPowerOfTwo(3, -1074); // 1.5e-323 (one rounding, as fdlibm)
 * ```
 * @internal
 */
export function scaleByPowerOfTwo(y: number, k: number): number {
  if (k > 1023) return y * 2 * powerOfTwo(k - 1);
  if (k < -1021) return y * powerOfTwo(k + 1000) * 9.332636185032189e-302; // 2^-1000
  return y * powerOfTwo(k);
}
