/**
 * Whether the maximum likelihood estimate of a Poisson log-linear model exists (Haberman 1974; Fienberg and
 * Rinaldo 2012): exactly when some strictly positive table x has the same sufficient statistics as the
 * observed counts y (Aᵀx = Aᵀy, A the design with an intercept column first). Decided by the linear program
 * SparseMSE's `checkident` solves: maximise s subject to Aᵀ(s·1 + w) = Aᵀy, w >= 0, s >= 0; the estimate
 * exists when the optimum s is positive. Solved by a two-phase dense simplex with Bland's rule (no cycling);
 * the tables here have at most a few hundred cells and a few dozen columns. Rows with a negative right-hand
 * side are negated, so the artificial basis starts feasible.
 *
 * @example
 * ```ts
 * import { estimateExists } from './estimateExists';
 * // two lists and an interaction: the all-ones cell's count pins its coefficient, fine when positive
 * estimateExists([{ count: 3, covariates: [1, 0] }, { count: 0, covariates: [0, 1] }]); // false: list 2's only cell is empty
 * ```
 * @internal
 */
export function estimateExists(cells: readonly { count: number; covariates: readonly number[] }[]): boolean {
  const C = cells.length;
  const p = (cells[0]?.covariates.length ?? 0) + 1;
  const row = (c: number, j: number) => (j === 0 ? 1 : cells[c]!.covariates[j - 1]!);
  // columns: w_0..w_{C-1}, s, artificial a_0..a_{p-1}; rows: p constraints, then the objective
  const cols = C + 1 + p;
  const T: Float64Array[] = [];
  let scale = 0;
  for (let j = 0; j < p; j++) {
    const r = new Float64Array(cols + 1);
    let t = 0;
    let ones = 0;
    for (let c = 0; c < C; c++) {
      const a = row(c, j);
      r[c] = a;
      t += a * cells[c]!.count;
      ones += a;
    }
    r[C] = ones;
    r[cols] = t;
    // an equality row may be negated so that its right-hand side is >= 0 (covariates can be negative)
    if (t < 0) for (let k = 0; k <= cols; k++) r[k] = -r[k]!;
    r[C + 1 + j] = 1;
    scale = Math.max(scale, Math.abs(t));
    T.push(r);
  }
  const basis = Array.from({ length: p }, (_, j) => C + 1 + j);
  const eps = 1e-9 * Math.max(1, scale);
  const pivot = (r: number, k: number): void => {
    const pr = T[r]!;
    const v = pr[k]!;
    for (let j = 0; j <= cols; j++) pr[j] = pr[j]! / v;
    for (let i = 0; i < T.length; i++) {
      if (i === r) continue;
      const f = T[i]![k]!;
      if (f === 0) continue;
      const ri = T[i]!;
      for (let j = 0; j <= cols; j++) ri[j] = ri[j]! - f * pr[j]!;
    }
    basis[r] = k;
  };
  // minimise cost·x over allowed columns by Bland's rule; the objective row holds reduced costs
  const run = (cost: (k: number) => number, allowed: (k: number) => boolean): void => {
    const z = new Float64Array(cols + 1);
    for (let k = 0; k < cols; k++) z[k] = cost(k);
    for (let i = 0; i < p; i++) {
      const cb = cost(basis[i]!);
      if (cb === 0) continue;
      for (let j = 0; j <= cols; j++) z[j] = z[j]! - cb * T[i]![j]!;
    }
    T.push(z);
    for (let iter = 0; iter < 50 * (cols + p); iter++) {
      let enter = -1;
      for (let k = 0; k < cols; k++) {
        if (allowed(k) && z[k]! < -1e-12) {
          enter = k;
          break;
        }
      }
      if (enter < 0) break;
      let leave = -1;
      let best = Infinity;
      for (let i = 0; i < p; i++) {
        const a = T[i]![enter]!;
        if (a > 1e-12) {
          const ratio = T[i]![cols]! / a;
          if (ratio < best - 1e-15 || (Math.abs(ratio - best) <= 1e-15 && basis[i]! < basis[leave]!)) {
            best = ratio;
            leave = i;
          }
        }
      }
      if (leave < 0) break; // unbounded: cannot happen here (the intercept row bounds s)
      pivot(leave, enter);
    }
    T.pop();
  };
  // phase I: drive the artificial variables out (minimise their sum)
  run((k) => (k > C ? 1 : 0), () => true);
  for (let i = 0; i < p; i++) if (basis[i]! > C && T[i]![cols]! > eps) return false; // infeasible: cannot happen for Aᵀy
  // artificial variables left in the basis at level 0 are pivoted out (or their row is redundant and zeroed), so
  // that phase II cannot raise them
  for (let i = 0; i < p; i++) {
    if (basis[i]! <= C) continue;
    let k = 0;
    while (k <= C && Math.abs(T[i]![k]!) <= 1e-12) k++;
    if (k <= C) pivot(i, k);
    else T[i]!.fill(0);
  }
  // phase II: maximise s (minimise -s) without artificial columns
  run((k) => (k === C ? -1 : 0), (k) => k <= C);
  let s = 0;
  for (let i = 0; i < p; i++) if (basis[i] === C) s = T[i]![cols]!;
  return s > eps / Math.max(1, C);
}
