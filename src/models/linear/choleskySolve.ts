/**
 * Solve L Lᵀ x = b in place in `b`, given the factor of {@link cholesky} (row-major lower triangle);
 * aliased columns (zero pivots) get x = 0.
 *
 * @example
 * ```ts
 * import { choleskySolve } from './choleskySolve';
 * const l = Float64Array.from([2, 0, 1, 1]); // L of [[4, 2], [2, 2]]
 * choleskySolve(l, 2, Float64Array.from([6, 4])); // Float64Array [1, 1]
 * ```
 * @internal
 */
export function choleskySolve(l: Float64Array, q: number, b: Float64Array): Float64Array {
  for (let i = 0; i < q; i++) {
    const ri = i * q;
    const pivot = l[ri + i]!;
    if (pivot === 0) {
      b[i] = 0;
      continue;
    }
    let x = b[i]!;
    for (let k = 0; k < i; k++) x -= l[ri + k]! * b[k]!;
    b[i] = x / pivot;
  }
  for (let i = q - 1; i >= 0; i--) {
    const pivot = l[i * q + i]!;
    if (pivot === 0) {
      b[i] = 0;
      continue;
    }
    let x = b[i]!;
    for (let k = i + 1; k < q; k++) x -= l[k * q + i]! * b[k]!;
    b[i] = x / pivot;
  }
  return b;
}
