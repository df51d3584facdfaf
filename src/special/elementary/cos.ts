import { kernelCos } from './kernelCos';
import { kernelSin } from './kernelSin';

const PIO2_HI = 1.57079632673412561417;
const PIO2_LO = 6.07710050650619224932e-11;
const PIO4 = 0.7853981633974483;

/**
 * cos(x) for |x| <= 3π/4, reproducible to the bit in every engine (error about 1 ulp).
 *
 * Method: fdlibm's kernels (Sun Microsystems, 1993); for π/4 < |x| <= 3π/4, cos x = -sin(|x| - π/2)
 * with π/2 split in two parts (Cody and Waite 1980). Used instead of `Math.cos`. Arguments outside the
 * range throw (a programming error).
 *
 * @example
 * ```ts
 * import { cos } from './cos';
 * cos(1); // 0.5403023058681398
 * ```
 * @internal
 */
export function cos(x: number): number {
  const ax = Math.abs(x);
  if (ax <= PIO4) return kernelCos(ax, 0);
  if (!(ax <= 2.356194490192345)) throw new RangeError(`cos: argument ${x} outside [-3π/4, 3π/4]`);
  const hi = ax - PIO2_HI;
  const r = hi - PIO2_LO;
  const tail = hi - r - PIO2_LO;
  return -kernelSin(r, tail);
}
