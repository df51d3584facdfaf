/** Binary digits of the fixed-point arithmetic of {@link gammaTemmeTable}: a value v is the integer v·2^512. */
const S = 512n;

/** How many Taylor coefficients in η of c_0, ..., c_8 {@link gammaTemmeTable} keeps. */
const LENGTHS = [25, 22, 19, 16, 13, 11, 9, 7, 5];

let table: Float64Array | undefined;

/**
 * The Taylor coefficients in η of Temme's c_k(η), k = 0..8, for {@link gammaTemmeSum}, transposed and padded
 * with zeros: the coefficient of η^n in c_k at 9n + k (c_k to η^(24 - 3k), then fewer; c_0 = -1/3 + η/12 - ...).
 * Computed on the first call (well under a millisecond once compiled) in 512-bit fixed-point integer
 * arithmetic, whose error (below 2^-460) is hundreds of bits below the last bit of a double, and rounded once
 * to the nearest double by `Number()`: the same bits as the sympy-expanded table GAMMA_TEMME_C of
 * gammaTemmeCoefficients.ts (a test checks every one), at a fraction of its size in a bundle.
 *
 * Method: λ - 1 = μ(η) = η + η²/3 + η³/36 - ... from μμ' = η(1 + μ) (η²/2 = μ - log(1 + μ) differentiated),
 * so (n + 1)a_n = a_(n-1) - Σ_(j=2)^(n-1) (n - j + 1) a_j a_(n-j+1); r = η/μ by series division;
 * c_0 = (r - 1)/η and c_k = (c'_(k-1) + t_k r)/η (DLMF 8.12.9-11), where t_k = (-1)^k g_k (g_k Stirling's
 * coefficients of Γ*(a)) is the constant that makes the bracket vanish at η = 0, -c'_(k-1)(0).
 *
 * @example
 * ```ts
 * import { gammaTemmeTable } from './gammaTemmeTable';
 * gammaTemmeTable()[0]; // -1/3, c_0(0)
 * gammaTemmeTable()[1]; // -1/540, c_1(0)
 * ```
 * @internal
 */
export function gammaTemmeTable(): Float64Array {
  if (table) return table;
  const one = 1n << S;
  // m = μ/η: m[j] = a_(j+1), a_1..a_27
  const m = [one];
  for (let n = 2; n <= 27; n++) {
    let sum = m[n - 2]!;
    for (let j = 2; j < n; j++) sum -= (BigInt(n - j + 1) * m[j - 1]! * m[n - j]!) >> S;
    m.push(sum / BigInt(n + 1));
  }
  // r = 1/m
  const r = [one];
  for (let k = 1; k < 27; k++) {
    let sum = 0n;
    for (let j = 1; j <= k; j++) sum -= (m[j]! * r[k - j]!) >> S;
    r.push(sum);
  }
  // c_0 = (r - 1)/η, then c_k = (c'_(k-1) - c'_(k-1)(0) r)/η
  let c = r.slice(1);
  const scale = Number(one);
  const out = new Float64Array(225);
  for (let k = 0; k < 9; k++) {
    for (let n = 0; n < LENGTHS[k]!; n++) out[9 * n + k] = Number(c[n]!) / scale;
    const d = c.slice(1).map((v, j) => v * BigInt(j + 1));
    c = d.slice(1).map((v, j) => v - ((d[0]! * r[j + 1]!) >> S));
  }
  return (table = out);
}
