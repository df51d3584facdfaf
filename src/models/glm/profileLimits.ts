import { exp } from '../../special/elementary/exp';
import { log } from '../../special/elementary/log';
import { designMatrix } from '../design/designMatrix';
import { blockSystem } from '../linear/blockSystem';
import type { CountFit } from './countFit';
import { irls } from './irls';

/**
 * Profile-likelihood limits of one coefficient, as R's `confint` on a glm (MASS's `profile.glm`):
 * the values v where the signed root sign(v - b̂) √((D(v) - D̂)/φ) equals ∓z, D(v) being the deviance
 * with the coefficient held at v and every other refitted (φ the dispersion, 1 except for quasi-Poisson;
 * a negative binomial keeps θ at its estimate, as MASS does). Found by bracketing outwards from the Wald
 * limits and the Illinois variant of regula falsi (Dowell and Jarratt 1971) to 1e-9 in the root, exactly
 * rather than MASS's spline through a grid of profile points (so the two agree to about 1e-4).
 * A coefficient estimated at minus infinity gets lower limit -Infinity and the upper limit where the
 * profile crosses z. Returns [lower, upper]; an unbounded side is ±Infinity.
 *
 * @example
 * ```ts
 * // see countModel(rows, { ..., interval: 'profile' })
 * ```
 * @internal
 */
export function profileLimits(model: CountFit, column: number, z: number, dispersion: number, estimate: number, standardError: number): [number, number] {
  const { y, theta, spec } = model;
  // a column the centring shifted into (the intercept, a factor's level) means something else in the centred
  // design: profile it on the design as given
  const design = model.shifted.includes(column) ? designMatrix(model.rows, spec) : model.design;
  const n = design.rows;
  const xj = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let e = design.rowStart[i]!; e < design.rowStart[i + 1]!; e++) if (design.col[e] === column) xj[i] = design.val[e]!;
  }
  const fittedMask = spec.columns.map((c, j) => j !== column && !c.aliased && !model.minusInfinity[j]);
  const system = blockSystem(design, fittedMask, model.system.dColumns.length > 0 ? exclusiveOf(model, design.columns) : new Array<boolean>(design.columns).fill(false));
  const minusInfinity = model.minusInfinity[column] === true;
  // rows fixed at 0 by other minus-infinity columns stay fixed; this column's rows are freed
  const zeroRows = new Uint8Array(n);
  if (minusInfinity) {
    for (let i = 0; i < n; i++) {
      if (!model.zeroRows[i]) continue;
      let other = false;
      for (let e = design.rowStart[i]!; e < design.rowStart[i + 1]!; e++) {
        const c = design.col[e]!;
        if (c !== column && model.minusInfinity[c]) other = true;
      }
      zeroRows[i] = other ? 1 : 0;
    }
  } else zeroRows.set(model.zeroRows);
  const deviance0 = model.fit.deviance;
  let eta: Float64Array | undefined = minusInfinity ? undefined : model.fit.eta;
  const settings = { maxIterations: 100, tolerance: 1e-12, zeroRows };
  const signedRoot = (v: number): number => {
    const extraOffset = Float64Array.from(xj, (x) => x * v);
    const fit = irls(system, y, theta, { ...settings, etaStart: eta, extraOffset });
    if (fit.converged) eta = fit.eta;
    // a refit that fails (no finite deviance) is far outside the interval
    if (!Number.isFinite(fit.deviance)) return minusInfinity || v >= estimate ? Infinity : -Infinity;
    const d = Math.max(0, fit.deviance - deviance0) / dispersion;
    return (minusInfinity || v >= estimate ? 1 : -1) * Math.sqrt(d);
  };
  const solve = (target: number, inside: number, insideValue: number, outward: (k: number) => number): number => {
    // bracket: walk outwards until the signed root passes the target
    let a = inside;
    let fa = insideValue - target;
    let b = a;
    let fb = fa;
    for (let k = 0; k < 60; k++) {
      b = outward(k);
      if (!Number.isFinite(b)) return b;
      fb = signedRoot(b) - target;
      if (Math.sign(fb) !== Math.sign(fa) || fb === 0) break;
      a = b;
      fa = fb;
      if (k === 59) return target < 0 ? -Infinity : Infinity;
    }
    // Illinois: keep a root between a and b; when the same end is kept twice, halve its value
    let kept = 0;
    for (let k = 0; k < 100 && Math.abs(b - a) > 1e-10 * (1 + Math.abs(b)); k++) {
      let c = (a * fb - b * fa) / (fb - fa);
      // a flat stretch of the profile (fb = fa) or a step outside the bracket: bisect instead
      if (!Number.isFinite(c) || c <= Math.min(a, b) || c >= Math.max(a, b)) c = (a + b) / 2;
      const fc = signedRoot(c) - target;
      if (fc === 0 || Math.abs(fc) < 1e-11) return c;
      if (Math.sign(fc) === Math.sign(fb)) {
        if (kept === 1) fa /= 2;
        kept = 1;
      } else {
        a = b;
        fa = fb;
        kept = 0;
      }
      b = c;
      fb = fc;
    }
    return b;
  };
  if (minusInfinity) {
    // start where the freed rows expect 0.1 events in all, then walk up
    let expected = 0;
    for (let i = 0; i < n; i++) if (xj[i] !== 0 && !zeroRows[i]) expected += exp(model.design.offset[i]!);
    let start = log(0.1 / Math.max(expected, 1e-300)) + (model.fit.coefficients[0] ?? 0);
    let atStart = signedRoot(start);
    // as v falls the rows' counts vanish and the profile returns to the fit's deviance: walk down below z
    for (let k = 0; k < 60 && atStart >= z; k++) {
      start -= 2;
      atStart = signedRoot(start);
    }
    const from = start;
    return [-Infinity, solve(z, from, atStart, (k) => from + (k + 1))];
  }
  const step = Number.isFinite(standardError) && standardError > 0 ? standardError * z : 1;
  const lower = solve(-z, estimate, 0, (k) => estimate - step * 2 ** (k / 2));
  eta = model.fit.eta;
  const upper = solve(z, estimate, 0, (k) => estimate + step * 2 ** (k / 2));
  return [lower, upper];
}

function exclusiveOf(model: CountFit, columns: number): boolean[] {
  const out = new Array<boolean>(columns).fill(false);
  for (const j of model.system.dColumns) out[j] = true;
  return out;
}
