/**
 * Solve the n x n system a x = b by Gaussian elimination with partial pivoting (Golub & Van Loan 2013,
 * alg. 3.4.1), in place: `a` (row-major, n x n) is overwritten by its elimination and `b` by the solution.
 * Returns false, leaving `b` undefined, when a pivot is 0 or not finite (a singular system). Allocates
 * nothing; no validation. Not mathjs's `lusolve`: it is called once per Monte Carlo draw (100,000 times a
 * call) on a few categories, where an allocation-free loop is what keeps `reclassify` ahead of numpy.
 *
 * @example
 * ```ts
 * import { solveInPlace } from './solveInPlace';
 * const b = Float64Array.of(5, 10);
 * solveInPlace(Float64Array.of(2, 1, 1, 3), b, 2); // true; b is now [1, 3]
 * ```
 * @internal
 */
export function solveInPlace(a: Float64Array, b: Float64Array, n: number): boolean {
  for (let k = 0; k < n; k++) {
    // the largest pivot in column k, from row k down
    let p = k;
    let best = Math.abs(a[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > 0) || best === Infinity) return false;
    if (p !== k) {
      for (let j = k; j < n; j++) {
        const t = a[k * n + j]!;
        a[k * n + j] = a[p * n + j]!;
        a[p * n + j] = t;
      }
      const t = b[k]!;
      b[k] = b[p]!;
      b[p] = t;
    }
    const pivot = a[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const f = a[i * n + k]! / pivot;
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) a[i * n + j] = a[i * n + j]! - f * a[k * n + j]!;
      b[i] = b[i]! - f * b[k]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < n; j++) s -= a[i * n + j]! * b[j]!;
    b[i] = s / a[i * n + i]!;
  }
  return true;
}
