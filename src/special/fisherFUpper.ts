import { betaI } from './betaI';

/**
 * Upper tail P(F > f) of the F distribution with `df1` and `df2` degrees of freedom.
 *
 * Method: P(F > f) = I_{df2/(df2 + df1 f)}(df2/2, df1/2) (Abramowitz and Stegun 1964, 26.6.2), with
 * {@link betaI}.
 *
 * Domain: df1 > 0, df2 > 0, f >= 0. Internal: no validation.
 *
 * @example
 * ```ts
 * import { fisherFUpper } from './fisherFUpper';
 * fisherFUpper(4.964602743730711, 1, 10); // ≈ 0.05
 * ```
 * @internal
 */
export function fisherFUpper(f: number, df1: number, df2: number): number {
  if (!(f > 0)) return 1;
  if (f === Infinity) return 0;
  return betaI(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}
