/**
 * The inverse of a small dense p × p matrix (row-major) by Gauss-Jordan elimination with partial
 * pivoting, or null when a pivot vanishes (relative to the column's largest entry). Works for the
 * indefinite matrices a Fisher-scoring iterate with a negative variance can produce, as R's `solve` does.
 * Not mathjs's `inv`: p is a handful of coefficients, inverted a few times per fit, where building mathjs
 * matrices costs more than the arithmetic and would add 50-65 KB gzip to darkfigure/models.
 *
 * @example
 * ```ts
 * import { invertSmall } from './invertSmall';
 * invertSmall(Float64Array.from([4, 2, 2, 2]), 2); // Float64Array [0.5, -0.5, -0.5, 1]
 * ```
 * @internal
 */
export function invertSmall(matrix: Float64Array, p: number): Float64Array | null {
  const a = Float64Array.from(matrix);
  const inv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) inv[i * p + i] = 1;
  let scale = 0;
  for (let i = 0; i < p * p; i++) scale = Math.max(scale, Math.abs(a[i]!));
  for (let c = 0; c < p; c++) {
    let pivotRow = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r * p + c]!) > Math.abs(a[pivotRow * p + c]!)) pivotRow = r;
    const pivot = a[pivotRow * p + c]!;
    if (!(Math.abs(pivot) > 1e-14 * scale)) return null;
    if (pivotRow !== c) {
      for (let k = 0; k < p; k++) {
        let t = a[c * p + k]!;
        a[c * p + k] = a[pivotRow * p + k]!;
        a[pivotRow * p + k] = t;
        t = inv[c * p + k]!;
        inv[c * p + k] = inv[pivotRow * p + k]!;
        inv[pivotRow * p + k] = t;
      }
    }
    for (let k = 0; k < p; k++) {
      a[c * p + k] = a[c * p + k]! / pivot;
      inv[c * p + k] = inv[c * p + k]! / pivot;
    }
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = a[r * p + c]!;
      if (f === 0) continue;
      for (let k = 0; k < p; k++) {
        a[r * p + k] = a[r * p + k]! - f * a[c * p + k]!;
        inv[r * p + k] = inv[r * p + k]! - f * inv[c * p + k]!;
      }
    }
  }
  // symmetrise (the input is symmetric; rounding is not)
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      const m = 0.5 * (inv[i * p + j]! + inv[j * p + i]!);
      inv[i * p + j] = m;
      inv[j * p + i] = m;
    }
  }
  return inv;
}
