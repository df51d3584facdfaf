import { twoSidedZ } from './twoSidedZ';

/**
 * Byar's approximation to the exact Poisson limits, in the variant used by Public Health England /
 * OHID (Fingertips, PHEindicatormethods; Breslow & Day 1987): lower from x, upper from x + 1,
 *   lower = x (1 - 1/(9x) - z/(3√x))³,   upper = (x + 1) (1 - 1/(9(x+1)) + z/(3√(x+1)))³.
 * (epitools' `pois.byar` and DescTools use x + 0.5 for both; that is a different interval.)
 *
 * Lower is 0 at x = 0, and 0 when the bracket is not positive (few events at a high level, e.g.
 * x = 1 at 99.8%, where PHE reports no lower limit): the approximation has broken down there.
 *
 * Internal kernel, no validation: x >= 0 (may be non-integer), level in (0, 1).
 *
 * @example
 * ```ts
 * import { byarLimits } from './byarLimits';
 * byarLimits(65, 0.95); // [50.1631877104595, 82.8491385459398] (PHE test workbook)
 * ```
 * @internal
 */
export function byarLimits(x: number, level: number): [number, number] {
  const z = twoSidedZ(level);
  const y = x + 1;
  const b = 1 - 1 / (9 * y) + z / (3 * Math.sqrt(y));
  const upper = y * b * b * b;
  if (x <= 0) return [0, upper];
  const a = 1 - 1 / (9 * x) - z / (3 * Math.sqrt(x));
  return [a > 0 ? x * a * a * a : 0, upper];
}
