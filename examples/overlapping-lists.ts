/**
 * The dark figure from overlapping lists: `npm run example:lists` (or `npx tsx examples/overlapping-lists.ts`).
 *
 * ILLUSTRATIVE NUMBERS: no matched lists of stalking victims are published. The counts below are made up to
 * show the method: victims of stalking in Wycombe in a year known to the police, a stalking helpline and an
 * independent stalking advocacy service (ISAC), matched by person. The survey-based figure for comparison
 * uses the shipped CSEW 2015 prevalence and ONS mid-2018 population (real data).
 */
import { pathToFileURL } from 'node:url';
import { closedPopulation, multipleSystems, twoListEstimate } from '../src/models/index';
import { expectedVictims, formatInterval } from '../src/index';
import { populationSelectedAreas2018, stalkingFigures } from '../src/data/index';
import { num } from './main';

/** ILLUSTRATIVE counts by history: police, helpline, advocacy ('101' = police and advocacy, not the helpline). */
export const illustrativeLists = {
  lists: ['police', 'helpline', 'advocacy'],
  counts: { '100': 118, '010': 205, '001': 41, '110': 27, '101': 30, '011': 19, '111': 11 },
};

export function listLines(): string[] {
  const { lists, counts } = illustrativeLists;
  const whole = (x: number) => num(x);
  const out: string[] = [];
  out.push('## Victims of stalking in Wycombe known to three services (ILLUSTRATIVE numbers)');
  const observed = Object.values(counts).reduce((a, b) => a + b, 0);
  out.push(`On at least one list: ${whole(observed)} (police ${118 + 27 + 30 + 11}, helpline ${205 + 27 + 19 + 11}, advocacy ${41 + 30 + 19 + 11})`);

  const police = 118 + 30; // on the police list, not the helpline's
  const helpline = 205 + 19;
  const both = 27 + 11;
  const two = twoListEstimate({ both, firstOnly: police, secondOnly: helpline });
  out.push(`Police and helpline only (Chapman, profile likelihood): ${formatInterval(two.total, { digits: 3 })}`);

  const stepwise = multipleSystems(counts, { lists });
  const added = stepwise.model.interactions.map((p) => p.join(' x ')).join(', ') || 'none';
  out.push(`All three lists, stepwise model (interactions added: ${added}):`);
  out.push(`  victims in all ${formatInterval(stepwise.total, { digits: 3 })}`);
  out.push(`  known to no service ${formatInterval(stepwise.hidden, { digits: 3 })}`);
  const boot = multipleSystems(counts, { lists, interval: 'bootstrap', draws: 1000, seed: 2026 });
  out.push(`  with the model choice in the interval (bootstrap, 1,000 resamples): ${formatInterval(boot.total, { digits: 3 })}`);

  const table = closedPopulation(counts, { lists });
  out.push('Heterogeneity models (Rcapture closedp.t): population, 95% profile interval, BIC');
  for (const m of table.models) {
    out.push(`  ${m.model.padEnd(14)} ${whole(m.total.value).padStart(6)} (${whole(m.total.lower)} to ${m.total.upper === Infinity ? 'unbounded' : whole(m.total.upper)})  BIC ${num(m.bic, 1)}${m.best ? '  <- smallest BIC' : ''}`);
  }

  // the survey route for the same district: CSEW prevalence x mid-2018 population aged 16-59
  const prevalence = stalkingFigures.csew2015StalkingPrevalence.rows.filter((r) => r.age === '16-59');
  const population = populationSelectedAreas2018.filter((r) => r.areaName === 'Wycombe');
  const survey = expectedVictims(
    prevalence.map((r) => ({ sex: r.sex, age: r.age, estimate: r.prevalence, base: r.sex === 'female' ? 11500 : 9800, designFactor: 1.2 })),
    population,
  );
  out.push(`Survey route, Wycombe (CSEW 2015 prevalence x mid-2018 population aged 16-59; survey bases ASSUMED): ${formatInterval(survey.total, { digits: 3 })}`);
  out.push(
    'The lists find a far smaller hidden population than the survey: services see the victims who seek help, and people who never',
  );
  out.push('seek help from any of them share that trait (list dependence that no model of these lists can detect).');
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(listLines().join('\n'));
}
