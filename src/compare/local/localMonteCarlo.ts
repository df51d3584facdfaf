import { createGenerator } from '../../random/generator';
import { sampleBeta } from '../../random/sampleBeta';
import { drawRecordedShare } from '../../incidence/drawRecordedShare';
import { finiteOrInfinity } from '../../montecarlo/finiteOrInfinity';
import { standardDeviationOf } from '../../montecarlo/standardDeviationOf';
import { fillProbabilityDraws } from '../../incidence/fillProbabilityDraws';
import { fillQuantityDraws } from '../../incidence/fillQuantityDraws';
import type { ProbabilityDistribution } from '../../incidence/uncertainProbability';
import type { QuantityDistribution } from '../../incidence/uncertainQuantity';
import { percentileLimits } from './percentileLimits';

/** A stratum's national prevalence: a Beta with the survey's mean and standard error, or a fixed value. @internal */
export interface StratumPrevalence {
  estimate: number;
  /** Beta shapes (unused when `fixed`). */
  alpha: number;
  beta: number;
  /** True at an estimate of 0 or 1, or a standard error of 0: the same value in every draw. */
  fixed: boolean;
}

/** How the expected recorded count of an area is formed, as a small integer for the loop. @internal */
export const TARGET_POOLED = 0;
/** @internal */
export const TARGET_GIVEN = 1;
/** @internal */
export const TARGET_CHAIN = 2;

/** Normalised inputs of the local model. @internal */
export interface LocalModel {
  /** National prevalence per stratum (S strata). */
  prevalence: readonly StratumPrevalence[];
  /** Areas x strata populations, row-major (area i at i x S). */
  populations: Float64Array;
  /** Per area: the count as observed over its period, and its annualisation factor. */
  counts: Float64Array;
  factors: Float64Array;
  /** Per area: the seed of its own count-noise stream. */
  areaSeeds: readonly number[];
  reporting: ProbabilityDistribution;
  recording: ProbabilityDistribution | undefined;
  incidentsPerVictim: QuantityDistribution;
  noise: number;
  /** TARGET_POOLED, TARGET_GIVEN or TARGET_CHAIN. */
  target: number;
  /** Recorded crimes per victim when TARGET_GIVEN. */
  targetValue: number;
  /**
   * Each area's own prevalence (small area estimates), in place of the national strata: its victims are its
   * population in the strata times a draw of its prevalence, from its own stream (`areaPrevalenceSeeds`).
   */
  areaPrevalence?: readonly ProbabilityDistribution[];
  areaPrevalenceSeeds?: readonly number[];
}

/** The per-area quantities estimated, in this order in {@link LocalSummary} arrays. @internal */
export const LOCAL_OUTPUTS = ['victims', 'recordedShare', 'recording', 'unrecorded', 'expectedRecorded'] as const;
/** @internal */
export type LocalOutput = (typeof LOCAL_OUTPUTS)[number];
/** The summary quantities. @internal */
export const SUMMARY_OUTPUTS = ['victims', 'recordedShare', 'recording', 'unrecorded'] as const;
/** @internal */
export type SummaryOutput = (typeof SUMMARY_OUTPUTS)[number];

/** What the kernel returns: limits and standard deviations, per area and output (area-major). @internal */
export interface LocalSummary {
  /** lower at [2 (i x 5 + o)], upper at [2 (i x 5 + o) + 1], o the index in {@link LOCAL_OUTPUTS}. */
  limits: Float64Array;
  /** Standard deviation of the draws at [i x 5 + o] (NaN where a draw was infinite). */
  sd: Float64Array;
  /** Limits and standard deviations of the areas together, by {@link SUMMARY_OUTPUTS}. */
  summaryLimits: Float64Array;
  summarySd: Float64Array;
}

/**
 * Victims of areas i0..i1-1 for every draw: out[(i - i0) n + d] = sum_s pops[i S + s] prev[d S + s]
 * (prevalence draws stored draw-major), four areas and two draws at a time so that each load feeds several
 * independent sums. Each sum runs over the strata in order, so an area's victims do not depend on which
 * areas share its group of four.
 */
function victimsOfAreas(out: Float64Array, prev: Float64Array, pops: Float64Array, i0: number, i1: number, S: number, n: number): void {
  let i = i0;
  for (; i + 4 <= i1; i += 4) {
    const a0 = i * S;
    const a1 = a0 + S;
    const a2 = a1 + S;
    const a3 = a2 + S;
    const r0 = (i - i0) * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let d = 0;
    // Two draws at a time as well: each population is loaded once for eight independent sums.
    for (; d + 2 <= n; d += 2) {
      let x0 = 0;
      let x1 = 0;
      let x2 = 0;
      let x3 = 0;
      let y0 = 0;
      let y1 = 0;
      let y2 = 0;
      let y3 = 0;
      const p = d * S;
      const p2 = p + S;
      for (let s = 0; s < S; s++) {
        const q = prev[p + s]!;
        const w = prev[p2 + s]!;
        const b0 = pops[a0 + s]!;
        const b1 = pops[a1 + s]!;
        const b2 = pops[a2 + s]!;
        const b3 = pops[a3 + s]!;
        x0 += b0 * q;
        x1 += b1 * q;
        x2 += b2 * q;
        x3 += b3 * q;
        y0 += b0 * w;
        y1 += b1 * w;
        y2 += b2 * w;
        y3 += b3 * w;
      }
      out[r0 + d] = x0;
      out[r1 + d] = x1;
      out[r2 + d] = x2;
      out[r3 + d] = x3;
      out[r0 + d + 1] = y0;
      out[r1 + d + 1] = y1;
      out[r2 + d + 1] = y2;
      out[r3 + d + 1] = y3;
    }
    for (; d < n; d++) {
      let x0 = 0;
      let x1 = 0;
      let x2 = 0;
      let x3 = 0;
      const p = d * S;
      for (let s = 0; s < S; s++) {
        const q = prev[p + s]!;
        x0 += pops[a0 + s]! * q;
        x1 += pops[a1 + s]! * q;
        x2 += pops[a2 + s]! * q;
        x3 += pops[a3 + s]! * q;
      }
      out[r0 + d] = x0;
      out[r1 + d] = x1;
      out[r2 + d] = x2;
      out[r3 + d] = x3;
    }
  }
  for (; i < i1; i++) {
    const a0 = i * S;
    const r0 = (i - i0) * n;
    for (let d = 0; d < n; d++) {
      let x0 = 0;
      const p = d * S;
      for (let s = 0; s < S; s++) x0 += pops[a0 + s]! * prev[p + s]!;
      out[r0 + d] = x0;
    }
  }
}

/** Areas per block of victims draws: about 2^20 doubles (8 MB) at a time, at least one area. */
const BLOCK_DOUBLES = 1 << 20;

/**
 * Monte Carlo for many areas at once (synthetic estimation with shared national inputs; JCGM 101:2008
 * propagation of distributions). The national prevalence of each stratum is drawn ONCE per draw and
 * shared by every area (an n x S matrix), as are reporting, recording and incidents per victim; each area
 * has its own count-noise stream. Victims are the (n x S) . (S x areas) product, computed for a block of
 * areas at a time with plain loops over Float64Arrays; then per area the recorded share, the share of
 * reports recorded, the unrecorded victims and the expected recorded count, each summarised (standard
 * deviation in draw order, then percentile limits by selection) before the arrays are reused.
 *
 * Memory: the n x S prevalence draws, a block of about 2^20 victims draws (or one area's n), and eight
 * Float64Arrays of length n, whatever the number of areas.
 * `points` holds the per-area point estimates (area-major, {@link LOCAL_OUTPUTS}) used as centres for the
 * standard deviations; `summaryPoints` the same for the summary.
 *
 * @example
 * ```ts
 * // see localEstimates, which validates its input (parseLocalInput) and then calls
 * // localMonteCarlo(model, draws, seeds, level, points, summaryPoints) once for every area
 * ```
 * @internal
 */
export function localMonteCarlo(
  model: LocalModel,
  n: number,
  seeds: { prevalence: number; reporting: number; recording: number; incidentsPerVictim: number },
  level: number,
  points: Float64Array,
  summaryPoints: Float64Array,
): LocalSummary {
  const A = model.counts.length;
  const S = model.areaPrevalence ? model.populations.length / A : model.prevalence.length;
  const O = LOCAL_OUTPUTS.length;
  const pops = model.populations;

  // Shared draws: prevalence (strata in order from one stream, stored draw-major), reporting, recording,
  // incidents per victim. With each area's own prevalence there is no shared prevalence: an area's victims
  // are its population times draws of its prevalence from its own stream (made again where needed).
  const own = model.areaPrevalence;
  const prev = new Float64Array(own ? 0 : S * n);
  if (!own) {
    const rngPrev = createGenerator(seeds.prevalence);
    for (let s = 0; s < S; s++) {
      const p = model.prevalence[s]!;
      if (p.fixed) for (let d = 0; d < n; d++) prev[d * S + s] = p.estimate;
      else for (let d = 0; d < n; d++) prev[d * S + s] = sampleBeta(rngPrev, p.alpha, p.beta);
    }
  }
  const areaPopulation = new Float64Array(A);
  for (let i = 0; i < A; i++) for (let s = 0; s < S; s++) areaPopulation[i] = areaPopulation[i]! + pops[i * S + s]!;
  /** Victims draws of areas i0..i1-1 into out (area-major, n each). */
  const victimsOf = (out: Float64Array, i0: number, i1: number) => {
    if (!own) return victimsOfAreas(out, prev, pops, i0, i1, S, n);
    for (let i = i0; i < i1; i++) {
      const v = fillProbabilityDraws(out.subarray((i - i0) * n, (i - i0 + 1) * n), own[i]!, model.areaPrevalenceSeeds![i]!);
      const N = areaPopulation[i]!;
      for (let d = 0; d < n; d++) v[d] = N * v[d]!;
    }
  };
  const rep = fillProbabilityDraws(new Float64Array(n), model.reporting, seeds.reporting);
  const kExact = model.incidentsPerVictim.exact;
  const kConst = model.incidentsPerVictim.estimate;
  const ipv = kExact ? undefined : fillQuantityDraws(new Float64Array(n), model.incidentsPerVictim, seeds.incidentsPerVictim);
  // Recorded crimes per victim of the target, per draw (chain: reporting x recording x incidents per victim).
  let chain: Float64Array | undefined;
  if (model.target === TARGET_CHAIN) {
    chain = fillProbabilityDraws(new Float64Array(n), model.recording!, seeds.recording);
    for (let d = 0; d < n; d++) chain[d] = rep[d]! * chain[d]! * (ipv === undefined ? kConst : ipv[d]!);
  }

  // Victims of all areas together per draw, from the summed populations: needed first for the pooled target.
  const totalVictims = new Float64Array(n);
  if (own) {
    const one = new Float64Array(n);
    for (let i = 0; i < A; i++) {
      victimsOf(one, i, i + 1);
      for (let d = 0; d < n; d++) totalVictims[d] = totalVictims[d]! + one[d]!;
    }
  } else {
    const summed = new Float64Array(S);
    for (let i = 0; i < A; i++) for (let s = 0; s < S; s++) summed[s] = summed[s]! + pops[i * S + s]!;
    victimsOfAreas(totalVictims, prev, summed, 0, 1, S, n);
  }
  // Expected recorded crimes a year per victim, per draw: the pooled rate (all areas' recorded crimes over
  // their victims in that draw), a given constant, or reporting x recording x incidents per victim.
  let perVictim: Float64Array;
  if (model.target === TARGET_POOLED) {
    let pooledCount = 0;
    for (let i = 0; i < A; i++) pooledCount += model.counts[i]! * model.factors[i]!;
    perVictim = new Float64Array(n);
    for (let d = 0; d < n; d++) perVictim[d] = finiteOrInfinity(pooledCount / totalVictims[d]!);
  } else if (model.target === TARGET_CHAIN) {
    perVictim = chain!;
  } else perVictim = new Float64Array(n).fill(model.targetValue);

  const perBlock = Math.max(1, Math.min(A, Math.floor(BLOCK_DOUBLES / n)));
  const block = new Float64Array(perBlock * n);
  const share = new Float64Array(n);
  const unrecorded = new Float64Array(n);
  const recording = new Float64Array(n);
  const expected = new Float64Array(n);
  const recordedVictims = new Float64Array(n); // summed over areas, a year
  const limits = new Float64Array(A * O * 2);
  const sd = new Float64Array(A * O);
  const limitsOf = percentileLimits(n, level);
  const summarise = (i: number, o: number, a: Float64Array) => {
    const at = i * O + o;
    sd[at] = standardDeviationOf(a, points[at]!) ?? NaN;
    limitsOf(a, limits, 2 * at);
  };
  const noise = model.noise;

  for (let i0 = 0; i0 < A; i0 += perBlock) {
    const i1 = Math.min(A, i0 + perBlock);
    victimsOf(block, i0, i1);
    for (let i = i0; i < i1; i++) {
      const victims = block.subarray((i - i0) * n, (i - i0 + 1) * n);
      const c = model.counts[i]!;
      const f = model.factors[i]!;
      const rng = createGenerator(model.areaSeeds[i]!);
      for (let d = 0; d < n; d++) {
        const v = victims[d]!;
        const q = drawRecordedShare(rng, noise, c, f, ipv === undefined ? kConst : ipv[d]!, v);
        share[d] = q;
        recordedVictims[d] = recordedVictims[d]! + finiteOrInfinity(q * v);
        unrecorded[d] = finiteOrInfinity(v * (1 - q));
        recording[d] = finiteOrInfinity(q / rep[d]!);
        expected[d] = finiteOrInfinity(v * perVictim[d]!);
      }
      summarise(i, 0, victims);
      summarise(i, 1, share);
      summarise(i, 2, recording);
      summarise(i, 3, unrecorded);
      summarise(i, 4, expected);
    }
  }
  // The areas together: share = recorded victims / victims, with the shared prevalence in both.
  const SO = SUMMARY_OUTPUTS.length;
  const summaryLimits = new Float64Array(SO * 2);
  const summarySd = new Float64Array(SO);
  const summariseTotal = (o: number, a: Float64Array) => {
    summarySd[o] = standardDeviationOf(a, summaryPoints[o]!) ?? NaN;
    limitsOf(a, summaryLimits, 2 * o);
  };
  for (let d = 0; d < n; d++) {
    const q = finiteOrInfinity(recordedVictims[d]! / totalVictims[d]!);
    share[d] = q;
    unrecorded[d] = finiteOrInfinity(totalVictims[d]! - recordedVictims[d]!);
    recording[d] = finiteOrInfinity(q / rep[d]!);
  }
  summariseTotal(0, totalVictims);
  summariseTotal(1, share);
  summariseTotal(2, recording);
  summariseTotal(3, unrecorded);
  return { limits, sd, summaryLimits, summarySd };
}
