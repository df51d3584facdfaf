import { gammaTemmeSum } from './gammaTemmeSum';
import { log1pmx } from './log1pmx';
import { normalMillsRatio } from './normalCdf';
import { exp } from './elementary/exp';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

const HALF_LOG_2PI = 0.91893853320467274178;

/**
 * log of P(a, x) (upper = false) or Q(a, x) (upper = true) by Temme's uniform asymptotic expansion,
 * for large a and x near a.
 *
 * Method: Temme (1979, "The asymptotic expansion of the incomplete gamma functions", SIAM J. Math.
 * Anal. 10, 757-766; DLMF 8.12.3-4): Q = ½erfc(η √(a/2)) + R_a(η), R_a = e^(-aη²/2) / √(2πa) Σ c_k(η) a^-k,
 * η = sign(x - a) √(2(λ - 1 - log λ)), λ = x/a, with the c_k as Taylor polynomials in η (k <= 8), summed
 * by {@link gammaTemmeSum} to the terms a and η need. The
 * smaller tail is formed as φ(z)·(m(|z|) ± Σ/√a), z = η√a, m the normal Mills ratio, so it never
 * underflows; error below 1e-18 relative for a >= 100, |η| <= 0.55 (checked against mpmath), where
 * the series and continued fraction would need O(√a) terms.
 *
 * Domain: a >= 100, 0.65 <= x/a <= 1.6. Internal: no validation.
 *
 * @example
 * ```ts
 * import { gammaTemmeLog } from './gammaTemme';
 * exp(gammaTemmeLog(1e9, 1e9, true)); // ≈ 0.5 - 1/(3√(2π·1e9))
 * ```
 * @internal
 */
export function gammaTemmeLog(a: number, x: number, upper: boolean): number {
  const mu = (x - a) / a;
  const d = -log1pmx(mu); // λ - 1 - log λ >= 0
  const eta = mu < 0 ? -Math.sqrt(2 * d) : Math.sqrt(2 * d);
  const sum = gammaTemmeSum(a, eta);
  const sa = Math.sqrt(a);
  // The smaller tail: Q for x >= a, P for x < a; P = ½erfc(-η√(a/2)) - R_a.
  const small = -a * d - HALF_LOG_2PI + log(normalMillsRatio(Math.abs(eta) * sa) + (mu < 0 ? -sum : sum) / sa);
  return upper === mu >= 0 ? small : log1p(-exp(small));
}

/**
 * Whether {@link gammaTemmeLog} is used for (a, x): a >= 100 and 0.65 <= x/a <= 1.6, the region where it
 * is accurate to below 1e-18 and where the series and continued fraction are slow (O(√a) terms).
 *
 * @example
 * ```ts
 * import { gammaTemmeApplies } from './gammaTemme';
 * gammaTemmeApplies(1e6, 1e6); // true
 * ```
 * @internal
 */
export function gammaTemmeApplies(a: number, x: number): boolean {
  return a >= 100 && x >= 0.65 * a && x <= 1.6 * a;
}
