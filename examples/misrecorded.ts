/**
 * Police record stalking under other names, mostly as harassment, and publish local figures only for "stalking,
 * harassment or malicious communications" together. How many stalking cases are in Lewisham's 1,579 of 2017, and
 * how does the share of stalking recorded as stalking change the dark figure?
 * Run: `npm run example:misrecorded` (or `npx tsx examples/misrecorded.ts`)
 *
 * Method:
 * 1. `reclassify` (darkfigure/models): the matrix method (Barron 1977; Kuha & Skinner 1997). A case audit says,
 *    for each true kind of case, how its cases end up recorded: the recording matrix P. The records by category
 *    are r = Pᵀt, so the true counts are t = solve(Pᵀ, r); the audit's own sampling error is propagated by
 *    drawing each audit row from its Dirichlet posterior (seeded Monte Carlo).
 * 2. `roganGladen` (darkfigure/models): the two-category case, "recorded as stalking" against "not", with the
 *    audit's sensitivity (true stalking recorded as stalking) and specificity (other cases not recorded as it).
 * 3. The chain (`hiddenIncidence`): victims = recorded stalking / (reporting x recording), where recording is the
 *    share of true stalking recorded AS stalking, taken from the audit (`recordedCorrectly.stalking`), against
 *    the naive reading that every stalking case in the records is labelled stalking.
 *
 * DATA, and what is real:
 * - REAL: Lewisham's 1,579 cases of stalking, harassment or malicious communications recorded in 2017 (ONS, by
 *   community safety partnership, in the press).
 * - ASSUMED, NOT PUBLISHED: how those 1,579 split by the crime they were recorded as (4% stalking, 61% harassment,
 *   35% malicious communications), and the audit of 500 crime records (below). Inspections of police recording
 *   (HMIC and HMCPSI 2017, "Living in fear") found stalking often recorded as harassment, but published no matrix
 *   like this one: the numbers show how the method works, not the true extent.
 * - ASSUMED, as in the other examples: "about half" of victims report (50%, 95% interval 40% to 60%).
 * - One year's records count crimes, not victims; repeat victimisation is ignored here (see `incidentsPerVictim`).
 *
 * In your own code import from 'darkfigure', 'darkfigure/models' and 'darkfigure/data' instead of '../src/...'.
 */
import { pathToFileURL } from 'node:url';
import { formatInterval, hiddenIncidence, type HiddenIncidence } from '../src/index';
import { reclassify, roganGladen, type Reclassified } from '../src/models/index';
import { stalkingFigures } from '../src/data/index';

type Kind = 'stalking' | 'harassment' | 'maliciousCommunications';

/** Lewisham, 2017: stalking, harassment or malicious communications (REAL total). */
export const lewisham2017 = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2017.areas.find((a) => a.area === 'Lewisham')!.recorded;

/** ASSUMED split of the combined count by the crime recorded. */
export const assumedSplit: Record<Kind, number> = { stalking: 0.04, harassment: 0.61, maliciousCommunications: 0.35 };

/** The records by category: the combined count split as assumed, in whole crimes. */
export function recordedByCategory(): Record<Kind, number> {
  const stalking = Math.round(lewisham2017 * assumedSplit.stalking);
  const harassment = Math.round(lewisham2017 * assumedSplit.harassment);
  return { stalking, harassment, maliciousCommunications: lewisham2017 - stalking - harassment };
}

/**
 * ASSUMED audit of 500 crime records, each re-examined: of 100 true stalking cases 60 had been recorded as
 * stalking, 35 as harassment, 5 as malicious communications; and so on.
 */
export const assumedAudit: Record<Kind, Record<Kind, number>> = {
  stalking: { stalking: 60, harassment: 35, maliciousCommunications: 5 },
  harassment: { stalking: 2, harassment: 180, maliciousCommunications: 18 },
  maliciousCommunications: { stalking: 0, harassment: 6, maliciousCommunications: 194 },
};

/** "About half" of victims report: 50%, ASSUMED 95% interval 40% to 60%. */
const reporting = { estimate: stalkingFigures.reportingToPolice.share, lower: 0.4, upper: 0.6 };

export function trueCounts(): Reclassified<Kind> {
  return reclassify(recordedByCategory(), assumedAudit, { seed: 2017 });
}

/** Victims from the records labelled stalking, with the share of true stalking recorded as stalking. */
export function victimsWith(recording: Parameters<typeof hiddenIncidence>[0]['recording']): HiddenIncidence {
  return hiddenIncidence({ recorded: recordedByCategory().stalking, reporting, recording }, { seed: 2017 });
}

const n = (x: number) => Math.round(x).toLocaleString('en-GB');

function main(): void {
  const recorded = recordedByCategory();
  console.log(`Lewisham 2017: ${n(lewisham2017)} crimes of stalking, harassment or malicious communications (REAL);`);
  console.log(`ASSUMED split by the crime recorded: ${Object.entries(recorded).map(([k, v]) => `${k} ${n(v)}`).join(', ')}\n`);

  const t = trueCounts();
  console.log('1. True counts by the matrix method, with the ASSUMED audit of 500 records:');
  for (const kind of Object.keys(recorded) as Kind[]) {
    console.log(`   ${kind.padEnd(24)} recorded ${n(recorded[kind]).padStart(5)}   true ${formatInterval(t.true[kind])}`);
  }
  for (const note of t.notes) console.log(`   note: ${note}`);

  const audit = assumedAudit;
  const others = audit.harassment.stalking + audit.maliciousCommunications.stalking;
  const otherCases = Object.values(audit.harassment).reduce((a, b) => a + b, 0) + Object.values(audit.maliciousCommunications).reduce((a, b) => a + b, 0);
  const rg = roganGladen(
    { positives: recorded.stalking, tested: lewisham2017 },
    { sensitivity: t.recordedCorrectly.stalking, specificity: { successes: otherCases - others, trials: otherCases }, seed: 2017 },
  );
  console.log('\n2. The same question with two categories (Rogan-Gladen): the true share of stalking in the combined count');
  console.log(`   ${formatInterval(rg.true, { percent: true, digits: 1 })}, i.e. about ${n(rg.true.value * lewisham2017)} of the ${n(lewisham2017)}`);

  console.log('\n3. Victims a year, from the crimes recorded as stalking, with half of victims reporting:');
  const naive = victimsWith(1);
  const audited = victimsWith(t.recordedCorrectly.stalking);
  console.log(`   every stalking case recorded as stalking (naive):      victims ${formatInterval(naive.victims)}`);
  console.log(`   60 of 100 recorded as stalking (the audit, uncertain):  victims ${formatInterval(audited.victims)}`);
  const stalkingAudited = Object.values(audit.stalking).reduce((a, b) => a + b, 0);
  const inflow = recorded.stalking - (audit.stalking.stalking / stalkingAudited) * t.true.stalking.value;
  console.log(`   The audit route takes every record labelled stalking as true stalking; the matrix method (part 1) finds about`);
  console.log(`   ${n(inflow)} of the ${recorded.stalking} to be harassment or malicious communications recorded as stalking, and ${n(t.true.stalking.value)} true`);
  console.log(`   stalking crimes in all: with half reported, about ${n(t.true.stalking.value / reporting.estimate)} victims. Where that inflow is large, start from true.stalking.`);
  console.log('\n   How the share of stalking recorded as stalking changes the dark figure (victims never in the records as stalking):');
  for (const share of [1, 0.8, 0.6, 0.4]) {
    const r = victimsWith(share);
    console.log(`   ${`${100 * share}%`.padStart(5)} recorded as stalking: ${formatInterval(r.unrecorded)}`);
  }
  console.log('\nCaveats: the split by category and the audit are ASSUMED; reporting is ASSUMED; crimes are counted, not victims.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
