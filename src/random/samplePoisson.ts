import type { Random } from './generator';
import { poissonFromNormal } from './poissonFromNormal';
import { sampleNormal } from './sampleNormal';
import { exp } from '../special/elementary/exp';

/**
 * A Poisson(mean) draw. Mean below 10: inversion by sequential search from 0 (Devroye 1986,
 * ch. X.3), one uniform per draw.
 * Mean 10 and above: Ahrens & Dieter's (1982) algorithm PD ({@link poissonFromNormal}): one ziggurat normal
 * per draw, plus one uniform for about half of them, the rest rarer still; its rare steps compare with
 * log P(X = k) written as -bd0(k, mean) - log(2πk)/2 - δ(k) (Loader 2000), accurate for means of 1e9,
 * 1e12 and beyond (counts stay exact integers up to 2^53). Mean 0 (or below) returns 0; `mean` must be
 * finite (NaN and Infinity are returned as they are).
 * The result is a whole number >= 0.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { samplePoisson } from './samplePoisson';
 * const rng = createGenerator(42);
 * samplePoisson(rng, 7706); // police-recorded count with Poisson noise
 * ```
 * @internal
 */
export function samplePoisson(rng: Random, mean: number): number {
  if (mean < 10) {
    if (!(mean > 0)) return 0;
    const u = rng.next();
    let p = exp(-mean);
    let cdf = p;
    let k = 0;
    while (u > cdf) {
      k++;
      p *= mean / k;
      const next = cdf + p;
      // Rounding can leave the summed CDF a few ulps below 1, under u: stop in the far tail where
      // the terms no longer change the sum (probability about 1e-16 per draw).
      if (next === cdf) break;
      cdf = next;
    }
    return k;
  }
  if (!(mean < Infinity)) return mean; // NaN or Infinity: never loop forever
  return poissonFromNormal(rng, mean, sampleNormal(rng), NaN);
}
