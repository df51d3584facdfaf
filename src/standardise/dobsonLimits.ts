import { byarLimits } from '../intervals/kernels/byarLimits';

/**
 * Dobson et al. (1991) confidence limits for a weighted sum of Poisson counts
 * `value = sum(w_i x_i)`, from limits `[X_L, X_U]` of the total count `X = sum(x_i)`:
 * `value + sqrt(variance / X) * (X_L - X)` and `value + sqrt(variance / X) * (X_U - X)`, where
 * `variance = sum(w_i^2 x_i)` (or, for repeat events per person, the sum over persons of
 * `w^2 * events^2`). The count limits are Byar's, PHE variant, as in PHE Fingertips.
 *
 * With no events in bands of positive weight (`variance = 0`, e.g. `X = 0`) the formula is 0/0 or
 * degenerate; the limits are then `[0, maxWeight * X_U(0)]`, the limit of the formula as the first
 * event falls in the band of largest weight (as Fay and Feuer 1997 do).
 * The lower limit may be negative for very uneven weights; callers decide what to do with that.
 * No validation.
 *
 * Reference: Dobson AJ, Kuulasmaa K, Eberle E, Scherer J (1991), Confidence intervals for weighted
 * sums of Poisson parameters, Statistics in Medicine 10:457-462.
 * @internal
 */
export function dobsonLimits(
  total: number,
  value: number,
  variance: number,
  maxWeight: number,
  level: number,
): [number, number] {
  if (variance === 0) return [0, maxWeight * byarLimits(0, level)[1]];
  const [countLower, countUpper] = byarLimits(total, level);
  const scale = Math.sqrt(variance / total);
  return [value + scale * (countLower - total), value + scale * (countUpper - total)];
}
