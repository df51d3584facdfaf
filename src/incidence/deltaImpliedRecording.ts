import { normalQuantile } from '../special/normalQuantile';
import { NOISE_BINOMIAL, NOISE_NONE } from './drawVictims';
import type { ImpliedRecordingModel, ImpliedSummary } from './impliedRecordingModel';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';
import { log1p } from '../special/elementary/log1p';

function expit(x: number): number {
  return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x));
}

/**
 * The delta method (Oehlert 1992) for `impliedRecording`, inputs independent. With squared coefficients
 * of variation cV (victims), cK (incidents per victim), cA (reporting) and count noise
 * cN = (1 - p) / rv (binomial), 1 / rv (Poisson) or 0 (none), rv the recorded victims in the period:
 * var log p = cN + cK + cV, limits on the logit scale (se / (1 - p)); var log(p / reporting) adds cA;
 * unrecorded U = V - X with X = V p: var U = var V + X^2 (cN + cK), limits on the log scale.
 * A count of 0: upper limits from the exact Poisson limit for 0 events (Garwood 1936).
 * @internal
 */
export function deltaImpliedRecording(model: ImpliedRecordingModel, level: number): ImpliedSummary {
  const z = -normalQuantile((1 - level) / 2);
  const { victims, reporting, incidentsPerVictim, point, noise } = model;
  const V = victims.estimate;
  const k = incidentsPerVictim.estimate;
  const cV = victims.variance / (V * V);
  const cK = incidentsPerVictim.variance / (k * k);
  const cA = reporting ? reporting.variance / (reporting.estimate * reporting.estimate) : 0;
  const rv = model.count.count / k;
  const p = point.recordedShare;
  const summary: ImpliedSummary = { limits: {}, sd: {}, notes: {} };

  if (rv > 0 || noise === NOISE_NONE) {
    const cN = noise === NOISE_NONE || rv === 0 ? 0 : noise === NOISE_BINOMIAL ? (1 - p) / rv : 1 / rv;
    const varLog = cN + cK + cV;
    if (p > 0 && p < 1) {
      const se = Math.sqrt(varLog) / (1 - p);
      const logit = log(p) - log1p(-p);
      summary.limits.recordedShare = [expit(logit - z * se), expit(logit + z * se)];
    } else {
      summary.limits.recordedShare = [p * exp(-z * Math.sqrt(varLog)), Math.min(1, p * exp(z * Math.sqrt(varLog)))];
    }
    summary.sd.recordedShare = p * Math.sqrt(varLog);
    if (reporting) {
      const se = Math.sqrt(varLog + cA);
      summary.limits.recording = [point.recording * exp(-z * se), point.recording * exp(z * se)];
      summary.sd.recording = point.recording * se;
    }
    const X = V * p;
    const sdU = Math.sqrt(victims.variance + X * X * (cN + cK));
    const U = point.unrecorded;
    if (U > 0) {
      const se = sdU / U;
      summary.limits.unrecorded = [U * exp(-z * se), U * exp(z * se)];
    } else summary.limits.unrecorded = [0, sdU > 0 ? z * sdU : 0];
    summary.sd.unrecorded = sdU;
  } else {
    const upperCount = (-log((1 - level) / 2) * model.count.factor) / k;
    const upperShare = (upperCount / V) * exp(z * Math.sqrt(cK + cV));
    summary.limits.recordedShare = [0, Math.min(1, upperShare)];
    if (reporting) summary.limits.recording = [0, (upperShare / reporting.estimate) * exp(z * Math.sqrt(cA))];
    const se = Math.sqrt(cV);
    summary.limits.unrecorded = [V * exp(-z * se), V * exp(z * se)];
    summary.sd.unrecorded = Math.sqrt(victims.variance);
    const note = 'no recorded events: the log-scale delta method is undefined; upper limits from the exact Poisson limit for 0 events (Garwood 1936)';
    summary.notes = { recordedShare: [note], ...(reporting ? { recording: [note] } : {}) };
  }
  return summary;
}
