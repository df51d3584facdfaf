import type { Random } from './generator';
import { poissonLogPmf } from './poissonLogPmf';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';

/** 1 / sqrt(2π). */
const INV_SQRT_2PI = 0.39894228040143268;

/**
 * A Poisson(mean) draw for mean >= 10 by Ahrens & Dieter's (1982) algorithm PD, "Computer generation of
 * Poisson deviates from modified normal distributions" (ACM TOMS 8:163-179), given its normal draw `z`
 * (step N: g = mean + sqrt(mean) z). Step I accepts k = floor(g) at once when k >= floor(mean - 1.1484)
 * (about half the draws), step S by the squeeze 6 mean² u >= (mean - k)³ with one uniform u (nearly all the
 * rest for large means); the rare remainder by step Q's quotient test against the discrete normal
 * approximation, then steps E and H, rejection from a double-exponential (Laplace) hat. The steps
 * compare with P(X = k) computed accurately ({@link poissonLogPmf}, Loader 2000) rather than by the
 * paper's truncated series, so the draws are Poisson to double precision.
 *
 * `u` is step S's uniform if the caller has already drawn it (bulk samplers that ran steps N to S in
 * line), NaN otherwise; the steps before are recomputed from `z` exactly as the caller computed them.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { poissonFromNormal } from './poissonFromNormal';
 * import { sampleNormal } from './sampleNormal';
 * const rng = createGenerator(42);
 * poissonFromNormal(rng, 7706, sampleNormal(rng), NaN); // a Poisson(7706) draw
 * ```
 * @internal
 */
export function poissonFromNormal(rng: Random, mean: number, z: number, u: number): number {
  const s = Math.sqrt(mean);
  const g = mean + s * z;
  let k = 0;
  if (g >= 0) {
    k = Math.floor(g);
    // Step I: immediate acceptance (P(X = j) exceeds the discrete normal probability for j >= mean - 1.1484).
    if (k >= Math.floor(mean - 1.1484)) return k;
    // Step S: squeeze acceptance.
    const difmuk = mean - k;
    if (u !== u) u = rng.next();
    if (6 * mean * mean * u >= difmuk * difmuk * difmuk) return k;
  }
  // Step P: the discrete normal probabilities f_k ≈ omega exp(-x²/2) (c0 + c1 x² + c2 x⁴ + c3 x⁶) (a Hermite
  // correction), x = (k + 1/2 - mean) / sqrt(mean), and the hat's constant c.
  const omega = INV_SQRT_2PI / s;
  const b1 = 0.041666666666666667 / mean;
  const b2 = 0.3 * b1 * b1;
  const c3 = 0.14285714285714286 * b1 * b2;
  const c2 = b2 - 15 * c3;
  const c1 = b1 - 6 * b2 + 45 * c3;
  const c0 = 1 - b1 + 3 * b2 - 15 * c3;
  const c = 0.1069 / mean;
  if (g >= 0) {
    // Step Q: quotient acceptance, with step S's u.
    const x = (0.5 - (mean - k)) / s;
    const xx = x * x;
    const fx = -0.5 * xx;
    const fy = omega * (((c3 * xx + c2) * xx + c1) * xx + c0);
    if (fy - u * fy <= exp(poissonLogPmf(k, mean) - fx)) return k;
  }
  for (;;) {
    // Step E: t from the Laplace hat 1.8 ± E, E ~ Exp(1) (for t <= -0.6744, P(X = k) < f_k).
    const e = -log(1 - rng.next());
    const v = 2 * rng.next() - 1;
    const t = 1.8 + (v >= 0 ? e : -e);
    if (t <= -0.6744) continue;
    k = Math.floor(mean + s * t);
    const x = (0.5 - (mean - k)) / s;
    const xx = x * x;
    const fx = -0.5 * xx;
    const fy = omega * (((c3 * xx + c2) * xx + c1) * xx + c0);
    // Step H: hat acceptance.
    const logPk = poissonLogPmf(k, mean);
    if (c * Math.abs(v) <= exp(logPk + e) - fy * exp(fx + e)) return k;
  }
}
