import { createGenerator } from '../random/generator';
import { drawRecordedShare } from './drawRecordedShare';
import { finiteOrInfinity } from '../montecarlo/finiteOrInfinity';
import { standardDeviationOf } from '../montecarlo/standardDeviationOf';
import { fillProbabilityDraws } from './fillProbabilityDraws';
import { fillQuantityDraws } from './fillQuantityDraws';
import type { ImpliedRecordingModel, ImpliedSummary } from './impliedRecordingModel';
import { percentileInterval } from '../montecarlo/percentileInterval';
import { streamSeeds } from '../montecarlo/streamSeeds';

/**
 * Monte Carlo propagation (JCGM 101:2008) for `impliedRecording`: draws of the victims (Gamma), the
 * incidents per victim, the count noise and the reporting probability, each from its own stream;
 * percentile limits. Three Float64Arrays of length n without `keepDraws`.
 * @internal
 */
export function monteCarloImpliedRecording(model: ImpliedRecordingModel, n: number, seed: number, level: number, keepDraws: boolean): ImpliedSummary {
  const [sVictims, sRep, sIpv, sCount] = streamSeeds(seed, 4) as [number, number, number, number];
  const { count: c, factor: f } = model.count;
  const kExact = model.incidentsPerVictim.exact;
  const kConst = model.incidentsPerVictim.estimate;
  const rng = createGenerator(sCount);
  const hasReporting = model.reporting !== undefined;

  const victims = new Float64Array(n);
  const share = new Float64Array(n);
  fillQuantityDraws(victims, model.victims, sVictims);
  if (!kExact) fillQuantityDraws(share, model.incidentsPerVictim, sIpv);
  for (let i = 0; i < n; i++) share[i] = drawRecordedShare(rng, model.noise, c, f, kExact ? kConst : share[i]!, victims[i]!);

  const point = model.point;
  const summary: ImpliedSummary = { limits: {}, sd: {} };
  summary.sd.recordedShare = standardDeviationOf(share, point.recordedShare);

  // Third array: reporting draws, then recording = share / reporting.
  let recording: Float64Array | undefined;
  if (hasReporting) {
    recording = new Float64Array(n);
    fillProbabilityDraws(recording, model.reporting!, sRep);
    for (let i = 0; i < n; i++) recording[i] = finiteOrInfinity(share[i]! / recording[i]!);
    summary.sd.recording = standardDeviationOf(recording, point.recording);
  }

  if (keepDraws) {
    const unrecorded = new Float64Array(n);
    for (let i = 0; i < n; i++) unrecorded[i] = finiteOrInfinity(victims[i]! * (1 - share[i]!));
    summary.sd.unrecorded = standardDeviationOf(unrecorded, point.unrecorded);
    const scratch = new Float64Array(n);
    const limitsOf = (a: Float64Array) => {
      scratch.set(a);
      return percentileInterval(scratch, level);
    };
    summary.limits.recordedShare = limitsOf(share);
    summary.limits.unrecorded = limitsOf(unrecorded);
    if (recording) summary.limits.recording = limitsOf(recording);
    summary.draws = recording ? { victims, recordedShare: share, unrecorded, recording } : { victims, recordedShare: share, unrecorded };
    return summary;
  }
  if (recording) summary.limits.recording = percentileInterval(recording, level);
  // Reuse the victims array for the unrecorded victims.
  for (let i = 0; i < n; i++) victims[i] = finiteOrInfinity(victims[i]! * (1 - share[i]!));
  summary.sd.unrecorded = standardDeviationOf(victims, point.unrecorded);
  summary.limits.unrecorded = percentileInterval(victims, level);
  summary.limits.recordedShare = percentileInterval(share, level);
  return summary;
}
