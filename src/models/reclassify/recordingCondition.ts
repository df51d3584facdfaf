import { sixDigits } from '../../core/sixDigits';
import { solveInPlace } from './solveInPlace';

/** Below this reciprocal condition number the recording matrix is refused as (nearly) singular. @internal */
export const LEAST_RCOND = 1e-10;

/**
 * How well the recording matrix P (row-major k x k; rows true categories, columns recorded categories)
 * determines the true counts: the reciprocal condition number of Pᵀ in the 1-norm, 1 / (‖Pᵀ‖₁ ‖P⁻ᵀ‖₁)
 * (Golub & Van Loan 2013, 2.6; computed from the explicit inverse, cheap for a few categories), and, when
 * it is below {@link LEAST_RCOND} (or P is exactly singular), why, in words: a recorded category no true
 * category is recorded as (a column of zeros, e.g. audits that never recorded a stalking case as
 * stalking, nor any other), two true categories recorded alike (equal rows), or rows that are (nearly) a
 * mixture of one another.
 *
 * @example
 * ```ts
 * import { recordingCondition } from './recordingCondition';
 * recordingCondition(Float64Array.of(0.6, 0.4, 0.6, 0.4), 2, ['stalking', 'harassment']).reason;
 * // "true categories 'stalking' and 'harassment' are recorded alike ..."
 * ```
 * @internal
 */
export function recordingCondition(p: Float64Array, k: number, names: readonly string[]): { rcond: number; reason?: string } {
  // 1-norm of Pᵀ: the largest row sum of |P| (1 for probabilities)
  let norm = 0;
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.abs(p[i * k + j]!);
    norm = Math.max(norm, s);
  }
  // columns of (Pᵀ)⁻¹ one by one; its 1-norm is the largest column sum
  let inverseNorm = 0;
  let singular = false;
  const a = new Float64Array(k * k);
  const e = new Float64Array(k);
  for (let c = 0; c < k && !singular; c++) {
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) a[i * k + j] = p[j * k + i]!;
    e.fill(0);
    e[c] = 1;
    if (!solveInPlace(a, e, k)) singular = true;
    else {
      let s = 0;
      for (let i = 0; i < k; i++) s += Math.abs(e[i]!);
      if (!(s < Infinity)) singular = true;
      inverseNorm = Math.max(inverseNorm, s);
    }
  }
  const rcond = singular ? 0 : 1 / (norm * inverseNorm);
  if (rcond >= LEAST_RCOND) return { rcond };
  const q = (name: string) => `'${name}'`;
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < k; i++) s += p[i * k + j]!;
    if (s === 0) {
      return {
        rcond,
        reason: `no true category is ever recorded as ${q(names[j]!)} (its column is 0 in every row: the audits recorded no case as ${q(names[j]!)}, not even a true ${q(names[j]!)} case), so the recorded counts cannot determine the true ones`,
      };
    }
  }
  let closest = Infinity;
  let pair: [number, number] = [0, 1];
  for (let i = 0; i < k; i++) {
    for (let m = i + 1; m < k; m++) {
      let d = 0;
      for (let j = 0; j < k; j++) d = Math.max(d, Math.abs(p[i * k + j]! - p[m * k + j]!));
      if (d < closest) {
        closest = d;
        pair = [i, m];
      }
    }
  }
  if (closest <= 1e-9) {
    return {
      rcond,
      reason: `true categories ${q(names[pair[0]]!)} and ${q(names[pair[1]]!)} are recorded alike (the same shares in every recorded category), so the recorded counts cannot tell them apart`,
    };
  }
  return {
    rcond,
    reason: `the rows are ${singular ? '' : 'nearly '}linearly dependent: one true category's recording pattern is ${singular ? '' : 'close to '}a mixture of the others' (reciprocal condition number ${sixDigits(rcond)}, below ${LEAST_RCOND}); the closest pair is ${q(names[pair[0]]!)} and ${q(names[pair[1]]!)}`,
  };
}
