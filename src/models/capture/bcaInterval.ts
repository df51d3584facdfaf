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
  if (g === 0 || a === b) return a;
  if (b === Infinity) return Infinity;
  return (1 - g) * a + g * b;
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
 * bcaInterval(boot, 100, [100, 100], [1, 1], 0.95).limits; // about [95, 105]
 * ```
 * @internal
 */
export function bcaInterval(
  replicates: Float64Array,
  estimate: number,
  jackknife: readonly number[],
  weights: readonly number[],
  level: number,
): { limits: [number, number]; notes: string[] } {
  const notes: string[] = [];
  const sorted = Float64Array.from(replicates).sort();
  let below = 0;
  for (const r of sorted) if (r < estimate) below++;
  // every replicate on one side of the estimate would make z0 infinite: keep it within half a replicate
  const n = sorted.length;
  const share = Math.min(Math.max(below / n, 1 / (2 * n)), 1 - 1 / (2 * n));
  if (share !== below / n) notes.push('every bootstrap estimate fell on one side of the estimate: the bias correction is bounded by half a resample');
  const z0 = normalQuantile(share);
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
  let a = s2 > 0 ? s3 / (6 * s2 * Math.sqrt(s2)) : 0;
  if (!Number.isFinite(a)) {
    a = 0;
    notes.push('a jackknife estimate was infinite (a table with a cell removed had no estimate): no acceleration (a = 0), a bias-corrected percentile interval');
  }
  const at = (alpha: number): number => {
    const za = normalQuantile(alpha) + z0;
    return quantileType8(sorted, normalCdf(z0 + za / (1 - a * za)));
  };
  return { limits: [at((1 - level) / 2), at(1 - (1 - level) / 2)], notes };
}
