import { sixDigits } from '../core/sixDigits';

/**
 * A note for a point estimate that lies outside its own interval, or undefined when it lies inside. The
 * models report plug-in values (the recorded count over the estimated shares, say) beside intervals from
 * the inputs' distributions (Jeffreys posteriors, Gamma approximations, their draws); when those
 * distributions are strongly skewed away from the plug-in value, as for a probability estimated at 0 or 1
 * from a small sample, a count of 0, or very uncertain inputs, the value can fall outside the interval.
 *
 * @example
 * ```ts
 * import { outsideIntervalNote } from './outsideIntervalNote';
 * outsideIntervalNote(1, 0.86, 0.999); // 'the point estimate (1) lies above the upper limit: ...'
 * outsideIntervalNote(0.5, 0.4, 0.6); // undefined
 * ```
 * @internal
 */
export function outsideIntervalNote(value: number, lower: number, upper: number): string | undefined {
  if (!(value < lower || value > upper)) return undefined;
  const where = value < lower ? 'below the lower limit' : 'above the upper limit';
  return `the point estimate (${sixDigits(value)}) lies ${where}: it is the plug-in value, while the interval comes from the inputs' distributions, which are skewed away from it here (typical of a probability estimated at 0 or 1 from a small sample, a count of 0, very uncertain inputs, or a plug-in share above 1 that no draw can reach); report the interval, and the point only with this caveat`;
}
