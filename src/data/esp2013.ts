import type { StandardPopulationRow } from './types';

export type { StandardPopulationRow } from './types';

function bands(ages: readonly string[], weights: readonly number[]): readonly StandardPopulationRow[] {
  return Object.freeze(ages.map((age, i) => Object.freeze({ age, population: weights[i] as number })));
}

/**
 * The 2013 European Standard Population (ESP2013) in 19 five-year age bands, `'0-4'` to `'85-89'`
 * and `'90+'`, summing to 100,000: the default standard of `standardisedRate`.
 *
 * The 0 and 1-4 bands of Eurostat's layout are combined into `'0-4'`, and 90-94 and 95+ into `'90+'`,
 * as used by ONS and PHE for age-standardised rates. Rows are frozen.
 *
 * Source: Eurostat, "Revision of the European Standard Population: Report of Eurostat's task-force",
 * 2013 (KS-RA-13-028-EN). Eurostat material may be reused with acknowledgement (Commission Decision
 * 2011/833/EU). See docs/data-sources.md.
 *
 * @example
 * ```ts
 * import { esp2013 } from 'darkfigure';
 * esp2013[0]; // { age: '0-4', population: 5000 }
 * esp2013.reduce((sum, row) => sum + row.population, 0); // 100000
 * ```
 */
export const esp2013: readonly StandardPopulationRow[] = /* @__PURE__ */ bands(
  ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49',
   '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'],
  [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
   7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000],
);
