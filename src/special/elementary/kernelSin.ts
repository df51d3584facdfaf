const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

/**
 * sin(x + y) for |x| <= π/4, y the tail of x (|y| < ulp(x) / 2), as fdlibm's `__kernel_sin`
 * (Sun Microsystems, 1993): a degree-13 odd minimax polynomial, error below 2^-58 relative.
 *
 * @example
 * ```ts
 * import { kernelSin } from './kernelSin';
 * kernelSin(0.5, 0); // 0.479425538604203
 * ```
 * @internal
 */
export function kernelSin(x: number, y: number): number {
  if (Math.abs(x) < 7.450580596923828e-9) return x; // 2^-27: sin x = x in double precision
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (y === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}
