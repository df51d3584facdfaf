import { stirlingError } from '../../random/stirlingError';
import { exp } from '../../special/elementary/exp';
import { log } from '../../special/elementary/log';

const HALF_LOG_TWO_PI = 0.91893853320467274178;

/**
 * Loader's deviance term bd0(x, m) = x log(x / m) + m - x, by its series when x is near m
 * (no cancellation). Callers pass x > 0, m > 0.
 */
function bd0(x: number, m: number): number {
  const d = x - m;
  if (Math.abs(d) < 0.1 * (x + m)) {
    const v = d / (x + m);
    const v2 = v * v;
    let s = d * v;
    let ej = 2 * x * v;
    for (let j = 3; j < 1000; j += 2) {
      ej *= v2;
      const next = s + ej / j;
      if (next === s) return s;
      s = next;
    }
    return s;
  }
  return x * log(x / m) + m - x;
}

/**
 * Log of the Poisson probability P(X = x) for whole x >= 0 and mean m >= 0, by Loader's
 * saddle-point form (Loader 2000, "Fast and accurate computation of binomial probabilities"):
 * -δ(x) - bd0(x, m) - log(2πx)/2, accurate to ~1e-14 relative even for counts of 1e9.
 *
 * @example
 * ```ts
 * import { logPoissonPmf } from './logPoissonPmf';
 * exp(logPoissonPmf(3, 2)); // 0.18044704431548356
 * ```
 * @internal
 */
export function logPoissonPmf(x: number, m: number): number {
  if (x < 0) return -Infinity;
  if (m === 0) return x === 0 ? 0 : -Infinity;
  if (x === 0) return -m;
  return -stirlingError(x) - bd0(x, m) - HALF_LOG_TWO_PI - 0.5 * log(x);
}
