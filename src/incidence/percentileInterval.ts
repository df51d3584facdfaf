/**
 * Rearrange `a[left..right]` (inclusive) in place so that `a[k]` holds the value it would hold if that
 * range were sorted, everything before it is <= and everything after it >= (Hoare 1961's FIND,
 * "quickselect", with a median-of-three pivot; Sedgewick 1978). Equal values stop both scans, so many
 * ties (a quantity known exactly) cost O(n) as well. No allocation.
 */
function select(a: Float64Array, left: number, right: number, k: number): void {
  let l = left;
  let r = right;
  while (r > l) {
    if (r - l < 16) {
      for (let i = l + 1; i <= r; i++) {
        const x = a[i]!;
        let j = i - 1;
        while (j >= l && a[j]! > x) {
          a[j + 1] = a[j]!;
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    const mid = (l + r) >>> 1;
    // Median of three to a[l], with a[l] <= ... sentinels: order a[l], a[mid], a[r].
    if (a[mid]! < a[l]!) swap(a, mid, l);
    if (a[r]! < a[l]!) swap(a, r, l);
    if (a[r]! < a[mid]!) swap(a, r, mid);
    // Now a[l] <= a[mid] <= a[r]; use a[mid] as pivot, parked at l + 1.
    swap(a, mid, l + 1);
    const pivot = a[l + 1]!;
    let i = l + 1;
    let j = r;
    for (;;) {
      do i++;
      while (a[i]! < pivot);
      do j--;
      while (a[j]! > pivot);
      if (j < i) break;
      swap(a, i, j);
    }
    a[l + 1] = a[j]!;
    a[j] = pivot;
    if (j >= k) r = j - 1;
    if (j <= k) l = i;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * The 1-based rank j of the lower limit of a percentile interval from n draws at `level`:
 * j = max(1, floor((n + 1)(1 - level) / 2)); the upper limit is the draw of rank n + 1 - j.
 * Symmetric ranks make the interval equivariant under monotone transformations, increasing or
 * decreasing: the limits for 1 / x are exactly 1 / (the limits for x), swapped.
 */
function lowerRank(n: number, level: number): number {
  return Math.max(1, Math.floor(((n + 1) * (1 - level)) / 2));
}

/** Below this many draws the limits are found by quickselect alone. */
const SMALL = 32768;
/** Size of the pilot sample that brackets each limit. */
const PILOT = 4096;

/**
 * Bracket the order statistics of 0-based ranks `j` and `k` (j <= k) of `a` from a pilot sample, then
 * gather the draws inside each bracket in one pass and select within them (the sampling idea of
 * Floyd & Rivest 1975). Returns undefined when a bracket misses its rank (then the caller falls back to
 * quickselect); the result is exact either way. Does not reorder `a`.
 */
function bracketedLimits(a: Float64Array, j: number, k: number): [number, number] | undefined {
  const n = a.length;
  const pilot = new Float64Array(PILOT);
  const stride = n / PILOT;
  for (let i = 0; i < PILOT; i++) pilot[i] = a[Math.floor(i * stride)]!;
  pilot.sort();
  // Pilot ranks of the targets, widened by about 5 binomial standard deviations (plus 8) each way; the
  // values there bracket the targets. A bracket holds about n (hi - lo) / PILOT draws: room for twice that.
  const bracket = (rank: number): [number, number, number] => {
    const p = (rank + 0.5) / n;
    const centre = p * PILOT;
    const half = 5 * Math.sqrt(PILOT * p * (1 - p)) + 8;
    const lo = Math.floor(centre - half);
    const hi = Math.ceil(centre + half);
    const capacity = Math.ceil((2 * n * (hi - lo + 1)) / PILOT) + 64;
    return [lo < 0 ? -Infinity : pilot[lo]!, hi >= PILOT ? Infinity : pilot[hi]!, capacity];
  };
  const [jLo, jHi, capJ] = bracket(j);
  const [kLo, kHi, capK] = bracket(k);
  if (capJ + capK > n / 2) return undefined;
  const inJ = new Float64Array(capJ);
  const inK = new Float64Array(capK);
  let belowJ = 0;
  let belowK = 0;
  let nJ = 0;
  let nK = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    if (x < jLo) {
      belowJ++;
      belowK++;
    } else if (x < kLo) {
      belowK++;
      if (x <= jHi) {
        if (nJ === capJ) return undefined;
        inJ[nJ++] = x;
      }
    } else {
      if (x <= jHi) {
        if (nJ === capJ) return undefined;
        inJ[nJ++] = x;
      }
      if (x <= kHi) {
        if (nK === capK) return undefined;
        inK[nK++] = x;
      }
    }
  }
  if (j < belowJ || j >= belowJ + nJ || k < belowK || k >= belowK + nK) return undefined;
  const bj = inJ.subarray(0, nJ);
  const bk = inK.subarray(0, nK);
  select(bj, 0, nJ - 1, j - belowJ);
  select(bk, 0, nK - 1, k - belowK);
  return [bj[j - belowJ]!, bk[k - belowK]!];
}

/**
 * Percentile interval of the draws in `a` (Efron & Tibshirani 1993, ch. 13): the order statistics of
 * ranks j and n + 1 - j, j = max(1, floor((n + 1)(1 - level) / 2)); symmetric ranks make the limits exactly
 * equivariant under monotone maps, increasing or decreasing (the limits of 1 / x are 1 / (those of x), swapped). Large arrays: the two limits are bracketed from a
 * pilot sample and selected among the few draws inside the brackets, in one pass (Floyd & Rivest 1975);
 * otherwise, or when a bracket misses, quickselect (Hoare 1961) in O(n). Exact in every case.
 * MAY REORDER `a` in place (pass a copy to keep the draws' order).
 * @internal
 */
export function percentileInterval(a: Float64Array, level: number): [number, number] {
  const n = a.length;
  const j = lowerRank(n, level) - 1;
  const k = n - 1 - j;
  if (n >= SMALL) {
    const limits = bracketedLimits(a, j, k);
    if (limits !== undefined) return limits;
  }
  select(a, 0, n - 1, j);
  if (k > j) select(a, j + 1, n - 1, k);
  return [a[j]!, a[k]!];
}
