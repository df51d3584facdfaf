import { exp } from '../../special/elementary/exp';
import { log } from '../../special/elementary/log';
import { logGamma } from '../../special/logGamma';
import { profileRoot } from '../search/profileRoot';

/**
 * Profile-likelihood limits for a population size N = observed + n₀ from a log-linear model of a capture
 * table, as Rcapture's `closedpCI.t` (Cormack 1992): for each N the unobserved cell is given the count
 * n₀ = N - observed and the Poisson model is refitted to all cells; the multinomial profile log-likelihood is
 * -deviance(N)/2 + n₀ log n₀ + log N! - N log N - log n₀! (exactly, where Rcapture switches to Stirling's
 * approximation above N = 100). The maximum is found by golden-section search and each limit, where the
 * log-likelihood is z²/2 below it, by bracketing and bisection on log n₀; a lower limit that does not come
 * below the observed count is the observed count, an upper limit that never comes is Infinity (notes say so).
 * `devianceAt(n0)` refits the model with that unobserved count.
 *
 * @example
 * ```ts
 * // see multipleSystems(counts, { interval: 'profile' }) and closedPopulation(counts)
 * ```
 * @internal
 */
export function multinomialProfile(
  devianceAt: (n0: number) => number,
  observed: number,
  hidden: number,
  z: number,
): { estimate: number; lower: number; upper: number; notes: string[] } {
  const loglik = (u: number): number => {
    const n0 = exp(u);
    const N = observed + n0;
    return -devianceAt(n0) / 2 + n0 * log(n0) + logGamma(N + 1) - N * log(N) - logGamma(n0 + 1);
  };
  // golden-section search for the maximum on u = log n0, from a bracket around the Poisson estimate
  let a = log(Math.max(hidden, 1e-3)) - 3;
  let b = log(Math.max(hidden, 1e-3)) + 3;
  while (loglik(a) > loglik(a + 0.5) && a > -700) a -= 3;
  while (loglik(b) > loglik(b - 0.5) && b < 700) b += 3;
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = loglik(c);
  let fd = loglik(d);
  for (let k = 0; k < 200 && b - a > 1e-10; k++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = loglik(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = loglik(d);
    }
  }
  const top = (a + b) / 2;
  const maximum = loglik(top);
  const target = maximum - (z * z) / 2;
  const notes: string[] = [];
  const low = profileRoot(loglik, top, target, -0.25, -700);
  const high = profileRoot(loglik, top, target, 0.25, 700);
  if (low <= -700) notes.push('the profile lower limit does not fall below the number observed: it is set to the number observed');
  if (high >= 700) notes.push('the profile upper limit is unbounded: the data do not bound the population from above');
  return {
    estimate: observed + exp(top),
    lower: low <= -700 ? observed : observed + exp(low),
    upper: high >= 700 ? Infinity : observed + exp(high),
    notes,
  };
}
