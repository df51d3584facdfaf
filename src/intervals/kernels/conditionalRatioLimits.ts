import { betaQuantilePair } from '../../special/betaQuantile';
import { exp } from '../../special/elementary/exp';
import { log } from '../../special/elementary/log';

/**
 * Exact conditional limits for the ratio of two Poisson rates, (x1 / t1) / (x2 / t2), as R's
 * `poisson.test(c(x1, x2), c(t1, t2))$conf.int`: given n = x1 + x2 events, x1 is binomial with
 * p = ρ t1 / (ρ t1 + t2); the Clopper-Pearson limits for p (Clopper & Pearson 1934) map to
 * ρ = p / (1 - p) × t2 / t1. Each p and its 1 - p come from one beta quantile solve (betaQuantilePair, two
 * quantiles in all), both with full relative accuracy, so there is no 1 - p cancellation when p is near 1.
 *
 * Lower limit 0 at x1 = 0, upper limit Infinity at x2 = 0 (and Infinity if it overflows).
 *
 * Internal kernel, no validation: x1, x2 >= 0 (may be non-integer), not both 0; t1, t2 > 0; level in (0, 1).
 *
 * @example
 * ```ts
 * import { conditionalRatioLimits } from './conditionalRatioLimits';
 * conditionalRatioLimits(239, 365, 152, 365, 0.95); // [1.2777..., 1.9398...] (Wycombe 2017 against 2015)
 * ```
 * @internal
 */
export function conditionalRatioLimits(x1: number, t1: number, x2: number, t2: number, level: number): [number, number] {
  const tail = (1 - level) / 2;
  let lower = 0;
  let upper = Infinity;
  if (x1 > 0) {
    const [p, complement] = betaQuantilePair(tail, x1, x2 + 1);
    lower = ratio(p, complement, t1, t2);
  }
  if (x2 > 0) {
    // the upper limit p of Beta(x1 + 1, x2) is 1 - (the lower-tail quantile of Beta(x2, x1 + 1))
    const [complement, p] = betaQuantilePair(tail, x2, x1 + 1);
    upper = ratio(p, complement, t1, t2);
  }
  return [lower, upper];
}

/** (p / (1 - p)) × t2 / t1 from p and 1 - p; on the log scale if the plain product is 0 × Infinity. */
function ratio(p: number, complement: number, t1: number, t2: number): number {
  const r = (p / complement) * (t2 / t1);
  return Number.isNaN(r) ? exp(log(p) - log(complement) + log(t2) - log(t1)) : r;
}
