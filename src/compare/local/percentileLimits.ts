import { percentileInterval } from '../../montecarlo/percentileInterval';
import { quickselect } from '../../montecarlo/quickselect';

/** Select rank k of a[left..right] in place (src/montecarlo/quickselect) and return it. */
function selectRank(a: Float64Array, left: number, right: number, k: number): number {
  quickselect(a, left, right, k);
  return a[k]!;
}

/** Below this many draws the limits come from `percentileInterval` directly. */
const SMALL = 2048;
/** Pilot sample size. */
const PILOT = 512;

/**
 * A reusable finder of percentile limits for many arrays of the same length `n`: exactly the limits of
 * `percentileInterval` (order statistics of 1-based ranks j and n + 1 - j, j = max(1, floor((n + 1)(1 -
 * level) / 2))), found faster for the many moderate arrays of `localEstimates`. Each limit is bracketed by
 * order statistics of a strided pilot sample of 512 draws (about 4 binomial standard deviations either
 * side), the draws inside each bracket are gathered in one pass and the rank is selected among them (quickselect) (the
 * sampling idea of Floyd & Rivest 1975). When a bracket misses its rank or overflows, `percentileInterval`
 * (quickselect) answers instead, so the result is exact either way. Buffers are allocated once.
 *
 * The returned function MAY REORDER its argument (on the fallback path) and writes the limits to `out`.
 * @internal
 */
export function percentileLimits(n: number, level: number): (a: Float64Array, out: Float64Array, at: number) => void {
  const j = Math.max(1, Math.floor(((n + 1) * (1 - level)) / 2)) - 1;
  const k = n - 1 - j;
  if (n < SMALL) {
    return (a, out, at) => {
      const [lo, hi] = percentileInterval(a, level);
      out[at] = lo;
      out[at + 1] = hi;
    };
  }
  const pilot = new Float64Array(PILOT);
  const stride = n / PILOT;
  const window = (rank: number): [number, number] => {
    const p = (rank + 0.5) / n;
    const centre = p * PILOT;
    const half = 4 * Math.sqrt(PILOT * p * (1 - p)) + 4;
    return [Math.floor(centre - half), Math.ceil(centre + half)];
  };
  const [jLoRank, jHiRank] = window(j);
  const [kLoRank, kHiRank] = window(k);
  // The brackets' pilot ranks must be ordered and inside the pilot (they are for levels above about 0.1).
  const disjoint = jHiRank >= 0 && jHiRank < kLoRank && kLoRank < PILOT;
  // Room for every draw, so gathering never overflows (two arrays of n: small beside the draws themselves).
  const inJ = new Float64Array(n);
  const inK = new Float64Array(n);

  return (a, out, at) => {
    if (disjoint) {
      for (let i = 0; i < PILOT; i++) pilot[i] = a[Math.floor(i * stride)]!;
      // The four pilot order statistics by selection in nested ranges (ranks jLo < jHi < kLo < kHi).
      const jHi = selectRank(pilot, 0, PILOT - 1, jHiRank);
      const jLo = jLoRank < 0 ? -Infinity : selectRank(pilot, 0, jHiRank - 1, jLoRank);
      const kLo = selectRank(pilot, jHiRank + 1, PILOT - 1, kLoRank);
      const kHi = kHiRank >= PILOT ? Infinity : selectRank(pilot, kLoRank + 1, PILOT - 1, kHiRank);
      if (jHi < kLo) {
        // Most draws lie between the brackets and cost two comparisons.
        let belowJ = 0;
        let aboveK = 0;
        let nJ = 0;
        let nK = 0;
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          if (x <= jHi) {
            if (x < jLo) belowJ++;
            else inJ[nJ++] = x;
          } else if (x >= kLo) {
            if (x > kHi) aboveK++;
            else inK[nK++] = x;
          }
        }
        const belowK = n - aboveK - nK;
        if (j >= belowJ && j < belowJ + nJ && k >= belowK && k < belowK + nK) {
          out[at] = selectRank(inJ, 0, nJ - 1, j - belowJ);
          out[at + 1] = selectRank(inK, 0, nK - 1, k - belowK);
          return;
        }
      }
    }
    const [lo, hi] = percentileInterval(a, level);
    out[at] = lo;
    out[at + 1] = hi;
  };
}
