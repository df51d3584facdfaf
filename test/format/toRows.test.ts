import { describe, expect, it } from 'vitest';
import * as d from '../../src/index';
import * as m from '../../src/models/index';
import { populationEnglandWales2018, populationSelectedAreas2018 } from '../../src/data/index';
import { issuesOf } from '../helpers';

const lewisham = populationSelectedAreas2018.filter((r) => r.areaName === 'Lewisham' || r.areaName === 'Bexley');
const areas = ['Lewisham', 'Bexley'].map((name, i) => ({
  name,
  population: lewisham.filter((r) => r.areaName === name).map((r) => ({ sex: r.sex, age: r.age, population: r.population })),
  recorded: [1579, 974][i]!,
}));
const prevalence = [
  { sex: 'female', age: '16-59', estimate: 0.049, base: 11500 },
  { sex: 'male', age: '16-59', estimate: 0.024, base: 9800 },
];
const hidden = d.hiddenIncidence({ recorded: 2706, reporting: { estimate: 0.5, standardError: 0.05 }, recording: 0.5 }, { draws: 2000 });
const rows = [
  { district: 'Wycombe', year: '2015', count: 152 }, { district: 'Wycombe', year: '2017', count: 239 },
  { district: 'Chiltern', year: '2015', count: 59 }, { district: 'Chiltern', year: '2017', count: 106 },
];
const fit = m.countModel(rows, { response: 'count', terms: ['district', 'year'], family: 'negative-binomial' });
const lists = { '100': 118, '010': 205, '001': 41, '110': 27, '101': 30, '011': 19, '111': 11 };

// every public function's result (formatInterval and isInputError return a string and a boolean)
const results: Record<string, unknown> = {
  proportionCI: d.proportionCI(27, 500),
  poissonCI: d.poissonCI(22),
  rateCI: d.rateCI(22, 755_833),
  rateRatioCI: d.rateRatioCI({ count: 22, population: 755_833 }, { count: 179, population: 669_338 }),
  multinomialCI: d.multinomialCI({ exPartner: 45, acquaintance: 22, stranger: 10 }),
  surveyProportion: d.surveyProportion({ estimate: 0.049, base: 11500, designFactor: 1.2 }),
  expectedVictims: d.expectedVictims(prevalence, populationEnglandWales2018),
  standardisedRate: d.standardisedRate([{ age: '0-44', count: 10, population: 5000 }, { age: '45+', count: 30, population: 4000 }], { standard: [{ age: '0-44', population: 60000 }, { age: '45+', population: 40000 }] }),
  standardisedRatio: d.standardisedRatio(30, 22.5),
  hiddenIncidence: hidden,
  impliedRecording: d.impliedRecording({ recorded: 2706, victims: { estimate: 1.23e6, standardError: 5e4 } }, { draws: 2000 }),
  relationshipShares: d.relationshipShares({ exPartner: 0.45, acquaintance: 0.22, stranger: 0.1 }, { base: 400 }),
  splitByShares: d.splitByShares(hidden.unrecorded, { exPartner: 0.45, acquaintance: 0.22 }, { base: 400, draws: 2000 }),
  changeOverTime: d.changeOverTime({ count: 152, days: 365 }, { count: 239, days: 365 }),
  perDay: d.perDay(239, { days: 365 }),
  funnelPlot: d.funnelPlot([{ area: 'a', count: 10, population: 1e5 }, { area: 'b', count: 40, population: 2e5 }], { type: 'rate' }),
  localEstimates: d.localEstimates({ areas, prevalence, reporting: { estimate: 0.5, standardError: 0.05 } }, { draws: 2000 }),
  countModel: fit,
  predictCounts: m.predictCounts(fit, [{ district: 'Wycombe', year: '2017' }]),
  compareCountModels: m.compareCountModels(m.countModel(rows, { response: 'count', terms: ['district'] }), m.countModel(rows, { response: 'count', terms: ['district', 'year'] })),
  twoListEstimate: m.twoListEstimate({ both: 38, firstOnly: 148, secondOnly: 224 }),
  multipleSystems: m.multipleSystems(lists),
  closedPopulation: m.closedPopulation(lists),
  fayHerriot: m.fayHerriot(
    [{ area: 'A', y: 4.1, v: 0.9, x: 1.2 }, { area: 'B', y: 6.9, v: 1.6, x: 1.5 }, { area: 'C', y: 3.2, v: 0.5, x: 0.9 }, { area: 'D', y: 3.0, v: 2.5, x: 1.8 }, { area: 'E', y: 7.4, v: 1.2, x: 2.4 }, { area: 'F', y: null, v: null, x: 1.6 }],
    { response: 'y', variance: 'v', covariates: ['x'] },
  ),
  reclassify: m.reclassify({ stalking: 63, harassment: 963 }, { stalking: { stalking: 60, harassment: 40 }, harassment: { stalking: 2, harassment: 198 } }, { draws: 2000 }),
  roganGladen: m.roganGladen({ positives: 80, tested: 1000 }, { sensitivity: 0.9, specificity: 0.95 }),
};

describe('toRows: every public result as flat tidy records', () => {
  it.each(Object.entries(results))('%s', (_name, result) => {
    const out = d.toRows(result);
    if (typeof result === 'number') return; // expectedCount returns a number: nothing to tidy
    expect(out.length).toBeGreaterThan(0);
    for (const row of out) {
      for (const v of Object.values(row)) expect(['string', 'number', 'boolean']).toContain(typeof v);
      expect(typeof row.quantity).toBe('string');
      for (const k of ['value', 'lower', 'upper', 'level'] as const) expect(Number.isNaN(row[k])).toBe(false);
      expect(row.lower).toBeLessThanOrEqual(row.upper);
    }
  });
  it('names quantities and categories', () => {
    expect(d.toRows(results.hiddenIncidence).map((r) => r.quantity)).toEqual(['victims', 'reported', 'unrecorded', 'recordedShare', 'multiplier']);
    expect(d.toRows(results.multinomialCI).map((r) => [r.quantity, r.category])).toEqual([['share', 'exPartner'], ['share', 'acquaintance'], ['share', 'stranger']]);
    const coefficients = d.toRows(fit).filter((r) => r.quantity === 'rate ratio');
    expect(coefficients.map((r) => r.category)).toEqual(['(Intercept)', 'district = Wycombe', 'year = 2017']);
    expect(d.toRows(results.closedPopulation).map((r) => r.category)).toContain('Mth Darroch');
    const strata = d.toRows(results.expectedVictims).filter((r) => r.quantity === 'victims');
    expect(strata.map((r) => r.category)).toEqual(['female 16-59', 'male 16-59']);
  });
  it('refuses what is not a result', () => {
    expect(issuesOf(() => d.toRows(3 as never))[0]!.path).toEqual(['result']);
  });
});
