import { gammaTemmeTable } from './gammaTemmeTable';

/**
 * Σ_k c_k(η) a^-k, the sum of Temme's uniform expansion of the incomplete gamma ratios
 * (Q = ½erfc(η√(a/2)) + e^(-aη²/2)/√(2πa) · Σ), trimmed to the terms the shape and η need.
 *
 * Method: the c_k (k <= 8) as Taylor polynomials in η (Temme 1979; DLMF 8.12.9-11; the table from
 * {@link gammaTemmeTable}), summed as one polynomial in η by Horner's rule, its coefficients d_n = Σ_k c_{k,n} a^-k formed as dot products with the
 * powers of 1/a (independent of each other, so they overlap; short inner loops would cost more than the
 * arithmetic). Only the degree |η| needs is summed (11 terms for |η| <= 0.1, 14 to 0.2, 17 to 0.35, up to
 * all 25 beyond 0.55), and from a = 300 only c_0..c_5: every dropped term is below 1e-18 in absolute value,
 * so the sum is the full nine-term one to rounding, at a third to a half of its cost where the quantiles of
 * everyday shapes fall (|η| <= 0.2).
 *
 * Domain: a >= 20, |η| <= 0.9 (beyond 0.55 the full polynomials). Internal: no validation.
 *
 * @example
 * ```ts
 * import { gammaTemmeSum } from './gammaTemmeSum';
 * gammaTemmeSum(1e9, 0); // ≈ -1/3 (c_0(0))
 * ```
 * @internal
 */
export function gammaTemmeSum(a: number, eta: number): number {
  const T = gammaTemmeTable(); // the coefficient of η^n in c_k at 9n + k
  const e = Math.abs(eta);
  const degree = e <= 0.1 ? 11 : e <= 0.2 ? 14 : e <= 0.35 ? 17 : e <= 0.45 ? 19 : e <= 0.55 ? 21 : 25;
  const i1 = 1 / a;
  const i2 = i1 * i1;
  const i3 = i2 * i1;
  const i4 = i2 * i2;
  const i5 = i4 * i1;
  let sum = 0;
  if (a >= 300) {
    for (let o = 9 * (degree - 1); o >= 0; o -= 9) {
      sum = sum * eta + (T[o]! + i1 * T[o + 1]! + i2 * T[o + 2]! + i3 * T[o + 3]! + i4 * T[o + 4]! + i5 * T[o + 5]!);
    }
    return sum;
  }
  const i6 = i3 * i3;
  const i7 = i6 * i1;
  const i8 = i4 * i4;
  for (let o = 9 * (degree - 1); o >= 0; o -= 9) {
    const d = T[o]! + i1 * T[o + 1]! + i2 * T[o + 2]! + i3 * T[o + 3]! + i4 * T[o + 4]! + i5 * T[o + 5]! + i6 * T[o + 6]! + i7 * T[o + 7]! + i8 * T[o + 8]!;
    sum = sum * eta + d;
  }
  return sum;
}
