import fc from 'fast-check';
import { ckmeans, quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { classBreaks } from '../../src/charts/index';
import { InputError } from '../../src/index';
import { populationSelectedAreas2018 } from '../../src/data/index';
import { render, markGroup } from './render';

// Populations of the shipped districts (mid-2018), a realistic choropleth variable.
const districts = (() => {
  const byArea = new Map<string, number>();
  for (const r of populationSelectedAreas2018) byArea.set(r.areaName, (byArea.get(r.areaName) ?? 0) + r.population);
  return [...byArea.values()];
})();
const rates = [520.2, 443.4, 509.8, 393.9, 685.3, 136.9, 154.2, 110.5];

describe('classBreaks against simple-statistics', () => {
  it("ckmeans: each class is exactly one of simple-statistics' clusters", () => {
    for (const values of [rates, districts]) {
      for (const classes of [2, 3, 4, 5]) {
        const clusters = ckmeans([...values], classes);
        const b = classBreaks(values, { classes });
        expect(b.method).toBe('ckmeans');
        expect(b.thresholds).toEqual(clusters.slice(1).map((c) => c[0]));
        expect(b.counts).toEqual(clusters.map((c) => c.length));
        expect(b.breaks).toEqual([Math.min(...values), ...b.thresholds, Math.max(...values)]);
      }
    }
  });
  it('ckmeans is the default, with 5 classes', () => {
    expect(classBreaks(districts)).toEqual(classBreaks(districts, { classes: 5, method: 'ckmeans' }));
    expect(classBreaks(districts).classes).toBe(5);
  });
  it('the @example: eight partnerships in three classes of 3, 4 and 1', () => {
    expect(classBreaks(rates, { classes: 3 })).toEqual({ method: 'ckmeans', classes: 3, breaks: [110.5, 393.9, 685.3, 685.3], thresholds: [393.9, 685.3], counts: [3, 4, 1] });
  });
  it("quantile: thresholds at simple-statistics' quantileSorted (type 7)", () => {
    const sorted = [...districts].sort((a, b) => a - b);
    for (const classes of [2, 4, 5, 7]) {
      const b = classBreaks(districts, { classes, method: 'quantile' });
      expect(b.thresholds).toEqual(Array.from({ length: classes - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / classes)));
    }
    expect(classBreaks([1, 2, 3, 4], { classes: 4, method: 'quantile' }).counts).toEqual([1, 1, 1, 1]);
  });
  it('equal: the range cut into equal widths', () => {
    expect(classBreaks([0, 1, 2, 5, 10], { classes: 5, method: 'equal' })).toEqual({ method: 'equal', classes: 5, breaks: [0, 2, 4, 6, 8, 10], thresholds: [2, 4, 6, 8], counts: [2, 1, 1, 0, 1] });
  });
});

describe('classBreaks properties', () => {
  const methods = ['ckmeans', 'quantile', 'equal'] as const;
  it('breaks ascend, thresholds strictly; classes as asked or fewer; counts add up to the values; each value falls in its class', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(...methods),
        (values, classes, method) => {
          const b = classBreaks(values, { classes, method });
          const distinct = new Set(values.map((x) => (x === 0 ? 0 : x))).size;
          expect(b.classes).toBeLessThanOrEqual(Math.min(classes, distinct));
          expect(b.classes).toBeGreaterThanOrEqual(1);
          if (method === 'ckmeans') expect(b.classes).toBe(Math.min(classes, distinct));
          expect(b.breaks).toHaveLength(b.classes + 1);
          expect(b.thresholds).toEqual(b.breaks.slice(1, -1));
          for (let i = 1; i < b.breaks.length; i++) expect(b.breaks[i]!).toBeGreaterThanOrEqual(b.breaks[i - 1]!);
          for (let i = 1; i < b.thresholds.length; i++) expect(b.thresholds[i]!).toBeGreaterThan(b.thresholds[i - 1]!);
          expect(b.breaks[0]).toBe(Math.min(...values));
          expect(b.breaks.at(-1)).toBe(Math.max(...values));
          expect(b.counts.reduce((s, c) => s + c, 0)).toBe(values.length);
          // ckmeans classes are never empty (with few values, quantile and equal-width classes may be)
          if (method === 'ckmeans') for (const c of b.counts) expect(c).toBeGreaterThan(0);
          expect((b.notes === undefined) === (b.classes === classes)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });
  it('fewer distinct values than classes: as many classes as distinct values, with a note', () => {
    for (const method of methods) {
      const b = classBreaks([3, 3, 7, 7, 7], { classes: 5, method });
      expect(b.classes).toBe(2);
      expect(b.counts).toEqual([2, 3]);
      expect(b.notes?.[0]).toMatch(/2 distinct values: 2 classes, not 5/);
      const one = classBreaks([4, 4, 4], { classes: 3, method });
      expect(one).toEqual({ method, classes: 1, breaks: [4, 4], thresholds: [], counts: [3], notes: ['one distinct value: 1 class, not 3'] });
    }
    expect(classBreaks([5], { classes: 1 })).toEqual({ method: 'ckmeans', classes: 1, breaks: [5, 5], thresholds: [], counts: [1] });
  });
  it('tied quantiles merge classes, with a note', () => {
    const b = classBreaks([1, 1, 1, 1, 1, 1, 2, 3], { classes: 3, method: 'quantile' });
    expect(b).toEqual({ method: 'quantile', classes: 1, breaks: [1, 3], thresholds: [], counts: [8], notes: ['tied quantiles: 1 class, not 3'] });
    const two = classBreaks([1, 1, 1, 1, 2, 3, 4, 5], { classes: 4, method: 'quantile' });
    expect(two.classes).toBe(3);
    expect(two.notes).toEqual(['tied quantiles: 3 classes, not 4']);
  });
  it('equal widths of a range beyond the doubles, and ckmeans up to 1e150', () => {
    expect(classBreaks([1.7e308, -1.7e308, 1, 2], { classes: 2, method: 'equal' })).toEqual({ method: 'equal', classes: 2, breaks: [-1.7e308, 0, 1.7e308], thresholds: [0], counts: [1, 3] });
    expect(classBreaks([1e300, 5, 6], { classes: 2, method: 'quantile' }).classes).toBe(2);
    expect(classBreaks([-1e150, 5, 6, 7, 1e149, 1e150], { classes: 3 }).counts).toEqual([1, 4, 1]); // least squares: 1e149 sits nearer 5 than 1e150
  });
  it('leaves its input as it was', () => {
    const values = [5, 1, 4, 2, 3];
    classBreaks(values, { classes: 2 });
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });
});

describe('classBreaks refuses bad input with an InputError', () => {
  it.each([
    ['an empty array', [], undefined, /values: expected at least one finite number/],
    ['NaN', [1, Number.NaN, 3], undefined, /values\[1\]: expected a finite number, received NaN/],
    ['Infinity', [1, Infinity], undefined, /values\[1\]: expected a finite number/],
    ['a string', [1, '2'], undefined, /values\[1\]: expected a finite number/],
    ['not an array', 5, undefined, /values: expected an array of finite numbers/],
    ['0 classes', [1, 2], { classes: 0 }, /classes: expected a whole number of classes from 1 to 100/],
    ['2.5 classes', [1, 2], { classes: 2.5 }, /classes: expected a whole number/],
    ['an unknown method', [1, 2], { method: 'jenks' }, /method: expected one of 'ckmeans', 'quantile', 'equal'/],
    ['ckmeans beyond 1e150 (sums of squares overflow)', [1e300, 5, 6], undefined, /values\[0\]: expected a number from -1e150 to 1e150 for ckmeans/],
    ['an unknown option', [1, 2], { clases: 3 }, /options: expected no unknown fields/],
  ])('%s', (_, values, options, message) => {
    const call = () => classBreaks(values as never, options as never);
    expect(call).toThrow(InputError);
    expect(call).toThrow(message);
  });
});

describe('classBreaks in a choropleth-style chart', () => {
  it("its thresholds are a threshold scale's domain: each colour drawn as many times as its class count", async () => {
    const b = classBreaks(rates, { classes: 3 });
    const range = ['#fee0d2', '#fc9272', '#de2d26'];
    const { svg } = await render({
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      description: 'rates coloured by class',
      data: { values: rates.map((rate, i) => ({ area: `area ${i}`, rate })) },
      name: 'cells',
      mark: 'bar',
      encoding: { x: { field: 'area', type: 'nominal' }, y: { field: 'rate', type: 'quantitative' }, color: { field: 'rate', type: 'quantitative', scale: { type: 'threshold', domain: b.thresholds, range } } },
    } as never);
    const group = markGroup(svg, 'cells');
    range.forEach((colour, i) => expect(group.split(`fill="${colour}"`).length - 1).toBe(b.counts[i]));
  });
});
