/**
 * How big is the dark figure of stalking in England and Wales, and who are the stalkers of the victims
 * the police never hear about?   Run: `npx tsx examples/england-wales-stalking.ts`
 *
 * From the shipped data (darkfigure/data): the CSEW 2015 prevalence of stalking (4.9% of women and 2.4% of
 * men aged 16-59) applied to the mid-2018 population gives the victims a year (`expectedVictims`); the
 * 7,706 stalking offences police recorded from 1 April 2013 to 4 February 2016, annualised, give the
 * recorded count; `impliedRecording` compares the two, and `splitByShares` splits the victims who never
 * reach police records by the stalker's relationship to them (ex-partner 45%, acquaintance 22%, stranger
 * 10%, colleague 5%, family 4%, the rest 'other').
 *
 * ASSUMED, not published (the press coverage gave no bases, design factors or intervals): the survey bases
 * (11,500 women and 9,800 men aged 16-59) and design factor 1.2; "about half" of victims reporting taken as
 * 50% with a 95% interval of 40% to 60%; 400 survey victims behind the relationship shares. Replace them with
 * the published tables' figures where you have them.
 *
 * In your own code import from 'darkfigure' and 'darkfigure/data' instead of '../src/...'.
 */
import { pathToFileURL } from 'node:url';
import { expectedVictims, formatInterval, impliedRecording, splitByShares } from '../src/index';
import { populationEnglandWales2018, stalkingFigures } from '../src/data/index';

/** 1.23 million, 2,706, 45,100: numbers for people. */
export function people(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 })} million`;
  if (x >= 1e4) return (Math.round(x / 100) * 100).toLocaleString('en-GB');
  return Math.round(x).toLocaleString('en-GB');
}

/** 0.25%, 4.9%, 45%: shares for people (three significant figures, at most two decimals). */
export function share(x: number): string {
  const p = 100 * x;
  const digits = p >= 10 ? 0 : p >= 1 ? 1 : 2;
  return `${p.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })}%`;
}


/** The report, line by line. */
export function report(): string[] {
  const prevalence = stalkingFigures.csew2015StalkingPrevalence.rows.filter((r) => r.age === '16-59');
  const assumedBase: Record<string, number> = { female: 11500, male: 9800 };
  const survey = expectedVictims(
    prevalence.map((r) => ({ sex: r.sex, age: r.age, estimate: r.prevalence, base: assumedBase[r.sex]!, designFactor: 1.2 })),
    populationEnglandWales2018,
  );
  const foi = stalkingFigures.policeRecordedStalkingFOI;
  const implied = impliedRecording(
    {
      recorded: { count: foi.englandWales, from: foi.period.from, to: foi.period.to },
      victims: survey.total,
      reporting: { estimate: stalkingFigures.reportingToPolice.share, lower: 0.4, upper: 0.6 },
    },
    { keepDraws: true, seed: 2016 },
  );
  const relationship = stalkingFigures.perpetratorRelationship.shares;
  const hidden = splitByShares(implied, relationship, { quantity: 'unrecorded', base: 400, seed: 2016 });

  const lines = [
    'Stalking in England and Wales: the dark figure',
    '',
    `Victims a year (CSEW 2015 prevalence x mid-2018 population, aged 16-59): ${formatInterval(survey.total)}`,
    `Police recorded a year (${people(foi.englandWales)} offences, ${foi.period.from} to ${foi.period.to}, annualised): ${people(implied.recorded)}`,
    `Share of victims in police records: ${formatInterval(implied.recordedShare, { percent: true, digits: 2 })}`,
    `  that is about 1 victim in ${people(1 / implied.recordedShare.value)}`,
    `Share of reports recorded as stalking, if about half of victims report: ${formatInterval(implied.recording!, { percent: true, digits: 2 })}`,
    `Victims never in police records a year: ${formatInterval(implied.unrecorded)}`,
    '',
    'Victims never in police records, by the stalker\'s relationship to them (shares from 400 survey victims, ASSUMED):',
  ];
  const width = Math.max(...Object.keys(hidden.categories).map((k) => k.length));
  for (const [category, part] of Object.entries(hidden.categories)) {
    lines.push(`  ${category.padEnd(width)}  ${formatInterval(part, { digits: 4 })}`);
  }
  lines.push(
    '',
    'Methods: survey victims by the logit interval on the effective base (as R survey\'s svyciprop); the',
    'recorded share and the victims never recorded by Monte Carlo propagation (100,000 draws, percentile',
    'limits), the police count a binomial thinning of the victims; the split by Dirichlet draws of the shares.',
    'ASSUMED inputs are listed at the top of examples/england-wales-stalking.ts.',
  );
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(report().join('\n'));
