import { normalQuantile } from '../special/normalQuantile';
import { NOISE_BINOMIAL, NOISE_NONE, NOISE_POISSON } from './drawVictims';
import type { HiddenIncidenceModel, ModelSummary, Output } from './hiddenIncidenceModel';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';
import { log1p } from '../special/elementary/log1p';
import { logScaleLimits, UNBOUNDED_VARIANCE_NOTE } from './logScaleLimits';
import { sixDigits } from '../core/sixDigits';


function expit(x: number): number {
  return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x));
}

/**
 * The delta method on the log scale (Oehlert 1992; e.g. Casella & Berger 2002, section 5.5.4) for the
 * hidden-incidence chain. With squared coefficients of variation cA, cB, cK of reporting, recording and
 * incidents per victim (each from its distribution's variance over its estimate squared) and recorded
 * victims rv = count / incidentsPerVictim over the period, q = reporting x recording:
 *
 * - var log(victims) = cN + cK + cA + cB, with count noise cN = (1 - q) / rv (binomial thinning),
 *   1 / rv (Poisson) or 0 (none);
 * - var log(reported) = cN + cK + cB;
 * - var log(unrecorded) = cU + cK + (cA + cB) / (1 - q)^2, with cU = 1 / (rv (1 - q)) (binomial),
 *   1 / rv (Poisson) or 0;
 * - var logit(recordedShare) = (cA + cB) / (1 - q)^2 (log scale, upper limit 1, when q = 1);
 * - var log(multiplier) = cK + cA + cB.
 *
 * Limits are exp(log value +/- z se) (expit on the logit scale). The inputs are treated as independent.
 * A variance that overflows (a recorded count so small that 1 / rv is infinite) gives an unbounded upper
 * limit, an undefined standard deviation and a note, never NaN.
 * A count of 0 leaves the log scale undefined: the upper limits then use the exact Poisson upper limit
 * for 0 events, -log((1 - level) / 2) (Garwood 1936), over the delta-method lower limit of the recorded
 * share; lower limits are 0.
 * @internal
 */
export function deltaHiddenIncidence(model: HiddenIncidenceModel, level: number): ModelSummary {
  const z = -normalQuantile((1 - level) / 2);
  const { reporting, recording, incidentsPerVictim, point, noise } = model;
  const a = reporting.estimate;
  const b = recording.estimate;
  const k = incidentsPerVictim.estimate;
  const q = point.recordedShare;
  const cA = reporting.relativeVariance;
  const cB = recording.relativeVariance;
  const cK = incidentsPerVictim.relativeVariance;
  const rv = model.count.count / k;

  const limits = {} as Record<Output, [number, number]>;
  const moments = {} as ModelSummary['moments'];
  const notes: Partial<Record<Output, string[]>> = {};
  const logScale = (key: Output, variance: number) => {
    const r = logScaleLimits(point[key], Math.sqrt(variance), z);
    limits[key] = r.limits;
    moments[key] = { sd: r.sd };
    if (r.unbounded) (notes[key] ??= []).push(UNBOUNDED_VARIANCE_NOTE);
  };

  // Recorded share: logit scale; log scale with upper limit 1 at q = 1.
  const shareVar = cA + cB;
  if (q < 1) {
    const se = Math.sqrt(shareVar) / (1 - q);
    const logit = log(q) - log1p(-q);
    limits.recordedShare = [expit(logit - z * se), expit(logit + z * se)];
    moments.recordedShare = { sd: q * Math.sqrt(shareVar) };
  } else {
    limits.recordedShare = [exp(-z * Math.sqrt(shareVar)), 1];
    moments.recordedShare = { sd: Math.sqrt(shareVar) };
    if (shareVar > 0) notes.recordedShare = ['recorded share estimated at 1: logit scale undefined, log-scale lower limit and upper limit 1 used'];
  }
  logScale('multiplier', cK + cA + cB);

  if (rv > 0 || noise === NOISE_NONE) {
    const cN = noise === NOISE_NONE ? 0 : noise === NOISE_BINOMIAL ? (1 - q) / rv : 1 / rv;
    logScale('victims', cN + cK + cA + cB);
    logScale('reported', cN + cK + cB);
    // Thinning and census: every recorded victim is a victim, so victims >= recorded victims a year. The
    // symmetric log-scale interval does not know that; say so rather than move the limit.
    const recordedVictims = model.count.annual / k;
    if (noise !== NOISE_POISSON && limits.victims[0] < recordedVictims) {
      (notes.victims ??= []).push(
        `the delta method's lower limit is below the recorded victims a year (${sixDigits(recordedVictims)}), which thinning rules out: the log-scale approximation is poor here; the Monte Carlo method respects that bound`,
      );
    }
    if (q < 1) {
      const cU = noise === NOISE_NONE ? 0 : noise === NOISE_BINOMIAL ? 1 / (rv * (1 - q)) : 1 / rv;
      logScale('unrecorded', cU + cK + shareVar / ((1 - q) * (1 - q)));
    } else {
      limits.unrecorded = [0, 0];
      moments.unrecorded = { sd: 0 };
      if (shareVar > 0) {
        (notes.unrecorded ??= []).push(
          'recorded share estimated at 1: the delta method puts the unrecorded victims at exactly 0, ignoring the uncertainty in reporting and recording; the Monte Carlo method accounts for it',
        );
      }
    }
  } else {
    // No recorded events: exact Poisson upper limit for 0, scaled by the multiplier's upper limit.
    const upperCount = -log((1 - level) / 2) * model.count.factor;
    const upperVictims = (upperCount / (k * q)) * exp(z * Math.sqrt(cK + cA + cB));
    const upperReported = (upperCount / (k * b)) * exp(z * Math.sqrt(cK + cB));
    limits.victims = [0, upperVictims];
    limits.reported = [0, upperReported];
    limits.unrecorded = [0, upperVictims];
    const note = 'no recorded events: the log-scale delta method is undefined; upper limit from the exact Poisson limit for 0 events (Garwood 1936) times the multiplier\'s upper limit';
    notes.victims = [note];
    notes.reported = [note];
    notes.unrecorded = [note];
    moments.victims = { sd: undefined };
    moments.reported = { sd: undefined };
    moments.unrecorded = { sd: undefined };
  }
  return { limits, moments, notes };
}
