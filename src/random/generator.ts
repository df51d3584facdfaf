import { Xoshiro128StarStar } from './xoshiro128StarStar';

/**
 * A seeded source of uniform random numbers: the only randomness darkfigure uses.
 * @internal
 */
export interface Random {
  /** A uniform double in [0, 1) with 53 random bits (a multiple of 2^-53). */
  next(): number;
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
}

/** High 32 bits of the unsigned 64-bit product of two unsigned 32-bit integers. */
function mulHigh32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const lowLow = a0 * b0;
  const highLow = a1 * b0;
  const lowHigh = a0 * b1;
  const carry = (lowLow >>> 16) + (highLow & 0xffff) + (lowHigh & 0xffff);
  return (a1 * b1 + Math.floor(highLow / 65536) + Math.floor(lowHigh / 65536) + Math.floor(carry / 65536)) >>> 0;
}

/**
 * One step of splitmix64 (Steele, Lea & Flood 2014) on a 64-bit state held as two 32-bit halves
 * in `state` ([high, low]); writes the 64-bit output to `out` ([high, low]).
 */
function splitMix64(state: Uint32Array, out: Uint32Array): void {
  // state += 0x9e3779b97f4a7c15
  const low = (state[1]! + 0x7f4a7c15) >>> 0;
  const high = (state[0]! + 0x9e3779b9 + (low < 0x7f4a7c15 ? 1 : 0)) >>> 0;
  state[0] = high;
  state[1] = low;
  let zh = high;
  let zl = low;
  // z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9
  zl = (zl ^ ((zl >>> 30) | (zh << 2))) >>> 0;
  zh = (zh ^ (zh >>> 30)) >>> 0;
  let ph = (mulHigh32(zl, 0x1ce4e5b9) + Math.imul(zh, 0x1ce4e5b9) + Math.imul(zl, 0xbf58476d)) >>> 0;
  let pl = Math.imul(zl, 0x1ce4e5b9) >>> 0;
  zh = ph;
  zl = pl;
  // z = (z ^ (z >>> 27)) * 0x94d049bb133111eb
  zl = (zl ^ ((zl >>> 27) | (zh << 5))) >>> 0;
  zh = (zh ^ (zh >>> 27)) >>> 0;
  ph = (mulHigh32(zl, 0x133111eb) + Math.imul(zh, 0x133111eb) + Math.imul(zl, 0x94d049bb)) >>> 0;
  pl = Math.imul(zl, 0x133111eb) >>> 0;
  // z ^ (z >>> 31)
  out[0] = (ph ^ (ph >>> 31)) >>> 0;
  out[1] = (pl ^ ((pl >>> 31) | (ph << 1))) >>> 0;
}

/**
 * Create a seeded generator: xoshiro128** (Blackman & Vigna 2018) whose 128-bit state is the first
 * two outputs of splitmix64 (Steele, Lea & Flood 2014) started at the seed, as Vigna recommends, so
 * nearby seeds (1, 2, 3...) give unrelated streams. The seed is any safe integer, negative and 0
 * included, read as a 64-bit two's-complement integer. The stream is bit-identical in Node and
 * browsers: `next()` and `nextUint32()` use only 32-bit integer arithmetic and exact doubles.
 *
 * `seed` is not validated here (the public edge does that); it should satisfy `Number.isSafeInteger`.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * const rng = createGenerator(42);
 * rng.next(); // a double in [0, 1)
 * rng.nextUint32(); // an integer in [0, 2^32)
 * ```
 * @internal
 */
export function createGenerator(seed: number): Random {
  const state = new Uint32Array(2);
  state[0] = Math.floor(seed / 4294967296) >>> 0;
  state[1] = seed >>> 0;
  const a = new Uint32Array(2);
  const b = new Uint32Array(2);
  splitMix64(state, a);
  splitMix64(state, b);
  // splitmix64 is a bijection of its state, so two consecutive outputs are never both zero.
  return new Xoshiro128StarStar(a[1]!, a[0]!, b[1]!, b[0]!);
}
