/** δ(n) for n = 1..15, computed with mpmath (40 digits) as lgamma(n + 1) - (n + 1/2) log n + n - log(2π)/2. */
const TABLE = [
  0, 0.081061466795327261, 0.041340695955409297, 0.027677925684998338, 0.020790672103765093,
  0.016644691189821193, 0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.0092554621827127329,
  0.0083305634333628708, 0.0075736754879518406, 0.0069428401072095299, 0.0064089941880042071,
  0.0059513701127588475, 0.0055547335519628011,
];

/**
 * The error of Stirling's formula, δ(n) = log(n!) - [(n + 1/2) log n - n + log(2π)/2], for whole
 * n >= 1: a table up to 15, the asymptotic series 1/(12n) - 1/(360n³) + 1/(1260n⁵) - 1/(1680n⁷) +
 * 1/(1188n⁹) beyond (relative error < 3e-14). Used as in Loader (2000) to evaluate log-probabilities of
 * large counts without cancellation. Callers never pass n < 1.
 *
 * @example
 * ```ts
 * import { stirlingError } from './stirlingError';
 * stirlingError(10); // 0.0083305634333628708
 * ```
 * @internal
 */
export function stirlingError(n: number): number {
  if (n <= 15) return TABLE[n]!;
  const r = 1 / n;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
}
