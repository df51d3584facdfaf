import { describe, expect, it } from 'vitest';
import { changeOverTime, funnelPlot, hiddenIncidence, InputError, rateCI, relationshipShares, splitByShares } from '../../src/index';
import { changeChart, forestChart, funnelChart, icebergChart, sharesChart, type VegaLiteSpec } from '../../src/charts/index';
import { stalkingFigures } from '../../src/data/index';
import { countItems, markGroup, render, seriesCount } from './render';

// Shipped figures (darkfigure/data) and mid-2018 populations, as in the functions' @examples.
const populations: Record<string, number> = {
  Lewisham: 303536, 'Dartford and Gravesham': 216094, Bromley: 331096, Greenwich: 286186,
  Bexley: 247258, Wycombe: 174641, 'South Bucks': 70043, Chiltern: 95927,
};
const y2017 = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2017;
const y2015 = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2015;
const funnelRows = y2017.areas.map((a) => ({ area: a.area, count: a.recorded, population: populations[a.area]! }));
const foi = stalkingFigures.policeRecordedStalkingFOI;
const hidden = hiddenIncidence(
  { recorded: { count: foi.englandWales, ...foi.period }, reporting: { estimate: 0.5, lower: 0.4, upper: 0.6 }, recording: { successes: 100, trials: 2000 } },
  { draws: 20000 },
);
const shares = relationshipShares(stalkingFigures.perpetratorRelationship.shares, { base: 400 });
const changes = Object.fromEntries(
  y2015.areas.map((a) => [
    a.area,
    changeOverTime({ count: a.recorded, ...y2015.period }, { count: y2017.areas.find((b) => b.area === a.area)!.recorded, ...y2017.period }),
  ]),
);

/** A spec is plain JSON: it survives JSON.stringify unchanged (no undefined, NaN, Infinity, functions). */
function expectPlainJson(spec: VegaLiteSpec): void {
  const text = JSON.stringify(spec);
  expect(text).not.toMatch(/NaN|Infinity/);
  expect(JSON.parse(text)).toEqual(spec);
  expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
  expect(typeof spec.description).toBe('string');
}

const points = (svg: string, name: string) => countItems(markGroup(svg, name), 'path');
const texts = (svg: string, name: string) => countItems(markGroup(svg, name), 'text');
const rules = (svg: string, name: string) => countItems(markGroup(svg, name), 'line');

describe('funnelChart', () => {
  it.each(['none', 'multiplicative', 'additive'] as const)('compiles and renders a point per area, limits per level, labels on the flagged (%s)', async (overdispersion) => {
    const plot = funnelPlot(funnelRows, { overdispersion });
    const spec = funnelChart(plot);
    expectPlainJson(spec);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(points(svg, 'areas')).toBe(plot.areas.length);
    // a lower and an upper line for each level
    expect(seriesCount(svg, 'limits')).toBe(2 * plot.levels.length);
    expect(rules(svg, 'target')).toBe(1);
    const flagged = plot.areas.filter((a) => a.flag !== 'within');
    expect(texts(svg, 'labels')).toBe(flagged.length);
    for (const a of flagged) expect(markGroup(svg, 'labels')).toContain(`>${a.area.replace(/&/g, '&amp;')}<`);
    // flags coloured on a fixed scale: every flag present in the legend's domain
    const layer = (spec.layer as { name: string; encoding: { color?: { scale: { domain: string[] } } } }[]).find((l) => l.name === 'areas')!;
    expect(layer.encoding.color!.scale.domain).toEqual(['high-99.8', 'high-95', 'within', 'low-95', 'low-99.8']);
    for (const a of plot.areas) expect(layer.encoding.color!.scale.domain).toContain(a.flag);
  });
  it('labels all or none, a log axis, proportions as percentages', async () => {
    const plot = funnelPlot(funnelRows);
    expect(texts((await render(funnelChart(plot, { labels: 'all' }))).svg, 'labels')).toBe(8);
    expect(texts((await render(funnelChart(plot, { labels: 'none' }))).svg, 'labels')).toBe(0);
    const log = funnelChart(plot, { xScale: 'log', title: 'T', subtitle: 'S', width: 300, height: 200 });
    expect(log.title).toEqual({ text: 'T', subtitle: 'S' });
    expect(JSON.stringify(log)).toContain('"type":"log"');
    expect((await render(log)).svg).toContain('width="');
    const proportion = funnelPlot([
      { area: 'a', count: 27, denominator: 500 },
      { area: 'b', count: 60, denominator: 520 },
      { area: 'c', count: 5, denominator: 300 },
    ]);
    const { svg } = await render(funnelChart(proportion));
    expect(points(svg, 'areas')).toBe(3);
    expect(svg).toMatch(/\d%<\/text>/);
  });
  it('three levels: a flag colour and dash for each', async () => {
    const plot = funnelPlot(funnelRows, { levels: [0.8, 0.95, 0.998] });
    const { svg } = await render(funnelChart(plot));
    expect(seriesCount(svg, 'limits')).toBe(6);
    expect(points(svg, 'areas')).toBe(8);
  });
  it('refuses what is not a funnelPlot result, and bad options', () => {
    expect(() => funnelChart({ areas: [] } as never)).toThrow(InputError);
    expect(() => funnelChart(funnelPlot(funnelRows), { labels: 'some' } as never)).toThrow(/labels: expected one of 'flagged', 'all', 'none'/);
    expect(() => funnelChart(funnelPlot(funnelRows), { colour: 'red' } as never)).toThrow(InputError);
    expect(() => funnelChart(funnelPlot(funnelRows), { width: -1 })).toThrow(InputError);
  });
});

describe('forestChart', () => {
  const rows = funnelRows.map((r) => ({ area: r.area, ...rateCI(r.count, r.population) }));
  it('compiles and renders an interval and a point per row, and the reference line', async () => {
    const spec = forestChart(rows, { reference: 430 });
    expectPlainJson(spec);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(rules(svg, 'intervals')).toBe(8);
    expect(points(svg, 'estimates')).toBe(8);
    expect(rules(svg, 'reference')).toBe(1);
    expect(spec.description).toContain('95% CI');
  });
  it('sorts by value, largest first (or as asked)', () => {
    const order = (spec: VegaLiteSpec) => (spec.layer as { encoding: { y: { sort: string[] } } }[])[0]!.encoding.y.sort;
    const byRate = [...rows].sort((a, b) => b.value - a.value).map((r) => r.area);
    expect(order(forestChart(rows))).toEqual(byRate);
    expect(order(forestChart(rows, { sort: 'ascending' }))).toEqual([...byRate].reverse());
    expect(order(forestChart(rows, { sort: 'none' }))).toEqual(rows.map((r) => r.area));
  });
  it('takes a record of intervals (relationshipShares) and shows shares as percentages', async () => {
    const spec = forestChart(shares);
    const { svg } = await render(spec);
    expect(points(svg, 'estimates')).toBe(6);
    expect(svg).toMatch(/\d%<\/text>/);
    expect(markGroup(svg, 'reference')).toBe('');
  });
  it('leaves out an unbounded interval but keeps its point', async () => {
    const { svg } = await render(forestChart([{ label: 'a', value: 2, lower: 1, upper: Infinity }, { label: 'b', value: 1, lower: 0.5, upper: 2 }]));
    expect(rules(svg, 'intervals')).toBe(1);
    expect(points(svg, 'estimates')).toBe(2);
  });
  it('refuses rows without labels, duplicated labels, and no rows', () => {
    expect(() => forestChart([{ value: 1, lower: 0, upper: 2 }])).toThrow(/rows\[0\]\.label/);
    expect(() => forestChart([{ label: 'a', value: 1, lower: 0, upper: 2 }, { label: 'a', value: 1, lower: 0, upper: 2 }])).toThrow(InputError);
    expect(() => forestChart([])).toThrow(InputError);
    expect(() => forestChart({})).toThrow(InputError);
    expect(() => forestChart([{ label: "a", value: Number.NaN, lower: 0, upper: 2 }])).toThrow(InputError);
  });
});

describe('icebergChart', () => {
  it('compiles and renders three bars, two intervals and three values, victims at the top', async () => {
    const spec = icebergChart(hidden);
    expectPlainJson(spec);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(points(svg, 'bars')).toBe(3);
    expect(rules(svg, 'intervals')).toBe(2);
    expect(texts(svg, 'values')).toBe(3);
    const shown = [...markGroup(svg, 'values').matchAll(/>([\d,]+)<\/text>/g)].map((m) => m[1]);
    expect(shown).toEqual([hidden.victims.value, hidden.reported.value, hidden.recorded].map((x) => Math.round(x).toLocaleString('en-US')));
    expect(spec.description).toContain(`${Math.round(hidden.unrecorded.value).toLocaleString('en-GB')} victims a year are not in police records`);
  });
  it('takes stage words, and refuses what is not a hiddenIncidence result', async () => {
    const { svg } = await render(icebergChart(hidden, { stages: { victims: 'people stalked' } }));
    expect(svg).toContain('people stalked');
    expect(() => icebergChart({ victims: 1 } as never)).toThrow(InputError);
    expect(() => icebergChart(hidden, { stages: { victim: 'x' } } as never)).toThrow(InputError);
  });
  it('the delta method and a result with an unbounded upper limit draw too', async () => {
    const delta = hiddenIncidence({ recorded: 2700, reporting: 0.5, recording: { successes: 100, trials: 2000 } }, { method: 'delta' });
    expect(points((await render(icebergChart(delta))).svg, 'bars')).toBe(3);
    const open = { ...hidden, victims: { ...hidden.victims, upper: Infinity } };
    const { svg } = await render(icebergChart(open));
    expect(rules(svg, 'intervals')).toBe(1);
    expect(JSON.stringify(icebergChart(open))).not.toContain('Infinity');
  });
});

describe('sharesChart', () => {
  it('compiles and renders a bar and an interval per category, other last', async () => {
    const spec = sharesChart(shares);
    expectPlainJson(spec);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(points(svg, 'bars')).toBe(6);
    expect(rules(svg, 'intervals')).toBe(6);
    const order = (spec.layer as { encoding: { y: { sort: string[] } } }[])[0]!.encoding.y.sort;
    expect(order).toEqual(['ex-partner', 'acquaintance', 'stranger', 'colleague', 'family', 'other']);
    expect(svg).toMatch(/\d%<\/text>/);
  });
  it('draws a splitByShares result as numbers of victims', async () => {
    const split = splitByShares(hidden.victims, stalkingFigures.perpetratorRelationship.shares, { base: 400, draws: 5000 });
    const spec = sharesChart(split);
    const { svg } = await render(spec);
    expect(points(svg, 'bars')).toBe(6);
    expect(spec.description).toContain(`a total of ${Math.round(split.total.value).toLocaleString('en-GB')}`);
    expect(JSON.stringify(spec)).toContain('victims (95% CI)');
  });
  it('keeps the order given with sort none, and refuses empty or wrong inputs', () => {
    const spec = sharesChart(shares, { sort: 'none', last: [] });
    expect((spec.layer as { encoding: { y: { sort: string[] } } }[])[0]!.encoding.y.sort).toEqual(Object.keys(shares));
    expect(() => sharesChart({})).toThrow(InputError);
    expect(() => sharesChart({ a: { value: 1 } } as never)).toThrow(InputError);
  });
});

describe('changeChart', () => {
  it('compiles and renders two points, a joining line and a change with its interval per area', async () => {
    const spec = changeChart(changes);
    expectPlainJson(spec);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    const n = Object.keys(changes).length;
    expect(points(svg, 'counts')).toBe(2 * n);
    expect(rules(svg, 'periods')).toBe(n);
    expect(rules(svg, 'intervals')).toBe(n);
    expect(points(svg, 'changes')).toBe(n);
    expect(rules(svg, 'zero')).toBe(1);
    // calendar years in the legend, Wycombe's +57% in words
    expect(svg).toContain('>2015<');
    expect(svg).toContain('>2017<');
    expect(spec.description).toContain('Wycombe 57%');
  });
  it('draws a single result; periods of different length per 365 days; an unbounded change left out', async () => {
    const one = changeOverTime({ count: 239, days: 365 }, { count: 152, days: 366 });
    const spec = changeChart(one, { periods: { before: 'first', after: 'second' } });
    expect(JSON.stringify(spec)).toContain('count per 365 days');
    const { svg } = await render(spec);
    expect(points(svg, 'counts')).toBe(2);
    expect(svg).toContain('>first<');
    const fromZero = changeOverTime({ count: 0, days: 30 }, { count: 4, days: 31 });
    const open = await render(changeChart({ a: fromZero, b: one }));
    expect(rules(open.svg, 'intervals')).toBe(1);
    expect(points(open.svg, 'counts')).toBe(4);
  });
  it('refuses what is not a changeOverTime result', () => {
    expect(() => changeChart({ ratio: 1 } as never)).toThrow(InputError);
    expect(() => changeChart({})).toThrow(InputError);
    expect(() => changeChart(changes, { periods: 'x' } as never)).toThrow(InputError);
  });
});

describe('charts do not mutate their inputs', () => {
  it('every chart leaves its input as it was', () => {
    const plot = funnelPlot(funnelRows);
    const before = JSON.stringify([plot, hidden, shares, changes]);
    funnelChart(plot);
    icebergChart(hidden);
    sharesChart(shares);
    forestChart(shares);
    changeChart(changes);
    expect(JSON.stringify([plot, hidden, shares, changes])).toBe(before);
  });
});
