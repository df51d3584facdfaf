import { betaLogPrefactor } from './betaLogPrefactor';
import { betaLogTail } from './betaLogTail';
import { logBeta } from './logBeta';
import { normalQuantile } from './normalQuantile';
import { exp } from './elementary/exp';
import { pow } from './elementary/pow';
import { expm1 } from './elementary/expm1';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

/**
 * The x <= median of Beta(a, b) with I_x(a, b) = p, 0 < p <= 0.5, by safeguarded Halley steps on
 * log I_x(a, b) - log p in u = log x, with 1 - x = -expm1(u) kept accurate. Returns x, or, when
 * `complement` is set, 1 - x (accurate when small: used for upper-tail quantiles of the mirrored problem).
 */
function lowerTail(p: number, a: number, b: number, complement: boolean): number {
  const logP = log(p);
  const lb = logBeta(a, b);
  // I_x(a, b) ≈ x^a / (a B(a, b)) as x -> 0: a lower limit for x when b >= 1, an upper one when b <= 1.
  const ut = (logP + log(a) + lb) / a;
  if (ut < -690) return complement ? 1 : pow(p, 1 / a) * exp((log(a) + lb) / a); // exact as x -> 0
  let lo = -Infinity;
  let hi = 0;
  if (b >= 1) lo = ut - 1e-6 * Math.max(1, Math.abs(ut));
  if (b <= 1) hi = Math.min(0, ut + 1e-6 * Math.max(1, Math.abs(ut)));

  // Starting value: Abramowitz and Stegun 26.5.22 for a, b > 1, else the approximations of AS 109.
  const z = -normalQuantile(p);
  let u: number;
  if (a > 1 && b > 1) {
    const r = (z * z - 3) / 6;
    const s = 1 / (2 * a - 1);
    const t = 1 / (2 * b - 1);
    const h = 2 / (s + t);
    const w = (z * Math.sqrt(h + r)) / h - (t - s) * (r + 5 / 6 - 2 / (3 * h));
    const l = 2 * w + log(b / a); // x = 1 / (1 + e^l)
    u = -(l > 30 ? l + log1p(exp(-l)) : log1p(exp(l)));
  } else {
    const r = 2 * b;
    let t = 1 / (9 * b);
    t = 1 - t + z * Math.sqrt(t);
    t = r * t * t * t;
    if (t <= 0) {
      u = log1p(-exp((log1p(-p) + log(b) + lb) / b));
    } else {
      t = (4 * a + r - 2) / t;
      u = t <= 1 ? ut : log1p(-2 / (t + 1));
    }
  }
  if (!(u > lo && u < hi)) u = lo === -Infinity ? Math.min(ut, hi - 1) : 0.5 * (lo + hi);

  let prev = Infinity;
  for (let it = 0; it < 100; it++) {
    const x = exp(u);
    const y = -expm1(u);
    const lp = betaLogPrefactor(x, y, a, b);
    const logI = betaLogTail(x, y, a, b, false);
    const g = logI - logP;
    if (g === 0) return complement ? y : x;
    if (g < 0) lo = u;
    else hi = u;
    // g'(u) = h = x f(x) / I = exp(lp) / (y I); g''/g' = a - (b - 1) x / y - h.
    const h = exp(lp - log(y) - logI);
    const n = g / h;
    const hk = 0.5 * n * (a - ((b - 1) * x) / y - h);
    const s = hk > -0.5 && hk < 0.5 ? n / (1 - hk) : n;
    const scale = Math.min(1, Math.abs(u));
    if (Math.abs(s) <= 1e-11 * scale || (Math.abs(s) <= 1e-7 * scale && Math.abs(s) >= 0.5 * prev)) {
      return complement ? -expm1(u - s) : x * exp(-s);
    }
    prev = Math.abs(s);
    let un = u - s;
    if (!(un > lo && un < hi)) un = lo === -Infinity ? u - Math.max(1, 2 * Math.abs(s)) : 0.5 * (lo + hi);
    if (un === u) return complement ? y : x;
    u = un;
  }
  return complement ? -expm1(u) : exp(u);
}

/**
 * Quantile of the Beta(a, b) distribution: x with I_x(a, b) = p.
 *
 * Method: starting value from Abramowitz and Stegun (1964) 26.5.22 (a, b > 1) or the approximations of
 * Cran, Martin and Thomas (1977, AS 109) / Majumder and Bhattacharjee (1973, AS 64); then Halley steps
 * on the log of the smaller tail, log I_x(a, b) - log p in u = log x (for p > 0.5 the mirrored problem
 * I_{1-x}(b, a) = 1 - p in log(1 - x)), inside a bracket that includes the tail bound
 * x^a / (a B(a, b)). Both x and 1 - x are carried accurately, so relative accuracy holds in both tails
 * and for one huge shape (Beta(5, 1e6)). Relative accuracy about 1e-14, limited by the conditioning of
 * I_x (its log-derivative).
 *
 * Domain: p in [0, 1], a > 0, b > 0; 0 at p = 0, 1 at p = 1. Quantiles below about 1e-300 come from the
 * tail formula and may underflow to 0 (as R's qbeta, e.g. qbeta(1e-300, 0.5, 0.5)); quantiles within
 * 1e-16 of 1 round to 1. Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaQuantile } from './betaQuantile';
 * betaQuantile(0.025, 1, 1579); // 1.6033948709012124e-5 (R: qbeta(0.025, 1, 1579))
 * ```
 * @internal
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p > 0)) return p === 0 ? 0 : NaN;
  if (!(p < 1)) return p === 1 ? 1 : NaN;
  return p <= 0.5 ? lowerTail(p, a, b, false) : lowerTail(1 - p, b, a, true);
}

/**
 * Upper-tail quantile of the Beta(a, b) distribution: x with 1 - I_x(a, b) = q, accurate for tiny q
 * (no 1 - q rounding). Method as {@link betaQuantile}.
 *
 * Domain: q in [0, 1], a > 0, b > 0; 1 at q = 0, 0 at q = 1. Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaQuantileUpper } from './betaQuantile';
 * betaQuantileUpper(0.025, 6, 999995); // 1.166829317520882e-5, the upper Clopper-Pearson limit for 5 in 1e6
 * ```
 * @internal
 */
export function betaQuantileUpper(q: number, a: number, b: number): number {
  if (!(q > 0)) return q === 0 ? 1 : NaN;
  if (!(q < 1)) return q === 1 ? 0 : NaN;
  return q <= 0.5 ? lowerTail(q, b, a, true) : lowerTail(1 - q, a, b, false);
}
