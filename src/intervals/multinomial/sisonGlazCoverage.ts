import { stirlingError } from '../../random/stirlingError';
import { logPoissonPmf } from './logPoissonPmf';
import { truncatedPoissonMass } from './truncatedPoissonMass';
import { exp } from '../../special/elementary/exp';
import { log } from '../../special/elementary/log';

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
 * The moments of each truncated Poisson are taken about its untruncated mean x_i, by the
 * recursion E[(X - x)^r; b <= X <= a] = x (sum_{i <= r-2} C(r-1, i) M_i + p(b-1)(b - x)^(r-1)
 * - p(a)(a + 1 - x)^(r-1)) (Stein's identity for the Poisson), so no large powers of x cancel and
 * the result stays accurate for counts of 1e6 and more. n!/(n^n e^-n) is sqrt(2 pi n) e^δ(n).
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
  let logMass = 0;
  let shift = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < counts.length; i++) {
    const x = counts[i]!;
    if (x === 0) continue;
    const a = x + c;
    const b = x > c ? x - c : 0;
    const mass = truncatedPoissonMass(x, b, a);
    const pa = exp(logPoissonPmf(a, x));
    const pb = b > 0 ? exp(logPoissonPmf(b - 1, x)) : 0;
    const da = c + 1;
    const db = b - x;
    const r1 = x * (pb - pa);
    const r2 = x * (mass + pb * db - pa * da);
    const r3 = x * (mass + 2 * r1 + pb * db * db - pa * da * da);
    const r4 = x * (mass + 3 * r1 + 3 * r2 + pb * db * db * db - pa * da * da * da);
    const m1 = r1 / mass;
    const m2 = r2 / mass;
    const m3 = r3 / mass;
    const m4 = r4 / mass;
    const m1sq = m1 * m1;
    const variance = m2 - m1sq;
    logMass += log(mass);
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
