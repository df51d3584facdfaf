/**
 * Bit access to doubles for the elementary functions. JavaScript numbers are IEEE 754 doubles and
 * + - * / and sqrt are correctly rounded everywhere, so functions built only from them and from
 * these bit operations return the same bits in every engine (unlike Math.exp and Math.log, whose
 * last bits differ between V8 versions, e.g. Node 20 and current Chromium).
 *
 * A Float64Array and an Int32Array share one 8-byte buffer (faster than a DataView in V8). Typed arrays
 * use the machine's byte order, so which Int32 holds the high word is found once, by writing 1.0 (high
 * word 0x3ff00000, low word 0): the word order is then the same on little- and big-endian machines.
 * @internal
 */
const float = /* @__PURE__ */ /* @__PURE__ */ (() => new Float64Array(1))();
const words = /* @__PURE__ */ /* @__PURE__ */ (() => new Int32Array(float.buffer))();
/** Index of the high (sign and exponent) word in `words`: 1 on little-endian machines, 0 on big-endian. */
const HI = /* @__PURE__ */ /* @__PURE__ */ (() => highIndex())();
const LO = 1 - HI;

function highIndex(): number {
  const f = new Float64Array([1]);
  return new Int32Array(f.buffer)[0] === 0x3ff00000 ? 0 : 1;
}

/**
 * Powers of two 2^-1074 .. 2^1023, exact: `POW2[k + 1074]` = 2^k. Built by repeated doubling and
 * halving (exact in binary floating point). @internal
 */
export const POW2 = /* @__PURE__ */ /* @__PURE__ */ (() => powersOfTwo())();

function powersOfTwo(): Float64Array {
  const t = new Float64Array(1074 + 1024);
  let p = 1;
  for (let k = 0; k <= 1023; k++, p *= 2) t[1074 + k] = p;
  p = 1;
  for (let k = 0; k <= 1074; k++, p /= 2) t[1074 - k] = p;
  return t;
}

/**
 * High 32 bits of x as a signed integer.
 * @example
 * ```ts
 * highWord(1); // 0x3ff00000
 * ```
 * @internal
 */
export function highWord(x: number): number {
  float[0] = x;
  return words[HI]!;
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
  float[0] = x;
  return words[LO]!;
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
  float[0] = x;
  words[HI] = hi;
  return float[0]!;
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
  return POW2[k + 1074]!;
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
  if (k > 1023) return y * 2 * POW2[k - 1 + 1074]!;
  if (k < -1021) return y * POW2[k + 1000 + 1074]! * 9.332636185032189e-302; // 2^-1000
  return y * POW2[k + 1074]!;
}
