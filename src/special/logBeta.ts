import { logGamma } from './logGamma';
import { stirlingError } from './stirlingError';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

const HALF_LOG_2PI = 0.91893853320467274178;

/**
 * log Γ(b) - log Γ(a + b), accurate relative to its size even when a is tiny or b huge (where the
 * two log-gammas nearly cancel).
 *
 * Method: for b >= 10, (b - 1/2) log1p(-a/c) - a log c + a + δ(b) - δ(c) with c = a + b and δ Stirling's
 * error (the "algdiv" device of DiDonato and Morris 1992, ACM TOMS 18, 360-373); for b < 10 first the
 * recurrence log Γ(b) - log Γ(a + b) = Σ_{k<n} log1p(a / (b + k)) + [log Γ(b + n) - log Γ(a + b + n)].
 *
 * Domain: a >= 0, b > 0. Internal: no validation.
 *
 * @example
 * ```ts
 * import { logGammaDiff } from './logBeta';
 * logGammaDiff(1, 4); // -log 4
 * ```
 * @internal
 */
export function logGammaDiff(a: number, b: number): number {
  let sum = 0;
  while (b < 10) {
    sum += log1p(a / b);
    b += 1;
  }
  const c = a + b;
  return sum + (b - 0.5) * log1p(-a / c) - a * log(c) + a + stirlingError(b) - stirlingError(c);
}

/**
 * log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b), without the cancellation that the plain sum
 * suffers when an argument is large (e.g. a = 5, b = 1e6, where each log Γ is ~1e7).
 *
 * Method: with a <= b and c = a + b: if a < 10, log Γ(a) + {@link logGammaDiff}(a, b); otherwise
 * (a - 1/2) log(a/c) + (b - 1/2) log1p(-a/c) - log(c)/2 + log(2π)/2 + δ(a) + δ(b) - δ(c), with δ Stirling's
 * error term (Abramowitz and Stegun 1964, 6.1.40; DiDonato and Morris 1992).
 *
 * Domain: a > 0, b > 0. Internal: no validation.
 *
 * @example
 * ```ts
 * import { logBeta } from './logBeta';
 * logBeta(5, 1e6); // -65.89950895945843
 * ```
 * @internal
 */
export function logBeta(a: number, b: number): number {
  if (a > b) {
    const t = a;
    a = b;
    b = t;
  }
  if (a < 10) return logGamma(a) + logGammaDiff(a, b);
  const c = a + b;
  return (
    (a - 0.5) * log(a / c) +
    (b - 0.5) * log1p(-a / c) -
    0.5 * log(c) +
    HALF_LOG_2PI +
    stirlingError(a) +
    stirlingError(b) -
    stirlingError(c)
  );
}
