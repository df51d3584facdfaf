/**
 * In-place Cholesky factorisation S = L Lᵀ of a symmetric positive semi-definite q × q matrix (row-major,
 * lower triangle read and overwritten), in column order, skipping columns that are (numerically)
 * linear combinations of earlier ones: a column whose pivot falls below `tolerance` times `scale[j]`
 * (its squared norm before any elimination) is marked aliased and its row and column of L are zeroed,
 * as R's `dqrdc2` moves such a column out of the fit (R keeps the earlier column of an aliased pair;
 * so does this). Returns the aliased flags.
 *
 * Why not mathjs: its dense `lusolve` takes about 320 ms and `inv` 1.9 s on a 335 × 335 system here, and
 * none of its factorisations reports rank in column order; this loop takes q³/6 multiply-adds (a few
 * ms at q = 335) and needs no pivoting for a positive semi-definite matrix.
 *
 * @example
 * ```ts
 * import { cholesky } from './cholesky';
 * const s = Float64Array.from([4, 0, 2, 1]); // [[4, 2], [2, 1]]: the second column is half the first
 * cholesky(s, 2, Float64Array.from([4, 1]), 1e-11); // [false, true]
 * ```
 * @internal
 */
export function cholesky(s: Float64Array, q: number, scale: Float64Array, tolerance: number): boolean[] {
  const aliased = new Array<boolean>(q).fill(false);
  for (let j = 0; j < q; j++) {
    const rj = j * q;
    let d = s[rj + j]!;
    for (let k = 0; k < j; k++) d -= s[rj + k]! * s[rj + k]!;
    if (!(d > tolerance * scale[j]!)) {
      aliased[j] = true;
      for (let k = 0; k <= j; k++) s[rj + k] = 0;
      for (let i = j + 1; i < q; i++) s[i * q + j] = 0;
      continue;
    }
    const root = Math.sqrt(d);
    s[rj + j] = root;
    for (let i = j + 1; i < q; i++) {
      const ri = i * q;
      let x = s[ri + j]!;
      for (let k = 0; k < j; k++) x -= s[ri + k]! * s[rj + k]!;
      s[ri + j] = x / root;
    }
  }
  return aliased;
}
