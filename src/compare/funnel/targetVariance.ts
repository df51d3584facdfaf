import { productOver, sqrtProductOver } from './productOver';
import type { FunnelType } from './types';

/**
 * Variance of an area's value at the target, on the scale its z-score is taken (Spiegelhalter 2005):
 * θ(1 - θ)/n for a proportion, λ · per / N for a rate per `per` (Poisson counts), and 1 / (4E) for a
 * ratio on the square-root scale (√(O/E) has variance about 1 / (4E) whatever the target). Formed without
 * overflow or underflow on the way ({@link productOver}): Infinity or 0 only where the variance itself is
 * beyond the doubles.
 *
 * Internal, no validation.
 *
 * @example
 * ```ts
 * import { targetVariance } from './targetVariance';
 * targetVariance('proportion', 0.2, 100, 1); // 0.0016
 * ```
 * @internal
 */
export function targetVariance(type: FunnelType, target: number, precision: number, per: number): number {
  if (type === 'proportion') return productOver(target, 1 - target, precision);
  if (type === 'rate') return productOver(target, per, precision);
  return 0.25 / precision;
}

/**
 * The square root of {@link targetVariance}, the standard error at the target, formed without overflow or
 * underflow on the way: a finite number above 0 wherever the standard error is a double, even where its
 * square is not (a ratio's 1 / (2√E) always is).
 *
 * Internal, no validation.
 *
 * @example
 * ```ts
 * import { targetStandardError } from './targetVariance';
 * targetStandardError('ratio', 1, 1e308, 1); // 5e-155 (its square is below the normal doubles)
 * ```
 * @internal
 */
export function targetStandardError(type: FunnelType, target: number, precision: number, per: number): number {
  if (type === 'proportion') return sqrtProductOver(target, 1 - target, precision);
  if (type === 'rate') return sqrtProductOver(target, per, precision);
  return 0.5 / Math.sqrt(precision);
}
