import { singleYearRows } from './singleYearRows';
import type { PopulationRow } from './types';

/**
 * Mid-2018 population of England and Wales by sex and single year of age (0 to 89, and `'90+'`):
 * 182 frozen rows `{ sex, age, population }`, males first, totalling 59,115,809.
 *
 * ONS mid-year population estimates for 30 June 2018 (usual residents), summed over every English
 * and Welsh local authority in the Nomis NM_2002_1 extract; the total matches the published
 * ONS mid-2018 figure. Women aged 16-59: 16,854,780; men aged 16-59: 16,884,590.
 *
 * Source: Office for National Statistics licensed under the Open Government Licence v3.0.
 * See docs/data-sources.md.
 *
 * @example
 * ```ts
 * import { populationEnglandWales2018 } from 'darkfigure/data';
 * const women16to59 = populationEnglandWales2018
 *   .filter((r) => r.sex === 'female' && typeof r.age === 'number' && r.age >= 16 && r.age <= 59)
 *   .reduce((sum, r) => sum + r.population, 0); // 16854780
 * ```
 */
export const populationEnglandWales2018: readonly PopulationRow[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ singleYearRows(
    [
      343642, 355122, 366722, 366885, 370156, 379046, 389944, 382853, 375940, 370701, 374227, 363050, 355341,
      340477, 335049, 326966, 322053, 331230, 342704, 357238, 365272, 379090, 384953, 385545, 398777, 398344,
      406516, 419212, 412432, 404407, 405599, 391440, 399827, 399528, 387477, 388951, 387242, 391396, 391859,
      377286, 352101, 346424, 350575, 357469, 363192, 379234, 395517, 405365, 395535, 404530, 403737, 410877,
      408088, 410161, 406510, 396937, 388635, 374426, 357968, 348931, 341131, 327219, 314633, 301744, 300853,
      296655, 285760, 286256, 290138, 297174, 311407, 336190, 255554, 245020, 241234, 219625, 192021, 168807,
      172046, 166392, 157065, 143896, 131207, 119193, 104143, 93055, 83798, 73224, 61794, 50297, 167009,
    ],
    [
      326155, 337670, 348591, 348453, 352034, 360147, 372335, 365100, 358982, 353272, 356173, 344031, 338357,
      324828, 319249, 309669, 304705, 315248, 323012, 337970, 345284, 356970, 359679, 364594, 377796, 382149,
      398238, 404484, 397714, 398776, 405108, 398745, 398264, 398654, 391388, 394992, 394926, 397248, 397337,
      379664, 353791, 348121, 355929, 362755, 369598, 385049, 401192, 416845, 406090, 416040, 415130, 419486,
      421439, 423144, 418559, 408404, 398188, 384028, 368173, 359874, 351781, 338594, 325934, 314964, 317173,
      311698, 303606, 305321, 312027, 318141, 335520, 361374, 278419, 269150, 266284, 247270, 220354, 197340,
      202488, 198782, 190764, 179345, 168094, 156290, 141800, 131476, 123277, 113357, 101402, 86757, 361950,
    ],
  ),
);
