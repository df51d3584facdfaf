import type { NormalisedCount } from './recordedCount';
import type { ProbabilityDistribution } from './uncertainProbability';
import type { QuantityDistribution } from './uncertainQuantity';

/** The quantities `impliedRecording` estimates. @internal */
export type ImpliedOutput = 'recordedShare' | 'recording' | 'unrecorded';

/** Normalised inputs of `impliedRecording`. @internal */
export interface ImpliedRecordingModel {
  count: NormalisedCount;
  victims: QuantityDistribution;
  reporting: ProbabilityDistribution | undefined;
  incidentsPerVictim: QuantityDistribution;
  noise: number;
  point: Record<ImpliedOutput, number>;
}

/** What an `impliedRecording` kernel returns. @internal */
export interface ImpliedSummary {
  limits: Partial<Record<ImpliedOutput, [number, number]>>;
  sd: Partial<Record<ImpliedOutput, number | undefined>>;
  draws?: { victims: Float64Array; recordedShare: Float64Array; unrecorded: Float64Array; recording?: Float64Array };
  notes?: Partial<Record<ImpliedOutput, string[]>>;
}

/**
 * Plug-in estimates: recorded share p = recorded / incidentsPerVictim / victims, share of reports
 * recorded = p / reporting, unrecorded = victims - recorded / incidentsPerVictim.
 * @internal
 */
export function impliedPoint(
  count: NormalisedCount,
  victims: QuantityDistribution,
  reporting: ProbabilityDistribution | undefined,
  incidentsPerVictim: QuantityDistribution,
): Record<ImpliedOutput, number> {
  const recordedVictims = count.annual / incidentsPerVictim.estimate;
  const p = recordedVictims / victims.estimate;
  return {
    recordedShare: p,
    recording: reporting ? p / reporting.estimate : NaN,
    unrecorded: Math.max(0, victims.estimate - recordedVictims),
  };
}
