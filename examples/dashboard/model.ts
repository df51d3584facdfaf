/**
 * The dashboard's estimates: pure functions, no DOM. The page (main.ts) draws what `dashboard(reporting)`
 * returns; the CI check (.ci/dashboard/check.ts) calls the same function in Node against the built package
 * and compares the numbers the page shows with `keyNumbers(...)`.
 *
 * Imports come from the package's own entries, as in a user's app: 'darkfigure', 'darkfigure/data' and
 * 'darkfigure/charts' resolve through package.json "exports" to the BUILT dist (run `npm run build` first).
 *
 * Inputs, as in examples/england-wales-stalking.ts and examples/local-areas.ts:
 * - published: 7,706 stalking offences recorded from 1 April 2013 to 4 February 2016 (FOI); CSEW 2015
 *   prevalence 4.9% of women and 2.4% of men aged 16-59; "about half" of victims report; the stalker's
 *   relationship to the victim (ex-partner 45%, acquaintance 22%, stranger 10%, colleague 5%, family 4%);
 *   the 2017 counts of eight community safety partnerships; mid-2018 populations (ONS).
 * - ASSUMED (see ASSUMPTIONS below): survey bases and design factor; the share reporting (the control) with
 *   a 95% interval of +-10 points; the share of reports the police record as stalking, taken as what the
 *   survey implies if exactly half of victims report, and held there while the control moves; 400 survey
 *   victims behind the relationship shares.
 */
import {
  expectedVictims,
  formatInterval,
  hiddenIncidence,
  impliedRecording,
  localEstimates,
  splitByShares,
  type ExpectedVictims,
  type HiddenIncidence,
  type Interval,
  type LocalEstimates,
  type PopulationInputRow,
  type PrevalenceRow,
  type SplitByShares,
} from 'darkfigure';
import { populationEnglandWales2018, populationSelectedAreas2018, stalkingFigures } from 'darkfigure/data';
import { funnelChart, icebergChart, sharesChart, type VegaLiteSpec } from 'darkfigure/charts';

/** The control's range: the share of victims who report to the police ("about half"). */
export const REPORTING = { min: 0.3, max: 0.7, step: 0.05, initial: stalkingFigures.reportingToPolice.share } as const;

/** ASSUMED inputs, listed on the page in these words. */
export const ASSUMPTIONS: readonly string[] = [
  'Survey design: the press gave no bases or intervals for the CSEW prevalence, so bases of 11,500 women and 9,800 men aged 16-59 and a design factor of 1.2 are assumed.',
  'Share of victims who report to the police: the control (published: "about half"), with a 95% interval of 10 percentage points either side.',
  'Share of reports the police record as stalking: what the survey implies if exactly half of victims report (police count over survey victims over one half), held fixed while the control moves. The control therefore asks: at that recording rate, how many victims would this share reporting imply?',
  'Relationship shares: 400 survey victims are assumed to stand behind the published percentages; the 14% not described is shown as "other".',
  'Local areas: the 2017 counts are stalking AND harassment AND malicious communications, while the prevalence is of stalking only, so the local "share recorded" is not a pure stalking share. Dartford and Gravesham is one partnership: its two districts\' populations are added.',
];

const SEED = 2016;
const LOCAL_SEED = 2017;

const assumedDesign = { female: { base: 11500, designFactor: 1.2 }, male: { base: 9800, designFactor: 1.2 } } as const;

/** CSEW 2015 stalking prevalence aged 16-59 by sex, with the ASSUMED design. */
const prevalence: PrevalenceRow[] = stalkingFigures.csew2015StalkingPrevalence.rows
  .filter((r) => r.age === '16-59')
  .map((r) => ({ sex: r.sex, age: r.age, estimate: r.prevalence, ...assumedDesign[r.sex] }));

const foi = stalkingFigures.policeRecordedStalkingFOI;
const recorded = { count: foi.englandWales, from: foi.period.from, to: foi.period.to };

/** The parts that do not depend on the control: survey victims and the recording rate they imply. */
export interface Baseline {
  /** Victims a year from the survey (prevalence x mid-2018 population aged 16-59). */
  survey: ExpectedVictims;
  /** Share of reports recorded as stalking if exactly half of victims report (ASSUMED to hold as the control moves). */
  recording: Interval;
}

let cachedBaseline: Baseline | undefined;

export function baseline(): Baseline {
  if (cachedBaseline === undefined) {
    const survey = expectedVictims(prevalence, populationEnglandWales2018);
    const implied = impliedRecording({ recorded, victims: survey.total, reporting: 0.5 }, { seed: SEED });
    cachedBaseline = { survey, recording: implied.recording! };
  }
  return cachedBaseline;
}

/** The share reporting as the uncertain probability passed to the library: the value +- 10 points (95%). */
export function reportingInput(reporting: number): { estimate: number; lower: number; upper: number } {
  return { estimate: reporting, lower: Math.max(0.01, reporting - 0.1), upper: Math.min(0.99, reporting + 0.1) };
}

const districtCache = new Map<string, string[]>();
function codesOf(name: string): string[] {
  let codes = districtCache.get(name);
  if (codes === undefined) {
    codes = [...new Set(populationSelectedAreas2018.filter((r) => r.areaName === name).map((r) => r.areaCode))];
    if (codes.length === 0) throw new Error(`no district named ${name} in populationSelectedAreas2018`);
    districtCache.set(name, codes);
  }
  return codes;
}

/** Population rows of some districts, added together by sex and single year of age. */
function districtsPopulation(codes: readonly string[]): PopulationInputRow[] {
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

const partnerships: Record<string, string[]> = { 'Dartford and Gravesham': ['Dartford', 'Gravesham'] };

let cachedAreas: { name: string; population: PopulationInputRow[]; recorded: { count: number; from: string; to: string } }[] | undefined;
function areas() {
  if (cachedAreas === undefined) {
    const figures = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2017;
    cachedAreas = figures.areas.map((a) => ({
      name: a.area,
      population: districtsPopulation((partnerships[a.area] ?? [a.area]).flatMap(codesOf)),
      recorded: { count: a.recorded, from: figures.period.from, to: figures.period.to },
    }));
  }
  return cachedAreas;
}

/** Everything the page shows for one value of the control. */
export interface Dashboard {
  reporting: number;
  baseline: Baseline;
  /** England and Wales: victims = recorded / (reporting x recording). */
  national: HiddenIncidence;
  /** The victims never in police records split by the stalker's relationship to them. */
  split: SplitByShares;
  /** The eight community safety partnerships of 2017 (synthetic estimates; flags against their pooled rate). */
  local: LocalEstimates;
  charts: { iceberg: VegaLiteSpec; shares: VegaLiteSpec; funnel: VegaLiteSpec };
}

/** The estimates and chart specifications for a share reporting in [REPORTING.min, REPORTING.max]. */
export function dashboard(reporting: number): Dashboard {
  if (!(reporting >= REPORTING.min && reporting <= REPORTING.max)) {
    throw new RangeError(`the share reporting must be from ${REPORTING.min} to ${REPORTING.max}; got ${reporting}`);
  }
  const base = baseline();
  const national = hiddenIncidence({ recorded, reporting: reportingInput(reporting), recording: base.recording }, { seed: SEED, keepDraws: true });
  const split = splitByShares(national, stalkingFigures.perpetratorRelationship.shares, { quantity: 'unrecorded', base: 400, seed: SEED });
  const local = localEstimates({ areas: areas(), prevalence, reporting: reportingInput(reporting), populationYear: 2018 }, { seed: LOCAL_SEED });
  const pct = `${Math.round(reporting * 100)}%`;
  return {
    reporting,
    baseline: base,
    national,
    split,
    local,
    charts: {
      iceberg: icebergChart(national, { title: 'Stalking victims a year in England and Wales', subtitle: `if ${pct} of victims report`, width: 'container' }),
      shares: sharesChart(split, { title: 'Victims never in police records, by who stalked them', subtitle: `if ${pct} of victims report`, width: 'container' }),
      // the specification is plain JSON: the legend goes below so the names of the largest areas stay clear of it
      funnel: {
        ...funnelChart(local.funnel, { title: 'Recorded against expected, 2017', subtitle: 'eight community safety partnerships', width: 'container' }),
        config: { legend: { orient: 'bottom', direction: 'vertical' } },
      },
    },
  };
}

/** One number the page shows: `key` is the element's `data-number`, `text` its exact text. */
export interface KeyNumber {
  key: string;
  label: string;
  text: string;
}

const whole = (x: number) => Math.round(x).toLocaleString('en-GB');

/** The numbers the page prints, in page order, formatted with formatInterval (the same in Node and the browser). */
export function keyNumbers(d: Dashboard): KeyNumber[] {
  const n = d.national;
  const s = d.local.summary;
  const out: KeyNumber[] = [
    { key: 'reporting', label: 'Share of victims who report (the control)', text: `${Math.round(d.reporting * 100)}%` },
    { key: 'victims', label: 'Victims a year', text: formatInterval(n.victims) },
    { key: 'reported', label: 'Victims a year who tell the police', text: formatInterval(n.reported) },
    { key: 'recorded', label: 'Stalking offences the police record a year', text: whole(n.recorded) },
    { key: 'unrecorded', label: 'Victims a year never in police records (the dark figure)', text: formatInterval(n.unrecorded) },
    { key: 'recordedShare', label: 'Share of victims in police records', text: formatInterval(n.recordedShare, { percent: true, digits: 2 }) },
    { key: 'surveyVictims', label: 'Victims a year by the survey (does not depend on the control)', text: formatInterval(d.baseline.survey.total) },
    { key: 'recording', label: 'Share of reports recorded as stalking (ASSUMED, fixed)', text: formatInterval(d.baseline.recording, { percent: true, digits: 2 }) },
  ];
  for (const [category, part] of Object.entries(d.split.categories)) {
    out.push({ key: `split:${category}`, label: category, text: formatInterval(part) });
  }
  out.push(
    { key: 'localVictims', label: `Victims a year in the ${s.areas} areas (synthetic)`, text: formatInterval(s.victims) },
    { key: 'localRecordedShare', label: 'Share of their victims in police records', text: formatInterval(s.recordedShare, { percent: true }) },
    { key: 'localRecording', label: 'Share of reports recorded', text: formatInterval(s.recording, { percent: true }) },
    { key: 'localPhi', label: 'Overdispersion phi (about 1 if the areas differed by chance alone)', text: d.local.funnel.phi.toFixed(1) },
  );
  return out;
}
