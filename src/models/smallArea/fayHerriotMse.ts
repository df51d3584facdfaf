import { quadraticForm, type FayHerriotMethod, type GlsAt } from './fayHerriotFit';

/** MSE estimates of {@link fayHerriotMse}. @internal */
export interface FayHerriotMse {
  /** In-sample areas: g1 + g2 + 2 g3 (- b B² for ML and FH), as `sae::mseFH`. */
  inSample: Float64Array;
  /** Out-of-sample rows: max(A - b, 0) + x'Qx. */
  outOfSample: Float64Array;
  /** The bias term b of the estimator of A (0 for REML). */
  bias: number;
  /** x'Qx of each in-sample area (for g2). */
  leverage: Float64Array;
}

/**
 * MSE of the EBLUP exactly as `sae::mseFH` (Molina and Marhuenda 2015): g1 = D(1 - B), g2 = B² x'Qx,
 * g3 = B² Var(Â)/(A + D) with B = D/(A + D), Q = (X'V⁻¹X)⁻¹; REML (Prasad and Rao 1990; Datta and
 * Lahiri 2000): g1 + g2 + 2 g3 with Var(Â) = 2/Σ(A + D)⁻²; ML (Datta and Lahiri 2000): the same less
 * b B², b = -tr(Q X'V⁻²X)/Σ(A + D)⁻² the bias of Â; FH (Datta, Rao and Smith 2005): Var(Â) = 2m/(Σ(A + D)⁻¹)²
 * and b = 2(m Σ(A + D)⁻² - (Σ(A + D)⁻¹)²)/(Σ(A + D)⁻¹)³. Areas with no direct estimate get the MSE of the
 * synthetic x'β̂, A + x'Qx (Rao and Molina 2015, ch. 6; emdi's `prasad_rao` for out-of-sample domains), with Â replaced by Â - b (floored at 0) for ML and
 * FH: the same bias correction mseFH applies to g1, whose derivative in A is B² (the synthetic's is 1; emdi adds the ML bias instead of subtracting it).
 *
 * @example
 * ```ts
 * import { fayHerriotFit } from './fayHerriotFit';
 * const ones = Float64Array.of(1, 1, 1, 1);
 * const f = fayHerriotFit(ones, Float64Array.of(1, 3, 2, 6), ones, 1, 'reml', 100, 1e-4)!;
 * fayHerriotMse('reml', f.a, ones, ones, Float64Array.of(1), 1, f.fit).outOfSample; // Float64Array [4.8333]: A + x'Qx
 * ```
 * @internal
 */
export function fayHerriotMse(
  method: FayHerriotMethod,
  a: number,
  d: Float64Array,
  x: Float64Array,
  xOut: Float64Array,
  p: number,
  fit: GlsAt,
): FayHerriotMse {
  const { v, q } = fit;
  const m = d.length;
  let sumV = 0;
  let sumV2 = 0;
  for (let i = 0; i < m; i++) {
    sumV += v[i]!;
    sumV2 += v[i]! * v[i]!;
  }
  const leverage = new Float64Array(m);
  let trQG2 = 0;
  for (let i = 0; i < m; i++) {
    const h = quadraticForm(x, i * p, p, q);
    leverage[i] = h;
    trQG2 += v[i]! * v[i]! * h;
  }
  let varA: number;
  let bias = 0;
  if (method === 'fh') {
    varA = (2 * m) / (sumV * sumV);
    bias = (2 * (m * sumV2 - sumV * sumV)) / (sumV * sumV * sumV);
  } else {
    varA = 2 / sumV2;
    if (method === 'ml') bias = -trQG2 / sumV2;
  }
  const inSample = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const b = d[i]! * v[i]!;
    const g1 = d[i]! * (1 - b);
    const g2 = b * b * leverage[i]!;
    const g3 = b * b * varA * v[i]!;
    inSample[i] = g1 + g2 + 2 * g3 - bias * b * b;
  }
  const outCount = xOut.length / p;
  const outOfSample = new Float64Array(outCount);
  const base = Math.max(a - bias, 0);
  for (let i = 0; i < outCount; i++) outOfSample[i] = base + quadraticForm(xOut, i * p, p, q);
  return { inSample, outOfSample, bias, leverage };
}
