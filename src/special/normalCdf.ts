import { exp } from './elementary/exp';
/** Cody's central rational: Φ(y) - 1/2 for |y| <= 0.67448975. */
function central(y: number): number {
  const s = y * y;
  const num = (((0.065682337918207449113 * s + 2.2352520354606839287) * s + 161.02823106855587881) * s +
    1067.6894854603709582) * s + 18154.981253343561249;
  const den = (((s + 47.20258190468824187) * s + 976.09855173777669322) * s + 10260.932208618978205) * s +
    45507.789335026729956;
  return (y * num) / den;
}

/** Cody's tail rationals: e^(y²/2) (1 - Φ(y)) for y > 0.67448975 (any size, no underflow). */
function scaledTail(y: number): number {
  if (y <= 5.656854249492380195) {
    return (
      ((((((((1.0765576773720192317e-8 * y + 0.39894151208813466764) * y + 8.8831497943883759412) * y +
        93.506656132177855979) *
        y +
        597.27027639480026226) *
        y +
        2494.5375852903726711) *
        y +
        6848.1904505362823326) *
        y +
        11602.651437647350124) *
        y +
        9842.7148383839780218) /
      ((((((((y + 22.266688044328115691) * y + 235.38790178262499861) * y + 1519.377599407554805) * y +
        6485.558298266760755) *
        y +
        18615.571640885098091) *
        y +
        34900.952721145977266) *
        y +
        38912.003286093271411) *
        y +
        19685.429676859990727)
    );
  }
  const w = 1 / (y * y);
  const num =
    ((((0.02307344176494017303 * w + 0.21589853405795699) * w + 0.1274011611602473639) * w + 0.022235277870649807) *
      w +
      0.001421619193227893466) *
      w +
    2.9112874951168792e-5;
  const den =
    ((((w + 1.28426009614491121) * w + 0.468238212480865118) * w + 0.0659881378689285515) * w +
      0.00378239633202758244) *
      w +
    7.29751555083966205e-5;
  return (0.398942280401432677939946059934 - (w * num) / den) / y;
}

/**
 * Upper tail of N(0, 1) for y >= 0: Cody's rational Chebyshev approximations (three ranges),
 * with exp(-y²/2) split as exp(-s²/2)·exp(-(y - s)(y + s)/2), s = trunc(16y)/16, so the large
 * square is exact.
 */
function upperTail(y: number): number {
  if (y <= 0.67448975) return 0.5 - central(y);
  if (y >= 38.5) return 0;
  const s = Math.trunc(y * 16) / 16;
  return exp(-s * s * 0.5) * exp(-(y - s) * (y + s) * 0.5) * scaledTail(y);
}

/**
 * Standard normal distribution function Φ(x), accurate to full relative precision in both tails.
 *
 * Method: Cody (1969), "Rational Chebyshev approximations for the error function", Math. Comp. 23,
 * 631-637, in the form of his ANORM routine (Cody 1993, ACM TOMS 19, 22-32, Algorithm 715): near-minimax
 * rationals on |x| <= 0.674, 0.674 < |x| <= sqrt(32) and |x| > sqrt(32); the small tail is computed
 * directly and the other as its complement. Underflows to 0 below x ≈ -38.5.
 *
 * Domain: any real x (±Infinity give 0 / 1). Internal: no validation.
 *
 * @example
 * ```ts
 * import { normalCdf } from './normalCdf';
 * normalCdf(-1.959963984540054); // 0.025
 * ```
 * @internal
 */
export function normalCdf(x: number): number {
  return x < 0 ? upperTail(-x) : 1 - upperTail(x);
}

/**
 * Standard normal upper tail 1 - Φ(x), computed directly (no cancellation for large x).
 * Method as {@link normalCdf} (Cody 1969, 1993). Domain: any real x. Internal: no validation.
 *
 * @example
 * ```ts
 * import { normalUpperCdf } from './normalCdf';
 * normalUpperCdf(10); // 7.619853024160527e-24
 * ```
 * @internal
 */
export function normalUpperCdf(x: number): number {
  return x < 0 ? 1 - upperTail(-x) : upperTail(x);
}

/**
 * Mills ratio (1 - Φ(y)) / φ(y) of the standard normal for y >= 0, with no underflow for large y
 * (≈ 1/y there). Method as {@link normalCdf} (Cody 1969, 1993): the same rationals, unscaled.
 *
 * Domain: y >= 0. Internal: no validation.
 *
 * @example
 * ```ts
 * import { normalMillsRatio } from './normalCdf';
 * normalMillsRatio(0); // sqrt(π/2) = 1.2533141373155003
 * ```
 * @internal
 */
export function normalMillsRatio(y: number): number {
  if (y <= 0.67448975) return (0.5 - central(y)) * exp(0.5 * y * y) * 2.506628274631000502415765284811;
  return scaledTail(y) * 2.506628274631000502415765284811;
}
