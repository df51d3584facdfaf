/**
 * Example data sets for darkfigure: the 2013 European Standard Population, ONS mid-2018 populations
 * (England and Wales, and 19 local authority districts, by sex and single year of age) and the published
 * figures on stalking used in the examples. A separate entry point, `darkfigure/data`, so bundles that do
 * not import it pay nothing; each data set is its own module.
 *
 * Sources: Office for National Statistics licensed under the Open Government Licence v3.0; Eurostat
 * (ESP2013); press reports and Suzy Lamplugh Trust figures. See docs/data-sources.md.
 *
 * @packageDocumentation
 * @module darkfigure/data
 */
export { esp2013 } from './esp2013';
export { populationEnglandWales2018 } from './populationEnglandWales2018';
export { populationSelectedAreas2018 } from './populationSelectedAreas2018';
export { counties2018, policeForceAreas2018 } from './areaGroups2018';
export { stalkingFigures } from './stalkingFigures';
export type { Sex, SingleYearAge, StandardPopulationRow, PopulationRow, AreaPopulationRow, AreaGroup } from './types';
