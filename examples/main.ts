/**
 * The darkfigure tour: `npm run example:tour` (or `npx tsx examples/main.ts`). `npm run example` runs the
 * main estimate, examples/england-wales-stalking.ts.
 *
 * Each section answers one question with the library and prints the result. The README's tour is this
 * output (test/package/readme.test.ts checks they agree). Add a section by appending to `sections`.
 */
import { pathToFileURL } from 'node:url';
import { formatInterval, proportionCI, rateCI, rateRatioCI } from '../src/index';
import { policeForceAreas2018, populationSelectedAreas2018, stalkingFigures } from '../src/data/index';

/** One part of the tour: a question and the lines that answer it. */
export interface Section {
  title: string;
  lines: () => string[];
}

/** Format a number with thousands separators and `digits` decimals. */
export const num = (x: number, digits = 0): string =>
  x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Format a proportion as a percentage. */
export const pct = (x: number, digits = 1): string => `${num(100 * x, digits)}%`;


/** Mid-2018 population of a group of districts from the shipped ONS data. */
export function populationOf(areaCodes: readonly string[]): number {
  let total = 0;
  for (const row of populationSelectedAreas2018) if (areaCodes.includes(row.areaCode)) total += row.population;
  return total;
}

const foi = stalkingFigures.policeRecordedStalkingFOI;
const recorded = (force: string): number => {
  const row = foi.forces.find((f) => f.force === force);
  if (row === undefined) throw new Error(`no FOI figure for ${force}`);
  return row.recorded;
};

export const sections: Section[] = [
  {
    title: 'How often was stalking identified before a domestic homicide?',
    lines: () => {
      const { identified, reviews } = stalkingFigures.domesticHomicideReviews;
      const share = proportionCI(identified, reviews);
      return [
        `Stalking was identified in ${identified} of ${reviews} domestic homicide reviews:`,
        `  share ${formatInterval(share, { percent: true })}`,
      ];
    },
  },
  {
    title: 'Lincolnshire recorded 22 stalking offences and Bedfordshire 179: is that just chance?',
    lines: () => {
      const lincolnshire = { count: recorded('Lincolnshire'), population: populationOf(policeForceAreas2018.Lincolnshire.areaCodes) };
      const bedfordshire = { count: recorded('Bedfordshire'), population: populationOf(policeForceAreas2018.Bedfordshire.areaCodes) };
      const lincsRate = rateCI(lincolnshire.count, lincolnshire.population);
      const bedsRate = rateCI(bedfordshire.count, bedfordshire.population);
      const ratio = rateRatioCI(lincolnshire, bedfordshire);
      return [
        `Stalking offences recorded ${foi.period.from} to ${foi.period.to}, per 100,000 residents (mid-2018 populations):`,
        `  Lincolnshire  ${lincolnshire.count} / ${num(lincolnshire.population)}: ${formatInterval(lincsRate, { digits: 3 })}`,
        `  Bedfordshire  ${bedfordshire.count} / ${num(bedfordshire.population)}: ${formatInterval(bedsRate, { digits: 3 })}`,
        `  rate ratio Lincolnshire / Bedfordshire: ${formatInterval(ratio, { digits: 3 })}`,
        ratio.upper < 1 || ratio.lower > 1
          ? `Bedfordshire's recorded rate is ${num(1 / ratio.value, 1)} times Lincolnshire's; the interval excludes 1, so chance alone does not explain the gap.`
          : 'The interval includes 1: the gap could be chance.',
      ];
    },
  },
];

/** The whole tour as printed by `npm run example:tour`. */
export function tourText(): string {
  return sections.map((section) => `## ${section.title}\n${section.lines().join('\n')}\n`).join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`darkfigure tour\n\n${tourText()}`);
}
