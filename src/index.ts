/**
 * darkfigure: estimate the hidden incidence (the "dark figure") of under-reported crime,
 * with honest confidence intervals.
 *
 * @packageDocumentation
 * @module darkfigure
 */
export type { Interval, IntervalMethod } from './core/interval';
export { InputError, type InputIssue } from './core/InputError';
export { isInputError } from './core/isInputError';
export { esp2013 } from './data/esp2013';
export type { StandardPopulationRow } from './data/types';
export {
  standardisedRate,
  type StandardisedRate,
  type StandardisedRateOptions,
  type StandardisedRateRow,
} from './standardise/standardisedRate';
export { standardisedRatio, type StandardisedRatio, type StandardisedRatioOptions } from './standardise/standardisedRatio';
export { expectedCount, type ExpectedCountOptions, type ReferenceRateRow } from './standardise/expectedCount';
export {
  surveyProportion,
  type SurveyProportion,
  type SurveyProportionInput,
  type SurveyProportionMethod,
  type SurveyProportionOptions,
} from './survey/surveyProportion';
export {
  expectedVictims,
  type ExpectedVictims,
  type ExpectedVictimsOptions,
  type PopulationInputRow,
  type PrevalenceRow,
  type VictimStratum,
} from './survey/expectedVictims';
export {
  proportionCI,
  type ProportionCIOptions,
  type ProportionMethod,
} from './intervals/proportionCI';
export { poissonCI, type PoissonCIOptions, type PoissonMethod } from './intervals/poissonCI';
export { rateCI, type RateCIOptions, type RateMethod } from './intervals/rateCI';
export {
  rateRatioCI,
  type RateGroup,
  type RateRatioCIOptions,
  type RateRatioMethod,
} from './intervals/rateRatioCI';
export {
  hiddenIncidence,
  type HiddenIncidence,
  type HiddenIncidenceDraws,
  type HiddenIncidenceInput,
  type HiddenIncidenceOptions,
  type CountNoise,
} from './incidence/hiddenIncidence';
export {
  impliedRecording,
  type ImpliedRecording,
  type ImpliedRecordingInput,
  type ImpliedRecordingOptions,
} from './incidence/impliedRecording';
export { relationshipShares, type RelationshipSharesOptions } from './incidence/relationshipShares';
export { splitByShares, type SplitByShares, type SplitBySharesOptions, type SplitTotal } from './incidence/splitByShares';
export type { ShareScale } from './incidence/shareOptions';
export type { ShareIntervals } from './incidence/relationshipShares';
export { sharedNotes } from './core/sharedNotes';
export type { LocalPrevalence, AreaPrevalenceRow } from './compare/local/localPrevalence';
export type { SplitQuantity } from './incidence/splitByShares';
export type { UncertainProbability } from './incidence/uncertainProbability';
export type { UncertainQuantity } from './incidence/uncertainQuantity';
export type { RecordedCount } from './incidence/recordedCount';
export { multinomialCI, type MultinomialCIOptions, type MultinomialMethod } from './intervals/multinomialCI';
export {
  changeOverTime,
  type ChangeOverTime,
  type ChangeOverTimeOptions,
  type ChangePeriod,
  type PeriodCount,
} from './compare/changeOverTime';
export { perDay, type PerDay, type PerDayOptions, type Period } from './compare/perDay';
export {
  funnelLimits,
  type FunnelFlag,
  type FunnelGrid,
  type FunnelLimitRow,
  type FunnelLimitsInput,
  type FunnelMethod,
  type FunnelOverdispersion,
  type FunnelType,
} from './compare/funnelLimits';
export { funnelPlot, type FunnelArea, type FunnelPlot, type FunnelPlotOptions, type FunnelPlotRow } from './compare/funnelPlot';
export {
  localEstimates,
  type LocalArea,
  type LocalEstimate,
  type LocalEstimates,
  type LocalEstimatesInput,
  type LocalEstimatesOptions,
  type LocalEstimatesSummary,
  type LocalFlag,
} from './compare/localEstimates';
export { formatInterval, type FormatIntervalOptions } from './format/formatInterval';
export { toRows, type TidyRow } from './format/toRows';
