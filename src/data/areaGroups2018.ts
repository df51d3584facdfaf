import type { AreaGroup } from './types';

function group(code: string, name: string, areaCodes: readonly string[]): AreaGroup {
  return Object.freeze({ code, name, areaCodes: Object.freeze(areaCodes.slice()) });
}

/**
 * Counties made of districts in {@link populationSelectedAreas2018} (2018 boundaries), by name:
 * `Lincolnshire` (E10000019) = Boston, East Lindsey, Lincoln, North Kesteven, South Holland,
 * South Kesteven and West Lindsey (mid-2018 population 755,833).
 *
 * Source: Office for National Statistics licensed under the Open Government Licence v3.0
 * (codes and populations). See docs/data-sources.md.
 *
 * @example
 * ```ts
 * import { populationSelectedAreas2018, counties2018 } from 'darkfigure/data';
 * const codes = counties2018.Lincolnshire.areaCodes;
 * populationSelectedAreas2018
 *   .filter((r) => codes.includes(r.areaCode))
 *   .reduce((sum, r) => sum + r.population, 0); // 755833
 * ```
 */
export const counties2018: Readonly<Record<'Lincolnshire', AreaGroup>> = /* @__PURE__ */ Object.freeze({
  Lincolnshire: /* @__PURE__ */ group('E10000019', 'Lincolnshire', [
    'E07000136', 'E07000137', 'E07000138', 'E07000139', 'E07000140', 'E07000141', 'E07000142',
  ]),
});

/**
 * Police force areas made of districts in {@link populationSelectedAreas2018} (2018 boundaries), by name:
 * `Bedfordshire` (E23000026) = Bedford, Central Bedfordshire and Luton (mid-2018 population 669,338);
 * `Lincolnshire` (E23000020) = the seven districts of Lincolnshire county (755,833; North and North East
 * Lincolnshire belong to Humberside Police).
 *
 * Source: Office for National Statistics licensed under the Open Government Licence v3.0
 * (codes and populations). See docs/data-sources.md.
 *
 * @example
 * ```ts
 * import { populationSelectedAreas2018, policeForceAreas2018 } from 'darkfigure/data';
 * const codes = policeForceAreas2018.Bedfordshire.areaCodes; // ['E06000055', 'E06000056', 'E06000032']
 * populationSelectedAreas2018
 *   .filter((r) => codes.includes(r.areaCode))
 *   .reduce((sum, r) => sum + r.population, 0); // 669338
 * ```
 */
export const policeForceAreas2018: Readonly<Record<'Bedfordshire' | 'Lincolnshire', AreaGroup>> =
  /* @__PURE__ */ Object.freeze({
    Bedfordshire: /* @__PURE__ */ group('E23000026', 'Bedfordshire', ['E06000055', 'E06000056', 'E06000032']),
    Lincolnshire: /* @__PURE__ */ group('E23000020', 'Lincolnshire', [
      'E07000136', 'E07000137', 'E07000138', 'E07000139', 'E07000140', 'E07000141', 'E07000142',
    ]),
  });
