// The @example blocks of src/survey/*.ts and examples/borough-women-16-24.ts, run as written (imports from
// the package entry), with the values their comments state.
import { describe, expect, it } from 'vitest';
import data from '../fixtures/r/survey-proportion.json';
import { expectedVictims, surveyProportion } from '../../src/index';
import { populationEnglandWales2018, populationSelectedAreas2018 } from '../../src/data/index';
import { allDistricts, boroughWomen16to24, report } from '../../examples/borough-women-16-24';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

describe('doc examples', () => {
  it('surveyProportion', () => {
    const women = surveyProportion({ estimate: 0.049, base: 11500, designFactor: 1.2 });
    expect(round(women.effectiveBase, 1)).toBe(7986.1);
    expect(round(women.standardError, 5)).toBe(0.00242);
    expect([round(women.lower, 4), round(women.upper, 4), women.method]).toEqual([0.0445, 0.054, 'logit']);
    const same = surveyProportion({ estimate: 0.049, base: 11500, designEffect: 1.44 });
    expect(round(same.upper, 12)).toBe(round(women.upper, 12));
  });
  it('expectedVictims', () => {
    const result = expectedVictims(
      [
        { sex: 'female', age: '16-59', estimate: 0.049, base: 11500, designFactor: 1.2 },
        { sex: 'male', age: '16-59', estimate: 0.024, base: 9800, designFactor: 1.2 },
      ],
      populationEnglandWales2018,
    );
    expect(round(result.total.value, 2)).toBe(1231114.38);
    expect([Math.round(result.total.lower), Math.round(result.total.upper)]).toEqual([1134298, 1335856]);
    expect(Math.round(result.strata[0]!.victims.value)).toBe(825884);
  });
});

describe('examples/borough-women-16-24.ts', () => {
  it('answers for every district in the data, Lewisham as computed in R', () => {
    const rows = boroughWomen16to24();
    expect(rows).toHaveLength(new Set(populationSelectedAreas2018.map((r) => r.areaCode)).size);
    expect(rows).toHaveLength(19);
    const lewisham = rows.find((r) => r.areaName === 'Lewisham')!.result;
    const l = data.csew.lewisham;
    expect(lewisham.population).toBe(l.population);
    expect(Math.abs(lewisham.total.lower - l.logit[0]!) / l.logit[0]!).toBeLessThan(1e-10);
    expect(Math.abs(lewisham.total.upper - l.logit[1]!) / l.logit[1]!).toBeLessThan(1e-10);
    // all districts together: the populations add up; the point estimates add up; the interval is not a sum
    const all = allDistricts();
    expect(all.population).toBe(rows.reduce((s, r) => s + r.result.population, 0));
    expect(all.total.value).toBeCloseTo(rows.reduce((s, r) => s + r.result.total.value, 0), 6);
  });
  it('says loudly that the design is assumed', () => {
    const text = report();
    expect(text).toMatch(/ASSUMED SURVEY DESIGN/);
    expect(text).toMatch(/Lewisham\s+15,382\s+599/);
    expect(text).toMatch(/1,231,114/);
  });
});
