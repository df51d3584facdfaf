import { betaDeviance } from './betaDeviance';
import { betaFraction } from './betaFraction';
import { betaLogPrefactor } from './betaLogPrefactor';
import { betaPrefactorConstant } from './betaPrefactorConstant';
import { betaLogTail } from './betaLogTail';
import { betaTemmeLog } from './betaTemme';
import { inverseSeries } from './inverseSeries';
import { gammaQuantile, gammaQuantileUpper } from './gammaQuantile';
import { logBeta } from './logBeta';
import { normalQuantile } from './normalQuantile';
import { exp } from './elementary/exp';
import { pow } from './elementary/pow';
import { expm1 } from './elementary/expm1';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

/** Shape ratio from which Beta(a, b) is Gamma(a)/b to double precision (see {@link viaGamma}). */
const RATIO = 1e20;
/** Smallest shape (of both) from which {@link solveLarge} is used. */
const LARGE = 1e4;
/**
 * Smallest shape from which I_x comes from {@link betaTemmeLog}: near the centre the continued fraction
 * needs O(√shape) terms (it is off by 1e-5 at Beta(1e14, 1e14)), while the expansion's truncation error
 * is already at rounding level.
 */
const TEMME = 1e10;
/** Smallest shape from which the quantile is the centre of the distribution to double precision. */
const CENTRE = 1e40;
/** Margin, in ulps, kept between a quantile and its median bound. */
const MARGIN = 4;

const f64 = /* @__PURE__ */ (() => new Float64Array(1))();
const i64 = /* @__PURE__ */ (() => new BigInt64Array(f64.buffer))();

/** The double `steps` ulps away from a positive finite x (negative steps: towards 0). */
function ulpStep(x: number, steps: number): number {
  f64[0] = x;
  i64[0] = (i64[0] as bigint) + BigInt(steps);
  return f64[0] as number;
}

/**
 * Lower-tail quantile (or its complement) when one shape is at least {@link RATIO} times the other (and
 * above 1e20): then Beta(a, b) is Gamma(a)/b to double precision. I_x(a, b) = P(G_a <= G_b x/(1 - x))
 * = E P(a, (b x/(1 - x))·G_b/b), and G_b/b has mean 1 and variance 1/b, so I_x(a, b) = P(a, b x/(1 - x))
 * up to a shift of about a/b standard deviations: x = g/(b + g), g the Gamma(a) quantile; for a >> b,
 * 1 - x = h/(a + h), h the upper-tail Gamma(b) quantile.
 */
function viaGamma(p: number, a: number, b: number, complement: boolean): number {
  if (b > a) {
    const g = gammaQuantile(p, a);
    return complement ? b / (b + g) : g / (b + g);
  }
  const h = gammaQuantileUpper(p, b);
  return complement ? h / (a + h) : a / (a + h);
}

/**
 * Newton steps for the x with I_x(a, b) = p (a + b finite, both shapes >= {@link LARGE}), in v, the
 * smaller of x and y = 1 - x directly (`inX`: v = x), inside the bracket (lo, hi) for v; returns v.
 *
 * The distribution's relative width is about 1/√min(a, b) (below an ulp beyond 1e32), so v is never
 * formed from a logarithm. Start: the mean plus a Cornish-Fisher (skewness) corrected normal deviate.
 * I_x from {@link betaTemmeLog} (shapes >= {@link TEMME}) or {@link betaLogTail}, both with λ = a - (a + b)x,
 * whose backward error is an ulp or two of x. Stops once |log(I / p)| <= 1e-9 (the next step is then below
 * 1e-17 of the quantile's own scale), the step is below two ulps, or the bracket has closed on a double.
 */
function newton(p: number, a: number, b: number, inX: boolean, lo: number, hi: number): number {
  const c = a + b;
  const logP = log(p);
  const temme = Math.min(a, b) >= TEMME;
  const p0 = a / c;
  const q0 = b / c;
  const z = normalQuantile(p);
  const skew = (2 * (q0 - p0)) / Math.sqrt(a * q0);
  const d = Math.sqrt(p0) * Math.sqrt(q0 / (c + 1)) * (z + (skew * (z * z - 1)) / 6); // x - mean
  let v = inX ? p0 + d : q0 - d;
  // only for p near 0.5 can the start pass the median's bound: then start from the bound
  if (!(v > lo && v < hi)) v = inX ? hi : lo;
  for (let it = 0; it < 100; it++) {
    const x = inX ? v : 1 - v;
    const y = inX ? 1 - v : v;
    const logI = temme ? betaTemmeLog(x, y, a, b, false) : betaLogTail(x, y, a, b, false);
    const g = logI - logP;
    if (g === 0) break;
    if (g > 0 === inX) hi = v;
    else lo = v;
    // d(log I)/dx = f(x)/I = h/(x y), h = exp(lp)/I
    const dx = (g * x * y) / exp(betaLogPrefactor(x, y, a, b) - logI);
    const next = inX ? v - dx : v + dx;
    if (Math.abs(g) <= 1e-9 || Math.abs(dx) <= 4.5e-16 * v) return next;
    const prev = v;
    v = next > lo && next < hi ? next : 0.5 * (lo + hi);
    if (v === prev) break;
  }
  return v;
}

/**
 * For min(a, b) >= {@link LARGE}: the x <= median with I_x(a, b) = p, 0 < p <= 0.5, or 1 - x when
 * `complement` is set: from {@link viaGamma} for shapes {@link RATIO} apart, else by {@link newton}.
 *
 * The median of Beta(a, b), a, b > 1, lies between its mode and its mean, so it is at most the mean
 * a/(a + b) for a <= b and the mode (a - 1)/(a + b - 2) for a > b; the result is kept {@link MARGIN}
 * ulps below that bound (and 1 - x as far above its complement), which covers the rounding of the bound:
 * where the quantile is within a few ulps of the centre it is rounded towards its tail, never past the
 * centre. For min(a, b) >= {@link CENTRE} the quantile is within 4e-19 (relative) of the centre and this
 * bound is returned directly. When a + b overflows (both shapes above 1e292) both are halved: the
 * quantile moves by under 1e-140.
 */
function solveLarge(p: number, a: number, b: number, complement: boolean): number {
  let c = a + b;
  if (c === Infinity) {
    a *= 0.5;
    b *= 0.5;
    c = a + b;
  }
  const xMax = ulpStep(a <= b ? a / c : (a - 1) / (c - 2), -MARGIN);
  const yMin = ulpStep(a <= b ? b / c : (b - 1) / (c - 2), MARGIN);
  if (Math.min(a, b) >= CENTRE) return complement ? yMin : xMax;
  if (b >= RATIO * a || a >= RATIO * b) {
    const v = viaGamma(p, a, b, complement);
    return complement ? Math.max(v, yMin) : Math.min(v, xMax);
  }
  const inX = xMax <= 0.5; // iterate on the smaller of x and 1 - x
  const v = inX ? newton(p, a, b, true, 0, xMax) : newton(p, a, b, false, yMin, 1);
  if (complement) return Math.max(inX ? 1 - v : v, yMin);
  return Math.min(inX ? v : 1 - v, xMax);
}

/** The last probability given to {@link normalQuantile} and {@link log} here, and their values (both limits of an interval share the tail). */
const memo = /* @__PURE__ */ new Float64Array([NaN, NaN, NaN]); // p, its normal quantile, its log
function remember(p: number): void {
  if (p === memo[0]) return;
  memo[0] = p;
  memo[1] = normalQuantile(p);
  memo[2] = log(p);
}

/**
 * The last {@link lowerTail} that had both x and 1 - x (from one u = log x), as x = [0]·e^[1] and
 * 1 - x = -expm1([2]), with [3] = 1 ([3] = 2: the other way round, x = -expm1([2]) and 1 - x = [0]·e^[1],
 * for I_x(1, b); [3] = 3: [2] is 1 - [0] and 1 - x = {@link complementAfter}([0], [2], [1]); 0 when that path did not have 1 - x: huge shapes, one shape 1e20 times the other, the tail
 * formula). Only the value returned is formed; {@link betaQuantilePair} forms the other from here, the same
 * bits as the call with the other `complement` would return. A typed array, not module variables, so that
 * storing doubles allocates nothing.
 */
const last = /* @__PURE__ */ new Float64Array(4);

/**
 * Return x (or, with `complement`, 1 - x) where x = x₀·e^s and 1 - x = -expm1(u) (`swapped`: the other way
 * round; `fromY`: u is 1 - x₀ and 1 - x = {@link complementAfter}(x₀, u, s)), keeping both forms in {@link last}.
 */
function both(x0: number, s: number, u: number, complement: boolean, swapped = false, fromY = false): number {
  last[0] = x0;
  last[1] = s;
  last[2] = u;
  last[3] = fromY ? 3 : swapped ? 2 : 1;
  if (fromY) return complement ? complementAfter(x0, u, s) : x0 * exp(s);
  return complement !== swapped ? -expm1(u) : x0 * exp(s);
}

/** The value the last {@link lowerTail} did not return (see {@link last}), NaN if it did not have it. */
function otherOfLast(complement: boolean): number {
  if (last[3] === 0) return NaN;
  if (last[3] === 3) return complement ? last[0]! * exp(last[1]!) : complementAfter(last[0]!, last[2]!, last[1]!);
  return complement !== (last[3] === 2) ? last[0]! * exp(last[1]!) : -expm1(last[2]!);
}

/** Receives the error estimate of each {@link inverseSeries} step. */
const seriesError = /* @__PURE__ */ new Float64Array(1);

/**
 * The lower-tail quantile as {@link lowerTail} (x, or 1 - x with `complement`), for a >= 1 and b >= 0.5,
 * with each I_x(a, b) from one continued fraction and no other special function; NaN when this does not
 * apply (the caller then takes the general path).
 *
 * With r the continued fraction ({@link betaFraction}) and log(x^a y^b / B) = K - D_a - D_b (K from
 * {@link betaPrefactorConstant}, computed once; D the two {@link betaDeviance} terms; for both shapes below
 * 10, a·log x + b·log y - log B(a, b) with log B once), log I = log(x^a y^b / B) + log r and
 * h = x f(x)/I = 1/(y r): one or two logarithms a step. Start: Abramowitz and Stegun 26.5.22 (the
 * chi-square start of AS 109 for b < 1). Within 0.5 of the root in log I the step is the fifth-order
 * {@link inverseSeries}, and x is returned as soon as its error estimate is below 1e-17 of min(1, 1 - x),
 * with no evaluation spent on confirming it: one evaluation for most everyday quantiles (85% of the
 * Clopper-Pearson limits with n up to 10,000 at 95%), two when a shape is small (the start is then further
 * off); a Halley step further away. NaN if x leaves the region where the fraction is used
 * (x < (a + 1)/(a + b + 2)) or four steps do not settle.
 */
function fastTail(p: number, a: number, b: number, complement: boolean): number {
  remember(p);
  const z = -memo[1]!;
  // x and y = 1 - x, each with full relative accuracy (no u = log x: two fewer elementary functions a step)
  let x: number;
  let y: number;
  if (b > 1) {
    const r = (z * z - 3) / 6;
    const s0 = 1 / (2 * a - 1);
    const t0 = 1 / (2 * b - 1);
    const h0 = 2 / (s0 + t0);
    const w = (z * Math.sqrt(h0 + r)) / h0 - (t0 - s0) * (r + 5 / 6 - 2 / (3 * h0));
    const l = 2 * w + log(b / a); // x = 1 / (1 + e^l)
    const e = exp(-Math.abs(l));
    x = (l > 0 ? e : 1) / (1 + e);
    y = (l > 0 ? 1 : e) / (1 + e);
  } else {
    // b < 1 (a >= 1): the chi-square start of AS 109 as in lowerTail, where it needs no log B
    let t = 1 / (9 * b);
    t = 1 - t + z * Math.sqrt(t);
    t = (4 * a + 2 * b - 2) / (2 * b * t * t * t);
    if (!(t > 1)) return NaN;
    x = (t - 1) / (t + 1);
    y = 2 / (t + 1);
  }
  const c = a + b;
  const k = betaPrefactorConstant(a, b);
  // both shapes below 10: log(x^a y^b / B) directly, with log B once
  const lb = k === k ? 0 : logBeta(a, b);
  for (let it = 0; it < 4; it++) {
    const lambda = x <= y ? a - c * x : c * y - b;
    if (!(lambda > 2 * x - 1 && x > 0 && y > 0)) return NaN;
    const f = betaFraction(x, y, a, b, lambda);
    const lp = k === k ? k - betaDeviance(a, -lambda / a, x, c / a) - betaDeviance(b, lambda / b, y, c / b) : a * log(x) + b * log(y) - lb;
    const g = lp + log(f) - memo[2]!;
    if (g === 0) return both(x, 0, y, complement, false, true);
    const h = 1 / (y * f);
    let s: number;
    if (!(Math.abs(g) < 0.5)) {
      // far from the root: a Halley step as in lowerTail (g'(u) = h, g''/g' = a - (b - 1) x / y - h)
      const n = g / h;
      const hk = 0.5 * n * (a - ((b - 1) * x) / y - h);
      s = -(hk > -0.5 && hk < 0.5 ? n / (1 - hk) : n);
    } else {
      // u(L) for L = log I near L₀ = log I(x): Σ c_j Δ^j, Δ = log p - L₀ (see inverseSeries)
      const q = ((b - 1) * x) / y;
      const k1 = -q / y;
      s = inverseSeries(-g, h, a - q, k1, (k1 * (1 + x)) / y, (k1 * (1 + x * (4 + x))) / (y * y), seriesError);
      // relative to min(1, |log x|), which is between y and 1.4 y for y <= 0.5: so 1 - x is as accurate as x
      if (seriesError[0]! <= 1e-17 * Math.min(1, y)) return both(x, s, y, complement, false, true);
    }
    const xs = x * exp(s);
    y = complementAfter(x, y, s);
    x = xs;
  }
  return NaN;
}

/** 1 - x·e^s from x and y = 1 - x, with full relative accuracy: 1 - x·e^s, or y - x·expm1(s) when that is small. */
function complementAfter(x: number, y: number, s: number): number {
  const xs = x * exp(s);
  if (xs <= 0.5) return 1 - xs;
  const d = x * expm1(s);
  return Math.abs(d) <= 0.5 * y ? y - d : -expm1(log(x) + s);
}

/**
 * The x <= median of Beta(a, b) with I_x(a, b) = p, 0 < p <= 0.5, by safeguarded Halley steps on
 * log I_x(a, b) - log p in u = log x, with 1 - x = -expm1(u) kept accurate. Returns x, or, when
 * `complement` is set, 1 - x (accurate when small: used for upper-tail quantiles of the mirrored problem).
 * Both shapes at least {@link LARGE}: {@link solveLarge}; one {@link RATIO} times the other (beyond 1):
 * {@link viaGamma} (the continued fraction would overflow).
 */
function lowerTail(p: number, a: number, b: number, complement: boolean): number {
  last[3] = 0;
  if (Math.min(a, b) >= LARGE) return solveLarge(p, a, b, complement);
  if (b >= RATIO * Math.max(a, 1) || a >= RATIO * Math.max(b, 1)) return viaGamma(p, a, b, complement);
  // closed forms: I_x(a, 1) = x^a, I_x(1, b) = 1 - (1 - x)^b
  if (b === 1) {
    const l = log(p) / a;
    return both(1, l, l, complement);
  }
  if (a === 1) {
    const l = log1p(-p) / b;
    return both(1, l, l, complement, true);
  }
  if (a >= 1 && b >= 0.5) {
    const v = fastTail(p, a, b, complement);
    if (v === v) return v;
  }
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
    if (g === 0) return both(x, 0, u, complement);
    if (g < 0) lo = u;
    else hi = u;
    // g'(u) = h = x f(x) / I = exp(lp) / (y I); g''/g' = a - (b - 1) x / y - h.
    const h = exp(lp - log(y) - logI);
    const n = g / h;
    const hk = 0.5 * n * (a - ((b - 1) * x) / y - h);
    const s = hk > -0.5 && hk < 0.5 ? n / (1 - hk) : n;
    const scale = Math.min(1, Math.abs(u));
    if (Math.abs(s) <= 1e-11 * scale || (Math.abs(s) <= 1e-7 * scale && Math.abs(s) >= 0.5 * prev)) {
      return both(x, -s, u - s, complement);
    }
    prev = Math.abs(s);
    let un = u - s;
    if (!(un > lo && un < hi)) un = lo === -Infinity ? u - Math.max(1, 2 * Math.abs(s)) : 0.5 * (lo + hi);
    if (un === u) return both(x, 0, u, complement);
    u = un;
  }
  return both(1, u, u, complement);
}

/**
 * Quantile of the Beta(a, b) distribution: x with I_x(a, b) = p.
 *
 * Method: starting value from Abramowitz and Stegun (1964) 26.5.22 (a, b > 1) or the approximations of
 * Cran, Martin and Thomas (1977, AS 109) / Majumder and Bhattacharjee (1973, AS 64); then Halley steps
 * on the log of the smaller tail, log I_x(a, b) - log p in u = log x (for p > 0.5 the mirrored problem
 * I_{1-x}(b, a) = 1 - p in log(1 - x)), inside a bracket that includes the tail bound
 * x^a / (a B(a, b)). Both x and 1 - x are carried accurately, so relative accuracy holds in both tails
 * and for one huge shape (Beta(5, 1e6)). Before that, for a >= 1 and b >= 0.5 (the shapes of exact
 * intervals), {@link fastTail}: the same start, each I_x from one continued fraction with the x-free part of
 * its factor computed once, and the fifth-order Taylor step of the quantile function ({@link inverseSeries})
 * accepted without a confirming evaluation, so most quantiles cost one evaluation (about 0.45 µs, against
 * 1.3 µs for R's qbeta); closed forms for a shape of 1. When both shapes are at least 1e4, Newton steps in the smaller
 * of x and 1 - x directly from a skewness-corrected normal start instead (I_x from Temme's uniform
 * expansion beyond 1e10), stopped relative to the quantile's own scale or at the resolution of doubles,
 * so that the quantile keeps full precision however narrow the distribution (shapes up to 1.8e308;
 * a + b may overflow); when one shape is 1e20 times the other, x = g/(b + g) from the Gamma(a) quantile g
 * (Beta(a, b) is Gamma(a)/b to double precision there). Relative accuracy about 1e-14, limited by the
 * conditioning of I_x (its log-derivative); within 4 ulps at huge shapes (checked against mpmath up to
 * the largest double). With both shapes >= 1e4, a lower-tail quantile (p <= 0.5) stays 4 ulps below the
 * median's bound (the mean for a <= b, the mode for a > b) and an upper-tail one as far above: where the
 * quantile is within a few ulps of the centre (shapes beyond about 1e30) it is rounded towards its
 * tail, never past the centre.
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

/**
 * Both x and 1 - x for the quantile of the Beta(a, b) distribution, I_x(a, b) = p, from one solve: x as
 * {@link betaQuantile} gives it and 1 - x as `betaQuantileUpper(p, b, a)` gives it (the same bits), each
 * with full relative accuracy however close the other is to 1. Used where both are needed, as the odds
 * x / (1 - x) of the conditional rate-ratio limits. Method as {@link betaQuantile}; where that path does not
 * carry 1 - x (both shapes >= 1e4, one shape 1e20 times the other, quantiles below 1e-300) it is solved for
 * separately.
 *
 * Domain: p in [0, 1], a > 0, b > 0; [0, 1] at p = 0, [1, 0] at p = 1. Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaQuantilePair } from './betaQuantile';
 * betaQuantilePair(0.025, 239, 153); // [0.5609..., 0.4390...], the lower limit of p for 239 against 152 events
 * ```
 * @internal
 */
export function betaQuantilePair(p: number, a: number, b: number): [number, number] {
  if (!(p > 0)) return p === 0 ? [0, 1] : [NaN, NaN];
  if (!(p < 1)) return p === 1 ? [1, 0] : [NaN, NaN];
  if (p <= 0.5) {
    const x = lowerTail(p, a, b, false);
    const y = otherOfLast(false);
    return [x, y === y ? y : lowerTail(p, a, b, true)];
  }
  const x = lowerTail(1 - p, b, a, true);
  const y = otherOfLast(true);
  return [x, y === y ? y : lowerTail(1 - p, b, a, false)];
}
