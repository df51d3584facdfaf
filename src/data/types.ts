/** Sex as coded in the ONS population estimates. */
export type Sex = 'male' | 'female';

/** A single year of age, 0 to 89, or the open band `'90+'`. */
export type SingleYearAge = number | '90+';

/** One row of a standard population: an age band and its weight (e.g. ESP2013, summing to 100,000). */
export interface StandardPopulationRow {
  /** Age band such as `'0-4'` or `'90+'`. */
  readonly age: string;
  /** Standard population in the band. */
  readonly population: number;
}

/** One row of a population by sex and single year of age. */
export interface PopulationRow {
  readonly sex: Sex;
  /** Single year of age 0 to 89, or `'90+'`. */
  readonly age: SingleYearAge;
  /** Usual residents at mid-year. */
  readonly population: number;
}

/** One row of a local authority district's population by sex and single year of age. */
export interface AreaPopulationRow extends PopulationRow {
  /** ONS GSS code of the local authority district (2018 boundaries), e.g. `'E09000023'`. */
  readonly areaCode: string;
  /** Name of the district, e.g. `'Lewisham'`. */
  readonly areaName: string;
}

/** A named group of local authority districts (a county or a police force area) by ONS GSS codes. */
export interface AreaGroup {
  /** ONS GSS code of the group, e.g. `'E10000019'` (Lincolnshire county). */
  readonly code: string;
  /** Name of the group. */
  readonly name: string;
  /** GSS codes of the districts the group is made of (all present in `populationSelectedAreas2018`). */
  readonly areaCodes: readonly string[];
}
