import { stirlingError } from './stirlingError';
import { log } from '../special/elementary/log';
import { log1p } from '../special/elementary/log1p';

const HALF_LOG_2PI = 0.91893853320467274;

/**
 * log P(X = k) for X ~ Poisson(mean), whole k >= 0, mean > 0: -mean + k log(mean) - log(k!) for k < 16
 * (log k! by Stirling's series with the tabled correction δ(k)), and -bd0(k, mean) - log(2πk)/2 - δ(k)
 * otherwise, with bd0(k, mean) = k log(k / mean) + mean - k written as k log1p((k - mean) / mean) - (k - mean)
 * so that it does not cancel for k near the mean (Loader 2000): accurate for means of 1e9, 1e12 and beyond.
 *
 * @example
 * ```ts
 * import { poissonLogPmf } from './poissonLogPmf';
 * poissonLogPmf(7706, 7706); // -5.3938266..., about log(1 / sqrt(2π 7706))
 * ```
 * @internal
 */
export function poissonLogPmf(k: number, mean: number): number {
  if (k < 16) {
    const logFactorial = k === 0 ? 0 : (k + 0.5) * log(k) - k + HALF_LOG_2PI + stirlingError(k);
    return -mean + k * log(mean) - logFactorial;
  }
  const d = k - mean;
  return d - k * log1p(d / mean) - 0.5 * log(k) - HALF_LOG_2PI - stirlingError(k);
}
