import { cos } from '../../special/elementary/cos';
import { sin } from '../../special/elementary/sin';

const PIO2_HI = 1.57079632673412561417;
const PIO2_LO = 6.07710050650619224932e-11;

/** asin(s) for s in [0, √½] by Newton's method on sin θ = s (cos θ >= √½ there: quadratic convergence). */
function asinSmall(s: number): number {
  if (s === 0) return 0;
  const s2 = s * s;
  let t = s * (1 + s2 * (1 / 6 + (3 / 40) * s2));
  for (let k = 0; k < 6; k++) {
    const step = (sin(t) - s) / cos(t);
    t -= step;
    if (Math.abs(step) <= 1e-17 * t) break;
  }
  return t;
}

/**
 * The variance-stabilising transform of a proportion, θ = asin(√p), for p in [0, 1] (θ in [0, π/2]);
 * a binomial proportion of n trials has Var θ ≈ 1 / (4n) whatever p (Anscombe 1948).
 *
 * Method: for p <= ½ Newton's method on sin θ = √p (the library's reproducible sin and cos); for p > ½,
 * θ = π/2 - asin(√(1 - p)) (1 - p is exact there), so neither end loses accuracy. Error about 2 ulp.
 *
 * @example
 * ```ts
 * import { arcsinSqrt } from './arcsinSqrt';
 * arcsinSqrt(0.5); // 0.7853981633974483 (π/4)
 * ```
 * @internal
 */
export function arcsinSqrt(p: number): number {
  if (p <= 0.5) return asinSmall(Math.sqrt(p));
  return PIO2_HI - asinSmall(Math.sqrt(1 - p)) + PIO2_LO;
}
