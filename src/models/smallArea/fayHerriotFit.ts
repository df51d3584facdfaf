import { invertSmall } from './invertSmall';

/** How the model variance A is estimated. */
export type FayHerriotMethod = 'reml' | 'ml' | 'fh';

/** The generalised least squares fit at a given A. @internal */
export interface GlsAt {
  /** 1 / (A + D_d). */
  v: Float64Array;
  /** (X'V⁻¹X)⁻¹, p × p row-major. */
  q: Float64Array;
  beta: Float64Array;
  /** y - Xβ. */
  residual: Float64Array;
}

/**
 * The GLS fit of y on X with weights v = 1/(A + D): β = (X'V⁻¹X)⁻¹X'V⁻¹y. Null when X'V⁻¹X is singular.
 * @internal
 */
export function glsAt(x: Float64Array, y: Float64Array, d: Float64Array, p: number, a: number): GlsAt | null {
  const m = y.length;
  const v = new Float64Array(m);
  const g = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let i = 0; i < m; i++) {
    const w = 1 / (a + d[i]!);
    v[i] = w;
    const row = i * p;
    for (let j = 0; j < p; j++) {
      const wx = w * x[row + j]!;
      xty[j] = xty[j]! + wx * y[i]!;
      for (let k = 0; k <= j; k++) g[j * p + k] = g[j * p + k]! + wx * x[row + k]!;
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) g[k * p + j] = g[j * p + k]!;
  const q = invertSmall(g, p);
  if (q === null) return null;
  const beta = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += q[j * p + k]! * xty[k]!;
    beta[j] = s;
  }
  const residual = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += x[i * p + j]! * beta[j]!;
    residual[i] = y[i]! - s;
  }
  return { v, q, beta, residual };
}

/** tr(Q X' diag(w) X) for weights w. @internal */
export function traceQ(x: Float64Array, p: number, q: Float64Array, w: Float64Array): number {
  // Σ_i w_i x_i' Q x_i
  let total = 0;
  const m = w.length;
  const qx = new Float64Array(p);
  for (let i = 0; i < m; i++) {
    const row = i * p;
    let h = 0;
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += q[j * p + k]! * x[row + k]!;
      qx[j] = s;
      h += x[row + j]! * s;
    }
    total += w[i]! * h;
  }
  return total;
}

/** The score s and Fisher information F of A (REML, ML) or the FH moment equation and its expected slope, at a GLS fit. */
function scoreAt(method: FayHerriotMethod, fit: GlsAt, x: Float64Array, p: number): { s: number; f: number } {
  const { v, q, residual } = fit;
  const m = v.length;
  let sumV = 0;
  let sumV2 = 0;
  let vr2 = 0; // Σ (v r)²
  let rv = 0; // Σ r² v
  for (let i = 0; i < m; i++) {
    const vi = v[i]!;
    const ri = residual[i]!;
    sumV += vi;
    sumV2 += vi * vi;
    vr2 += vi * vi * ri * ri;
    rv += ri * ri * vi;
  }
  if (method === 'fh') return { s: rv - (m - p), f: sumV };
  if (method === 'ml') return { s: -0.5 * sumV + 0.5 * vr2, f: 0.5 * sumV2 };
  // REML: P = V⁻¹ - V⁻¹X Q X'V⁻¹; tr P = Σv - tr(Q G₂), tr(PP) = Σv² - 2 tr(Q G₃) + tr((Q G₂)²), G_k = X'V⁻ᵏX
  const g2 = new Float64Array(p * p);
  const v2 = new Float64Array(m);
  const v3 = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const vi = v[i]!;
    v2[i] = vi * vi;
    v3[i] = vi * vi * vi;
    const row = i * p;
    for (let j = 0; j < p; j++) {
      const wx = v2[i]! * x[row + j]!;
      for (let k = 0; k <= j; k++) g2[j * p + k] = g2[j * p + k]! + wx * x[row + k]!;
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) g2[k * p + j] = g2[j * p + k]!;
  const qg2 = new Float64Array(p * p);
  let trQG2 = 0;
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < p; k++) {
      let s = 0;
      for (let l = 0; l < p; l++) s += q[j * p + l]! * g2[l * p + k]!;
      qg2[j * p + k] = s;
    }
    trQG2 += qg2[j * p + j]!;
  }
  let trQG2sq = 0;
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) trQG2sq += qg2[j * p + k]! * qg2[k * p + j]!;
  const trQG3 = traceQ(x, p, q, v3);
  const trP = sumV - trQG2;
  const trPP = sumV2 - 2 * trQG3 + trQG2sq;
  return { s: -0.5 * trP + 0.5 * vr2, f: 0.5 * trPP };
}

/** The result of {@link fayHerriotFit}. @internal */
export interface FayHerriotFitResult {
  /** The estimate of A, truncated at 0. */
  a: number;
  /** The last iterate before truncation. */
  untruncated: number;
  iterations: number;
  converged: boolean;
  /** True when sae's iteration did not settle and the estimate is 0 because the score at 0 is <= 0. */
  boundary: boolean;
  fit: GlsAt;
}

/**
 * Estimate the Fay-Herriot model variance A by Fisher scoring exactly as `sae::eblupFH` (Molina and
 * Marhuenda 2015): start at the median of the sampling variances, A ← A + s(A)/F(A) with the REML or ML
 * score and Fisher information, or for `'fh'` the Fay-Herriot moment equation Σ r²/(A + D) = m - p with
 * slope Σ 1/(A + D); stop when |ΔA / A| <= tolerance or after maxIterations; truncate at 0. The traces of
 * REML are computed from p × p matrices (O(m p²) an iteration, not sae's m × m). When the iteration does
 * not settle (its iterates go negative and oscillate, where sae reports non-convergence) and the score at
 * A = 0 is <= 0, the estimate is the boundary 0 (the likelihood, or the moment equation, falls from 0).
 * Returns null when X'V⁻¹X is singular at the start.
 * @internal
 */
export function fayHerriotFit(
  x: Float64Array,
  y: Float64Array,
  d: Float64Array,
  p: number,
  method: FayHerriotMethod,
  maxIterations: number,
  tolerance: number,
): FayHerriotFitResult | null {
  const sorted = Array.from(d).sort((u, w) => u - w);
  const n = sorted.length;
  let a = n % 2 === 1 ? sorted[(n - 1) / 2]! : 0.5 * (sorted[n / 2 - 1]! + sorted[n / 2]!);
  let k = 0;
  let diff = tolerance + 1;
  let finite = true;
  while (diff > tolerance && k < maxIterations) {
    k++;
    const fit = glsAt(x, y, d, p, a);
    if (fit === null) {
      if (k === 1) return null;
      finite = false;
      break;
    }
    const { s, f } = scoreAt(method, fit, x, p);
    const next = a + s / f;
    if (!Number.isFinite(next)) {
      finite = false;
      break;
    }
    diff = Math.abs((next - a) / a);
    a = next;
  }
  let converged = finite && !(k >= maxIterations && diff >= tolerance);
  let boundary = false;
  const untruncated = a;
  if (!converged) {
    const atZero = glsAt(x, y, d, p, 0);
    if (atZero !== null && scoreAt(method, atZero, x, p).s <= 0) {
      a = 0;
      converged = true;
      boundary = true;
    }
  }
  const estimate = Number.isFinite(a) ? Math.max(a, 0) : 0;
  const fit = glsAt(x, y, d, p, estimate);
  if (fit === null) return null;
  return { a: estimate, untruncated, iterations: k, converged, boundary, fit };
}
