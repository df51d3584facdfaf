import type { NormalisedCount } from './recordedCount';
import type { ProbabilityDistribution } from './uncertainProbability';
import type { QuantityDistribution } from './uncertainQuantity';

/** The quantities `hiddenIncidence` estimates, in result order. @internal */
export const OUTPUTS = ['victims', 'reported', 'unrecorded', 'recordedShare', 'multiplier'] as const;

/** One of {@link OUTPUTS}. @internal */
export type Output = (typeof OUTPUTS)[number];

/** The normalised inputs of the hidden-incidence chain. @internal */
export interface HiddenIncidenceModel {
  count: NormalisedCount;
  reporting: ProbabilityDistribution;
  recording: ProbabilityDistribution;
  incidentsPerVictim: QuantityDistribution;
  /** NOISE_NONE, NOISE_BINOMIAL or NOISE_POISSON. */
  noise: number;
  /** Point estimates, from {@link pointEstimates}. */
  point: Record<Output, number>;
}

/** Standard deviation of an output's draws (undefined when some draw is infinite). @internal */
export interface Moments {
  sd: number | undefined;
}

/** Draws of every output, in draw order (paired). @internal */
export type ModelDraws = Record<Output, Float64Array>;

/** What a method kernel returns. @internal */
export interface ModelSummary {
  limits: Record<Output, [number, number]>;
  moments: Record<Output, Moments>;
  draws?: ModelDraws;
  notes?: Partial<Record<Output, string[]>>;
}

/**
 * Plug-in point estimates of the chain: recorded share q = reporting x recording, victims =
 * recorded / incidentsPerVictim / q, reported = victims x reporting, unrecorded = victims - recorded /
 * incidentsPerVictim (= victims (1 - q)), multiplier = 1 / (incidentsPerVictim x q).
 * @internal
 */
export function pointEstimates(
  count: NormalisedCount,
  reporting: ProbabilityDistribution,
  recording: ProbabilityDistribution,
  incidentsPerVictim: QuantityDistribution,
): Record<Output, number> {
  const a = reporting.estimate;
  const q = a * recording.estimate;
  const k = incidentsPerVictim.estimate;
  const victims = count.annual / k / q;
  return {
    victims,
    reported: victims * a,
    unrecorded: Math.max(0, victims - count.annual / k),
    recordedShare: q,
    multiplier: 1 / (k * q),
  };
}
