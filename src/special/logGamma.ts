import { stirlingError } from './stirlingError';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

const HALF_LOG_2PI = 0.91893853320467274178;

/**
 * log Γ(2 + a) for |a| <= 0.5 by the Taylor series about 2:
 * (1 - γ)a + Σ_{k>=2} (-1)^k (ζ(k) - 1) a^k / k  (Abramowitz and Stegun 1964, 6.1.33 with
 * log Γ(2 + a) = log(1 + a) + log Γ(1 + a)); terms fall like (a/2)^k, 28 terms give full precision.
 * Coefficients of a^k, k = 1..28: 1 - γ, then (-1)^k (ζ(k) - 1) / k (computed with mpmath, 21 digits).
 */
const SERIES2: readonly number[] = [
  4.22784335098467139393e-1,
  3.22467033424113218236e-1,
  -6.73523010531980951332e-2,
  2.0580808427784547879e-2,
  -7.38555102867398526627e-3,
  2.89051033074152328575e-3,
  -1.19275391170326097711e-3,
  5.09669524743042422336e-4,
  -2.23154758453579379761e-4,
  9.94575127818085337146e-5,
  -4.49262367381331417002e-5,
  2.05072127756706915532e-5,
  -9.43948827526839590399e-6,
  4.37486678990748780418e-6,
  -2.03921575380136623678e-6,
  9.55141213040741983286e-7,
  -4.49246919876456604329e-7,
  2.12071848055546658692e-7,
  -1.00432248239680996087e-7,
  4.76981016936398056576e-8,
  -2.27110946089431649103e-8,
  1.08386592148969540911e-8,
  -5.18347504197004665512e-9,
  2.48367454380247831719e-9,
  -1.19214014058609120744e-9,
  5.73136724167886201333e-10,
  -2.75952288512423314518e-10,
  1.33047643742444894815e-10,
];

function logGamma2p(a: number): number {
  let s = 0;
  for (let i = SERIES2.length - 1; i >= 0; i--) s = s * a + (SERIES2[i] as number);
  return s * a;
}

/**
 * log Γ(x) for x > 0, accurate to a few units in the last place (relative where |log Γ| is not near 0,
 * absolute ~1e-16 near its zeros at x = 1 and 2).
 *
 * Method: for x < 2.5 a 27-term Taylor series of log Γ about 2 (Abramowitz and Stegun 1964, 6.1.33),
 * reached through log Γ(x) = log Γ(x + 1) - log x below 1.5; for 2.5 <= x < 10 the recurrence down to
 * [1.5, 2.5); for x >= 10 Stirling's series (A&S 6.1.40) with its error term δ(x) summed to 1e-18.
 *
 * Domain: x > 0 (log Γ(0) = Infinity). Internal: no validation.
 *
 * @example
 * ```ts
 * import { logGamma } from './logGamma';
 * logGamma(0.5); // 0.5723649429247001 (= log √π)
 * ```
 * @internal
 */
export function logGamma(x: number): number {
  if (x < 0.5) return logGamma2p(x) - log1p(x) - log(x);
  if (x < 1.5) return logGamma2p(x - 1) - log(x);
  if (x < 2.5) return logGamma2p(x - 2);
  if (x < 10) {
    let z = x;
    let prod = 1;
    while (z >= 2.5) {
      z -= 1;
      prod *= z;
    }
    // whole x: z = 2 and logGamma2p(0) = 0 exactly, so log((x - 1)!) alone is the same bits
    return z === 2 ? log(prod) : log(prod) + logGamma2p(z - 2);
  }
  return (x - 0.5) * log(x) - x + HALF_LOG_2PI + stirlingError(x);
}

/**
 * log Γ(1 + a), accurate relative to the result for small |a| (where it is ≈ -γa).
 *
 * Method: as {@link logGamma}; log Γ(1 + a) = log Γ(2 + a) - log(1 + a) by the series about 2 for
 * -0.5 <= a < 0.5 and log Γ(2 + (a - 1)) for 0.5 <= a < 1.5 (Abramowitz and Stegun 1964, 6.1.33).
 *
 * Domain: a > -1. Internal: no validation.
 *
 * @example
 * ```ts
 * import { logGamma1p } from './logGamma';
 * logGamma1p(1e-10); // -5.772156648...e-11
 * ```
 * @internal
 */
export function logGamma1p(a: number): number {
  if (a < -0.5 || a >= 1.5) return logGamma(a + 1);
  if (a < 0.5) return logGamma2p(a) - log1p(a);
  return logGamma2p(a - 1);
}
