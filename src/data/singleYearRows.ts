import type { PopulationRow } from './types';

/**
 * Expand compact per-sex arrays (91 numbers each: ages 0..89, then 90+) into frozen rows
 * `{ sex, age, population }`, males first. Pure; called once per data module. @internal
 */
export function singleYearRows(male: readonly number[], female: readonly number[]): PopulationRow[] {
  const rows: PopulationRow[] = [];
  for (const [sex, counts] of [
    ['male', male],
    ['female', female],
  ] as const) {
    for (let age = 0; age < counts.length; age++) {
      rows.push(Object.freeze({ sex, age: age === 90 ? '90+' : age, population: counts[age] as number }));
    }
  }
  return rows;
}
