/**
 * How common is stalking in each district, when the survey only interviewed a few hundred people there? And what
 * does that change for the dark figure?   Run: `npm run example:prevalence` (or `npx tsx examples/local-prevalence.ts`)
 *
 * Method: the Fay-Herriot area-level model (`fayHerriot` in darkfigure/models; Fay & Herriot 1979, as R's
 * `sae::eblupFH` and `emdi::fh`). Each district's own survey estimate is noisy; a regression on covariates known
 * for every district is not noisy but ignores what makes the district different. The EBLUP weights the two by
 * their precision, with an honest mean squared error; districts without a survey get the regression (synthetic)
 * estimate. Prevalences of a few per cent are modelled on the arcsine-square-root scale (`transform: 'arcsin'`),
 * so that the intervals stay inside [0, 1]. Then `localEstimates` takes the districts' own prevalences in place of
 * the national one, and gives victims, the share recorded and the dark figure for the districts with 2017
 * police counts.
 *
 * DATA, and what is real:
 * - REAL: the districts, their mid-2018 populations aged 16-59 by sex (ONS, Open Government Licence v3.0), and
 *   the covariates computed from them: the share of 16-59 year olds aged 16-24, and whether the district is a
 *   London borough. REAL: the 2017 police counts of stalking, harassment or malicious communications by
 *   community safety partnership (ONS, in the press), and the CSEW 2015 national prevalence (4.9% of women and
 *   2.4% of men aged 16-59).
 * - ILLUSTRATIVE, NOT REAL: the district survey results (respondents and victims). No survey publishes district
 *   estimates of stalking. They were drawn once, for this example, from a made-up truth (national prevalence,
 *   higher where more people are young and in London, plus a random district effect; seed 2015) with simple
 *   random samples of 150 + population/400 people; South Holland and West Lindsey were left unsurveyed. So the
 *   numbers below show how the method behaves, not how common stalking is in these districts.
 * - ASSUMED, as in the other examples: "about half" of victims report (50%, 95% interval 40% to 60%).
 * - The 2017 counts cover stalking AND harassment AND malicious communications, while the prevalence is of
 *   stalking: their "share recorded" is not a pure stalking share (see examples/misrecorded.ts).
 *
 * In your own code import from 'darkfigure', 'darkfigure/models' and 'darkfigure/data' instead of '../src/...'.
 */
import { pathToFileURL } from 'node:url';
import { formatInterval, localEstimates, type LocalEstimates, type PopulationInputRow } from '../src/index';
import { fayHerriot, type FayHerriot } from '../src/models/index';
import { stalkingFigures } from '../src/data/index';
import { codesOf, districtsPopulation, partnerships } from './local-areas';

/** ILLUSTRATIVE survey results (see the file comment): [district, respondents aged 16-59, of them stalked in the last year]. */
export const illustrativeSurvey: readonly [string, number | null, number | null][] = [
  ['Lewisham', 651, 25],
  ['Bromley', 622, 40],
  ['Greenwich', 605, 29],
  ['Bexley', 508, 18],
  ['Dartford and Gravesham', 461, 23],
  ['Wycombe', 391, 12],
  ['Chiltern', 275, 8],
  ['South Bucks', 244, 8],
  ['Boston', 244, 8],
  ['East Lindsey', 316, 10],
  ['Lincoln', 307, 11],
  ['North Kesteven', 304, 11],
  ['South Holland', null, null],
  ['South Kesteven', 336, 16],
  ['West Lindsey', null, null],
  ['Bedford', 390, 20],
  ['Central Bedfordshire', 552, 21],
  ['Luton', 466, 19],
];

const LONDON = new Set(['Lewisham', 'Bromley', 'Greenwich', 'Bexley']);

/** A district's (or partnership's) population rows aged 16-59 by sex and single year, mid-2018. */
export function population16to59(name: string): PopulationInputRow[] {
  const codes = (partnerships[name] ?? [name]).flatMap(codesOf);
  return districtsPopulation(codes).filter((r) => typeof r.age === 'number' && r.age >= 16 && r.age <= 59);
}

/** One row per district: the survey result, its sampling variance and the covariates. */
export function districtRows() {
  const [women, men] = (['female', 'male'] as const).map((sex) => stalkingFigures.csew2015StalkingPrevalence.rows.find((r) => r.sex === sex && r.age === '16-59')!.prevalence);
  return illustrativeSurvey.map(([area, respondents, victims]) => {
    const rows = population16to59(area);
    const sum = (f: (r: PopulationInputRow) => boolean) => rows.filter(f).reduce((s, r) => s + r.population, 0);
    const people = sum(() => true);
    const p = respondents === null ? null : victims! / respondents;
    return {
      area,
      prevalence: p,
      // simple random sample: variance p(1 - p) / n, and n itself for the arcsine scale
      variance: p === null ? null : (p * (1 - p)) / respondents!,
      respondents,
      young: sum((r) => (r.age as number) <= 24) / people,
      london: LONDON.has(area) ? 'yes' : 'no',
      // what the national CSEW prevalence by sex gives this district (synthetic estimation)
      national: (women! * sum((r) => r.sex === 'female') + men! * sum((r) => r.sex === 'male')) / people,
      people,
    };
  });
}

/** The Fay-Herriot fit of the districts' prevalence on the arcsine scale. */
export function districtModel(): FayHerriot {
  return fayHerriot(districtRows(), {
    response: 'prevalence',
    variance: 'variance',
    effectiveSize: 'respondents',
    covariates: ['young', 'london'],
    levels: { london: ['no', 'yes'] },
    transform: 'arcsin',
  });
}

/** The dark figure for the partnerships with 2017 police counts, from the districts' own prevalence. */
export function darkFigure(fit: FayHerriot): LocalEstimates {
  const counts = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2017;
  return localEstimates(
    {
      areas: counts.areas.map((a) => ({ name: a.area, population: population16to59(a.area), recorded: a.recorded })),
      prevalence: { byArea: fit, age: '16-59' },
      reporting: { estimate: stalkingFigures.reportingToPolice.share, lower: 0.4, upper: 0.6 },
      populationYear: 2018,
    },
    { seed: 2017 },
  );
}

const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);

function main(): void {
  const rows = districtRows();
  const fit = districtModel();
  console.log('Stalking in the last year, people aged 16-59: ILLUSTRATIVE district surveys (see the file comment)\n');
  console.table(
    fit.areas.map((a, i) => ({
      district: a.area,
      surveyed: rows[i]!.respondents ?? 'no survey',
      direct: pct(a.direct),
      national: pct(rows[i]!.national),
      'Fay-Herriot (95% CI)': formatInterval(a.estimate, { percent: true, digits: 1 }).replace(/; fay-herriot.*\)$/, ')'),
      'weight of survey': a.shrinkage.toFixed(2),
    })),
  );
  const byTerm = fit.coefficients.map((c) => `${c.level === undefined ? c.term : `${c.term} = ${c.level}`} ${c.estimate.toFixed(3)} (SE ${c.standardError.toFixed(3)})`);
  console.log(`Model (arcsine scale, ${fit.method.toUpperCase()}): ${byTerm.join('; ')}; between-district variance ${fit.modelVariance.toExponential(2)}`);
  for (const n of fit.notes) console.log(`  note: ${n}`);

  const dark = darkFigure(fit);
  console.log('\nThe dark figure with each district\'s own prevalence (2017 police counts of stalking, harassment or malicious communications)\n');
  console.table(
    dark.areas.map((a) => ({
      area: a.area,
      victims: formatInterval(a.victims, { digits: 2 }).replace(/; monte-carlo\)$/, ')'),
      recorded: a.recorded,
      'never recorded': formatInterval(a.unrecorded, { digits: 2 }).replace(/; monte-carlo\)$/, ')'),
    })),
  );
  console.log(`All ${dark.summary.areas} areas: ${formatInterval(dark.summary.victims, { digits: 3 })} victims a year`);
  console.log('\nCaveats: the survey numbers are ILLUSTRATIVE; the counts include harassment and malicious communications; reporting is ASSUMED.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
