// The @example blocks of src/standardise/*.ts, run as written (imports from the package entry),
// with the values their comments state.
import { describe, expect, it } from 'vitest';
import { esp2013, expectedCount, standardisedRate, standardisedRatio } from '../../src/index';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

describe('doc examples', () => {
  it('standardisedRate', () => {
    const standard = [
      { age: '15-24', population: 11500 },
      { age: '25-34', population: 12500 },
      { age: '35-44', population: 14000 },
      { age: '45-59', population: 20500 },
    ];
    // the example's standard is ESP2013 summed into these bands
    const espBand = (from: number, to: number) =>
      esp2013.filter((b) => Number.parseInt(b.age, 10) >= from && Number.parseInt(b.age, 10) <= to).reduce((s, b) => s + b.population, 0);
    expect(standard.map((s) => s.population)).toEqual([espBand(15, 24), espBand(25, 34), espBand(35, 44), espBand(45, 59)]);
    const rows = [
      { age: '15-24', count: 41, population: 9800 },
      { age: '25-34', count: 35, population: 11200 },
      { age: '35-44', count: 22, population: 10400 },
      { age: '45-59', count: 14, population: 15600 },
    ];
    const dsr = standardisedRate(rows, { standard });
    expect([round(dsr.value, 1), round(dsr.lower, 1), round(dsr.upper, 1), dsr.method]).toEqual([231.1, 190.2, 278.2, 'dobson']);

    const repeat = standardisedRate(
      [
        { age: '15-24', personsByEvents: { 1: 25, 2: 5, 3: 2 }, population: 9800 },
        { age: '25-34', personsByEvents: { 1: 20, 2: 6, 3: 1 }, population: 11200 },
        { age: '35-44', personsByEvents: { 1: 14, 2: 4 }, population: 10400 },
        { age: '45-59', personsByEvents: { 1: 10, 2: 2 }, population: 15600 },
      ],
      { standard },
    );
    expect([round(repeat.value, 1), round(repeat.lower, 1), round(repeat.upper, 1)]).toEqual([231.1, 181.8, 287.8]);
    expect(repeat.notes).toHaveLength(1);
  });

  it('standardisedRatio', () => {
    const smr = standardisedRatio(91, 835.88356123117433);
    expect([round(smr.value, 5), round(smr.lower, 5), round(smr.upper, 5), smr.method]).toEqual([0.10887, 0.08765, 0.13367, 'byar']);
    expect(standardisedRatio(9, 835.88356123117433).method).toBe('exact');
  });

  it('expectedCount', () => {
    const population = [
      { age: '16-24', population: 12000 },
      { age: '25-59', population: 41000 },
    ];
    const national = [
      { age: '16-24', count: 900, population: 6_000_000 },
      { age: '25-59', count: 2100, population: 28_000_000 },
    ];
    const expected = expectedCount(population, national);
    expect(round(expected, 12)).toBe(4.875);
    const smr = standardisedRatio(3, expected);
    expect([round(smr.value, 3), smr.method]).toEqual([0.615, 'exact']);
    expect(round(expectedCount(population, [{ age: '16-24', rate: 15 }, { age: '25-59', rate: 7.5 }], { per: 100000 }), 12)).toBe(4.875);
  });
});
