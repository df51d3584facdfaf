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
 *
 * @example
 * ```ts
 * // four areas, an intercept only, D = 1 and A = 1
 * glsAt(Float64Array.of(1, 1, 1, 1), Float64Array.of(1, 3, 2, 6), Float64Array.of(1, 1, 1, 1), 1, 1).beta; // Float64Array [3]
 * ```
 * @internal
 */
export function glsAt(x: Float64Array, y: Float64Array, d: Float64Array, p: number, a: number): GlsAt | null {
  const m = y.length;
  const v = new Float64Array(m);
  const xty = new Float64Array(p);
  for (let i = 0; i < m; i++) {
    const w = 1 / (a + d[i]!);
    v[i] = w;
    for (let j = 0; j < p; j++) xty[j] = xty[j]! + w * x[i * p + j]! * y[i]!;
  }
  const q = invertSmall(weightedGram(x, p, v), p);
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

/**
 * X' diag(w) X for the m × p row-major X, p × p row-major (symmetric).
 *
 * @example
 * ```ts
 * weightedGram(Float64Array.of(1, 2, 1, 3), 2, Float64Array.of(1, 2)); // Float64Array [3, 8, 8, 22]
 * ```
 * @internal
 */
export function weightedGram(x: Float64Array, p: number, w: Float64Array): Float64Array {
  const g = new Float64Array(p * p);
  for (let i = 0; i < w.length; i++) {
    const row = i * p;
    for (let j = 0; j < p; j++) {
      const wx = w[i]! * x[row + j]!;
      for (let k = 0; k <= j; k++) g[j * p + k] = g[j * p + k]! + wx * x[row + k]!;
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) g[k * p + j] = g[j * p + k]!;
  return g;
}

/**
 * The quadratic form x_r' Q x_r of row r of the row-major X (starting at index `row`), Q p × p.
 *
 * @example
 * ```ts
 * quadraticForm(Float64Array.of(1, 2), 0, 2, Float64Array.of(2, 0, 0, 1)); // 6
 * ```
 * @internal
 */
export function quadraticForm(x: Float64Array, row: number, p: number, q: Float64Array): number {
  let h = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += q[j * p + k]! * x[row + k]!;
    h += x[row + j]! * s;
  }
  return h;
}

/**
 * tr(Q X' diag(w) X) for weights w, as Σ_i w_i x_i'Qx_i.
 *
 * @example
 * ```ts
 * traceQ(Float64Array.of(1, 1), 1, Float64Array.of(0.5), Float64Array.of(1, 1)); // 1: Q = (X'X)⁻¹, tr(I₁)
 * ```
 * @internal
 */
export function traceQ(x: Float64Array, p: number, q: Float64Array, w: Float64Array): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i]! * quadraticForm(x, i * p, p, q);
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
  const v2 = new Float64Array(m);
  const v3 = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const vi = v[i]!;
    v2[i] = vi * vi;
    v3[i] = vi * vi * vi;
  }
  const g2 = weightedGram(x, p, v2);
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
 *
 * @example
 * ```ts
 * const ones = Float64Array.of(1, 1, 1, 1);
 * fayHerriotFit(ones, Float64Array.of(1, 3, 2, 6), ones, 1, 'reml', 100, 1e-4)!.a; // 3.6667 = Σr²/(m - p) - D
 * ```
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
