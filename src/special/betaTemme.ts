import { log1pmx } from './log1pmx';
import { normalMillsRatio } from './normalCdf';
import { stirlingError } from './stirlingError';
import { exp } from './elementary/exp';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

const HALF_LOG_2PI = 0.91893853320467274178;

/** log(1 + t) - t + t²/2, by its series for |t| <= 0.01 (no cancellation), else directly. */
function log1pmxq(t: number): number {
  if (Math.abs(t) > 0.01) return log1pmx(t) + 0.5 * t * t;
  let term = t * t * t;
  let sum = 0;
  for (let k = 3; k < 30; k++) {
    sum += term / (k % 2 === 1 ? k : -k);
    term *= t;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/**
 * log I_x(a, b) (upper = false) or log(1 - I_x(a, b)) (upper = true), y = 1 - x given separately, for
 * both shapes large, by the first two terms of Temme's uniform asymptotic expansion.
 *
 * Method: Temme (1987, "Incomplete Laplace integrals: uniform asymptotic expansion with application to
 * the incomplete beta function", SIAM J. Math. Anal. 18, 1638-1663; DLMF 8.18.9-10; the expansion behind
 * BASYM of DiDonato and Morris 1992): with c = a + b, λ = a - c·x (from whichever of x, y is smaller),
 * the deviance D = a φ(-λ/a) + b φ(λ/b), φ(t) = t - log(1 + t), ζ = sign(-λ)·√(2D) and
 * r = -λ/√(ab/c) (the standardised x), I_x(a, b) = Φ(ζ) - φ(ζ)·M·(1/r - 1/ζ) + O(φ(ζ)/min(a, b)^(3/2)),
 * M = exp(δ(c) - δ(a) - δ(b)) (δ Stirling's error; M √(c/2π) p₀^a q₀^b / B(a, b) times √(p₀q₀) is 1).
 * 1/r - 1/ζ is formed without cancellation as (ζ² - r²)/((ζ + r) r ζ), ζ² - r² = -2[a ψ(-λ/a) + b ψ(λ/b)],
 * ψ(t) = log(1 + t) - t + t²/2, and at r = 0 is its limit (a - b)/(3√(abc)). The smaller tail is
 * φ(ζ)·(m(|ζ|) ∓ M (1/r - 1/ζ)), m the normal Mills ratio, so it never underflows. Truncation error, in
 * standard deviations of x (against {@link betaLogTail} within 38 of the mean): 3e-11 at Beta(1e6, 1e9),
 * 3e-14 at Beta(1e8, 1e12), at rounding level from 1e10 on, where the continued fraction needs
 * O(√min(a, b)) terms near the centre.
 *
 * Domain: a, b >= 1e10 (less accurate below), a + b finite, 0 < x < 1, y = 1 - x. Internal: no validation.
 *
 * @example
 * ```ts
 * import { betaTemmeLog } from './betaTemme';
 * exp(betaTemmeLog(0.5, 0.5, 1e15, 1e15, false)); // 0.5 (symmetric)
 * ```
 * @internal
 */
export function betaTemmeLog(x: number, y: number, a: number, b: number, upper: boolean): number {
  const c = a + b;
  const lambda = x <= y ? a - c * x : c * y - b;
  const s = -lambda / a;
  const u = lambda / b;
  const d = -(a * log1pmx(s) + b * log1pmx(u)); // >= 0
  const zeta = lambda > 0 ? -Math.sqrt(2 * d) : Math.sqrt(2 * d);
  const r = -lambda / (Math.sqrt(a) * Math.sqrt(b / c));
  let corr: number;
  if (r === 0) corr = (a - b) / (3 * Math.sqrt(a) * Math.sqrt(b) * Math.sqrt(c));
  else if (Math.abs(r) >= 1) corr = 1 / r - 1 / zeta;
  else corr = (-2 * (a * log1pmxq(s) + b * log1pmxq(u))) / ((zeta + r) * r * zeta);
  const m = exp(stirlingError(c) - stirlingError(a) - stirlingError(b));
  // the smaller tail: I for ζ < 0, 1 - I for ζ >= 0
  const small = -d - HALF_LOG_2PI + log(normalMillsRatio(Math.abs(zeta)) + (zeta < 0 ? -m : m) * corr);
  return upper === zeta >= 0 ? small : log1p(-exp(small));
}
