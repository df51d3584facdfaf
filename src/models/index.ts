/**
 * darkfigure/models: models fitted to data (count regressions). The only entry point that depends on
 * mathjs-sized machinery; the core `darkfigure` entry never imports it.
 *
 * @packageDocumentation
 * @module darkfigure/models
 */
export { countModel, type CountModel, type CountModelOptions, type CountFamily, type CoefficientRow, type CoefficientInterval } from './countModel';
export type { ResidualSummary } from './glm/residualSummary';
export type { ModelSpec, DesignColumn } from './design/modelSpec';
export { predictCounts, type PredictCountsOptions, type PredictedCount } from './predictCounts';
export { compareCountModels, type CountModelComparison } from './compareCountModels';
export { twoListEstimate, type TwoListEstimate, type TwoListMethod, type TwoListInterval, type TwoListOptions } from './capture/twoListEstimate';
export type { CaptureCounts } from './capture/captureTable';
export {
  multipleSystems,
  type MultipleSystems,
  type MultipleSystemsCandidate,
  type MultipleSystemsInterval,
  type MultipleSystemsModel,
  type MultipleSystemsOptions,
} from './capture/multipleSystems';
export { closedPopulation, type ClosedPopulation, type ClosedPopulationModel, type ClosedPopulationOptions } from './capture/closedPopulation';
export {
  fayHerriot,
  type FayHerriot,
  type FayHerriotArea,
  type FayHerriotMethod,
  type FayHerriotOptions,
  type FayHerriotTransform,
} from './smallArea/fayHerriot';
export {
  reclassify,
  type Reclassified,
  type ReclassifyOptions,
  type ReclassifyPrior,
  type RecordedAsForm,
} from './reclassify/reclassify';
export { roganGladen, type RoganGladen, type RoganGladenMethod, type RoganGladenOptions } from './reclassify/roganGladen';
