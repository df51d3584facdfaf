import { stirlingError } from '../../random/stirlingError';
import { logPoissonPmf } from './logPoissonPmf';
import { truncatedPoissonMass } from './truncatedPoissonMass';
import { exp } from '../../special/elementary/exp';
import { log } from '../../special/elementary/log';

/** Supports of up to this many points are summed term by term (when the series does not apply). */
const DIRECT_POINTS = 2049;
/** The power-sum series needs c^2 <= x and c (c/x)^6 below this (the first log1p term left out is below c (c/x)^6 / 42). */
const SERIES_TAIL = 4e-16;
/** Highest degree in s = d/c kept of exp(t(s)); its coefficients fall like (1/2)^(m/2) / (m/2)!, below 1e-27 at 44. */
const SERIES_DEGREE = 44;
/** 2^52: counts above it may lie within c of 2^53, where whole numbers are no longer all doubles. */
const TWO_52 = 4503599627370496;

/**
 * Coefficients of the Faulhaber polynomials F_k(d) = 1^k + 2^k + ... + d^k in powers of d (index = power),
 * k = 1..5. They also give the sums below 0: F_k(-m) = (-1)^(k+1) F_k(m - 1).
 */
const FAULHABER: readonly (readonly number[])[] = /* @__PURE__ */ (() => [
  [0, 1 / 2, 1 / 2],
  [0, 1 / 6, 1 / 2, 1 / 3],
  [0, 0, 1 / 4, 1 / 2, 1 / 4],
  [0, -1 / 30, 0, 1 / 3, 1 / 2, 1 / 5],
  [0, 0, -1 / 12, 0, 5 / 12, 1 / 2, 1 / 6],
])();

/** B_2j / (2j)!, j = 1..6 (Bernoulli numbers), for the Euler-Maclaurin form of sum_{d=1}^{c} d^q. */
const BERNOULLI_FACTORIAL = /* @__PURE__ */ (() => [1 / 12, -1 / 720, 1 / 30240, -1 / 1209600, 1 / 47900160, -691 / 1307674368000])();

// Scratch space (the functions here never re-enter).
const OUT = /* @__PURE__ */ (() => new Float64Array(5))();
const T = /* @__PURE__ */ (() => new Float64Array(7))();
const E = /* @__PURE__ */ (() => new Float64Array(SERIES_DEGREE + 1))();

/**
 * Power sums P[q] = sum_{d=-c}^{c} (d/c)^q, q = 0..SERIES_DEGREE + 4 (0 for odd q): term by term up to
 * c = 1024, beyond as 2 (c/(q + 1) + 1/2 + sum_j B_2j/(2j)! q!/(q - 2j + 1)! c^(1 - 2j)) (Faulhaber's formula
 * divided by c^q; the terms fall by (q / (2 pi c))^2 < 6e-5 each).
 */
function powerSums(c: number): Float64Array {
  const sums = new Float64Array(SERIES_DEGREE + 5);
  sums[0] = 2 * c + 1;
  if (c <= 1024) {
    for (let d = 1; d <= c; d++) {
      const s2 = (d / c) * (d / c);
      let power = 2;
      for (let q = 2; q < sums.length; q += 2) {
        power *= s2;
        sums[q] = sums[q]! + power;
      }
    }
    return sums;
  }
  for (let q = 2; q < sums.length; q += 2) {
    let s = c / (q + 1) + 0.5;
    let falling = q; // q (q - 1) ... (q - 2j + 2)
    let power = 1 / c; // c^(1 - 2j)
    for (let j = 1; j <= BERNOULLI_FACTORIAL.length && 2 * j <= q; j++) {
      s += BERNOULLI_FACTORIAL[j - 1]! * falling * power;
      falling *= (q - 2 * j + 1) * (q - 2 * j);
      power /= c * c;
    }
    sums[q] = 2 * s;
  }
  return sums;
}

/**
 * Mass and moments about x of Y ~ Poisson(x) truncated to [b, x + c], b = max(x - c, 0), written to out as
 * [log P(b <= X <= x + c), E(Y - x), E(Y - x)^2, E(Y - x)^3, E(Y - x)^4], by the first of three forms that
 * applies. Each is free of cancellation where it is used: the moments come out with absolute errors of a
 * few units in the 16th digit of c^r (or of Var^(r/2)), which is what v(c) needs after standardising.
 * - c^2 <= x (c at most one standard deviation, no truncation at 0) and c (c/x)^6 < 4e-16: a series.
 *   log P(x + d)/P(x) = sum_k (-1)^k F_k(d) / (k x^k), k = 1..5 (the log1p series of the ratios x/(x + j),
 *   F_k the Faulhaber polynomials; the first term left out is below c (c/x)^6 / 42); its exponential as a
 *   polynomial E(s) in s = d/c by the power-series recursion m E_m = sum_j j t_j E_(m-j); then
 *   E(Y - x)^r = c^r sum_m E_m P[r + m] / sum_m E_m P[m] with the power sums P of s. Stein's identity
 *   (below) loses a factor of about x/c^2 here: v(1) came out as -79,089 at n = 2e10 that way.
 * - At most 2049 support points: term by term about x, the weights P(x + d)/P(x) by the ratios x/(x + d)
 *   and (x - d + 1)/x.
 * - Otherwise (then c is above about one standard deviation, where at most a factor of about 5 is lost):
 *   Stein's identity E[(X - x)^r; b <= X <= a] = x (sum_{i <= r-2} C(r-1, i) M_i + p(b-1)(b - x)^(r-1)
 *   - p(a)(a + 1 - x)^(r-1)), with the mass from both incomplete-gamma tails.
 */
function truncatedMoments(x: number, c: number, sums: () => Float64Array, out: Float64Array): void {
  const b = x > c ? x - c : 0;
  const logCentre = logPoissonPmf(x, x);
  const ratio = c / x;
  const ratio2 = ratio * ratio;
  if (c * ratio <= 1 && c * ratio2 * ratio2 * ratio2 < SERIES_TAIL) {
    // t(s) = log P(x + cs)/P(x), coefficients T[m] of s^m.
    T.fill(0);
    const u = 1 / x;
    let uk = 1;
    for (let k = 1; k <= FAULHABER.length; k++) {
      uk *= -u;
      const f = FAULHABER[k - 1]!;
      let cm = 1;
      for (let m = 0; m < f.length; m++) {
        T[m] = T[m]! + (uk / k) * f[m]! * cm;
        cm *= c;
      }
    }
    // exp(t(s)); stop once six coefficients in a row are below 1e-22 (all later ones then are too).
    E[0] = 1;
    let degree = 0;
    let small = 0;
    while (degree < SERIES_DEGREE && small < 6) {
      const m = ++degree;
      let s = 0;
      for (let j = 1; j <= Math.min(m, 6); j++) s += j * T[j]! * E[m - j]!;
      E[m] = s / m;
      small = Math.abs(E[m]!) < 1e-22 ? small + 1 : 0;
    }
    const p = sums();
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    for (let m = 0; m <= degree; m += 2) {
      const e = E[m]!;
      a0 += e * p[m]!;
      a2 += e * p[m + 2]!;
      a4 += e * p[m + 4]!;
    }
    for (let m = 1; m <= degree; m += 2) {
      const e = E[m]!;
      a1 += e * p[m + 1]!;
      a3 += e * p[m + 3]!;
    }
    out[0] = logCentre + log(a0);
    out[1] = (c * a1) / a0;
    out[2] = (c * c * a2) / a0;
    out[3] = (c * c * c * a3) / a0;
    out[4] = (c * c * c * c * a4) / a0;
    return;
  }

  if (c + (x - b) < DIRECT_POINTS) {
    let s0 = 1;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let w = 1;
    for (let d = 1; d <= c; d++) {
      w *= x / (x + d);
      if (w < 1e-40) break;
      const d2 = d * d;
      s0 += w;
      s1 += w * d;
      s2 += w * d2;
      s3 += w * d2 * d;
      s4 += w * d2 * d2;
    }
    w = 1;
    for (let d = 1; d <= x - b; d++) {
      w *= (x - d + 1) / x;
      if (w < 1e-40) break;
      const d2 = d * d;
      s0 += w;
      s1 -= w * d;
      s2 += w * d2;
      s3 -= w * d2 * d;
      s4 += w * d2 * d2;
    }
    out[0] = logCentre + log(s0);
    out[1] = s1 / s0;
    out[2] = s2 / s0;
    out[3] = s3 / s0;
    out[4] = s4 / s0;
    return;
  }

  // Stein's identity. Above 2^52, x + c may not be a double: P(x + c) is then taken for the mean shifted by
  // the rounding (at most 1 in 2^52, so harmless), which keeps the distance c exact; truncatedPoissonMass does
  // the same. (At or below 2^52 a rounded x + c lies beyond x + 2^52, where the probabilities are 0.)
  const a = x + c;
  const mass = truncatedPoissonMass(x, c, c);
  const pa = exp(logPoissonPmf(a, x > TWO_52 ? a - c : x));
  const pb = b > 0 ? exp(logPoissonPmf(b - 1, x)) : 0;
  const da = c + 1;
  const db = b - x;
  const r1 = x * (pb - pa);
  const r2 = x * (mass + pb * db - pa * da);
  const r3 = x * (mass + 2 * r1 + pb * db * db - pa * da * da);
  const r4 = x * (mass + 3 * r1 + 3 * r2 + pb * db * db * db - pa * da * da * da);
  out[0] = log(mass);
  out[1] = r1 / mass;
  out[2] = r2 / mass;
  out[3] = r3 / mass;
  out[4] = r4 / mass;
}

/**
 * Sison & Glaz's (1995) approximation v(c) of the probability that every count of a multinomial
 * sample of size n with cell probabilities x/n falls within c of its expected value x, computed as in
 * May & Johnson (2000): Y_i ~ Poisson(x_i) truncated to [x_i - c, x_i + c],
 *
 *   v(c) = n! / (n^n e^-n) * prod_i P(x_i - c <= X_i <= x_i + c) * f_e(z) / sqrt(s2),
 *
 * z = (n - sum E Y_i) / sqrt(s2), s2 = sum Var Y_i, f_e the Edgeworth density with skewness
 * g1 = sum mu3_i / s2^1.5 and excess kurtosis g2 = sum (mu4_i - 3 Var_i^2) / s2^2.
 *
 * The mass and moments of each truncated Poisson are taken about its untruncated mean x_i, by whichever of
 * three forms keeps them accurate (a power-sum series while c is at most one standard deviation, term-by-term
 * sums up to 2049 support points, Stein's identity with incomplete gamma functions otherwise; see
 * truncatedMoments): v(c) has an absolute error of a few times 1e-15 for every c and every n up to 2^53
 * (checked against an independent 50-digit mpmath implementation in the repository's test suite).
 * n!/(n^n e^-n) is sqrt(2 pi n) e^δ(n).
 * Categories with count 0 contribute nothing (a point mass at 0). Returns 0 rather than NaN.
 *
 * @example
 * ```ts
 * import { sisonGlazCoverage } from './sisonGlazCoverage';
 * sisonGlazCoverage(19, [56, 72, 73, 59, 62, 87, 58], 467); // 0.9320..., v(20) = 0.9525...
 * ```
 * @internal
 */
export function sisonGlazCoverage(c: number, counts: ArrayLike<number>, n: number): number {
  let sums: Float64Array | undefined;
  const powerSumsOnce = () => (sums ??= powerSums(c));
  const out = OUT;
  let logMass = 0;
  let shift = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < counts.length; i++) {
    const x = counts[i]!;
    if (x === 0) continue;
    truncatedMoments(x, c, powerSumsOnce, out);
    const m1 = out[1]!;
    const m2 = out[2]!;
    const m3 = out[3]!;
    const m4 = out[4]!;
    const m1sq = m1 * m1;
    const variance = m2 - m1sq;
    logMass += out[0]!;
    shift += m1;
    s2 += variance;
    s3 += m3 - 3 * m1 * m2 + 2 * m1sq * m1;
    s4 += m4 - 4 * m1 * m3 + 6 * m1sq * m2 - 3 * m1sq * m1sq - 3 * variance * variance;
  }
  const z = -shift / Math.sqrt(s2);
  const g1 = s3 / (s2 * Math.sqrt(s2));
  const g2 = s4 / (s2 * s2);
  const z2 = z * z;
  const poly =
    1 +
    (g1 * z * (z2 - 3)) / 6 +
    (g2 * (z2 * (z2 - 6) + 3)) / 24 +
    (g1 * g1 * (z2 * (z2 * (z2 - 15) + 45) - 15)) / 72;
  const v = Math.sqrt(n / s2) * exp(stirlingError(n) + logMass - z2 / 2) * poly;
  return Number.isFinite(v) ? v : 0;
}
