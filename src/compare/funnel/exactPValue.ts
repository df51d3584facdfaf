import { betaI, betaIUpper } from '../../special/betaI';
import { gammaP, gammaQ } from '../../special/gammaP';
import type { FunnelType } from './types';

/**
 * The exact two-sided p-value of an area's count against the funnel's target: twice the smaller exact
 * one-sided tail probability, P(X <= x) or P(X >= x), capped at 1 (the "doubling" or central rule; Fay
 * 2010, exactci's `tsmethod = 'central'`). X is Binomial(denominator, target) for proportions and
 * Poisson with mean target x population / per (rates) or target x expected (ratios). Each tail is
 * computed directly, so small p-values keep their relative accuracy: P(X <= x) = 1 - I_p(x + 1, n - x)
 * and P(X >= x) = I_p(x, n - x + 1) for the binomial, P(X <= x) = Q(x + 1, mean) and P(X >= x) = P(x, mean)
 * for the Poisson (Abramowitz and Stegun 1964, 26.5.24 and 26.4.21). A non-integer (weighted) count or
 * denominator enters the same beta and gamma forms (their continuous extension); a denominator above 1e300
 * takes the binomial's Poisson limit. Internal: no validation.
 *
 * R's `binom.test` and `poisson.test` use a different two-sided rule (the sum of the probabilities of every
 * outcome no more likely than the one observed), so their p-values can differ from these.
 *
 * @example
 * ```ts
 * import { exactPValue } from './exactPValue';
 * exactPValue('proportion', 9, 10, 0.5, 1); // 2 x P(X >= 9) = 2 x 11/1024 = 0.021484375
 * exactPValue('ratio', 0, 3, 1, 1); // 2 x P(X <= 0) = 2 e^-3 = 0.0995741367357279
 * ```
 * @internal
 */
export function exactPValue(type: FunnelType, x: number, precision: number, target: number, per: number): number {
  let below: number;
  let above: number;
  if (type === 'proportion' && precision <= 1e300) {
    const n = precision;
    below = x >= n ? 1 : betaIUpper(target, x + 1, n - x);
    above = x <= 0 ? 1 : betaI(target, x, n - x + 1);
  } else {
    // the mean formed as target x (population / per), so that neither product overflows on the way; a
    // denominator above 1e300 takes the Poisson limit of the binomial, mean n p (the beta forms overflow
    // near the largest double; the relative difference, about p, is below 1e-300 for any count that fits)
    const mean = type === 'rate' ? target * (precision / per) : target * precision;
    below = gammaQ(x + 1, mean);
    above = x <= 0 ? 1 : gammaP(x, mean);
  }
  return Math.min(1, 2 * Math.min(below, above));
}
