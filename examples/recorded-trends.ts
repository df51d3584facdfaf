/**
 * Models for police-recorded counts: `npm run example:trends` (or `npx tsx examples/recorded-trends.ts`).
 *
 * 1. Wycombe, South Bucks and Chiltern all recorded more stalking, harassment and malicious communications in
 *    2017 than in 2015 (shipped counts): the common rise as a rate ratio, and whether the districts differ.
 * 2. Lincolnshire against Bedfordshire (stalking offences 2013-2016) with population offsets.
 * 3. A national-style panel of 40 areas over 5 years, SIMULATED (stated assumptions below; no real panel is
 *    shipped), fitted by Poisson and negative binomial: why overdispersion widens the intervals.
 */
import { pathToFileURL } from 'node:url';
import { compareCountModels, countModel, predictCounts, type CoefficientRow } from '../src/models/index';
import { policeForceAreas2018, populationSelectedAreas2018, stalkingFigures } from '../src/data/index';
import { createGenerator } from '../src/random/generator';
import { samplePoisson } from '../src/random/samplePoisson';
import { sampleGamma } from '../src/random/sampleGamma';
import { num, populationOf } from './main';
import { formatInterval } from '../src/index';

const ratio = (row: CoefficientRow | undefined, digits = 2): string =>
  row === undefined ? '?' : `${num(row.estimate, digits)} (95% CI ${num(row.lower, digits)} to ${num(row.upper, digits)})`;

export function trendLines(): string[] {
  const out: string[] = [];
  const before = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2015.areas;
  const after = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2017.areas;
  const districts = before.map((b) => b.area);
  const rows = districts.flatMap((district) => [
    { district, year: '2015', count: before.find((r) => r.area === district)!.recorded },
    { district, year: '2017', count: after.find((r) => r.area === district)!.recorded },
  ]);
  const common = countModel(rows, { response: 'count', terms: ['district', 'year'] });
  const separate = countModel(rows, { response: 'count', terms: ['district', 'year', 'district:year'] });
  const test = compareCountModels(common, separate);
  const rise = common.rateRatios.find((r) => r.term === 'year')!;
  out.push('## Stalking, harassment and malicious communications recorded in 2015 and 2017');
  out.push(`Wycombe ${rows[0]!.count} -> ${rows[1]!.count}, South Bucks ${rows[2]!.count} -> ${rows[3]!.count}, Chiltern ${rows[4]!.count} -> ${rows[5]!.count}`);
  out.push(`Common rise, 2017 / 2015 (Poisson, district + year): ${ratio(rise)}, that is +${num(100 * (rise.estimate - 1))}%`);
  for (const row of separate.rateRatios.filter((r) => r.term === 'district:year')) {
    out.push(`  ${row.level!.split(':')[0]} against ${separate.model.levels.district![0]}, extra rise: ${ratio(row)}`);
  }
  out.push(
    `Do the districts rise differently? likelihood-ratio chi-square ${num(test.statistic, 2)} on ${test.df} df, p = ${num(test.pValue, 2)}: ` +
      (test.pValue < 0.05 ? 'yes, the rises differ.' : 'no evidence that they do; one common rise fits.'),
  );
  out.push('');

  const foi = stalkingFigures.policeRecordedStalkingFOI;
  const forces = foi.forces.map((f) => ({
    force: f.force,
    count: f.recorded,
    population: populationOf(policeForceAreas2018[f.force as keyof typeof policeForceAreas2018].areaCodes),
  }));
  const fit = countModel(forces, { response: 'count', exposure: 'population', terms: ['force'], levels: { force: ['Bedfordshire', 'Lincolnshire'] } });
  const [lincs, beds] = predictCounts(fit, [{ force: 'Lincolnshire' }, { force: 'Bedfordshire' }], { per: 100_000 });
  out.push(`## Lincolnshire against Bedfordshire, stalking offences ${foi.period.from} to ${foi.period.to}, mid-2018 populations`);
  out.push(`  Lincolnshire ${formatInterval(lincs!, { digits: 3, per: 100_000 })}`);
  out.push(`  Bedfordshire ${formatInterval(beds!, { digits: 3, per: 100_000 })}`);
  out.push(`  rate ratio Lincolnshire / Bedfordshire (Poisson, population offset): ${ratio(fit.rateRatios[1], 3)}`);
  out.push('');

  // A simulated panel: 40 areas x 5 years, populations 50,000 to 400,000, a baseline of 30 recorded per 100,000,
  // a national rise of 8% a year, area effects with SD 0.3 on the log scale, and extra-Poisson variation:
  // counts are Poisson with a Gamma(shape 10) multiplier (negative binomial, theta = 10). Seeded.
  const rng = createGenerator(20261206);
  const years = ['2015', '2016', '2017', '2018', '2019'];
  const panel: { area: string; year: string; count: number; population: number }[] = [];
  for (let a = 1; a <= 40; a++) {
    const area = `area ${String(a).padStart(2, '0')}`;
    const population = Math.round(50_000 + 350_000 * rng.next());
    const effect = 0.3 * (rng.next() + rng.next() + rng.next() - 1.5) * 2;
    years.forEach((year, t) => {
      const mean = (population * 30e-5 * Math.exp(effect + Math.log(1.08) * t)) * sampleGamma(rng, 10) / 10;
      panel.push({ area, year, count: samplePoisson(rng, mean), population });
    });
  }
  const options = { response: 'count', exposure: 'population', terms: ['area', 'year'] };
  const poisson = countModel(panel, options);
  const nb = countModel(panel, { ...options, family: 'negative-binomial' });
  const quasi = countModel(panel, { ...options, family: 'quasipoisson' });
  out.push('## A simulated national panel (40 areas x 5 years; true rise 8% a year, theta = 10)');
  out.push(`  Poisson: residual deviance ${num(poisson.deviance, 1)} on ${poisson.dfResidual} df: ${num(poisson.deviance / poisson.dfResidual, 1)} times what Poisson variation allows`);
  out.push(`  2019 against 2015, Poisson:           ${ratio(poisson.rateRatios.find((r) => r.level === '2019'))}`);
  out.push(`  2019 against 2015, quasi-Poisson:     ${ratio(quasi.rateRatios.find((r) => r.level === '2019'))} (dispersion ${num(quasi.dispersion, 1)})`);
  out.push(`  2019 against 2015, negative binomial: ${ratio(nb.rateRatios.find((r) => r.level === '2019'))} (theta ${formatInterval(nb.theta!, { digits: 3 })})`);
  out.push(`  AIC: Poisson ${num(poisson.aic!, 0)}, negative binomial ${num(nb.aic!, 0)} (lower is better)`);
  out.push('The Poisson interval is too narrow: it treats the year-to-year wobble of every area as information.');
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(trendLines().join('\n'));
}
