import { describe, expect, it } from 'vitest';
import { localEstimates } from '../../src/index';
import { populationSelectedAreas2018, stalkingFigures } from '../../src/data/index';
import { boroughs2017, districtsPopulation, lincolnshireBedfordshire, nationalTarget, report } from '../../examples/local-areas';

describe('the @example of localEstimates', () => {
  it('gives the values its comments state', () => {
    const population = (women: number, men: number) => [
      { sex: 'female', age: '16-59', population: women },
      { sex: 'male', age: '16-59', population: men },
    ];
    const result = localEstimates({
      areas: [
        { name: 'Lincolnshire', population: population(205_000, 208_000), recorded: { count: 22, from: '2013-04-01', to: '2016-02-04' } },
        { name: 'Bedfordshire', population: population(198_000, 201_000), recorded: { count: 179, from: '2013-04-01', to: '2016-02-04' } },
      ],
      prevalence: [
        { sex: 'female', age: '16-59', estimate: 0.049, base: 11500, designFactor: 1.2 },
        { sex: 'male', age: '16-59', estimate: 0.024, base: 9800, designFactor: 1.2 },
      ],
      reporting: { estimate: 0.5, standardError: 0.03 },
    });
    expect(Math.round(result.areas[0]!.victims.value)).toBe(15037);
    expect(result.areas[0]!.flag).toBe('low-99.8');
  });
});

describe('examples/local-areas.ts', () => {
  it('part 1: the eight partnerships of the 2017 figures, Dartford and Gravesham as the two districts added', () => {
    const result = boroughs2017();
    const figures = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2017.areas;
    expect(result.areas.map((a) => [a.area, a.count])).toEqual(figures.map((f) => [f.area, f.recorded]));
    const aged16to59 = (names: string[]) =>
      populationSelectedAreas2018
        .filter((r) => names.includes(r.areaName) && typeof r.age === 'number' && r.age >= 16 && r.age <= 59)
        .reduce((s, r) => s + r.population, 0);
    expect(result.areas.find((a) => a.area === 'Dartford and Gravesham')!.population).toBe(aged16to59(['Dartford', 'Gravesham']));
    expect(result.areas.find((a) => a.area === 'Lewisham')!.population).toBe(aged16to59(['Lewisham']));
    expect(result.notes.join('\n')).toContain('mid-2018');
  });

  it('part 2: Lincolnshire and Bedfordshire against the national rate', () => {
    const { areas, summary } = lincolnshireBedfordshire();
    const national = nationalTarget();
    expect(summary.targetSource).toBe('given');
    expect(summary.target).toBe(national.target);
    expect(areas.map((a) => [a.area, a.count])).toEqual([
      ['Lincolnshire', 22],
      ['Bedfordshire', 179],
    ]);
    // expected stalking offences over the 1,040 days at the national rate
    for (const a of areas) expect(Math.abs(a.expectedCount - (national.target * a.victims.value * 1040) / 365.25) / a.expectedCount).toBeLessThan(1e-12);
    expect(areas.map((a) => a.flag)).toEqual(['low-99.8', 'high-99.8']);
    expect(districtsPopulation(['E06000055', 'E06000056', 'E06000032']).reduce((s, r) => s + r.population, 0)).toBe(669_338);
  });

  it('the printed report states its assumptions and caveats', () => {
    const text = report();
    expect(text).toContain('ASSUMED SURVEY DESIGN');
    expect(text).toContain('stalking AND harassment AND malicious communications');
    expect(text).toContain('not a pure stalking share');
    expect(text).toContain('Populations are mid-2018');
    expect(text).toContain('Dartford and Gravesham');
    expect(text).toContain('Lincolnshire');
    expect(text).toContain('shared by every area');
  });
});
