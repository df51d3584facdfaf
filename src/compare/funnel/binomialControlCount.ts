import { betaI, betaIUpper } from '../../special/betaI';
import { betaLogPrefactor } from '../../special/betaLogPrefactor';
import { exp } from '../../special/elementary/exp';
import { cornishFisherDeviation, LARGE_COUNT } from './cornishFisherDeviation';
import { poissonControlCount } from './poissonControlCount';

/**
 * Below this probability of the rarer outcome (2^-60 ≈ 8.7e-19) Binomial(n, p) is Poisson(np) to double
 * precision: the limits move by about p standard deviations' worth of probability, p/σ relative, under an ulp.
 */
const POISSON_P = 8.673617379884035e-19;

/** Steps of the pmf recursion before falling back to bisection (Cornish-Fisher starts are within ±2). */
const MAX_STEPS = 32;

/**
 * P(X = r) for X ~ Binomial(n, p), 0 <= r <= n: x^a y^b / B(a, b) with a = r + 1, b = n - r + 1 is
 * p(1 - p)(n + 1) times the pmf; the prefactor is formed with Stirling-error differences (DiDonato and
 * Morris 1992), so it stays accurate for huge n.
 */
function binomialPmf(r: number, n: number, p: number, q: number): number {
  return exp(betaLogPrefactor(p, q, r + 1, n - r + 1)) / (p * q * (n + 1));
}

/** F(r) = P(X <= r) (lower) or Q(r) = P(X > r) (upper), each computed directly in its small tail. */
function tail(r: number, n: number, p: number, upper: boolean): number {
  if (r >= n) return upper ? 0 : 1;
  return upper ? betaI(p, r + 1, n - r) : betaIUpper(p, r + 1, n - r);
}

/**
 * Spiegelhalter's (2005, appendix A.1.1) interpolated binomial control limit, in count units, for the tail
 * probability `t`: with r the t-quantile (lower) or (1 - t)-quantile (upper) of Binomial(n, p) and F its
 * distribution function, α = (F(r) - p_t) / (F(r) - F(r - 1)) and the limit is r - α (divide by n for the
 * proportion). The upper side uses the upper tail directly (α = (t - Q(r)) / P(X = r)), so no 1 - t is
 * formed. The result may be negative (r = 0): callers clip at 0.
 *
 * For n above {@link LARGE_COUNT} (2^50) it is n times {@link binomialControlLimit}, which never walks whole
 * counts that doubles cannot tell apart.
 *
 * Internal kernel, no validation: n a whole number >= 1, p in (0, 1), t in (0, 0.5], zt = -Φ⁻¹(t) > 0.
 *
 * @example
 * ```ts
 * import { binomialControlCount } from './binomialControlCount';
 * binomialControlCount(100, 0.2, 0.025, 1.959963984540054, false); // 12.2... (lower 95% control count)
 * ```
 * @internal
 */
export function binomialControlCount(n: number, p: number, t: number, zt: number, upper: boolean): number {
  return n > LARGE_COUNT ? n * binomialControlLimit(n, p, t, zt, upper) : walk(n, p, t, zt, upper);
}

/**
 * {@link binomialControlCount} as a proportion (the count over n), for any n: for n <= {@link LARGE_COUNT}
 * (2^50) exactly the count over n. Beyond it, where whole counts near the quantile may stop being
 * representable (2^53) and a walk could not move:
 *
 * - both np and n(1 - p) above LARGE_COUNT: p + D / n with D from {@link cornishFisherDeviation} (r₃ = q - p,
 *   r₄ = 1 - 6pq), equal to the interpolated limit to double precision;
 * - otherwise the count-by-count walk on the rarer outcome, whose quantile stays below 2^51: for p > 1/2 the
 *   limit is 1 - (1 + the opposite limit of Binomial(n, 1 - p)) / n, as the interpolation of P(X <= k) between
 *   whole k is that of P(n - X > n - 1 - k) (so no digits are lost near 1);
 * - with the rarer probability below 2^-60 that walk is Poisson's ({@link poissonControlCount}, mean n·min(p, q)),
 *   the same to double precision, as the incomplete beta function is not reliable for n near the largest doubles.
 *
 * So the work is bounded for every n.
 *
 * Internal kernel, no validation: as {@link binomialControlCount}.
 *
 * @example
 * ```ts
 * import { binomialControlLimit } from './binomialControlCount';
 * binomialControlLimit(1e20, 0.3, 0.025, 1.959963984540054, true); // 0.30000000008981...
 * ```
 * @internal
 */
export function binomialControlLimit(n: number, p: number, t: number, zt: number, upper: boolean): number {
  if (!(n > LARGE_COUNT)) return walk(n, p, t, zt, upper) / n;
  const q = 1 - p;
  if (n * p > LARGE_COUNT && n * q > LARGE_COUNT) return p + cornishFisherDeviation(n * p * q, q - p, 1 - 6 * p * q, upper ? zt : -zt) / n;
  const flip = p > 0.5;
  const rare = flip ? q : p;
  const side = flip ? !upper : upper;
  const count = rare < POISSON_P ? poissonControlCount(n * rare, t, zt, side) : walk(n, rare, t, zt, side);
  return flip ? 1 - (1 + count) / n : count / n;
}

/**
 * The count-by-count search: from a Cornish-Fisher start, steps with the pmf recursion, bisection as a safety
 * net. Needs whole counts near the quantile to be exact doubles: n <= 2^50, or p <= 1/2 with np <= 2^50.
 */
function walk(n: number, p: number, t: number, zt: number, upper: boolean): number {
  const q = 1 - p;
  const z = upper ? zt : -zt;
  const start = Math.floor(n * p + Math.sqrt(n * p * q) * z + ((q - p) * (z * z - 1)) / 6 + 0.5);
  let r = start < 0 ? 0 : start > n ? n : start;
  const odds = p / q;
  let c = tail(r, n, p, upper);
  let m = binomialPmf(r, n, p, q);
  let steps = 0;
  if (!upper) {
    if (c >= t) {
      while (r > 0 && c - m >= t && steps++ < MAX_STEPS) {
        c -= m;
        m = (m * r) / ((n - r + 1) * odds);
        r--;
      }
    } else {
      while (c < t && r < n && steps++ < MAX_STEPS) {
        m = (m * (n - r) * odds) / (r + 1);
        r++;
        c += m;
      }
    }
  } else if (c <= t) {
    while (r > 0 && c + m <= t && steps++ < MAX_STEPS) {
      c += m;
      m = (m * r) / ((n - r + 1) * odds);
      r--;
    }
  } else {
    while (c > t && r < n && steps++ < MAX_STEPS) {
      m = (m * (n - r) * odds) / (r + 1);
      r++;
      c -= m;
    }
  }
  if (steps > MAX_STEPS || !(m > 0)) {
    r = bisect(n, p, t, upper);
    c = tail(r, n, p, upper);
    m = binomialPmf(r, n, p, q);
  }
  if (!(m > 0)) return r;
  return r - (upper ? t - c : c - t) / m;
}

/** Smallest r in [0, n] with F(r) >= t (lower) or Q(r) <= t (upper), by bisection on direct tail values. */
function bisect(n: number, p: number, t: number, upper: boolean): number {
  const ok = (r: number) => (upper ? tail(r, n, p, true) <= t : tail(r, n, p, false) >= t);
  let lo = -1; // F(-1) = 0 < t, Q(-1) = 1 > t
  let hi = n; // F(n) = 1 >= t, Q(n) = 0 <= t
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid >= 0 && ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
