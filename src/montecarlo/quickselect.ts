/**
 * Rearrange `a[left..right]` (inclusive) in place so that `a[k]` holds the value it would hold if that
 * range were sorted, everything before it is <= and everything after it >= (Hoare 1961's FIND,
 * "quickselect", with a median-of-three pivot; Sedgewick 1978). Equal values stop both scans, so many
 * ties (a quantity known exactly) cost O(n) as well. No allocation.
 *
 * Not simple-statistics' `quickselect`: its package resolves the `browser` condition to a prebuilt
 * minified bundle of the whole library (and declares no `sideEffects`), so a browser bundle of
 * `hiddenIncidence` would carry all of it, against the 25 KB budget (DESIGN.md section 4); and it reads
 * `right || arr.length - 1`, so a range ending at index 0 would select over the whole buffer. Its
 * Floyd-Rivest sampling step is faster at the extreme ranks percentile limits need (about 0.35 against
 * 1.5 ms for the 2.5% and 97.5% ranks of 100,000 Gamma draws, measured once on this code), so porting that
 * step here is the way to take the speed.
 * @example
 * ```ts
 * import { quickselect } from './quickselect';
 * const a = Float64Array.of(5, 1, 4, 2, 3);
 * quickselect(a, 0, 4, 2);
 * a[2]; // 3, the median
 * ```
 * @internal
 */
export function quickselect(a: Float64Array, left: number, right: number, k: number): void {
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
