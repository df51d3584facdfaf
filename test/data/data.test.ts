import { describe, it, expect } from 'vitest';
import {
  esp2013,
  populationEnglandWales2018,
  populationSelectedAreas2018,
  counties2018,
  policeForceAreas2018,
  stalkingFigures,
  type PopulationRow,
} from '../../src/data/index';
import { esp2013 as esp2013FromMain } from '../../src/index';

const sum = (rows: readonly { population: number }[]) => rows.reduce((s, r) => s + r.population, 0);
const inAges = (r: PopulationRow, min: number, max: number) => typeof r.age === 'number' && r.age >= min && r.age <= max;
const inGroup = (codes: readonly string[]) => populationSelectedAreas2018.filter((r) => codes.includes(r.areaCode));

describe('esp2013', () => {
  it('has 19 bands 0-4 .. 90+ summing to 100000', () => {
    expect(esp2013).toHaveLength(19);
    expect(esp2013[0]).toEqual({ age: '0-4', population: 5000 });
    expect(esp2013[18]).toEqual({ age: '90+', population: 1000 });
    expect(esp2013.map((r) => r.age)).toEqual([
      ...Array.from({ length: 18 }, (_, i) => `${5 * i}-${5 * i + 4}`),
      '90+',
    ]);
    expect(sum(esp2013)).toBe(100000);
  });
  it('is the same object from the main entry and is frozen', () => {
    expect(esp2013FromMain).toBe(esp2013);
    expect(Object.isFrozen(esp2013)).toBe(true);
    expect(Object.isFrozen(esp2013[0])).toBe(true);
  });
});

describe('populationEnglandWales2018', () => {
  it('has 182 single-year rows by sex, ages 0..89 then 90+', () => {
    expect(populationEnglandWales2018).toHaveLength(182);
    for (const sex of ['male', 'female'] as const) {
      const ages = populationEnglandWales2018.filter((r) => r.sex === sex).map((r) => r.age);
      expect(ages).toEqual([...Array.from({ length: 90 }, (_, i) => i), '90+']);
    }
  });
  it('totals 59,115,809; women 16-59 16,854,780; men 16-59 16,884,590', () => {
    expect(sum(populationEnglandWales2018)).toBe(59115809);
    expect(sum(populationEnglandWales2018.filter((r) => r.sex === 'female' && inAges(r, 16, 59)))).toBe(16854780);
    expect(sum(populationEnglandWales2018.filter((r) => r.sex === 'male' && inAges(r, 16, 59)))).toBe(16884590);
  });
  it('rows are frozen', () => {
    expect(Object.isFrozen(populationEnglandWales2018)).toBe(true);
    expect(Object.isFrozen(populationEnglandWales2018[0])).toBe(true);
  });
});

describe('populationSelectedAreas2018', () => {
  it('has 3,458 rows: 19 districts x 2 sexes x 91 ages, all positive whole numbers', () => {
    expect(populationSelectedAreas2018).toHaveLength(3458);
    expect(new Set(populationSelectedAreas2018.map((r) => r.areaCode)).size).toBe(19);
    expect(populationSelectedAreas2018.every((r) => Number.isInteger(r.population) && r.population > 0)).toBe(true);
    expect(populationSelectedAreas2018[0]).toEqual({
      areaCode: 'E09000023',
      areaName: 'Lewisham',
      sex: 'male',
      age: 0,
      population: 2287,
    });
  });
  it('Lewisham totals 303,536', () => {
    expect(sum(inGroup(['E09000023']))).toBe(303536);
  });
  it('Lincolnshire county totals 755,833 and Bedfordshire police force area 669,338', () => {
    expect(sum(inGroup(counties2018.Lincolnshire.areaCodes))).toBe(755833);
    expect(sum(inGroup(policeForceAreas2018.Lincolnshire.areaCodes))).toBe(755833);
    expect(sum(inGroup(policeForceAreas2018.Bedfordshire.areaCodes))).toBe(669338);
  });
  it('every grouped district is in the data', () => {
    const codes = new Set(populationSelectedAreas2018.map((r) => r.areaCode));
    for (const g of [...Object.values(counties2018), ...Object.values(policeForceAreas2018)]) {
      for (const c of g.areaCodes) expect(codes.has(c)).toBe(true);
    }
  });
});

describe('stalkingFigures', () => {
  it('carries the figures used in the tour', () => {
    expect(stalkingFigures.domesticHomicideReviews).toMatchObject({ identified: 27, reviews: 500 });
    expect(stalkingFigures.policeRecordedStalkingFOI.englandWales).toBe(7706);
    expect(stalkingFigures.policeRecordedStalkingFOI.period).toEqual({ from: '2013-04-01', to: '2016-02-04' });
    expect(stalkingFigures.policeRecordedStalkingFOI.forces.map((f) => [f.force, f.recorded])).toEqual([
      ['Lincolnshire', 22],
      ['Bedfordshire', 179],
    ]);
    expect(stalkingFigures.csew2015StalkingPrevalence.rows).toHaveLength(4);
    expect(Object.values(stalkingFigures.perpetratorRelationship.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(0.86, 12);
    expect(stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2017.areas).toHaveLength(8);
  });
  it('is deeply frozen', () => {
    expect(Object.isFrozen(stalkingFigures)).toBe(true);
    expect(Object.isFrozen(stalkingFigures.policeRecordedStalkingFOI.forces[0])).toBe(true);
  });
});
