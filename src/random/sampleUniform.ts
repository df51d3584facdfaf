import type { Random } from './generator';

/**
 * A uniform draw on [min, max): min + (max - min) U with U from {@link Random.next} (53-bit
 * resolution; Knuth 1997, TAOCP vol. 2, 3.4.1). Floating-point rounding can give `max` itself, with
 * probability about 2^-53; `min === max` returns `min`.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { sampleUniform } from './sampleUniform';
 * const rng = createGenerator(42);
 * sampleUniform(rng, 10, 20); // 14.137...
 * ```
 * @internal
 */
export function sampleUniform(rng: Random, min: number, max: number): number {
  return min + (max - min) * rng.next();
}
