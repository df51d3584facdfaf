import { normalCdf } from '../../special/normalCdf';
import { normalQuantile } from '../../special/normalQuantile';

/** R's type-8 sample quantile (Hyndman and Fan 1996) of sorted values. */
function quantileType8(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const h = n * p + (p + 1) / 3;
  const j = Math.floor(h);
  const g = h - j;
  if (j < 1) return sorted[0]!;
  if (j >= n) return sorted[n - 1]!;
  const a = sorted[j - 1]!;
  const b = sorted[j]!;
  return g === 0 ? a : (1 - g) * a + g * b;
}

/**
 * The bias-corrected and accelerated (BCa) bootstrap interval (Efron 1987), as SparseMSE's
 * `bcaconfvalues`: bias correction z₀ = Φ⁻¹(share of replicates below the estimate), acceleration â from
 * the jackknife values θ_j weighted by the counts c_j (â = Σ c r³ / (6 (Σ c r²)^{3/2}), r_j = mean θ - θ_j),
 * and the limits at the type-8 quantiles Φ(z₀ + z_α / (1 - â z_α)) with z_α = Φ⁻¹(α) + z₀.
 *
 * @example
 * ```ts
 * import { bcaInterval } from './bcaInterval';
 * const boot = Float64Array.from({ length: 999 }, (_, i) => 100 + (i - 499) / 10);
 * bcaInterval(boot, 100, [100, 100], [1, 1], 0.95); // about [95, 105]
 * ```
 * @internal
 */
export function bcaInterval(replicates: Float64Array, estimate: number, jackknife: readonly number[], weights: readonly number[], level: number): [number, number] {
  const sorted = Float64Array.from(replicates).sort();
  let below = 0;
  for (const r of sorted) if (r < estimate) below++;
  const z0 = normalQuantile(below / sorted.length);
  let total = 0;
  let weighted = 0;
  jackknife.forEach((t, j) => {
    total += weights[j]!;
    weighted += weights[j]! * t;
  });
  const mean = weighted / total;
  let s2 = 0;
  let s3 = 0;
  jackknife.forEach((t, j) => {
    const r = mean - t;
    s2 += weights[j]! * r * r;
    s3 += weights[j]! * r * r * r;
  });
  const a = s2 > 0 ? s3 / (6 * s2 * Math.sqrt(s2)) : 0;
  const at = (alpha: number): number => {
    const za = normalQuantile(alpha) + z0;
    return quantileType8(sorted, normalCdf(z0 + za / (1 - a * za)));
  };
  return [at((1 - level) / 2), at(1 - (1 - level) / 2)];
}
