import { sisonGlazCoverage } from './sisonGlazCoverage';

/** c = 1, 2, ... up to this are scanned one by one, exactly as May & Johnson's program does. */
const LINEAR_STEPS = 256;

/** The result of {@link sisonGlazConstant}. @internal */
export interface SisonGlazConstant {
  /** The whole number c with v(c) <= level < v(c + 1); n when no c <= n reaches the level. */
  c: number;
  /** Interpolation weight (level - v(c)) / (v(c + 1) - v(c)) in [0, 1); 0 when not reached. */
  gamma: number;
  /** False when v(c) stayed at or below the level for every c <= n. */
  reached: boolean;
}

/**
 * Find Sison & Glaz's constant c and May & Johnson's (2000) interpolation weight gamma for whole
 * `counts` adding to `n` at `level`. The limits are then x/n - c/n and x/n + (c + 2 gamma)/n.
 *
 * Search: the first c with v(c + 1) > level. For c + 1 = 1 ... 256 one at a time, exactly as May &
 * Johnson's program (v(0) taken as 0); that covers every sample up to about 10,000 at the usual
 * levels. Beyond (c grows like sqrt(n)) in steps of 1/16 of the current c, then bisection inside the
 * step that crosses the level: about 100 evaluations of v for n = 1e9 instead of 30,000, and about 500
 * for n = 2^53 (c near 1e8; a few milliseconds for a handful of categories, 0.3 s for 1,000). v(c) is not
 * always monotone (the Edgeworth approximation can dip slightly near v = 0.999), so this finds the
 * first crossing unless v rises above the level and falls back within less than 1/16 of c, which
 * needs a level within about 1e-5 of such a local peak.
 *
 * For large n the steps v(c + 1) - v(c) are small (about 2e-9 at n = 1e15, level 0.998), so gamma carries
 * an absolute error of about 3e-16 / (v(c + 1) - v(c)) (up to about 2e-7 in the mpmath checks); the limits
 * move by twice that over n, below 1e-14 of the half-width. At levels within about 1e-9 of 1 and n near
 * 2^53 the steps fall below the resolution of doubles near 1 and c may be off by a few units in 5e8.
 *
 * @example
 * ```ts
 * import { sisonGlazConstant } from './sisonGlazConstant';
 * sisonGlazConstant([56, 72, 73, 59, 62, 87, 58], 467, 0.95); // { c: 19, gamma: 0.877..., reached: true }
 * ```
 * @internal
 */
export function sisonGlazConstant(counts: ArrayLike<number>, n: number, level: number): SisonGlazConstant {
  let vLow = 0;
  const linearEnd = Math.min(n, LINEAR_STEPS);
  for (let next = 1; next <= linearEnd; next++) {
    const v = sisonGlazCoverage(next, counts, n);
    if (v > level) return { c: next - 1, gamma: (level - vLow) / (v - vLow), reached: true };
    vLow = v;
  }
  let lo = linearEnd;
  let hi: number;
  let vHigh: number;
  for (;;) {
    if (lo >= n) return { c: n, gamma: 0, reached: false };
    hi = Math.min(lo + Math.ceil(lo / 16), n);
    vHigh = sisonGlazCoverage(hi, counts, n);
    if (vHigh > level) break;
    lo = hi;
    vLow = vHigh;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const v = sisonGlazCoverage(mid, counts, n);
    if (v > level) {
      hi = mid;
      vHigh = v;
    } else {
      lo = mid;
      vLow = v;
    }
  }
  return { c: lo, gamma: (level - vLow) / (vHigh - vLow), reached: true };
}
