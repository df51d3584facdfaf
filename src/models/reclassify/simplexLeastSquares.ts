import { solveInPlace } from './solveInPlace';

/** Scratch space, grown to the largest k seen (the solver is synchronous, so one set serves every call). */
let scratchK = -1;
let gram = new Float64Array(0);
let cross = new Float64Array(0);
let kkt = new Float64Array(0);
let rhs = new Float64Array(0);
let index = new Int32Array(0);

/**
 * The true counts t >= 0 with sum(t) = total that best reproduce the recorded counts r in least squares,
 * min ||Pᵀt - r||² (P row-major k x k, rows true categories, each summing to 1): the matrix method's
 * solution constrained to the scaled simplex, written into `out`. Every support S (set of categories
 * allowed above 0) is tried: on S the equality-constrained least-squares problem is solved through its
 * KKT system [G_SS 1; 1ᵀ 0] [t_S; μ] = [c_S; total], G = P Pᵀ, c = P r (Lawson & Hanson 1974, ch. 20-23,
 * for the method of supports), and the best feasible point kept. The problem is convex and every single
 * category is feasible, so this is the exact optimum; 2^k - 1 small solves, meant for the few categories
 * (k <= 12) of a reclassification. Allocates nothing after the first call with a given k.
 *
 * @example
 * ```ts
 * import { simplexLeastSquares } from './simplexLeastSquares';
 * const out = new Float64Array(2);
 * // the unconstrained solution of this system is (-14.29, 114.29)
 * simplexLeastSquares(Float64Array.of(0.9, 0.1, 0.2, 0.8), Float64Array.of(10, 90), 100, 2, out); // out = [0, 100]
 * ```
 * @internal
 */
export function simplexLeastSquares(p: Float64Array, r: Float64Array, total: number, k: number, out: Float64Array): Float64Array {
  if (k > scratchK) {
    scratchK = k;
    gram = new Float64Array(k * k);
    cross = new Float64Array(k);
    kkt = new Float64Array((k + 1) * (k + 1));
    rhs = new Float64Array(k + 1);
    index = new Int32Array(k);
  }
  for (let i = 0; i < k; i++) {
    let c = 0;
    for (let l = 0; l < k; l++) c += p[i * k + l]! * r[l]!;
    cross[i] = c;
    for (let j = i; j < k; j++) {
      let g = 0;
      for (let l = 0; l < k; l++) g += p[i * k + l]! * p[j * k + l]!;
      gram[i * k + j] = g;
      gram[j * k + i] = g;
    }
  }
  let bestValue = Infinity;
  let bestMask = 0;
  out.fill(0);
  const full = (1 << k) - 1;
  for (let mask = 1; mask <= full; mask++) {
    let m = 0;
    for (let i = 0; i < k; i++) if (mask & (1 << i)) index[m++] = i;
    const w = m + 1;
    for (let a = 0; a < m; a++) {
      const ia = index[a]!;
      for (let b = 0; b < m; b++) kkt[a * w + b] = gram[ia * k + index[b]!]!;
      kkt[a * w + m] = 1;
      kkt[m * w + a] = 1;
      rhs[a] = cross[ia]!;
    }
    kkt[m * w + m] = 0;
    rhs[m] = total;
    if (!solveInPlace(kkt, rhs, w)) continue;
    let feasible = true;
    for (let a = 0; a < m; a++) if (!(rhs[a]! >= 0)) feasible = false;
    if (!feasible) continue;
    // objective up to the constant rᵀr: tᵀGt - 2cᵀt
    let value = 0;
    for (let a = 0; a < m; a++) {
      const ia = index[a]!;
      let g = 0;
      for (let b = 0; b < m; b++) g += gram[ia * k + index[b]!]! * rhs[b]!;
      value += rhs[a]! * (g - 2 * cross[ia]!);
    }
    if (value < bestValue) {
      bestValue = value;
      bestMask = mask;
      out.fill(0);
      for (let a = 0; a < m; a++) out[index[a]!] = rhs[a]!;
    }
  }
  if (bestMask === 0) {
    // unreachable for rows summing to 1 (a single category is always feasible); keep the total somewhere
    out.fill(total / k);
  }
  return out;
}
