/**
 * How many women aged 16-24 in each borough (local authority district) of the shipped data were stalked
 * last year, with intervals?   Run: `npx tsx examples/borough-women-16-24.ts`
 *
 * Method: synthetic estimation with `expectedVictims`. The CSEW 2015 prevalence for women aged 16-19
 * (10.3%) and 20-24 (7.2%) is applied to each district's mid-2018 female population of those ages
 * (ONS, Open Government Licence v3.0). The intervals carry the survey's sampling error only: they assume
 * each district has the national age-specific prevalence, which it need not.
 *
 * ASSUMED survey design: the press coverage published neither unweighted bases nor intervals, so the
 * bases (400 women aged 16-19, 700 aged 20-24 in the CSEW 2015 self-completion module) and the design
 * factor (deft 1.2, a ratio of standard errors; design effect 1.44) are plausible values chosen for
 * illustration, NOT published figures. Replace them with the ONS table's bases and design factors, or
 * pass the published interval as `{ estimate, lower, upper }`.
 *
 * In your own code import from 'darkfigure' and 'darkfigure/data' instead of '../src/...'.
 */
import { pathToFileURL } from 'node:url';
import { expectedVictims, type ExpectedVictims, type Interval, type PrevalenceRow } from '../src/index';
import { populationEnglandWales2018, populationSelectedAreas2018, stalkingFigures } from '../src/data/index';

const published = stalkingFigures.csew2015StalkingPrevalence.rows;
const prevalenceOf = (age: string) => {
  const row = published.find((r) => r.sex === 'female' && r.age === age);
  if (row === undefined) throw new Error(`no CSEW 2015 figure for women aged ${age}`);
  return row.prevalence;
};

/** ASSUMED designs (see the file comment): not published figures. */
export const assumedDesign = {
  '16-19': { base: 400, designFactor: 1.2 },
  '20-24': { base: 700, designFactor: 1.2 },
} as const;

/** CSEW 2015 prevalence for women aged 16-19 and 20-24 with the ASSUMED designs. */
export const women16to24: PrevalenceRow[] = (['16-19', '20-24'] as const).map((age) => ({
  sex: 'female',
  age,
  estimate: prevalenceOf(age),
  ...assumedDesign[age],
}));

/** One line of the answer. */
export interface BoroughEstimate {
  areaCode: string;
  areaName: string;
  result: ExpectedVictims;
}

/** Expected stalking victims among women aged 16-24, for every district in the data, in data order. */
export function boroughWomen16to24(options: { level?: number } = {}): BoroughEstimate[] {
  const areas = new Map<string, string>();
  for (const row of populationSelectedAreas2018) areas.set(row.areaCode, row.areaName);
  return [...areas].map(([areaCode, areaName]) => ({
    areaCode,
    areaName,
    result: expectedVictims(
      women16to24,
      populationSelectedAreas2018.filter((row) => row.areaCode === areaCode),
      options,
    ),
  }));
}

/**
 * All the districts together. Not the sum of the district intervals: every district uses the same two
 * national survey estimates, so their errors move together; this sums the populations first.
 */
export function allDistricts(options: { level?: number } = {}): ExpectedVictims {
  const summed = new Map<string, { sex: string; age: number | string; population: number }>();
  for (const row of populationSelectedAreas2018) {
    const key = `${row.sex}|${row.age}`;
    const entry = summed.get(key);
    if (entry) entry.population += row.population;
    else summed.set(key, { sex: row.sex, age: row.age, population: row.population });
  }
  return expectedVictims(women16to24, [...summed.values()], options);
}

const num = (x: number) => Math.round(x).toLocaleString('en-GB');
const ci = (i: Interval) => `${num(i.value).padStart(6)}  (${num(i.lower)} to ${num(i.upper)})`;

/** The answer as printed. */
export function report(): string {
  const lines: string[] = [];
  lines.push('Women aged 16-24 stalked in the last year, by district (CSEW 2015 prevalence x ONS mid-2018 population)');
  lines.push('');
  lines.push('*** ASSUMED SURVEY DESIGN: the press published no bases or intervals for these CSEW figures. ***');
  lines.push(
    `*** Assumed: 16-19 base ${assumedDesign['16-19'].base}, 20-24 base ${assumedDesign['20-24'].base}, design factor (deft) ` +
      `${assumedDesign['16-19'].designFactor} (design effect ${assumedDesign['16-19'].designFactor ** 2}). Intervals are illustrative. ***`,
  );
  lines.push('Prevalence: 16-19 10.3%, 20-24 7.2%. 95% intervals (logit, on the effective base); sampling error of the survey only.');
  lines.push('');
  lines.push(`${'district'.padEnd(22)}${'women 16-24'.padStart(12)}   ${'16-19'.padEnd(25)}${'20-24'.padEnd(25)}total`);
  for (const { areaName, result } of boroughWomen16to24()) {
    const [a, b] = result.strata;
    lines.push(
      `${areaName.padEnd(22)}${num(result.population).padStart(12)}   ${ci(a!.victims).padEnd(25)}${ci(b!.victims).padEnd(25)}${ci(result.total)}`,
    );
  }
  const all = allDistricts();
  lines.push(`${'all 19 districts'.padEnd(22)}${num(all.population).padStart(12)}   ${ci(all.strata[0]!.victims).padEnd(25)}${ci(all.strata[1]!.victims).padEnd(25)}${ci(all.total)}`);
  lines.push('');
  lines.push('The all-districts row sums populations, not district intervals: the districts share the same survey estimates,');
  lines.push('so their errors are not independent. Each district is assumed to have the national prevalence by age.');

  const national = expectedVictims(
    [
      { sex: 'female', age: '16-59', estimate: 0.049, base: 11500, designFactor: 1.2 },
      { sex: 'male', age: '16-59', estimate: 0.024, base: 9800, designFactor: 1.2 },
    ],
    populationEnglandWales2018,
  );
  lines.push('');
  lines.push(
    `For scale: 4.9% of women and 2.4% of men aged 16-59 in England and Wales (mid-2018) = ${ci(national.total)} ` +
      '(assumed bases 11,500 and 9,800, deft 1.2).',
  );
  const perPerson = national.total.value / national.population;
  lines.push(
    'The press quoted 1.1 million for 2015. Rounding of 4.9% and 2.4% spans only 1.21 to 1.25 million; reaching 1.1 million',
  );
  lines.push(
    `would need a population aged 16-59 of about ${(1.1e6 / perPerson / 1e6).toFixed(1)} million, ${num(100 * (1 - 1.1e6 / national.total.value))}% fewer than mid-2018's ` +
      `${(national.population / 1e6).toFixed(1)} million,`,
  );
  lines.push('while the whole population of England and Wales grew only about 2% from 2015 to 2018. The press figure must rest on');
  lines.push('other inputs (another survey year, unrounded rates or population base); the coverage does not say which.');
  return lines.join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${report()}\n`);
}
