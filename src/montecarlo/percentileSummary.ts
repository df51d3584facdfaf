import { quickselect } from './quickselect';
import { deviationFromSums } from './deviationFromSums';
import { standardDeviationOf } from './standardDeviationOf';

/** Below this many draws the limits are found by quickselect alone. */
const SMALL = 32768;
/** Size of the pilot sample that brackets each limit. */
const PILOT = 4096;

/** Percentile limits of a set of draws and their standard deviation. @internal */
export interface PercentileSummary {
  limits: [number, number];
  /** Sample standard deviation; undefined when a draw is infinite (or fewer than 2 draws). */
  sd: number | undefined;
}

/**
 * The 1-based rank j of the lower limit of a percentile interval from n draws at `level`:
 * j = max(1, floor((n + 1)(1 - level) / 2)); the upper limit is the draw of rank n + 1 - j.
 */
function lowerRank(n: number, level: number): number {
  return Math.max(1, Math.floor(((n + 1) * (1 - level)) / 2));
}

/**
 * One pass over `a` in draw order: sums of x - centre and of its square (into stats[0], stats[1]), the
 * number of draws below `jLo` (stats[2]) and at or above `kLo` (stats[3]), and the draws in [jLo, jHi] and
 * [kLo, kHi] copied to `inJ` and `inK` (their counts in stats[4], stats[5]). Most draws lie between the
 * brackets and cost two comparisons. Returns false if a bracket overflows its array. The loop is alone in
 * its function so that engines compile it once with complete type feedback.
 */
function gather(
  a: Float64Array,
  centre: number,
  jLo: number,
  jHi: number,
  kLo: number,
  kHi: number,
  inJ: Float64Array,
  inK: Float64Array,
  stats: Float64Array,
): boolean {
  const n = a.length;
  const capJ = inJ.length;
  const capK = inK.length;
  let s1 = 0;
  let s2 = 0;
  let belowJ = 0;
  let atOrAboveK = 0;
  let nJ = 0;
  let nK = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const d = x - centre;
    s1 += d;
    s2 += d * d;
    if (x > jHi && x < kLo) continue;
    if (x < jLo) belowJ++;
    else if (x <= jHi) {
      if (nJ === capJ) return false;
      inJ[nJ++] = x;
    }
    if (x >= kLo) {
      atOrAboveK++;
      if (x <= kHi) {
        if (nK === capK) return false;
        inK[nK++] = x;
      }
    }
  }
  stats[0] = s1;
  stats[1] = s2;
  stats[2] = belowJ;
  stats[3] = atOrAboveK;
  stats[4] = nJ;
  stats[5] = nK;
  return true;
}

/**
 * The bracketed pass: bracket the order statistics of 0-based ranks `j` and `k` (j <= k) of `a` from a
 * pilot sample, then, in one pass that also sums (x - centre) and its square in draw order, gather the
 * draws inside each bracket and select within them (the sampling idea of Floyd & Rivest 1975). Returns
 * false when a bracket misses its rank (the caller then falls back to quickselect). Writes the limits to
 * `limits` and the sums to stats[0] and stats[1]. Does not reorder `a`.
 */
function bracketedPass(a: Float64Array, j: number, k: number, centre: number, limits: [number, number], stats: Float64Array): boolean {
  const n = a.length;
  const pilot = new Float64Array(PILOT);
  const stride = n / PILOT;
  for (let i = 0; i < PILOT; i++) pilot[i] = a[Math.floor(i * stride)]!;
  pilot.sort();
  // Pilot ranks of the targets, widened by about 5 binomial standard deviations (plus 8) each way; the
  // values there bracket the targets. A bracket holds about n (hi - lo) / PILOT draws: room for twice that.
  const pj = (j + 0.5) / n;
  const pk = (k + 0.5) / n;
  const halfJ = 5 * Math.sqrt(PILOT * pj * (1 - pj)) + 8;
  const halfK = 5 * Math.sqrt(PILOT * pk * (1 - pk)) + 8;
  const loJ = Math.floor(pj * PILOT - halfJ);
  const hiJ = Math.ceil(pj * PILOT + halfJ);
  const loK = Math.floor(pk * PILOT - halfK);
  const hiK = Math.ceil(pk * PILOT + halfK);
  const capJ = Math.ceil((2 * n * (hiJ - loJ + 1)) / PILOT) + 64;
  const capK = Math.ceil((2 * n * (hiK - loK + 1)) / PILOT) + 64;
  if (capJ + capK > n / 2) return false;
  const inJ = new Float64Array(capJ);
  const inK = new Float64Array(capK);
  const jLo = loJ < 0 ? -Infinity : pilot[loJ]!;
  const jHi = hiJ >= PILOT ? Infinity : pilot[hiJ]!;
  const kLo = loK < 0 ? -Infinity : pilot[loK]!;
  const kHi = hiK >= PILOT ? Infinity : pilot[hiK]!;
  if (!gather(a, centre, jLo, jHi, kLo, kHi, inJ, inK, stats)) return false;
  const belowJ = stats[2]!;
  const belowK = n - stats[3]!;
  const nJ = stats[4]!;
  const nK = stats[5]!;
  if (j < belowJ || j >= belowJ + nJ || k < belowK || k >= belowK + nK) return false;
  quickselect(inJ, 0, nJ - 1, j - belowJ);
  quickselect(inK, 0, nK - 1, k - belowK);
  limits[0] = inJ[j - belowJ]!;
  limits[1] = inK[k - belowK]!;
  return true;
}

/**
 * Percentile interval of the draws in `a` (Efron & Tibshirani 1993, ch. 13) and their standard
 * deviation: the order statistics of ranks j and n + 1 - j, j = max(1, floor((n + 1)(1 - level) / 2))
 * (symmetric ranks make the limits exactly equivariant under monotone maps, increasing or decreasing),
 * and the sample standard deviation from sums of x - centre and its square in draw order (`centre`, the
 * point estimate, guards against cancellation; undefined when a draw is infinite).
 *
 * Large arrays: the two limits are bracketed from a pilot sample and selected among the few draws inside
 * the brackets, and the sums are formed, in one pass over `a` (Floyd & Rivest 1975); otherwise, or when a
 * bracket misses, quickselect (Hoare 1961) in O(n). Exact in every case, and the numbers are the same
 * whichever path is taken. MAY REORDER `a` in place (pass a copy to keep the draws' order).
 * @example
 * ```ts
 * import { percentileSummary } from './percentileSummary';
 * percentileSummary(Float64Array.from({ length: 99 }, (_, i) => i + 1), 50, 0.9); // { limits: [4, 96], sd: 28.72... }
 * ```
 * @internal
 */
export function percentileSummary(a: Float64Array, centre: number, level: number): PercentileSummary {
  const n = a.length;
  const j = lowerRank(n, level) - 1;
  const k = n - 1 - j;
  const limits: [number, number] = [0, 0];
  const stats = new Float64Array(6);
  if (n >= SMALL && bracketedPass(a, j, k, centre, limits, stats)) return { limits, sd: deviationFromSums(stats[0]!, stats[1]!, n) };
  const sd = standardDeviationOf(a, centre); // in draw order, before the selections reorder the draws
  quickselect(a, 0, n - 1, j);
  if (k > j) quickselect(a, j + 1, n - 1, k);
  return { limits: [a[j]!, a[k]!], sd };
}
