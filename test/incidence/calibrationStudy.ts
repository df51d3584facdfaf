/**
 * The calibration (coverage) study of hiddenIncidence, shared by test/incidence/calibration.test.ts (CI size)
 * and bench/calibration.ts (a larger run for docs/incidence.md). Not a test file itself.
 *
 * Each replication plays nature and then the analyst:
 * 1. nature: a true number of victims V over the period (fixed per regime, or Poisson around a mean for the
 *    'poisson' estimand), thinned by the true reporting and recording probabilities,
 *    reported ~ Binomial(V, reporting), recorded victims ~ Binomial(reported, recording); with repeat
 *    victimisation each recorded victim has 1 + Poisson(extra) recorded crimes;
 * 2. the survey and audit samples that estimate those probabilities are drawn (binomial samples, or
 *    with a design effect: an estimate from Binomial(base / deft^2) passed as { estimate, base, designFactor });
 * 3. the analyst runs hiddenIncidence on what they would see (the count, the samples) and we record
 *    whether the interval covers the truth (V annualised, or the expected number for the Poisson estimand).
 */
import { hiddenIncidence, type CountNoise, type HiddenIncidenceInput } from '../../src/index';
import { createGenerator } from '../../src/random/generator';
import { sampleBinomial } from '../../src/random/sampleBinomial';
import { samplePoisson } from '../../src/random/samplePoisson';

export interface Regime {
  name: string;
  /** True victims over the period (the mean of a Poisson when countNoise is 'poisson'). */
  victims: number;
  reporting: number;
  reportingSample: number;
  recording: number;
  recordingSample: number;
  /** Design factor of the reporting survey (1: a simple random sample passed as { successes, trials }). */
  designFactor?: number;
  /** Days in the period (undefined: one year, a plain count). */
  days?: number;
  /** Mean extra recorded crimes per recorded victim (repeat victimisation), and the analyst's sample of victims. */
  repeat?: { extra: number; sample: number };
  countNoise?: CountNoise;
}

export const REGIMES: Regime[] = [
  { name: 'reporting 0.5 from n = 300 (about 6,000 recorded)', victims: 20_000, reporting: 0.5, reportingSample: 300, recording: 0.6, recordingSample: 1000 },
  { name: 'recording 0.05 from n = 2,000 (about 2,500 recorded)', victims: 100_000, reporting: 0.5, reportingSample: 300, recording: 0.05, recordingSample: 2000 },
  { name: 'small count (about 22 recorded)', victims: 110, reporting: 0.5, reportingSample: 300, recording: 0.4, recordingSample: 500 },
  {
    name: 'large count (about 7,706 over 1,040 days)',
    victims: 3_130_000,
    reporting: 0.5,
    reportingSample: 300,
    recording: 0.004924,
    recordingSample: 20_000,
    days: 1040,
  },
  { name: 'high recorded share 0.72 (about 144 recorded)', victims: 200, reporting: 0.8, reportingSample: 300, recording: 0.9, recordingSample: 300 },
  { name: 'survey with design factor 1.3 (base 1,500)', victims: 40_000, reporting: 0.3, reportingSample: 1500, designFactor: 1.3, recording: 0.2, recordingSample: 800 },
  {
    name: 'repeat victimisation 1.25 crimes per victim (sample of 400)',
    victims: 10_000,
    reporting: 0.5,
    reportingSample: 300,
    recording: 0.3,
    recordingSample: 600,
    repeat: { extra: 0.25, sample: 400 },
  },
  { name: "Poisson estimand (countNoise: 'poisson'), about 22 recorded", victims: 110, reporting: 0.5, reportingSample: 300, recording: 0.4, recordingSample: 500, countNoise: 'poisson' },
];

export interface Coverage {
  regime: string;
  replications: number;
  /** Share of 95% intervals covering the truth: Monte Carlo victims, Monte Carlo unrecorded, delta victims. */
  victims: number;
  unrecorded: number;
  deltaVictims: number;
  /** Misses with the truth below the lower limit / above the upper limit (Monte Carlo victims). */
  missLow: number;
  missHigh: number;
  meanRecorded: number;
}

/** Run `replications` simulated analyses of one regime with `draws` Monte Carlo draws each. */
export function coverage(regime: Regime, replications: number, draws: number, seed = 2024): Coverage {
  const rng = createGenerator(seed);
  const noise = regime.countNoise ?? 'binomial';
  const factor = regime.days === undefined ? 1 : 365.25 / regime.days;
  let hit = 0;
  let hitU = 0;
  let hitD = 0;
  let missLow = 0;
  let missHigh = 0;
  let recordedTotal = 0;
  for (let r = 0; r < replications; r++) {
    const V = noise === 'poisson' ? samplePoisson(rng, regime.victims) : regime.victims;
    const reported = sampleBinomial(rng, V, regime.reporting);
    const recordedVictims = sampleBinomial(rng, reported, regime.recording);
    let crimes = recordedVictims;
    let incidentsPerVictim: HiddenIncidenceInput['incidentsPerVictim'];
    if (regime.repeat) {
      crimes += samplePoisson(rng, regime.repeat.extra * recordedVictims);
      // The analyst's sample of victims: mean and standard error of 1 + Poisson(extra).
      const m = regime.repeat.sample;
      const extra = samplePoisson(rng, regime.repeat.extra * m);
      const mean = 1 + extra / m;
      incidentsPerVictim = { estimate: mean, standardError: Math.sqrt(Math.max(extra / m, 1 / m) / m) };
    }
    const deft = regime.designFactor ?? 1;
    let reporting: HiddenIncidenceInput['reporting'];
    if (deft === 1) reporting = { successes: sampleBinomial(rng, regime.reportingSample, regime.reporting), trials: regime.reportingSample };
    else {
      const effective = Math.round(regime.reportingSample / (deft * deft));
      reporting = { estimate: sampleBinomial(rng, effective, regime.reporting) / effective, base: regime.reportingSample, designFactor: deft };
    }
    const recording = { successes: sampleBinomial(rng, regime.recordingSample, regime.recording), trials: regime.recordingSample };
    const recorded = regime.days === undefined ? crimes : { count: crimes, days: regime.days };
    recordedTotal += crimes;
    const input: HiddenIncidenceInput = { recorded, reporting, recording, ...(incidentsPerVictim ? { incidentsPerVictim } : {}) };
    const mc = hiddenIncidence(input, { draws, seed: r, countNoise: noise });
    const truth = (noise === 'poisson' ? regime.victims : V) * factor;
    const truthUnrecorded = noise === 'poisson' ? regime.victims * (1 - regime.reporting * regime.recording) * factor : (V - recordedVictims) * factor;
    if (truth < mc.victims.lower) missLow++;
    else if (truth > mc.victims.upper) missHigh++;
    else hit++;
    if (mc.unrecorded.lower <= truthUnrecorded && truthUnrecorded <= mc.unrecorded.upper) hitU++;
    if (crimes > 0) {
      const delta = hiddenIncidence(input, { method: 'delta', countNoise: noise });
      if (delta.victims.lower <= truth && truth <= delta.victims.upper) hitD++;
    }
  }
  return {
    regime: regime.name,
    replications,
    victims: hit / replications,
    unrecorded: hitU / replications,
    deltaVictims: hitD / replications,
    missLow,
    missHigh,
    meanRecorded: recordedTotal / replications,
  };
}
