/**
 * How many people are stalked in each borough and district, how many of them reach police records, and which
 * areas record unusually few or many?   Run: `npm run example:local` (or `npx tsx examples/local-areas.ts`)
 *
 * Method: `localEstimates`, synthetic estimation for many areas in one call. The CSEW 2015 prevalence of
 * stalking (4.9% of women and 2.4% of men aged 16-59) is applied to each area's mid-2018 population aged
 * 16-59 (ONS, Open Government Licence v3.0); the area's police count then gives the share of its victims in
 * police records and the victims never recorded, with Monte Carlo intervals. The national prevalence is SHARED
 * by every area, so the areas' estimates are correlated: compare areas through their counts against expected
 * counts (the flags), and take totals from the summary, not by adding intervals.
 *
 * 1. The boroughs and districts of the shipped data with their 2017 police counts (ONS, by community safety
 *    partnership). Dartford and Gravesham is one partnership: its count is set against the two districts'
 *    populations added together.
 * 2. Lincolnshire against Bedfordshire: 22 and 179 stalking offences recorded from 1 April 2013 to
 *    4 February 2016 (Suzy Lamplugh Trust FOI request), populations of the police force areas' districts.
 *
 * CAVEATS, printed with the tables:
 * - ASSUMED survey design: the press gave no bases or intervals for the CSEW figures; bases of 11,500 women and
 *   9,800 men aged 16-59 and a design factor of 1.2 are assumed (as in the other examples). "About half" of
 *   victims reporting is taken as 50% with a 95% interval of 40% to 60%.
 * - The 2017 counts are stalking AND harassment AND malicious communications, while the prevalence is of
 *   stalking only: their "share recorded" is not a pure stalking share, and can exceed what stalking alone
 *   would give. The FOI counts of part 2 are stalking offences only.
 * - Populations are mid-2018 estimates; the counts are for 2017 and 2013-2016.
 *
 * In your own code import from 'darkfigure' and 'darkfigure/data' instead of '../src/...'.
 */
import { pathToFileURL } from 'node:url';
import {
  expectedVictims,
  localEstimates,
  rateRatioCI,
  type Interval,
  type LocalEstimates,
  type PopulationInputRow,
  type PrevalenceRow,
} from '../src/index';
import { policeForceAreas2018, populationEnglandWales2018, populationSelectedAreas2018, stalkingFigures } from '../src/data/index';

/** ASSUMED survey design (see the file comment): not published figures. */
export const assumedDesign = { female: { base: 11500, designFactor: 1.2 }, male: { base: 9800, designFactor: 1.2 } } as const;

/** CSEW 2015 stalking prevalence aged 16-59 by sex, with the ASSUMED design. */
export const prevalence: PrevalenceRow[] = stalkingFigures.csew2015StalkingPrevalence.rows
  .filter((r) => r.age === '16-59')
  .map((r) => ({ sex: r.sex, age: r.age, estimate: r.prevalence, ...assumedDesign[r.sex] }));

/** "About half" of victims report: 50%, ASSUMED 95% interval 40% to 60%. */
export const reporting = { estimate: stalkingFigures.reportingToPolice.share, lower: 0.4, upper: 0.6 };

const SEED = 2017;

/** Population rows of some districts, added together by sex and single year of age. */
export function districtsPopulation(codes: readonly string[]): PopulationInputRow[] {
  const summed = new Map<string, PopulationInputRow>();
  for (const row of populationSelectedAreas2018) {
    if (!codes.includes(row.areaCode)) continue;
    const key = `${row.sex}|${row.age}`;
    const entry = summed.get(key);
    if (entry) entry.population += row.population;
    else summed.set(key, { sex: row.sex, age: row.age, population: row.population });
  }
  return [...summed.values()];
}

/** The ONS codes of a district named as in the shipped populations. */
export function codesOf(name: string): string[] {
  const codes = [...new Set(populationSelectedAreas2018.filter((r) => r.areaName === name).map((r) => r.areaCode))];
  if (codes.length === 0) throw new Error(`no district named ${name} in populationSelectedAreas2018`);
  return codes;
}

/** Districts making up each community safety partnership of the 2017 figures. */
export const partnerships: Record<string, string[]> = { 'Dartford and Gravesham': ['Dartford', 'Gravesham'] };

/** Part 1: the 2017 counts by community safety partnership. */
export function boroughs2017(): LocalEstimates {
  const figures = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2017;
  return localEstimates(
    {
      areas: figures.areas.map((a) => ({
        name: a.area,
        population: districtsPopulation((partnerships[a.area] ?? [a.area]).flatMap(codesOf)),
        recorded: { count: a.recorded, from: figures.period.from, to: figures.period.to },
      })),
      prevalence,
      reporting,
      populationYear: 2018,
    },
    { seed: SEED },
  );
}

/** National stalking offences recorded a year per victim (England and Wales, FOI count over CSEW victims). */
export function nationalTarget(): { target: number; recorded: number; victims: Interval } {
  const foi = stalkingFigures.policeRecordedStalkingFOI;
  const days = (Date.parse(foi.period.to) - Date.parse(foi.period.from)) / 86400000 + 1;
  const recorded = (foi.englandWales * 365.25) / days;
  const victims = expectedVictims(prevalence, populationEnglandWales2018).total;
  return { target: recorded / victims.value, recorded, victims };
}

/** Part 2: Lincolnshire and Bedfordshire police force areas, flagged against the national rate. */
export function lincolnshireBedfordshire(): LocalEstimates {
  const foi = stalkingFigures.policeRecordedStalkingFOI;
  return localEstimates(
    {
      areas: foi.forces.map((f) => {
        const group = policeForceAreas2018[f.force as 'Lincolnshire' | 'Bedfordshire'];
        return {
          name: f.force,
          code: group.code,
          population: districtsPopulation(group.areaCodes),
          recorded: { count: f.recorded, from: foi.period.from, to: foi.period.to },
        };
      }),
      prevalence,
      reporting,
      populationYear: 2018,
    },
    { seed: SEED, target: nationalTarget().target },
  );
}

const num = (x: number) => Math.round(x).toLocaleString('en-GB');
const pct = (x: number) => `${(100 * x).toLocaleString('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}%`;
const ci = (i: Interval, f: (x: number) => string) => `${f(i.value)} (${f(i.lower)}-${f(i.upper)})`;

function table(result: LocalEstimates, countLabel: string): string[] {
  const header = [
    'area'.padEnd(23),
    'people 16-59'.padStart(12),
    countLabel.padStart(9),
    '  victims a year (95% CI)'.padEnd(27),
    'share recorded (95% CI)'.padEnd(25),
    'never recorded a year (95% CI)'.padEnd(31),
    'expected'.padStart(9),
    'ratio'.padStart(6),
    '  flag',
  ];
  const lines = [header.join('')];
  for (const a of result.areas) {
    lines.push(
      [
        a.area.padEnd(23),
        num(a.population).padStart(12),
        num(a.count).padStart(9),
        `  ${ci(a.victims, num)}`.padEnd(27),
        ci(a.recordedShare, pct).padEnd(25),
        ci(a.unrecorded, num).padEnd(31),
        num(a.expectedCount).padStart(9),
        a.ratio.toFixed(2).padStart(6),
        `  ${a.flag}`,
      ].join(''),
    );
  }
  const s = result.summary;
  lines.push(
    [
      `all ${s.areas} areas`.padEnd(23),
      num(s.population).padStart(12),
      num(result.areas.reduce((t, a) => t + a.count, 0)).padStart(9),
      `  ${ci(s.victims, num)}`.padEnd(27),
      ci(s.recordedShare, pct).padEnd(25),
      ci(s.unrecorded, num),
    ].join(''),
  );
  return lines;
}

/** The whole report, as printed. */
export function report(): string {
  const boroughs = boroughs2017();
  const forces = lincolnshireBedfordshire();
  const national = nationalTarget();
  const [lincs, beds] = forces.areas as [LocalEstimates['areas'][number], LocalEstimates['areas'][number]];
  const foi = stalkingFigures.policeRecordedStalkingFOI;
  const days = (Date.parse(foi.period.to) - Date.parse(foi.period.from)) / 86400000 + 1; // 1,040, both days included
  // Ratio of the recorded shares: counts over the victims in the period (the shared prevalence cancels).
  const shareRatio = rateRatioCI(
    { count: beds.count, population: (beds.victims.value * days) / 365.25 },
    { count: lincs.count, population: (lincs.victims.value * days) / 365.25 },
  );

  const lines: string[] = [
    'Stalking victims and police records by area (synthetic estimates: CSEW 2015 prevalence x mid-2018 population aged 16-59)',
    '',
    '*** ASSUMED SURVEY DESIGN: the press published no bases or intervals for the CSEW figures (4.9% of women, 2.4% of men). ***',
    `*** Assumed: bases ${num(assumedDesign.female.base)} women and ${num(assumedDesign.male.base)} men, design factor ${assumedDesign.female.designFactor}; ` +
      '"about half" report = 50% (40% to 60%). Intervals are illustrative. ***',
    '',
    '1. Police-recorded stalking, harassment and malicious communications in 2017, by community safety partnership',
    '   NOTE: these counts cover stalking AND harassment AND malicious communications, but the prevalence is of stalking',
    '   only, so the "share recorded" below is not a pure stalking share (it overstates it). Populations are mid-2018,',
    '   the counts calendar 2017. Dartford and Gravesham: one partnership, the two districts\' populations added.',
    '   Expected counts: the areas\' pooled rate per victim times each area\'s victims (indirect standardisation).',
    '',
    ...table(boroughs, '2017'),
    '',
    `   phi = ${boroughs.funnel.phi.toFixed(1)}: the areas vary far more than chance (about 1 if they differed by chance alone);`,
    '   with the additive overdispersion adjustment (overdispersion: \'additive\') the flags are:',
    `   ${localEstimatesAdditive()}`,
    '',
    '2. Stalking offences recorded from 1 April 2013 to 4 February 2016 (FOI), police force areas',
    `   Expected counts: the national rate, ${num(national.recorded)} offences a year over ${num(national.victims.value)} victims ` +
      `(${(1000 * national.target).toFixed(2)} per 1,000 victims), times each area's victims over the period.`,
    '',
    ...table(forces, 'recorded'),
    '',
    `   With similar populations aged 16-59 (${num(lincs.population)} and ${num(beds.population)}) and so similar numbers of victims, Bedfordshire`,
    `   put ${shareRatio.value.toFixed(1)} times as large a share of its victims in police records as Lincolnshire ` +
      `(95% CI ${shareRatio.lower.toFixed(1)} to ${shareRatio.upper.toFixed(1)}; exact conditional, as R's poisson.test).`,
    `   Lincolnshire recorded ${num(lincs.count)} where the national rate predicts ${num(lincs.expectedCount)} (${lincs.flag}); ` +
      `Bedfordshire ${num(beds.count)} against ${num(beds.expectedCount)} (${beds.flag}).`,
    '',
    'Notes (part 1):',
    ...boroughs.notes.map((n) => `  - ${n}`),
  ];
  return lines.join('\n');
}

function localEstimatesAdditive(): string {
  const figures = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2017;
  const adjusted = localEstimates(
    {
      areas: figures.areas.map((a) => ({
        name: a.area,
        population: districtsPopulation((partnerships[a.area] ?? [a.area]).flatMap(codesOf)),
        recorded: { count: a.recorded, from: figures.period.from, to: figures.period.to },
      })),
      prevalence,
      reporting,
    },
    { seed: SEED, overdispersion: 'additive' },
  );
  return adjusted.areas.map((a) => `${a.area} ${a.flag}`).join('; ');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${report()}\n`);
}
