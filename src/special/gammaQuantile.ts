import { gammaLogPrefactor } from './gammaLogPrefactor';
import { gammaTemmeSum } from './gammaTemmeSum';
import { inverseSeries } from './inverseSeries';
import { log1pmx } from './log1pmx';
import { normalMillsRatio } from './normalCdf';
import { gammaLogTail } from './gammaLogTail';
import { gammaP, gammaQ } from './gammaP';
import { logGamma, logGamma1p } from './logGamma';
import { normalQuantile } from './normalQuantile';
import { exp } from './elementary/exp';
import { pow } from './elementary/pow';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

const HALF_LOG_2PI = 0.91893853320467274178;

/** Smallest shape for {@link oneStep}: from here its start is within a few 1e-6 standard deviations at the 2.5% tails. */
const TEMME = 20;
/** Largest |x/a - 1| for {@link oneStep}: |η| <= 0.55, where {@link gammaTemmeSum} is accurate to rounding. */
const MU_LOW = -0.45;
const MU_HIGH = 0.65;
/** Receives the error estimate of each {@link inverseSeries} step. */
const seriesError = /* @__PURE__ */ new Float64Array(1);

/** The last probability given to {@link normalQuantile} and {@link log} here, and their values (both limits of an interval share the tail). */
let memoP = NaN;
let memoZ = NaN;
let memoLog = NaN;
function remember(p: number): void {
  if (p === memoP) return;
  memoP = p;
  memoZ = normalQuantile(p);
  memoLog = log(p);
}

/**
 * For TEMME <= a < LARGE: x with P(a, x) = target (upper = false) or Q(a, x) = target (upper = true),
 * target <= 0.5, by one Halley step from an asymptotic start, or the start for {@link solve}.
 *
 * The start is the asymptotic inversion of DiDonato and Morris (1986, eq. 31; Temme's expansion of the
 * quantile in powers of a^-1/2), x₀ = a + z√a + (z² - 1)/3 + (z³ - 7z)/(36√a) - (3z⁴ + 7z² - 16)/(810a)
 * + (9z⁵ + 256z³ - 433z)/(38880a√a), z the normal quantile of the tail, within about 1e-5 standard
 * deviations for a >= 20 and z = ±2. T(a, x₀) and its derivative come from one evaluation of Temme's
 * uniform expansion ({@link gammaTemmeSum}): T = φ(η√a)·B, B = m(|η|√a) ± Σ/√a, so
 * log T = -a·d - log(2π)/2 + log B, d = λ - 1 - log λ, and h = x f(x)/T = √a/(Γ*(a)·B) (Γ*(a) = e^δ(a),
 * δ Stirling's error, by its asymptotic series), with no other logarithm. The step is the inverse
 * function's Taylor series to fifth order ({@link inverseSeries}); x is returned once its error estimate
 * is below 1e-17 (one step at the 2.5% tails from a = 20); after three steps, or when a step leaves the region where the expansion is used (|x/a - 1| beyond about 0.45-0.65, or the other side
 * of a than the requested tail), -x (the last x, negated) as a start for {@link solve}; 0 when x₀ is
 * already outside it.
 */
function oneStep(a: number, target: number, upper: boolean): number {
  remember(target);
  const z = upper ? -memoZ : memoZ;
  const sa = Math.sqrt(a);
  const ia = 1 / a;
  const isa = 1 / sa;
  const z2 = z * z;
  let x = a + z * sa + (z2 - 1) / 3 + isa * ((z * (z2 - 7)) / 36 + ia * (-(3 * z2 * z2 + 7 * z2 - 16) / 810 * sa + (z * (9 * z2 * z2 + 256 * z2 - 433)) / 38880));
  // h·B = √a e^(-δ(a)) = √a / Γ*(a), 1/Γ*(a) by its asymptotic series (relative error below 1e-12 from a = 20:
  // h need only be good to the size of the step, below 1e-5 here)
  const m =
    sa *
    (1 +
      ia *
        (-0.083333333333333333 +
          ia *
            (0.0034722222222222222 +
              ia * (0.0026813271604938272 + ia * (-0.00022947209362139918 + ia * (-0.00078403922172006663 + ia * (6.9728137583658578e-5 + ia * 5.9216643735369388e-4)))))));
  for (let it = 0; it < 3; it++) {
    const mu = (x - a) * ia;
    if (!(mu >= MU_LOW && mu <= MU_HIGH) || mu < 0 === upper) return it === 0 ? 0 : -x;
    const d = -log1pmx(mu);
    const eta = mu < 0 ? -Math.sqrt(2 * d) : Math.sqrt(2 * d);
    const sum = gammaTemmeSum(a, eta);
    const b = normalMillsRatio(Math.abs(eta) * sa) + (upper ? sum : -sum) * isa;
    const g = -a * d - HALF_LOG_2PI + log(b) - memoLog;
    if (g === 0) return x;
    const h = m / b;
    // the inverse function's Taylor series in Δ = -g (dL/du = ±h; k = a - x, k' = k'' = k''' = -x)
    const s = inverseSeries(-g, upper ? -h : h, a - x, -x, -x, -x, seriesError);
    // x e^s (for |s| < 1e-4 by its series, whose omitted terms are below 5e-18)
    if (seriesError[0]! <= 1e-17) return Math.abs(s) < 1e-4 ? x + x * (s * (1 + s * (0.5 + s * (1 / 6)))) : x * exp(s);
    x *= exp(s);
  }
  return x > 0 && x < Infinity ? -x : 0;
}

/**
 * Solve T(x) = target in u = log x by safeguarded Halley steps, T = P(a, ·) (upper = false) or
 * Q(a, ·) (upper = true); u0 start, [lo, hi] a bracket in u. Returns x. Within 1e-2 of the root (in log T)
 * the step is the fifth-order {@link inverseSeries} instead, returned at once when its error estimate is
 * below rounding.
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
    const scale = Math.max(1, Math.abs(u));
    let s = hk > -0.5 && hk < 0.5 ? n / (1 - hk) : n;
    if (Math.abs(g) < 0.01) {
      // near the root the inverse function's Taylor series (fifth order) instead of Halley's step
      s = -inverseSeries(-g, upper ? -h : h, a - x, -x, -x, -x, seriesError);
      if (seriesError[0]! <= 1e-17 * scale) return x * exp(-s);
    }
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

/**
 * Shapes from which {@link solveLarge} is used: its Wilson-Hilferty start is then within a few Newton
 * steps even at p = 1e-300, while the resolution of the u = log x iteration, |u|·eps relative in x or
 * √a·|u|·eps standard deviations, grows with a (and its stopping rule, |Δu| <= 1e-11 |u|, is far looser
 * than the quantile's relative scale z/√a beyond about 1e20).
 */
const LARGE = 1e4;

/**
 * For a >= {@link LARGE}: x with P(a, x) = target (upper = false) or Q(a, x) = target (upper = true),
 * target <= 0.5, by Newton steps on log T(a, x) - log(target) in μ = x/a - 1, x = a + aμ.
 *
 * x is never formed from a logarithm, so it keeps full resolution however large a is (the quantile is
 * a ± z√a, within a few ulps of a beyond a ≈ 1e32); T comes from {@link gammaLogTail} (Temme's uniform
 * expansion near a), whose backward error is an ulp or two of x. The start is Wilson and Hilferty's
 * (1931) x = a v³, v = 1 - 1/(9a) + z/√(9a), as μ = (v - 1)(3 + 3(v - 1) + (v - 1)²) without
 * cancellation. Stops once |log(T / target)| <= 1e-9 (the next step is then below 1e-17 of the
 * quantile's own scale, √a/|z|) or the step is below two ulps of x (the resolution of doubles).
 * The median lies in (a - 1/3, a) (Chen and Rubin 1986), so the lower-tail quantile is kept <= a and
 * the upper-tail one >= a - 1/3: where the answer is a ± less than an ulp, rounding never puts it on
 * the wrong side of a.
 */
function solveLarge(a: number, target: number, upper: boolean): number {
  const logTarget = log(target);
  const z = upper ? -normalQuantile(target) : normalQuantile(target);
  const c = 1 / (9 * a);
  const dv = z * Math.sqrt(c) - c;
  let mu = dv * (3 + dv * (3 + dv)); // v³ - 1
  // bracket in μ: the lower-tail quantile is below the median < a, the upper one above a - 1/3
  let lo = upper ? -1 / (3 * a) : -1;
  let hi = upper ? Infinity : 0;
  if (!(mu > lo && mu < hi)) mu = upper ? 0 : -0.5;
  for (let it = 0; it < 100; it++) {
    const x = a + a * mu;
    const logT = gammaLogTail(a, x, upper);
    const g = logT - logTarget;
    if (g === 0) break;
    if (g > 0 === upper) lo = mu;
    else hi = mu;
    // d(log T)/dμ = ±a f(x)/T = ±(a/x)·h, h = x f(x)/T
    const h = exp(gammaLogPrefactor(a, x) - logT);
    const step = ((upper ? -g : g) / h) * (x / a);
    if (Math.abs(g) <= 1e-9 || Math.abs(step) <= 4.5e-16 * (1 + mu)) {
      mu -= step;
      break;
    }
    // outside the bracket: bisect (or, with no upper end yet, which only an overflowing step reaches, double x)
    mu = mu - step > lo && mu - step < hi ? mu - step : hi === Infinity ? 2 * mu + 1 : 0.5 * (lo + hi);
  }
  const x = a + a * mu;
  return upper ? Math.max(x, a - 1 / 3) : Math.min(x, a);
}

/** x <= median of Gamma(a) with P(a, x) = p, 0 < p <= 0.5. */
function lower(p: number, a: number): number {
  if (a >= LARGE) return solveLarge(a, p, false);
  const step = a >= TEMME ? oneStep(a, p, false) : 0;
  if (step > 0) return step;
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
  if (step < 0) u0 = log(-step);
  const hi = log(a); // median < mean
  const lo = ut - 1e-6 * Math.max(1, Math.abs(ut));
  if (!(u0 > lo && u0 < hi)) u0 = 0.5 * (lo + hi);
  return solve(a, p, false, u0, lo, hi);
}

/** x >= median of Gamma(a) with Q(a, x) = q, 0 < q <= 0.5. */
function upper(q: number, a: number): number {
  if (a >= LARGE) return solveLarge(a, q, true);
  const step = a >= TEMME ? oneStep(a, q, true) : 0;
  if (step > 0) return step;
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
  if (step < 0) u0 = log(-step);
  if (!(u0 > lo && u0 < hi)) u0 = 0.5 * (lo + hi);
  return solve(a, q, true, u0, lo, hi);
}

/**
 * Quantile of the Gamma(a, 1) distribution: x with P(a, x) = p.
 *
 * Method: start from Wilson and Hilferty (1931) or, in the lower tail of small shapes, from
 * P(a, x) ≈ x^a / Γ(a + 1) (as in Best and Roberts 1975, AS 91); then Halley steps on
 * log P(a, e^u) - log p in u = log x (on log Q for p > 0.5, with q = 1 - p), kept inside a bracket,
 * the last step applied multiplicatively to x so the result keeps full relative precision in both tails;
 * near the root the step is the fifth-order Taylor series of the quantile function ({@link inverseSeries}).
 * For 20 <= a < 1e4 first the one-step path ({@link oneStep}): DiDonato and Morris's (1986) asymptotic
 * start and one evaluation of Temme's uniform expansion (trimmed, {@link gammaTemmeSum}), which settles
 * the 2.5% quantiles of everyday shapes with a single evaluation (about 0.2 µs, against 0.9 µs for R's
 * qgamma); it hands its last x to the Halley solver when it cannot. For a >= 1e4 instead Newton steps in μ = x/a - 1 from the Wilson-Hilferty start, stopped relative to
 * the quantile's own scale (√a) or at the resolution of doubles, so that x = a + aμ keeps full
 * precision up to a = 1.8e308 (where the quantile a ± z√a is within an ulp of a).
 * P and Q come from {@link gammaP}'s kernels. Relative accuracy about 1e-14 (the conditioning of the
 * problem, |d log x / d log P| = 1/h with h ≈ a for small x, can make it worse for tiny shapes); within
 * an ulp for shapes from 1e3 to the largest double (checked against mpmath). A lower-tail quantile
 * (p <= 0.5) is never above a, an upper-tail one never below a - 1/3 (the median lies between).
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
