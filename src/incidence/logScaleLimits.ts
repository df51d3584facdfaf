import { exp } from '../special/elementary/exp';

/** Limits and standard deviation of a positive quantity from the delta method on the log scale. @internal */
export interface LogScaleLimits {
  limits: [number, number];
  /** v x se; undefined when se is unbounded. */
  sd: number | undefined;
  /** True when exp(z se) overflows: the upper limit is Infinity, whatever v is. */
  unbounded: boolean;
}

/** Note added to an output whose delta-method variance is unbounded. @internal */
export const UNBOUNDED_VARIANCE_NOTE = 'the delta-method variance is unbounded (a vanishing recorded count): the upper limit is unbounded';

/**
 * Limits v exp(-z se) and v exp(z se) of a quantity with log-scale standard error `se` and point value `v`
 * (>= 0), and its standard deviation v se (the delta method; Oehlert 1992). A vanishing recorded count
 * makes the variance overflow to Infinity while the point value may underflow to 0, and 0 x Infinity is NaN:
 * here, whenever exp(z se) overflows the upper limit is Infinity (the limit as the count goes to 0) and
 * the standard deviation undefined, so the limits are never NaN.
 *
 * @example
 * ```ts
 * import { logScaleLimits } from './logScaleLimits';
 * logScaleLimits(100, 0.1, 1.959963984540054).limits; // [82.2, 121.6] (rounded)
 * logScaleLimits(0, Infinity, 1.959963984540054).limits; // [0, Infinity]
 * ```
 * @internal
 */
export function logScaleLimits(v: number, se: number, z: number): LogScaleLimits {
  const up = exp(z * se);
  const unbounded = up === Infinity;
  return {
    limits: [v * exp(-z * se), unbounded ? Infinity : v * up],
    sd: se === Infinity ? undefined : v * se,
    unbounded,
  };
}
