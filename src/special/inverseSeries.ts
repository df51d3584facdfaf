/**
 * The step in u = log x that takes L = log T(e^u) from L₀ to L₀ + d, T a distribution function (or its
 * complement), as the Taylor series of the inverse function to d⁵; writes an estimate of its error to
 * `error[0]` (the last term times the largest ratio of successive terms, Infinity when they do not
 * decrease).
 *
 * Method: the quantile mechanics of Steinbrecher and Shaw (2008, "Quantile mechanics", Eur. J. Appl. Math.
 * 19, 87-112), here in u = log x: with h = dL/du at L₀ and k = d log(x f(x))/du (f the density), h' = h(k - h),
 * so the inverse u(L) has u' = 1/h, u'' = (h - k)/h², ...; the coefficient of d^j is c_j/(j!·h^j),
 * c₁ = 1, c₂ = h - k, c₃ = h² - 3hk + 2k² - k₁, c₄ = h³ - 7h²k + 12hk² - 6hk₁ - 6k³ + 7kk₁ - k₂,
 * c₅ = h⁴ - 15h³k + 50h²k² - 25h²k₁ - 60hk³ + 70hkk₁ - 10hk₂ + 24k⁴ - 46k²k₁ + 11kk₂ + 7k₁² - k₃
 * (k_j the j-th derivative of k in u; derived with sympy). From one evaluation of T with |d| up to about
 * 1e-3 the omitted terms are below rounding, where Halley's step (third order) would leave about d³.
 * Gamma(a): k = a - x, k₁ = k₂ = k₃ = -x. Beta(a, b): k = a - (b - 1)x/y, k₁ = -(b - 1)x/y²,
 * k₂ = k₁(1 + x)/y, k₃ = k₁(1 + 4x + x²)/y² (y = 1 - x).
 *
 * For the upper tail, L = log Q, pass h = dL/du = -x f(x)/Q (negative): it obeys the same h' = h(k - h).
 *
 * Domain: h finite and nonzero, |d| small (below about 0.5; the series is not summed beyond d⁵). Internal.
 *
 * @example
 * ```ts
 * import { inverseSeries } from './inverseSeries';
 * // Exponential (Gamma(1)) lower tail from x = 1, P = 1 - e^-1, h = e^-1/P: to P = 0.7 (d = 0.1 is large)
 * const e = new Float64Array(1);
 * inverseSeries(Math.log(0.7 / 0.6321205588285577), 0.5819767068693265, 0, -1, -1, -1, e);
 * // 0.185620 (exact: log(-log 0.3) = 0.185627), e[0] ≈ 5e-6
 * ```
 * @internal
 */
export function inverseSeries(d: number, h: number, k: number, k1: number, k2: number, k3: number, error: Float64Array): number {
  const e = d / h;
  const hh = h * h;
  const kk = k * k;
  const t1 = e;
  const e2 = e * e;
  const t2 = 0.5 * e2 * (h - k);
  const t3 = e2 * e * (hh - 3 * h * k + 2 * kk - k1) * (1 / 6);
  const t4 = e2 * e2 * (hh * h - 7 * hh * k + 12 * h * kk - 6 * h * k1 - 6 * kk * k + 7 * k * k1 - k2) * (1 / 24);
  const t5 =
    e2 * e2 * e * (hh * hh - 15 * hh * h * k + 50 * hh * kk - 25 * hh * k1 - 60 * h * kk * k + 70 * h * k * k1 - 10 * h * k2 + 24 * kk * kk - 46 * kk * k1 + 11 * k * k2 + 7 * k1 * k1 - k3) * (1 / 120);
  // the largest of |t5/t4|, |t4/t3|, |t3/t2|, with one division
  const a2 = Math.abs(t2);
  const a3 = Math.abs(t3);
  const a4 = Math.abs(t4);
  const a5 = Math.abs(t5);
  const r = Math.max(a5 * a3 * a2, a4 * a4 * a2, a3 * a3 * a4) / (a4 * a3 * a2);
  error[0] = a5 * (r < 1 ? r : Infinity);
  return t1 + (t2 + (t3 + (t4 + t5)));
}
