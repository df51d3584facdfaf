import * as z from 'zod/mini';
import type { ChangeOverTime } from '../compare/changeOverTime';
import { fail } from '../core/InputError';
import { options as optionsOf } from '../core/schemas';
import { validate } from '../core/validate';
import { anyNumber, chartOptionShape, ciWords, finiteOrNull, intervalShape, specTop, values, drawn } from './chartBase';
import type { ChartOptions, ChartRow, JsonValue, VegaLiteSpec } from './spec';

/** Options of {@link changeChart}. */
export interface ChangeChartOptions extends ChartOptions {
  /** Words for the two periods in the legend; default the periods' dates (`'2015'` for a calendar year), else `'before'` and `'after'`. */
  periods?: { before?: string; after?: string };
}

const period = /* @__PURE__ */ (() => z.object({ count: anyNumber, days: anyNumber, from: z.optional(z.string()), to: z.optional(z.string()) }))();
const change = /* @__PURE__ */ (() => z.object(
  { ratio: intervalShape, percentChange: intervalShape, before: period, after: period },
  { error: 'a changeOverTime result { ratio, percentChange, before, after }' },
))();

const schema = /* @__PURE__ */ (() => z.object({
  changes: z.union([change, z.record(z.string(), change)], {
    error: 'a changeOverTime result, or a record of name (an area) to changeOverTime result',
  }),
  options: optionsOf({
    ...chartOptionShape,
    periods: z._default(z.strictObject(
      { before: z.optional(z.string({ error: 'a label (a string)' })), after: z.optional(z.string({ error: 'a label (a string)' })) },
      { error: 'an object { before?, after? } of labels' },
    ), {}),
  }),
}))();

/** A period's words: the year of a calendar year, 'from to' for other dates, else undefined. */
function periodWords(p: { from?: string; to?: string }): string | undefined {
  if (p.from === undefined || p.to === undefined) return undefined;
  const year = p.from.slice(0, 4);
  return p.from === `${year}-01-01` && p.to === `${year}-12-31` ? year : `${p.from} to ${p.to}`;
}

/**
 * Before and after, with the change's interval, drawn from `changeOverTime` results (one, or a record of
 * name to result for several areas): on the left each area's count in the earlier and the later period as
 * two points joined by a line (counts per 365 days when the periods differ in length), on the right the
 * percent change relative to the earlier period with its exact interval and a line at 0 (no change). A
 * change whose upper limit is unbounded (no events before) is left out of the right panel.
 *
 * Returns a Vega-Lite specification (plain JSON), two panels side by side (`hconcat`) with layers named
 * `periods`, `counts`, `intervals`, `changes` and `zero`.
 *
 * @example
 * ```ts
 * import { changeOverTime } from 'darkfigure';
 * import { changeChart } from 'darkfigure/charts';
 * import { stalkingFigures } from 'darkfigure/data';
 * // stalking and harassment recorded in 2015 and 2017: the press said +36% for Wycombe; it is +57%
 * const y2015 = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2015;
 * const y2017 = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2017;
 * const changes = Object.fromEntries(
 *   y2015.areas.map((a) => [
 *     a.area,
 *     changeOverTime(
 *       { count: a.recorded, ...y2015.period },
 *       { count: y2017.areas.find((b) => b.area === a.area)!.recorded, ...y2017.period },
 *     ),
 *   ]),
 * );
 * const spec = changeChart(changes, { title: 'Recorded stalking and harassment, 2015 and 2017' });
 * spec.hconcat; // counts in 2015 and 2017 | percent change with its 95% CI
 * ```
 */
export function changeChart(changes: ChangeOverTime | Readonly<Record<string, ChangeOverTime>>, options?: ChangeChartOptions): VegaLiteSpec {
  const { options: o } = validate('changeChart', schema, { changes, options });
  const single = 'ratio' in changes && 'percentChange' in changes && 'before' in changes;
  const entries: [string, ChangeOverTime][] = single ? [['change', changes as ChangeOverTime]] : Object.entries(changes as Record<string, ChangeOverTime>);
  if (entries.length === 0) fail('changeChart', ['changes'], 'at least one changeOverTime result', changes);
  const first = entries[0]![1];
  const sameLength = entries.every(([, c]) => c.before.days === c.after.days);
  const beforeWords = o.periods.before ?? periodWords(first.before) ?? 'before';
  const afterWords = o.periods.after ?? periodWords(first.after) ?? 'after';
  const scale = (p: { count: number; days: number }) => (sameLength ? p.count : (p.count / p.days) * 365);
  const countTitle = sameLength ? 'count' : 'count per 365 days';
  const level = first.percentChange.level;

  const pairs: ChartRow[] = entries.map(([label, c]) => ({ label, before: finiteOrNull(scale(c.before)), after: finiteOrNull(scale(c.after)) }));
  const counts: ChartRow[] = entries.flatMap(([label, c]) => [
    { label, period: beforeWords, count: finiteOrNull(scale(c.before)), days: c.before.days },
    { label, period: afterWords, count: finiteOrNull(scale(c.after)), days: c.after.days },
  ]);
  const percent: ChartRow[] = entries.map(([label, c]) => ({
    label,
    value: finiteOrNull(c.percentChange.value / 100),
    lower: finiteOrNull(c.percentChange.lower / 100),
    upper: finiteOrNull(c.percentChange.upper / 100),
  }));
  const order = entries.map(([label]) => label);
  const y: Record<string, JsonValue> = { field: 'label', type: 'nominal', title: null, sort: order };
  const height = o.height ?? Math.max(40, 30 * entries.length);
  const panelWidth = o.width === undefined ? 240 : o.width === 'container' ? 'container' : Math.max(40, Math.round(o.width / 2));
  const top = specTop(
    `${entries.length === 1 ? 'A count' : `${entries.length} counts`} in two periods (${beforeWords} and ${afterWords}) with the percent change and its ${ciWords(level)}: ` +
      entries.map(([label, c]) => `${single ? '' : `${label} `}${c.percentChange.value.toFixed(0)}%`).join(', ') + '.',
    o,
    { title: 'Before and after, with the change', width: 480, height },
  );
  delete top.width;
  delete top.height;
  return {
    ...top,
    hconcat: [
      {
        width: panelWidth,
        height,
        layer: drawn([
          {
            name: 'periods',
            data: values(pairs.filter((r) => r.before !== null && r.after !== null)),
            mark: { type: 'rule', color: '#999999', strokeWidth: 2 },
            encoding: { y, x: { field: 'before', type: 'quantitative', title: countTitle, scale: { zero: false } }, x2: { field: 'after' } },
          },
          {
            name: 'counts',
            data: values(counts.filter((r) => r.count !== null)),
            mark: { type: 'circle', size: 80, opacity: 1 },
            encoding: {
              y,
              x: { field: 'count', type: 'quantitative', title: countTitle, scale: { zero: false } },
              color: { field: 'period', type: 'nominal', title: null, scale: { domain: [beforeWords, afterWords], range: ['#9ecae1', '#08519c'] } },
              tooltip: [
                { field: 'label', type: 'nominal', title: 'name' },
                { field: 'period', type: 'nominal' },
                { field: 'count', type: 'quantitative', title: countTitle, format: ',.1~f' },
                { field: 'days', type: 'quantitative' },
              ],
            },
          },
        ]),
      },
      {
        width: panelWidth,
        height,
        layer: drawn([
          {
            name: 'intervals',
            data: values(percent.filter((r) => r.lower !== null && r.upper !== null)),
            mark: { type: 'rule', color: '#f16913', strokeWidth: 2 },
            encoding: { y: { ...y, axis: null }, x: { field: 'lower', type: 'quantitative', title: `percent change (${ciWords(level)})`, axis: { format: '+.0%' } }, x2: { field: 'upper' } },
          },
          {
            name: 'changes',
            data: values(percent.filter((r) => r.value !== null)),
            mark: { type: 'circle', size: 70, color: '#7f2704', opacity: 1 },
            encoding: {
              y: { ...y, axis: null },
              x: { field: 'value', type: 'quantitative', title: `percent change (${ciWords(level)})`, axis: { format: '+.0%' } },
              tooltip: [
                { field: 'label', type: 'nominal', title: 'name' },
                { field: 'value', type: 'quantitative', title: 'change', format: '+.1%' },
                { field: 'lower', type: 'quantitative', format: '+.1%' },
                { field: 'upper', type: 'quantitative', format: '+.1%' },
              ],
            },
          },
          {
            name: 'zero',
            data: values([{ zero: 0 }]),
            mark: { type: 'rule', color: '#222222', strokeDash: [4, 3] },
            encoding: { x: { field: 'zero', type: 'quantitative' } },
          },
        ]),
      },
    ],
  };
}
