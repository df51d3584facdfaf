import { createGenerator } from '../random/generator';
import { drawVictims, NOISE_POISSON } from './drawVictims';
import { fillProbabilityDraws } from './fillProbabilityDraws';
import { fillQuantityDraws } from './fillQuantityDraws';
import { fillVictimDraws } from './fillVictimDraws';
import { finiteOrInfinity } from '../montecarlo/finiteOrInfinity';
import { percentileSummary } from '../montecarlo/percentileSummary';
import { streamSeeds } from '../montecarlo/streamSeeds';
import type { HiddenIncidenceModel, ModelDraws, ModelSummary, Moments, Output } from './hiddenIncidenceModel';
import { deviationFromSums } from '../montecarlo/deviationFromSums';

// Each pass over the draws is its own small function: engines then optimise each loop with complete
// type feedback (one large function with many loops is compiled before its later loops have run, and
// is thrown back to the interpreter when it reaches them).

/** Unrecorded victims of one draw: V - rv f (thinning, census) or V (1 - q) (Poisson mean). */
function unrecordedOf(poisson: boolean, v: number, rvf: number, q: number): number {
  return finiteOrInfinity(poisson ? v * (1 - q) : v - rvf);
}

/**
 * q[i] = reporting[i] x q[i] (the recorded share, written over the recording draws), and the standard
 * deviation of the multiplier 1 / (k q) in draw order (its limits follow from those of q).
 */
function recordedShareInto(q: Float64Array, reporting: Float64Array, k: number, centre: number): number | undefined {
  const n = q.length;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const share = reporting[i]! * q[i]!;
    q[i] = share;
    const d = 1 / (k * share) - centre;
    s1 += d;
    s2 += d * d;
  }
  return deviationFromSums(s1, s2, n);
}

/** NaN -> Infinity in `a` if `nans` > 0 (a rare second pass; see {@link reportedInto}). */
function nanToInfinity(a: Float64Array, nans: number): void {
  if (nans === 0) return;
  const n = a.length;
  for (let i = 0; i < n; i++) if (a[i]! !== a[i]!) a[i] = Infinity;
}

/**
 * a[i] = victims[i] x a[i] (reported victims, over the reporting draws), NaN (Infinity x 0) as Infinity,
 * and, in the same pass, the standard deviation of the unrecorded victims victims[i] - rvf (thinning and
 * census models) from sums of their deviations from `centre` in draw order. The NaNs are counted and
 * replaced afterwards: in V8 a choice between two doubles in the loop (finiteOrInfinity) costs several
 * times the multiplication.
 */
function reportedInto(a: Float64Array, victims: Float64Array, rvf: number, centre: number): number | undefined {
  const n = a.length;
  let nans = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const v = victims[i]!;
    const x = v * a[i]!;
    a[i] = x;
    if (x !== x) nans++;
    const d = v - rvf - centre;
    s1 += d;
    s2 += d * d;
  }
  nanToInfinity(a, nans);
  return deviationFromSums(s1, s2, n);
}

/** out[i] = unrecorded victims of draw i in the Poisson model, V (1 - q) (as {@link unrecordedOf}). */
function poissonUnrecordedInto(out: Float64Array, victims: Float64Array, q: Float64Array): void {
  const n = out.length;
  let nans = 0;
  for (let i = 0; i < n; i++) {
    const x = victims[i]! * (1 - q[i]!);
    out[i] = x;
    if (x !== x) nans++;
  }
  nanToInfinity(out, nans);
}

/**
 * Monte Carlo error propagation (e.g. JCGM 101:2008, "propagation of distributions") for the
 * hidden-incidence chain: `draws` joint draws of reporting, recording, incidents per victim and the
 * count's noise, each input from its own seeded stream; percentile limits of victims, reported,
 * unrecorded, recorded share and multiplier. Float64Array throughout, no allocation in the loops.
 *
 * Memory: without `keepDraws`, three Float64Arrays of length `draws` (the limits are found by
 * selection in an order that never needs a fourth; with uncertain incidents per victim the reporting,
 * recording and incidents streams are replayed once rather than stored). With `keepDraws`, five arrays
 * are returned (in draw order, so they stay paired) plus one scratch array. The numbers are identical
 * either way. Standard deviations are formed in draw order in the same pass as the limits
 * ({@link percentileSummary}).
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
  /** Standard deviation (in draw order), then the percentile limits (may reorder `a`). */
  const summarise = (key: Output, a: Float64Array): [number, number] => {
    const s = percentileSummary(a, point[key], level);
    sd[key] = { sd: s.sd };
    return s.limits;
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
    if (kExact) fillVictimDraws(rng, noise, c, f, kConst, recordedShare, victims);
    else fillQuantityDraws(multiplier, model.incidentsPerVictim, sIpv);
    for (let i = 0; i < n; i++) {
      const k = kExact ? kConst : multiplier[i]!;
      const q = recordedShare[i]!;
      const v = kExact ? victims[i]! : drawVictims(rng, noise, c, f, k, q);
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

  if (kExact) {
    const k = kConst;
    sd.multiplier = { sd: recordedShareInto(B, A, k, point.multiplier) };
    fillVictimDraws(rng, noise, c, f, k, B, C);
    const rvf = (c / k) * f;
    const unrecordedSd = reportedInto(A, C, rvf, point.unrecorded);
    const reported = summarise('reported', A);
    let unrecorded: [number, number] | undefined;
    if (poisson) {
      poissonUnrecordedInto(A, C, B);
      unrecorded = summarise('unrecorded', A);
    } else sd.unrecorded = { sd: unrecordedSd };
    const recordedShare = summarise('recordedShare', B);
    const victims = summarise('victims', C);
    // Thinning and census models: unrecorded = V - rvf, and rounding x - rvf is monotone in x, so these
    // are exactly the percentile limits of the unrecorded draws (one selection fewer).
    unrecorded ??= [victims[0] - rvf, victims[1] - rvf];
    // 1 / (k q) is monotone decreasing in q and the percentile ranks are symmetric, so these are exactly
    // the percentile limits of the multiplier draws.
    const multiplier: [number, number] = [1 / (k * recordedShare[1]), 1 / (k * recordedShare[0])];
    return { limits: { victims, reported, unrecorded, recordedShare, multiplier }, moments: sd };
  }

  for (let i = 0; i < n; i++) B[i] = A[i]! * B[i]!;
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
