import { gammaQuantile, gammaQuantileUpper } from '../../special/gammaQuantile';

/** Whole counts below this have their limits remembered per level (PHE uses exact limits below 10). */
const CACHED_BELOW = 10;
/** At most this many levels are remembered; the oldest is forgotten first. */
const CACHED_LEVELS = 8;
const cache = /* @__PURE__ */ /* @__PURE__ */ (() => new Map<number, Float64Array>())();

function compute(x: number, tail: number): [number, number] {
  return [x <= 0 ? 0 : gammaQuantile(tail, x), gammaQuantileUpper(tail, x + 1)];
}

/**
 * Exact (Garwood 1936) limits for a Poisson count x at `level`, via gamma quantiles (the chi-square
 * form halved): lower = G⁻¹(α/2; shape x) (0 at x = 0), upper = the upper-tail α/2 quantile of a gamma
 * with shape x + 1, with α = 1 - level. The same as R's `poisson.test(x)$conf.int`.
 *
 * Whole counts below 10 (the exact regime of `rateCI`'s `'auto'`) are computed once per level and
 * remembered (for up to 8 levels), so a table of many small counts costs one quantile per distinct count;
 * the numbers are the same bits either way.
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
  if (!(x < CACHED_BELOW && Number.isInteger(x))) return compute(x, tail);
  let limits = cache.get(level);
  if (limits === undefined) {
    if (cache.size >= CACHED_LEVELS) cache.delete(cache.keys().next().value as number);
    limits = new Float64Array(2 * CACHED_BELOW).fill(-1);
    cache.set(level, limits);
  }
  if (limits[2 * x]! < 0) {
    const [lower, upper] = compute(x, tail);
    limits[2 * x] = lower;
    limits[2 * x + 1] = upper;
  }
  return [limits[2 * x]!, limits[2 * x + 1]!];
}
