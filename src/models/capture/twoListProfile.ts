import { log } from '../../special/elementary/log';
import { log1p } from '../../special/elementary/log1p';
import { logGamma } from '../../special/logGamma';

/**
 * The profile log-likelihood of the population size N for two lists under model Mt (each list catches
 * everyone with its own probability, independently), maximised over the catch probabilities p_j = n_j/N:
 * log N!/(N - r)! + Σ_j [n_j log n_j + (N - n_j) log(N - n_j)] - 2 N log N (Darroch 1958; Otis et al.
 * 1978), N continuous through log Γ, as Rcapture's profile intervals treat it; r is the number observed and
 * n_1, n_2 the list sizes. Computed as Σ_k log(1 - k/N) + Σ_j [n_j log n_j + (N - n_j) log(1 - n_j/N)]
 * - m log N (m = n_1 + n_2 - r, the overlap), which stays accurate as N grows without bound; with m = 0 it
 * rises to its supremum Σ n_j log n_j - n_1 - n_2 as N → ∞ (`N = Infinity` gives that).
 *
 * @example
 * ```ts
 * import { twoListProfile } from './twoListProfile';
 * twoListProfile(500, 200, 100, 260); // log-likelihood at N = 500
 * ```
 * @internal
 */
export function twoListProfile(N: number, n1: number, n2: number, observed: number): number {
  const xlogx = (x: number) => (x > 0 ? x * log(x) : 0);
  const overlap = n1 + n2 - observed;
  if (N === Infinity) return overlap > 0 ? -Infinity : xlogx(n1) + xlogx(n2) - n1 - n2;
  let falling: number;
  if (observed < 2000) {
    falling = 0;
    for (let k = 1; k < observed; k++) falling += log1p(-k / N);
  } else {
    falling = logGamma(N + 1) - logGamma(N - observed + 1) - observed * log(N);
  }
  // (N - n) log(1 - n/N), 0 at N = n
  const rest = (n: number) => (N > n ? (N - n) * log1p(-n / N) : 0);
  return falling + xlogx(n1) + xlogx(n2) + rest(n1) + rest(n2) - overlap * log(N);
}
