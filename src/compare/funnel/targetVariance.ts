import type { FunnelType } from './types';

/**
 * Variance of an area's value at the target, on the scale its z-score is taken (Spiegelhalter 2005):
 * θ(1 - θ)/n for a proportion, λ · per / N for a rate per `per` (Poisson counts), and 1 / (4E) for a
 * ratio on the square-root scale (√(O/E) has variance about 1 / (4E) whatever the target).
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
  if (type === 'proportion') return (target * (1 - target)) / precision;
  if (type === 'rate') return (target * per) / precision;
  return 0.25 / precision;
}
