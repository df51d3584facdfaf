import { betaI } from './betaI';

/**
 * Upper tail P(T > t) of Student's t distribution with `df` degrees of freedom.
 *
 * Method: P(T > t) = I_{df/(df + t²)}(df/2, 1/2) / 2 for t >= 0, by symmetry for t < 0
 * (Abramowitz and Stegun 1964, 26.7.1), with {@link betaI}.
 *
 * Domain: df > 0, t real. Internal: no validation.
 *
 * @example
 * ```ts
 * import { studentTUpper } from './studentTUpper';
 * studentTUpper(2.228138851986274, 10); // ≈ 0.025
 * ```
 * @internal
 */
export function studentTUpper(t: number, df: number): number {
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const tail = betaI(df / (df + t * t), df / 2, 0.5) / 2;
  return t >= 0 ? tail : 1 - tail;
}
