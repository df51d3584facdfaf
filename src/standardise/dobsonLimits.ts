import { byarLimits } from '../intervals/kernels/byarLimits';

/**
 * Dobson et al. (1991) confidence limits for a weighted sum of Poisson counts
 * `value = sum(w_i x_i)`, from limits `[X_L, X_U]` of the total count `X = sum(x_i)`:
 * `value + sqrt(variance / X) * (X_L - X)` and `value + sqrt(variance / X) * (X_U - X)`, where
 * `variance = sum(w_i^2 x_i)` (or, for repeat events per person, the sum over persons of
 * `w^2 * events^2`). The count limits are Byar's, PHE variant, as in PHE Fingertips.
 *
 * The limits are linear in the weights: `value` and `variance` may be given for weights scaled by any
 * factor c (value x c, variance x c^2), and the limits come out scaled by c. Callers scale by a power
 * of two so that `w^2` neither underflows nor overflows.
 *
 * Needs events in bands of positive weight (`total > 0`, `value > 0`); with none the formula is 0/0
 * and the caller takes the upper limit from the band of largest weight instead (as Fay and Feuer 1997
 * do). The lower limit may be negative for very uneven weights; callers decide what to do with that.
 * No validation.
 *
 * Reference: Dobson AJ, Kuulasmaa K, Eberle E, Scherer J (1991), Confidence intervals for weighted
 * sums of Poisson parameters, Statistics in Medicine 10:457-462.
 *
 * @example
 * ```ts
 * import { dobsonLimits } from './dobsonLimits';
 * // one band of weight 1: Byar's limits of the count itself
 * dobsonLimits(65, 65, 65, 0.95); // [50.16318771045..., 82.84913854594...]
 * ```
 * @internal
 */
export function dobsonLimits(total: number, value: number, variance: number, level: number): [number, number] {
  const [countLower, countUpper] = byarLimits(total, level);
  const scale = Math.sqrt(variance / total);
  return [value + scale * (countLower - total), value + scale * (countUpper - total)];
}
