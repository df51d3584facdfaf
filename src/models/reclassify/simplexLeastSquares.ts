import { solveInPlace } from './solveInPlace';

/** Scratch space, grown to the largest k seen (the solver is synchronous, so one set serves every call). */
let scratchK = -1;
let gram = new Float64Array(0);
let cross = new Float64Array(0);
let kkt = new Float64Array(0);
let rhs = new Float64Array(0);
let index = new Int32Array(0);

/** Supports (bit masks over k categories) from the largest to the smallest, per k. */
const ORDERS: Int32Array[] = [];
function supportsBySize(k: number): Int32Array {
  let order = ORDERS[k];
  if (order === undefined) {
    const masks = Array.from({ length: (1 << k) - 1 }, (_, i) => i + 1);
    const size = (m: number) => {
      let c = 0;
      for (let x = m; x !== 0; x &= x - 1) c++;
      return c;
    };
    masks.sort((a, b) => size(b) - size(a) || a - b);
    order = Int32Array.from(masks);
    ORDERS[k] = order;
  }
  return order;
}

/**
 * The true counts t >= 0 with sum(t) = total that best reproduce the recorded counts r in least squares,
 * min ||Pᵀt - r||² (P row-major k x k, rows true categories, each summing to 1): the matrix method's
 * solution constrained to the scaled simplex, written into `out`. On a support S (the categories allowed
 * above 0) the equality-constrained problem is solved through its KKT system
 * [G_SS 1; 1ᵀ 0] [t_S; μ] = [c_S; total], G = P Pᵀ, c = P r (Lawson & Hanson 1974, ch. 20-23). A point with
 * t_S >= 0 whose multipliers outside S are >= 0 ((G t - c)_j + μ >= 0) satisfies the KKT conditions of the
 * convex problem, so it is the optimum and the search stops; otherwise every support is tried and the best
 * feasible point kept (a single category is always feasible), so the result is the exact optimum either way.
 * The support of the positive entries of `out` on entry (pass the unconstrained solution there) is tried
 * first, then the supports from the largest down: usually one or two small solves, at worst 2^k - 1, meant for
 * the few categories (k <= 8) of a reclassification. Allocates nothing after the first call with a given k.
 *
 * @example
 * ```ts
 * import { simplexLeastSquares } from './simplexLeastSquares';
 * // the unconstrained solution of this system is (-14.29, 114.29)
 * const out = Float64Array.of(-14.29, 114.29);
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
  let hint = 0;
  for (let i = 0; i < k; i++) if (out[i]! > 0) hint |= 1 << i;
  let scale = 1;
  for (let i = 0; i < k; i++) {
    let c = 0;
    for (let l = 0; l < k; l++) c += p[i * k + l]! * r[l]!;
    cross[i] = c;
    scale = Math.max(scale, Math.abs(c));
    for (let j = i; j < k; j++) {
      let g = 0;
      for (let l = 0; l < k; l++) g += p[i * k + l]! * p[j * k + l]!;
      gram[i * k + j] = g;
      gram[j * k + i] = g;
    }
  }
  const slack = -1e-12 * scale;
  const order = supportsBySize(k);
  let bestValue = Infinity;
  let found = false;
  for (let at = -1; at < order.length; at++) {
    const mask = at < 0 ? hint : order[at]!;
    if (mask === 0 || (at >= 0 && mask === hint)) continue;
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
    // objective up to the constant rᵀr: tᵀGt - 2cᵀt; and the multipliers outside S
    let value = 0;
    for (let a = 0; a < m; a++) {
      const ia = index[a]!;
      let g = 0;
      for (let b = 0; b < m; b++) g += gram[ia * k + index[b]!]! * rhs[b]!;
      value += rhs[a]! * (g - 2 * cross[ia]!);
    }
    const mu = rhs[m]!;
    let optimal = true;
    for (let j = 0; j < k && optimal; j++) {
      if (mask & (1 << j)) continue;
      let g = 0;
      for (let b = 0; b < m; b++) g += gram[j * k + index[b]!]! * rhs[b]!;
      if (!(g - cross[j]! + mu >= slack)) optimal = false;
    }
    if (value < bestValue || optimal) {
      bestValue = value;
      found = true;
      out.fill(0);
      for (let a = 0; a < m; a++) out[index[a]!] = rhs[a]!;
    }
    if (optimal) break;
  }
  if (!found) {
    // unreachable for rows summing to 1 (a single category is always feasible); keep the total somewhere
    out.fill(total / k);
  }
  return out;
}
