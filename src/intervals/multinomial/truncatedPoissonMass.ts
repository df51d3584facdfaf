import { gammaP, gammaQ } from '../../special/gammaP';
import { logPoissonPmf } from './logPoissonPmf';
import { exp } from '../../special/elementary/exp';

/** Up to this many support points the mass is summed term by term (cheaper than two incomplete gammas). */
const DIRECT_TERMS = 1025;
/** 2^52: means above it may lie within `above` of 2^53, where whole numbers are no longer all doubles. */
const TWO_52 = 4503599627370496;

/**
 * P(mean - below <= X <= mean + above) for X ~ Poisson(mean), whole mean > 0 and whole below, above >= 0
 * (the lower end is cut at 0). The window is given by its distances from the mean, which stay exact where
 * mean + above would round (above 2^53). Up to 1025 support points the terms are summed outwards from the
 * mean (Loader's saddle-point probability there, then the ratios mean / (mean + d) and (mean - d + 1) /
 * mean, so the terms only shrink and nothing overflows; relative error about 1e-13); longer ranges as 1
 * minus both tails, each a regularised incomplete gamma function, so the result keeps full relative
 * accuracy when it is close to 1. For means above 2^52 the upper tail is taken for the mean shifted by the
 * rounding of mean + above + 1 (at most 1 in 2^52), which keeps its distance from the mean exact.
 *
 * @example
 * ```ts
 * import { truncatedPoissonMass } from './truncatedPoissonMass';
 * truncatedPoissonMass(56, 19, 19); // P(37 <= X <= 75) for X ~ Poisson(56)
 * ```
 * @internal
 */
export function truncatedPoissonMass(mean: number, below: number, above: number): number {
  const down = Math.min(below, mean); // points below the mean in the window
  if (down + above < DIRECT_TERMS) {
    const first = exp(logPoissonPmf(mean, mean));
    let sum = first;
    let term = first;
    for (let d = 1; d <= above; d++) {
      term *= mean / (mean + d);
      sum += term;
    }
    term = first;
    for (let d = 1; d <= down; d++) {
      term *= (mean - d + 1) / mean;
      sum += term;
    }
    return sum;
  }
  // P(X <= lo - 1) = Q(lo, mean); P(X >= hi + 1) = P(hi + 1, mean).
  const upper = mean + (above + 1);
  const upperMean = mean > TWO_52 ? upper - (above + 1) : mean;
  if (down === mean) return gammaQ(upper, upperMean);
  return 1 - gammaQ(mean - down, mean) - gammaP(upper, upperMean);
}
