import type { BlockSystem } from './blockSystem';
import { cholesky } from './cholesky';
import { choleskySolve } from './choleskySolve';

/**
 * Form and solve the weighted normal equations XᵀWX b = XᵀWz of a {@link BlockSystem}: accumulate the
 * blocks row by row from the sparse design, eliminate the diagonal block, factorise the Schur complement
 * (in place: {@link cholesky}) and back-substitute. Returns the C columns found aliased at `tolerance`
 * (relative to each column's squared weighted norm): a positive tolerance detects aliasing; 0 only
 * guards against exactly singular steps. The solution is left in `system.solution`; the factor stays in
 * `system.schur` for the covariance.
 *
 * @example
 * ```ts
 * import { blockSystem } from './blockSystem';
 * import { weightedSolve } from './weightedSolve';
 * import { designMatrix } from '../design/designMatrix';
 * const spec = { terms: ['g'], levels: { g: ['a', 'b'] }, coding: { g: { g: 'contrast' as const } }, exposure: null };
 * const system = blockSystem(designMatrix([{ g: 'a' }, { g: 'b' }], spec), [true, true], [false, true]);
 * weightedSolve(system, Float64Array.from([1, 1]), Float64Array.from([2, 5]), 0);
 * system.solution; // Float64Array [2, 3]
 * ```
 * @internal
 */
export function weightedSolve(system: BlockSystem, w: Float64Array, z: Float64Array, tolerance: number): boolean[] {
  const { design, place, dDiag, coupling: B, schur: S, rhsD, rhsC, scaleC } = system;
  const { rowStart, col, val } = design;
  const nd = dDiag.length;
  const q = rhsC.length;
  dDiag.fill(0);
  B.fill(0);
  S.fill(0);
  rhsD.fill(0);
  rhsC.fill(0);
  for (let i = 0; i < design.rows; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    const wz = wi * z[i]!;
    let dIndex = -1;
    let dValue = 0;
    const end = rowStart[i + 1]!;
    for (let e = rowStart[i]!; e < end; e++) {
      const p = place[col[e]!]!;
      if (p <= -2) {
        dIndex = -2 - p;
        dValue = val[e]!;
      }
    }
    if (dIndex >= 0) {
      const wv = wi * dValue;
      dDiag[dIndex] = dDiag[dIndex]! + wv * dValue;
      rhsD[dIndex] = rhsD[dIndex]! + wv * z[i]!;
    }
    for (let e = rowStart[i]!; e < end; e++) {
      const a = place[col[e]!]!;
      if (a < 0) continue;
      const va = val[e]!;
      rhsC[a] = rhsC[a]! + wz * va;
      const wva = wi * va;
      if (dIndex >= 0) B[dIndex * q + a] = B[dIndex * q + a]! + wva * dValue;
      const ra = a * q;
      for (let f = rowStart[i]!; f < end; f++) {
        const b = place[col[f]!]!;
        if (b >= 0 && b <= a) S[ra + b] = S[ra + b]! + wva * val[f]!;
      }
    }
  }
  for (let a = 0; a < q; a++) scaleC[a] = S[a * q + a]!;
  // eliminate the diagonal block: S -= Bᵀ D⁻¹ B, rhsC -= Bᵀ D⁻¹ rhsD
  for (let d = 0; d < nd; d++) {
    const dd = dDiag[d]!;
    if (!(dd > 0)) continue;
    const rd = d * q;
    for (let a = 0; a < q; a++) {
      const g = B[rd + a]! / dd;
      if (g === 0) continue;
      rhsC[a] = rhsC[a]! - g * rhsD[d]!;
      const ra = a * q;
      for (let b = 0; b <= a; b++) S[ra + b] = S[ra + b]! - g * B[rd + b]!;
    }
  }
  const aliased = cholesky(S, q, scaleC, tolerance);
  const xC = choleskySolve(S, q, Float64Array.from(rhsC));
  const x = system.solution;
  x.fill(0);
  for (let a = 0; a < q; a++) x[system.cColumns[a]!] = xC[a]!;
  for (let d = 0; d < nd; d++) {
    const dd = dDiag[d]!;
    if (!(dd > 0)) continue;
    let r = rhsD[d]!;
    const rd = d * q;
    for (let a = 0; a < q; a++) r -= B[rd + a]! * xC[a]!;
    x[system.dColumns[d]!] = r / dd;
  }
  return aliased;
}
