import type { Random } from './generator';
import { stirlingError } from './stirlingError';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';
import { log1p } from '../special/elementary/log1p';

const HALF_LOG_2PI = 0.91893853320467274;

/**
 * A Poisson(mean) draw. Mean below 10: inversion by sequential search from 0 (Devroye 1986,
 * ch. X.3), one uniform per draw.
 * Mean 10 and above: PTRS, transformed rejection with squeeze (Hörmann 1993), about 1.2 pairs of
 * uniforms per draw whatever the mean; its rejection step evaluates log P(X = k) as
 * -bd0(k, mean) - log(2πk)/2 - δ(k) (Loader 2000), accurate for means of 1e9, 1e12 and beyond
 * (counts stay exact integers up to 2^53). Mean 0 (or below) returns 0; `mean` must be finite.
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
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    // Exact test (about 14% of draws): log(v / alpha / (a / us² + b)) <= log P(X = k).
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const logV = log((v * invAlpha) / (a / (us * us) + b));
    let logPmf: number;
    if (k < 16) {
      // Small k (means near 10 only): -mean + k log(mean) - log(k!) directly.
      const logFactorial = k === 0 ? 0 : (k + 0.5) * log(k) - k + HALF_LOG_2PI + stirlingError(k);
      logPmf = -mean + k * log(mean) - logFactorial;
    } else {
      // bd0(k, mean) = k log(k / mean) + mean - k, without cancellation for k near the mean.
      const d = k - mean;
      logPmf = d - k * log1p(d / mean) - 0.5 * log(k) - HALF_LOG_2PI - stirlingError(k);
    }
    if (logV <= logPmf) return k;
  }
}
