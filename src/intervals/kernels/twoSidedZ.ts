import { normalQuantile } from '../../special/normalQuantile';

/**
 * The normal critical value z for a two-sided interval at `level`: z = Φ⁻¹(1 - (1 - level) / 2),
 * computed as `-Φ⁻¹((1 - level) / 2)` so that no `1 - q` rounding enters (1 - level is exact in
 * floating point for level in [0.5, 1)).
 *
 * @example
 * ```ts
 * import { twoSidedZ } from './twoSidedZ';
 * twoSidedZ(0.95); // 1.959963984540054
 * ```
 * @internal
 */
export function twoSidedZ(level: number): number {
  // most calls repeat the last level (0.95): remember it (the same bits either way)
  if (level !== lastLevel) {
    lastLevel = level;
    lastZ = -normalQuantile((1 - level) / 2);
  }
  return lastZ;
}

let lastLevel = NaN;
let lastZ = NaN;
