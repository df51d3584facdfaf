import { gammaQuantile, gammaQuantileUpper } from '../../special/gammaQuantile';

/**
 * Exact (Garwood 1936) limits for a Poisson count x at `level`, via gamma quantiles (the chi-square
 * form halved): lower = G⁻¹(α/2; shape x) (0 at x = 0), upper = the upper-tail α/2 quantile of a gamma
 * with shape x + 1, with α = 1 - level. The same as R's `poisson.test(x)$conf.int`.
 *
 * Internal kernel, no validation: x >= 0 (may be non-integer), level in (0, 1).
 *
 * @example
 * ```ts
 * import { poissonExactLimits } from './poissonExactLimits';
 * poissonExactLimits(22, 0.95); // [13.787..., 33.308...]
 * ```
 * @internal
 */
export function poissonExactLimits(x: number, level: number): [number, number] {
  const tail = (1 - level) / 2;
  const lower = x <= 0 ? 0 : gammaQuantile(tail, x);
  return [lower, gammaQuantileUpper(tail, x + 1)];
}
