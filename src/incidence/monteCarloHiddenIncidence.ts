import { createGenerator } from '../random/generator';
import { drawVictims, NOISE_POISSON } from './drawVictims';
import { fillProbabilityDraws } from './fillProbabilityDraws';
import { fillQuantityDraws } from './fillQuantityDraws';
import { percentileInterval } from './percentileInterval';
import { streamSeeds } from './streamSeeds';
import type { HiddenIncidenceModel, ModelDraws, ModelSummary, Moments, Output } from './hiddenIncidenceModel';

/** x, or Infinity where an infinite draw made it NaN (Infinity x 0, Infinity - Infinity). */
function finiteOrInfinity(x: number): number {
  return x === x ? x : Infinity;
}

/** Unrecorded victims of one draw: V - rv f (thinning, census) or V (1 - q) (Poisson mean). */
function unrecordedOf(poisson: boolean, v: number, rvf: number, q: number): number {
  return finiteOrInfinity(poisson ? v * (1 - q) : v - rvf);
}

/**
 * Sample standard deviation of `a` (in its current order), from sums shifted by `centre` (the point
 * estimate) against cancellation; undefined if any draw is infinite. Computed on each array in draw
 * order, before it is reordered, so every code path sums in the same order and gives identical numbers.
 */
function standardDeviation(a: Float64Array, centre: number): number | undefined {
  const n = a.length;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i]! - centre;
    s1 += d;
    s2 += d * d;
  }
  if (!Number.isFinite(s2) || n < 2) return undefined;
  const mean = s1 / n;
  return Math.sqrt(Math.max(0, (s2 - n * mean * mean) / (n - 1)));
}

/** Standard deviation of the multiplier 1 / (k q) from the recorded-share draws q (k exact), in draw order. */
function multiplierDeviation(q: Float64Array, k: number, centre: number): number | undefined {
  const n = q.length;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const d = 1 / (k * q[i]!) - centre;
    s1 += d;
    s2 += d * d;
  }
  if (!Number.isFinite(s2) || n < 2) return undefined;
  const mean = s1 / n;
  return Math.sqrt(Math.max(0, (s2 - n * mean * mean) / (n - 1)));
}

/**
 * Monte Carlo error propagation (e.g. JCGM 101:2008, "propagation of distributions") for the
 * hidden-incidence chain: `draws` joint draws of reporting, recording, incidents per victim and the
 * count's noise, each input from its own seeded stream; percentile limits of victims, reported,
 * unrecorded, recorded share and multiplier. Float64Array throughout, no allocation in the loops.
 *
 * Memory: without `keepDraws`, three Float64Arrays of length `draws` (the limits are found by
 * quickselect in place, in an order that never needs a fourth; with uncertain incidents per victim
 * the reporting, recording and incidents streams are replayed once rather than stored). With
 * `keepDraws`, five arrays are returned (in draw order, so they stay paired) plus one scratch array.
 * The numbers are identical either way.
 * @internal
 */
export function monteCarloHiddenIncidence(
  model: HiddenIncidenceModel,
  n: number,
  seed: number,
  level: number,
  keepDraws: boolean,
): ModelSummary {
  const [sRep, sRec, sIpv, sCount] = streamSeeds(seed, 4) as [number, number, number, number];
  const { count: c, factor: f } = model.count;
  const noise = model.noise;
  const poisson = noise === NOISE_POISSON;
  const kExact = model.incidentsPerVictim.exact;
  const kConst = model.incidentsPerVictim.estimate;
  const rng = createGenerator(sCount);
  const point = model.point;
  const sd = {} as Record<Output, Moments>;
  /** Standard deviation (in draw order), then the percentile limits (reordering `a`). */
  const summarise = (key: Output, a: Float64Array): [number, number] => {
    sd[key] = { sd: standardDeviation(a, point[key]) };
    return percentileInterval(a, level);
  };

  if (keepDraws) {
    const victims = new Float64Array(n);
    const reported = new Float64Array(n);
    const unrecorded = new Float64Array(n);
    const recordedShare = new Float64Array(n);
    const multiplier = new Float64Array(n);
    fillProbabilityDraws(reported, model.reporting, sRep);
    fillProbabilityDraws(recordedShare, model.recording, sRec);
    for (let i = 0; i < n; i++) recordedShare[i] = reported[i]! * recordedShare[i]!;
    if (!kExact) fillQuantityDraws(multiplier, model.incidentsPerVictim, sIpv);
    for (let i = 0; i < n; i++) {
      const k = kExact ? kConst : multiplier[i]!;
      const q = recordedShare[i]!;
      const v = drawVictims(rng, noise, c, f, k, q);
      victims[i] = v;
      reported[i] = finiteOrInfinity(v * reported[i]!);
      unrecorded[i] = unrecordedOf(poisson, v, (c / k) * f, q);
      multiplier[i] = 1 / (k * q);
    }
    const scratch = new Float64Array(n);
    const limitsOf = (key: Output, a: Float64Array) => {
      scratch.set(a);
      return summarise(key, scratch);
    };
    const draws: ModelDraws = { victims, reported, unrecorded, recordedShare, multiplier };
    const limits = {
      victims: limitsOf('victims', victims),
      reported: limitsOf('reported', reported),
      unrecorded: limitsOf('unrecorded', unrecorded),
      recordedShare: limitsOf('recordedShare', recordedShare),
      multiplier: limitsOf('multiplier', multiplier),
    };
    return { limits, moments: sd, draws };
  }

  const A = new Float64Array(n);
  const B = new Float64Array(n);
  const C = new Float64Array(n);
  fillProbabilityDraws(A, model.reporting, sRep);
  fillProbabilityDraws(B, model.recording, sRec);
  for (let i = 0; i < n; i++) B[i] = A[i]! * B[i]!;

  if (kExact) {
    const k = kConst;
    for (let i = 0; i < n; i++) {
      const v = drawVictims(rng, noise, c, f, k, B[i]!);
      C[i] = v;
      A[i] = finiteOrInfinity(v * A[i]!);
    }
    const reported = summarise('reported', A);
    const rvf = (c / k) * f;
    for (let i = 0; i < n; i++) A[i] = unrecordedOf(poisson, C[i]!, rvf, B[i]!);
    const unrecorded = summarise('unrecorded', A);
    sd.multiplier = { sd: multiplierDeviation(B, k, point.multiplier) };
    const recordedShare = summarise('recordedShare', B);
    const victims = summarise('victims', C);
    // 1 / (k q) is monotone decreasing in q and the percentile ranks are symmetric, so these are exactly
    // the percentile limits of the multiplier draws.
    const multiplier: [number, number] = [1 / (k * recordedShare[1]), 1 / (k * recordedShare[0])];
    return { limits: { victims, reported, unrecorded, recordedShare, multiplier }, moments: sd };
  }

  fillQuantityDraws(C, model.incidentsPerVictim, sIpv);
  for (let i = 0; i < n; i++) {
    const k = C[i]!;
    const q = B[i]!;
    const v = drawVictims(rng, noise, c, f, k, q);
    A[i] = finiteOrInfinity(v * A[i]!);
    B[i] = 1 / (k * q);
    C[i] = v;
  }
  const reported = summarise('reported', A);
  const multiplier = summarise('multiplier', B);
  // Replay the reporting, recording and incidents streams (same seeds, same draws) instead of storing them.
  fillProbabilityDraws(A, model.reporting, sRep);
  fillProbabilityDraws(B, model.recording, sRec);
  for (let i = 0; i < n; i++) B[i] = A[i]! * B[i]!;
  fillQuantityDraws(A, model.incidentsPerVictim, sIpv);
  for (let i = 0; i < n; i++) A[i] = unrecordedOf(poisson, C[i]!, (c / A[i]!) * f, B[i]!);
  const unrecorded = summarise('unrecorded', A);
  const recordedShare = summarise('recordedShare', B);
  const victims = summarise('victims', C);
  return { limits: { victims, reported, unrecorded, recordedShare, multiplier }, moments: sd };
}
