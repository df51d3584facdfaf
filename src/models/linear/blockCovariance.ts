import type { BlockSystem } from './blockSystem';
import { choleskySolve } from './choleskySolve';

/**
 * (XᵀWX)⁻¹ over the fitted columns, from the factor left by the last {@link weightedSolve}, by blocks:
 * with G = D⁻¹B and Σ = (Schur complement)⁻¹, the C block is Σ, the D-C block -GΣ and the D block
 * D⁻¹ + GΣGᵀ. Returned as a dense row-major matrix over `columns` (design column indices, in order).
 *
 * @example
 * ```ts
 * import { blockSystem } from './blockSystem';
 * import { weightedSolve } from './weightedSolve';
 * import { blockCovariance } from './blockCovariance';
 * import { designMatrix } from '../design/designMatrix';
 * const spec = { terms: ['g'], levels: { g: ['a', 'b'] }, coding: { g: { g: 'contrast' as const } }, exposure: null };
 * const system = blockSystem(designMatrix([{ g: 'a' }, { g: 'b' }], spec), [true, true], [false, true]);
 * weightedSolve(system, Float64Array.from([1, 1]), Float64Array.from([2, 5]), 0);
 * blockCovariance(system, [0, 1]); // Float64Array [1, -1, -1, 2]
 * ```
 * @internal
 */
export function blockCovariance(system: BlockSystem, columns: readonly number[]): Float64Array {
  const { dDiag, coupling: B, schur: L, place } = system;
  const q = system.cColumns.length;
  // Σ, column by column
  const sigma = new Float64Array(q * q);
  const e = new Float64Array(q);
  for (let j = 0; j < q; j++) {
    e.fill(0);
    e[j] = 1;
    choleskySolve(L, q, e);
    for (let i = 0; i < q; i++) sigma[i * q + j] = e[i]!;
  }
  // -GΣ for the D columns used
  const p = columns.length;
  const minusGSigma = new Map<number, Float64Array>();
  for (const column of columns) {
    const at = place[column]!;
    if (at > -2) continue;
    const d = -2 - at;
    const row = new Float64Array(q);
    const dd = dDiag[d]!;
    for (let a = 0; a < q; a++) {
      const g = B[d * q + a]! / dd;
      if (g === 0) continue;
      for (let b = 0; b < q; b++) row[b] = row[b]! - g * sigma[a * q + b]!;
    }
    minusGSigma.set(d, row);
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    const pi = place[columns[i]!]!;
    for (let j = 0; j <= i; j++) {
      const pj = place[columns[j]!]!;
      let v: number;
      if (pi >= 0 && pj >= 0) v = sigma[pi * q + pj]!;
      else if (pi <= -2 && pj >= 0) v = minusGSigma.get(-2 - pi)![pj]!;
      else if (pi >= 0 && pj <= -2) v = minusGSigma.get(-2 - pj)![pi]!;
      else {
        const di = -2 - pi;
        const dj = -2 - pj;
        const row = minusGSigma.get(di)!;
        v = di === dj ? 1 / dDiag[di]! : 0;
        const ddj = dDiag[dj]!;
        // (GΣGᵀ)[di][dj] = -(-GΣ)[di] · G[dj]
        for (let b = 0; b < q; b++) v -= (row[b]! * B[dj * q + b]!) / ddj;
      }
      out[i * p + j] = v;
      out[j * p + i] = v;
    }
  }
  return out;
}
