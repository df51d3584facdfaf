import { log } from '../../special/elementary/log';
import { log1p } from '../../special/elementary/log1p';

/**
 * The unit deviance of a count y against its mean μ, Poisson (`theta` = Infinity):
 * 2 [y log(y/μ) - (y - μ)], or negative binomial with shape θ (NB2):
 * 2 [y log(y/μ) - (y + θ) log((y + θ)/(μ + θ))] (McCullagh and Nelder 1989, table 2.1; Venables and
 * Ripley 2002, §7.4), with y log(y/μ) = 0 at y = 0 and the second term in log1p form for large θ.
 *
 * @example
 * ```ts
 * import { countDeviance } from './countDeviance';
 * countDeviance(3, 2, Infinity); // 0.43279...
 * ```
 * @internal
 */
export function countDeviance(y: number, mu: number, theta: number): number {
  const first = y > 0 ? y * log(y / mu) : 0;
  // each unit deviance is >= 0; rounding can leave -1e-16 where y = μ
  if (theta === Infinity) return Math.max(0, 2 * (first - (y - mu)));
  // (y + θ) log((y + θ)/(μ + θ)) = (y + θ) log1p((y - μ)/(μ + θ)); where μ is far above y the ratio rounds
  // to -1 (log1p gives -Infinity, as at y = 0, μ = 1.6e18, θ = 0.009): there the two logs, which do not cancel
  const r = (y - mu) / (mu + theta);
  const logRatio = r < -0.5 ? log(y + theta) - log(mu + theta) : log1p(r);
  return Math.max(0, 2 * (first - (y + theta) * logRatio));
}
