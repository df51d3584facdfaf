import { gammaP, gammaQ } from '../../special/gammaP';
import { logPoissonPmf } from './logPoissonPmf';
import { exp } from '../../special/elementary/exp';

/** Up to this many support points the mass is summed term by term (cheaper than two incomplete gammas). */
const DIRECT_TERMS = 1025;

/**
 * P(lo <= X <= hi) for X ~ Poisson(mean), whole 0 <= lo <= hi, mean > 0. Up to 1025 support points
 * the terms are summed outwards from the point nearest the mean (Loader's saddle-point probability
 * there, then the ratios mean / j, so the terms only shrink and nothing overflows; relative error
 * about 1e-13); longer ranges as 1 minus both tails, each a regularised incomplete gamma function,
 * so the result keeps full relative accuracy when it is close to 1.
 *
 * @example
 * ```ts
 * import { truncatedPoissonMass } from './truncatedPoissonMass';
 * truncatedPoissonMass(56, 37, 75); // P(37 <= X <= 75) for X ~ Poisson(56)
 * ```
 * @internal
 */
export function truncatedPoissonMass(mean: number, lo: number, hi: number): number {
  if (hi - lo < DIRECT_TERMS) {
    const start = Math.min(hi, Math.max(lo, Math.floor(mean)));
    const first = exp(logPoissonPmf(start, mean));
    let sum = first;
    let term = first;
    for (let j = start; j < hi; j++) {
      term *= mean / (j + 1);
      sum += term;
    }
    term = first;
    for (let j = start; j > lo; j--) {
      term *= j / mean;
      sum += term;
    }
    return sum;
  }
  // P(X <= lo - 1) = Q(lo, mean); P(X >= hi + 1) = P(hi + 1, mean).
  if (lo === 0) return gammaQ(hi + 1, mean);
  return 1 - gammaQ(lo, mean) - gammaP(hi + 1, mean);
}
