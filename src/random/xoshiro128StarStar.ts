import type { Random } from './generator';

/**
 * xoshiro128** (Blackman & Vigna 2018): 128 bits of state, period 2^128 - 1, 32-bit output.
 * State words are kept as signed int32 (`| 0`); all arithmetic is 32-bit integer (xor, shifts, and
 * additions that are exact in doubles before `| 0`), so the stream is bit-identical in every engine.
 * The step is written compactly (small bytecode) so that engines inline it into the samplers.
 *
 * The state words are public for the bulk samplers (fillGamma, fillBeta, fillPoisson...), which copy
 * them into local variables, run the same step in line (keeping the state in registers), and write them
 * back, so a bulk call leaves the generator exactly where the equivalent single calls would.
 *
 * @example
 * ```ts
 * import { Xoshiro128StarStar } from './xoshiro128StarStar';
 * const rng = new Xoshiro128StarStar(1, 2, 3, 4); // use createGenerator(seed) instead: it mixes the seed
 * rng.nextUint32();
 * ```
 * @internal
 */
export class Xoshiro128StarStar implements Random {
  // `declare`: no class-field definitions, which would first set the fields to undefined and make V8 keep
  // them as generic tagged values; the constructor's assignments give small-integer fields (samplers run
  // about twice as fast).
  declare s0: number;
  declare s1: number;
  declare s2: number;
  declare s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  nextUint32(): number {
    // xoshiro128**: output rotl(s1 * 5, 7) * 9; the multiplications by 5 and 9 as shift-and-add.
    const s1 = this.s1;
    const s2 = this.s2 ^ this.s0;
    const s3 = this.s3 ^ s1;
    this.s0 ^= s3;
    this.s1 = s1 ^ s2;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    const x = ((s1 << 2) + s1) | 0;
    const y = (x << 7) | (x >>> 25);
    return ((y << 3) + y) >>> 0;
  }

  next(): number {
    // Upper 27 bits of one output and upper 26 bits of the next: (a * 2^26 + b) / 2^53.
    return ((this.nextUint32() >>> 5) * 67108864 + (this.nextUint32() >>> 6)) * 1.1102230246251565e-16;
  }
}
