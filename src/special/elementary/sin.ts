import { kernelCos } from './kernelCos';
import { kernelSin } from './kernelSin';

const PIO2_HI = 1.57079632673412561417; // the first 33 bits of π/2
const PIO2_LO = 6.07710050650619224932e-11; // π/2 - PIO2_HI
const PIO4 = 0.7853981633974483;

/**
 * sin(x) for |x| <= 3π/4 (the arcsine transform works on [0, π/2]), reproducible to the bit in every
 * engine (error about 1 ulp).
 *
 * Method: fdlibm's kernels (Sun Microsystems, 1993); for π/4 < |x| <= 3π/4 the reduction x - π/2 with
 * π/2 split in two parts (Cody and Waite 1980), sin x = cos(x - π/2). Used instead of `Math.sin`,
 * whose last bits differ between engines. Arguments outside the range throw (a programming error).
 *
 * @example
 * ```ts
 * import { sin } from './sin';
 * sin(1); // 0.8414709848078965
 * ```
 * @internal
 */
export function sin(x: number): number {
  const ax = Math.abs(x);
  if (ax <= PIO4) return kernelSin(x, 0);
  if (!(ax <= 2.356194490192345)) throw new RangeError(`sin: argument ${x} outside [-3π/4, 3π/4]`);
  const hi = ax - PIO2_HI; // exact (Sterbenz) for ax in [π/4, π]
  const r = hi - PIO2_LO;
  const tail = hi - r - PIO2_LO;
  const s = kernelCos(r, tail);
  return x < 0 ? -s : s;
}
