/**
 * x, or Infinity where x is NaN: a draw made NaN by an infinite input (Infinity x 0, Infinity - Infinity,
 * 0 / 0 after a draw of 0) is reported as unbounded, never as NaN.
 *
 * @example
 * ```ts
 * import { finiteOrInfinity } from './finiteOrInfinity';
 * finiteOrInfinity(Infinity * 0); // Infinity
 * finiteOrInfinity(2.5); // 2.5
 * ```
 * @internal
 */
export function finiteOrInfinity(x: number): number {
  return x === x ? x : Infinity;
}
