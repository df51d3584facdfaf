import { gammaLogPrefactor } from './gammaLogPrefactor';
import { gammaLogTail } from './gammaLogTail';
import { gammaP, gammaQ } from './gammaP';
import { logGamma, logGamma1p } from './logGamma';
import { normalQuantile } from './normalQuantile';
import { exp } from './elementary/exp';
import { pow } from './elementary/pow';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

/**
 * Solve T(x) = target in u = log x by safeguarded Halley steps, T = P(a, ·) (upper = false) or
 * Q(a, ·) (upper = true); u0 start, [lo, hi] a bracket in u. Returns x.
 */
function solve(a: number, target: number, upper: boolean, u0: number, lo: number, hi: number): number {
  const logTarget = log(target);
  let u = u0;
  let x = exp(u);
  let prev = Infinity;
  for (let it = 0; it < 100; it++) {
    const lp = gammaLogPrefactor(a, x); // log(x f(x)), f the Gamma(a) density
    let logT: number;
    let g: number;
    // For a < 10 the tail is formed linearly too (pow(x, a) in gammaPrefactor), so near the root
    // g = log(T / target) keeps full relative precision; in logs |log T|·eps would be lost.
    const t = a < 10 ? (upper ? gammaQ(a, x) : gammaP(a, x)) : 0;
    if (t > 1e-300) {
      logT = log(t);
      g = log(t / target);
    } else {
      logT = gammaLogTail(a, x, upper);
      g = logT - logTarget;
    }
    if (g === 0) return x;
    if (g < 0 === upper) hi = u;
    else lo = u;
    // g'(u) = ±h, h = x f / T; g''/g' = a - x ∓ h (lower: -h, upper: +h).
    const h = exp(lp - logT);
    const n = upper ? -g / h : g / h;
    const k = upper ? a - x + h : a - x - h;
    const hk = 0.5 * n * k;
    const s = hk > -0.5 && hk < 0.5 ? n / (1 - hk) : n;
    const scale = Math.max(1, Math.abs(u));
    if (Math.abs(s) <= 1e-11 * scale || (Math.abs(s) <= 1e-7 * scale && Math.abs(s) >= 0.5 * prev)) {
      return x * exp(-s);
    }
    prev = Math.abs(s);
    let un = u - s;
    if (!(un > lo && un < hi)) un = 0.5 * (lo + hi);
    if (un === u) return x;
    u = un;
    x = exp(u);
  }
  return x;
}

/** x <= median of Gamma(a) with P(a, x) = p, 0 < p <= 0.5. */
function lower(p: number, a: number): number {
  const logP = log(p);
  // P(a, x) <= x^a / Γ(a + 1): this bound is a lower limit for x and exact as x -> 0.
  const lg1 = logGamma1p(a);
  const ut = (logP + lg1) / a;
  if (ut < -690) return pow(p, 1 / a) * exp(lg1 / a); // x < 1e-300: the bound is exact
  let u0 = ut;
  if (2 * a >= -1.24 * logP) {
    const c = 1 / (9 * a);
    const v = 1 - c + normalQuantile(p) * Math.sqrt(c);
    if (v > 0) u0 = log(a) + 3 * log(v);
  }
  const hi = log(a); // median < mean
  const lo = ut - 1e-6 * Math.max(1, Math.abs(ut));
  if (!(u0 > lo && u0 < hi)) u0 = 0.5 * (lo + hi);
  return solve(a, p, false, u0, lo, hi);
}

/** x >= median of Gamma(a) with Q(a, x) = q, 0 < q <= 0.5. */
function upper(q: number, a: number): number {
  const logQ = log(q);
  const logP = log1p(-q);
  const lg1 = logGamma1p(a);
  const lo = (log(0.5) + lg1) / a - 1e-6; // median >= (Γ(a + 1)/2)^(1/a)
  const hi = log(3 * a + 1000); // Chernoff: Q(a, 3a + 1000) < 1e-400
  let u0: number;
  if (2 * a < -1.24 * logP) {
    u0 = (logP + lg1) / a;
  } else {
    const c = 1 / (9 * a);
    const v = 1 - c - normalQuantile(q) * Math.sqrt(c);
    let x = v > 0 ? a * v * v * v : a + 1;
    // Far upper tail: Q ≈ x^(a-1) e^-x / Γ(a).
    if (x > 4.4 * a + 6) x = -logQ - logGamma(a) + (a - 1) * log(x);
    u0 = log(x);
  }
  if (!(u0 > lo && u0 < hi)) u0 = 0.5 * (lo + hi);
  return solve(a, q, true, u0, lo, hi);
}

/**
 * Quantile of the Gamma(a, 1) distribution: x with P(a, x) = p.
 *
 * Method: start from Wilson and Hilferty (1931) or, in the lower tail of small shapes, from
 * P(a, x) ≈ x^a / Γ(a + 1) (as in Best and Roberts 1975, AS 91); then Halley steps on
 * log P(a, e^u) - log p in u = log x (on log Q for p > 0.5, with q = 1 - p), kept inside a bracket,
 * the last step applied multiplicatively to x so the result keeps full relative precision in both tails.
 * P and Q come from {@link gammaP}'s kernels. Relative accuracy about 1e-14 (the conditioning of the
 * problem, |d log x / d log P| = 1/h with h ≈ a for small x, can make it worse for tiny shapes).
 *
 * Domain: p in [0, 1], a > 0; returns 0 at p = 0 and Infinity at p = 1. Where the true quantile is
 * below about 1e-300 (e.g. gammaQuantile(1e-10, 0.01) ≈ 1e-1000) the tail formula's value is returned,
 * which underflows to 0 (as R's qgamma). Internal: no validation.
 *
 * @example
 * ```ts
 * import { gammaQuantile } from './gammaQuantile';
 * gammaQuantile(0.025, 10); // 4.7953886961324335 (R: qgamma(0.025, 10))
 * ```
 * @internal
 */
export function gammaQuantile(p: number, a: number): number {
  if (!(p > 0)) return p === 0 ? 0 : NaN;
  if (!(p < 1)) return p === 1 ? Infinity : NaN;
  return p <= 0.5 ? lower(p, a) : upper(1 - p, a);
}

/**
 * Upper-tail quantile of the Gamma(a, 1) distribution: x with Q(a, x) = 1 - P(a, x) = q, accurate for
 * tiny q (no 1 - q rounding). Method as {@link gammaQuantile}.
 *
 * Domain: q in [0, 1], a > 0; returns Infinity at q = 0 and 0 at q = 1. Internal: no validation.
 *
 * @example
 * ```ts
 * import { gammaQuantileUpper } from './gammaQuantile';
 * gammaQuantileUpper(1e-10, 1); // -log(1e-10) = 23.025850929940457
 * ```
 * @internal
 */
export function gammaQuantileUpper(q: number, a: number): number {
  if (!(q > 0)) return q === 0 ? Infinity : NaN;
  if (!(q < 1)) return q === 1 ? 0 : NaN;
  return q <= 0.5 ? upper(q, a) : lower(1 - q, a);
}
