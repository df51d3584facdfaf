import { normalQuantile } from '../special/normalQuantile';
import { NOISE_BINOMIAL, NOISE_NONE } from './drawVictims';
import type { ImpliedRecordingModel, ImpliedSummary } from './impliedRecordingModel';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';
import { log1p } from '../special/elementary/log1p';
import { logScaleLimits, UNBOUNDED_VARIANCE_NOTE } from './logScaleLimits';

function expit(x: number): number {
  return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x));
}

/**
 * The delta method (Oehlert 1992) for `impliedRecording`, inputs independent. With squared coefficients
 * of variation cV (victims), cK (incidents per victim), cA (reporting) and count noise
 * cN = (1 - p) / rv (binomial), 1 / rv (Poisson) or 0 (none), rv the recorded victims in the period:
 * var log p = cN + cK + cV, limits on the logit scale (se / (1 - p)); var log(p / reporting) adds cA;
 * unrecorded U = V - X with X = V p: var U = var V + X^2 (cN + cK), limits on the log scale.
 * A count of 0: upper limits from the exact Poisson limit for 0 events (Garwood 1936). A vanishing count
 * whose variance term overflows gives unbounded upper limits (1 for the share) with a note, never NaN
 * ({@link logScaleLimits}).
 * @internal
 */
export function deltaImpliedRecording(model: ImpliedRecordingModel, level: number): ImpliedSummary {
  const z = -normalQuantile((1 - level) / 2);
  const { victims, reporting, incidentsPerVictim, point, noise } = model;
  const V = victims.estimate;
  const k = incidentsPerVictim.estimate;
  const cV = victims.relativeVariance;
  const cK = incidentsPerVictim.relativeVariance;
  const cA = reporting ? reporting.relativeVariance : 0;
  const rv = model.count.count / k;
  const p = point.recordedShare;
  const summary: ImpliedSummary = { limits: {}, sd: {}, notes: {} };

  if (rv > 0 || noise === NOISE_NONE) {
    const cN = noise === NOISE_NONE || rv === 0 ? 0 : noise === NOISE_BINOMIAL ? (1 - p) / rv : 1 / rv;
    const varLog = cN + cK + cV;
    const unboundedNote = (key: 'recordedShare' | 'recording' | 'unrecorded', note: string) => {
      summary.notes = { ...summary.notes, [key]: [...(summary.notes?.[key] ?? []), note] };
    };
    if (p > 0 && p < 1) {
      const se = Math.sqrt(varLog) / (1 - p);
      const logit = log(p) - log1p(-p);
      summary.limits.recordedShare = [expit(logit - z * se), expit(logit + z * se)];
      summary.sd.recordedShare = varLog === Infinity ? undefined : p * Math.sqrt(varLog);
    } else {
      const r = logScaleLimits(p, Math.sqrt(varLog), z);
      summary.limits.recordedShare = [r.limits[0], Math.min(1, r.limits[1])];
      summary.sd.recordedShare = r.sd;
      if (r.unbounded) unboundedNote('recordedShare', 'the delta-method variance is unbounded (a vanishing recorded count): the upper limit is 1');
    }
    if (reporting) {
      const r = logScaleLimits(point.recording, Math.sqrt(varLog + cA), z);
      summary.limits.recording = r.limits;
      summary.sd.recording = r.sd;
      if (r.unbounded) unboundedNote('recording', UNBOUNDED_VARIANCE_NOTE);
    }
    // var U / V^2 = cV + p^2 (cN + cK) with X = V p; p^2 cN written as p (p / rv) (1 - p) or p (p / rv) (where
    // 1 / rv overflows, p^2 underflows to 0), and everything relative to V so that victims near the largest
    // double (whose variance overflows) still give a finite standard deviation.
    const countTerm = noise === NOISE_NONE || rv === 0 ? 0 : p * (p / rv) * (noise === NOISE_BINOMIAL ? 1 - p : 1);
    const relSdU = Math.sqrt(cV + countTerm + p * p * cK);
    const sdU = V * relSdU;
    const U = point.unrecorded;
    if (U > 0) {
      const r = logScaleLimits(U, relSdU * (V / U), z);
      summary.limits.unrecorded = r.limits;
      if (r.unbounded) unboundedNote('unrecorded', UNBOUNDED_VARIANCE_NOTE);
    } else summary.limits.unrecorded = [0, sdU > 0 ? z * sdU : 0];
    summary.sd.unrecorded = sdU === Infinity ? undefined : sdU;
  } else {
    const upperCount = (-log((1 - level) / 2) * model.count.factor) / k;
    const upperShare = (upperCount / V) * exp(z * Math.sqrt(cK + cV));
    summary.limits.recordedShare = [0, Math.min(1, upperShare)];
    if (reporting) summary.limits.recording = [0, (upperShare / reporting.estimate) * exp(z * Math.sqrt(cA))];
    const se = Math.sqrt(cV);
    summary.limits.unrecorded = [V * exp(-z * se), V * exp(z * se)];
    summary.sd.unrecorded = V * Math.sqrt(cV);
    const note = 'no recorded events: the log-scale delta method is undefined; upper limits from the exact Poisson limit for 0 events (Garwood 1936)';
    summary.notes = { recordedShare: [note], ...(reporting ? { recording: [note] } : {}) };
  }
  return summary;
}
