import * as z from 'zod/mini';
import { categoriesOnly } from './categoriesOnly';
import type { Interval } from '../core/interval';
import { fail } from '../core/InputError';
import { options as optionsOf } from '../core/schemas';
import { validate } from '../core/validate';
import { anyNumber, chartOptionShape, ciWords, finiteOrNull, specTop, values, drawn } from './chartBase';
import { allShares, intervalRow } from './intervalRows';
import type { ChartOptions, ChartRow, JsonValue, VegaLiteSpec } from './spec';

/**
 * One row of a forest chart: an interval with a name, given as `label`, `area`, `category` or `name`
 * (the first present). Any `Interval` with one of them will do.
 */
export interface ForestRow {
  label?: string;
  area?: string;
  category?: string;
  name?: string;
  value: number;
  lower: number;
  upper: number;
  /** Confidence level, shown in the axis title when the rows share one. */
  level?: number;
}

/** Options of {@link forestChart}. */
export interface ForestChartOptions extends ChartOptions {
  /** Order of the rows from the top: `'descending'` by value (default), `'ascending'`, or `'none'` (as given). */
  sort?: 'descending' | 'ascending' | 'none';
  /** Where to draw the reference line (e.g. 1 for ratios, 0 for changes, a national rate); default none. */
  reference?: number;
  /** The axis title of the values; default `'value (95% CI)'`. */
  xTitle?: string;
  /** Show values as percentages; default when every value and limit lies in [0, 1]. */
  percent?: boolean;
}

const rowSchema = /* @__PURE__ */ (() => z.object(
  {
    label: z.optional(z.string()),
    area: z.optional(z.string()),
    category: z.optional(z.string()),
    name: z.optional(z.string()),
    value: anyNumber,
    lower: anyNumber,
    upper: anyNumber,
    level: z.optional(anyNumber),
  },
  { error: 'a row { label, value, lower, upper } (an interval with a label, area, category or name)' },
))();

const schema = /* @__PURE__ */ (() => z.object({
  rows: z.union(
    [
      z.array(rowSchema).check(z.minLength(1, { error: 'at least one row { label, value, lower, upper }' })),
      z.record(z.string(), rowSchema),
    ],
    { error: 'an array of rows { label, value, lower, upper }, or a record of name to interval' },
  ),
  options: optionsOf({
    ...chartOptionShape,
    sort: z._default(z.enum(['descending', 'ascending', 'none'], { error: "one of 'descending', 'ascending', 'none'" }), 'descending'),
    reference: z.optional(z.number({ error: 'a finite number' })),
    xTitle: z.optional(z.string({ error: 'an axis title (a string)' })),
    percent: z.optional(z.boolean({ error: 'true or false' })),
  }),
}))();

/**
 * A forest chart: one row per area or category, its interval as a horizontal line and its estimate as a
 * point, sorted by value (largest at the top) and, if asked, a vertical reference line (1 for rate ratios,
 * 0 for changes, a national rate for areas). Takes an array of intervals with labels (`label`, `area`,
 * `category` or `name`), or a record of name to `Interval` such as `relationshipShares` or
 * `multinomialCI` return. Unbounded limits are left open (the line stops at the other points' range).
 *
 * Returns a Vega-Lite specification (plain JSON) with layers named `intervals`, `estimates` and, with a
 * reference, `reference`.
 *
 * @example
 * ```ts
 * import { rateCI, rateRatioCI } from 'darkfigure';
 * import { forestChart } from 'darkfigure/charts';
 * import { stalkingFigures } from 'darkfigure/data';
 * // stalking offences recorded 1 April 2013 to 4 February 2016 per 100,000 residents (mid-2018 populations)
 * const populations: Record<string, number> = { Lincolnshire: 755833, Bedfordshire: 669338 };
 * const rows = stalkingFigures.policeRecordedStalkingFOI.forces.map((f) => ({
 *   area: f.force,
 *   ...rateCI(f.recorded, populations[f.force]!),
 * }));
 * const spec = forestChart(rows, { title: 'Stalking offences recorded per 100,000', reference: 13.0 });
 * // the national rate (7,706 over 59.1 million residents) as the reference line
 * spec.layer; // intervals, estimates, reference
 * ```
 */
export function forestChart(rows: readonly ForestRow[] | Readonly<Record<string, Interval>>, options?: ForestChartOptions): VegaLiteSpec {
  const { options: o } = validate('forestChart', schema, { rows: categoriesOnly(rows), options });
  const entries: [string, ForestRow][] = Array.isArray(rows)
    ? (rows as readonly ForestRow[]).map((r, i) => {
        const label = r.label ?? r.area ?? r.category ?? r.name;
        if (label === undefined) fail('forestChart', ['rows', i, 'label'], 'a label, area, category or name (a string)', undefined);
        return [label, r];
      })
    : Object.entries(rows as Record<string, ForestRow>);
  if (entries.length === 0) fail('forestChart', ['rows'], 'at least one interval', rows);
  const seen = new Set<string>();
  entries.forEach(([label], i) => {
    if (seen.has(label)) fail('forestChart', ['rows', i, 'label'], 'a label used once (each row is one line of the chart)', label);
    seen.add(label);
  });
  const data: ChartRow[] = entries.map(([label, r]) => intervalRow(label, r));
  const order = o.sort === 'none' ? data : [...data].sort((a, b) => ((b.value as number | null) ?? -Infinity) - ((a.value as number | null) ?? -Infinity) || 0);
  if (o.sort === 'ascending') order.reverse();
  const labels = order.map((r) => r.label as string);
  const levels = new Set(entries.map(([, r]) => r.level));
  const level = levels.size === 1 ? [...levels][0] : undefined;
  const percent = o.percent ?? allShares(data);
  const format = percent ? '.1%' : ',.4~g';
  const xTitle = o.xTitle ?? `value (${ciWords(level)})`;
  const y: Record<string, JsonValue> = { field: 'label', type: 'nominal', title: null, sort: labels };
  const layer: JsonValue[] = [
    {
      name: 'intervals',
      data: values(data.filter((r) => r.lower !== null && r.upper !== null)),
      mark: { type: 'rule', strokeWidth: 2, color: '#4c78a8' },
      encoding: { y, x: { field: 'lower', type: 'quantitative', title: xTitle, axis: { format } }, x2: { field: 'upper' } },
    },
    {
      name: 'estimates',
      data: values(data.filter((r) => r.value !== null)),
      mark: { type: 'circle', size: 60, color: '#1f3b5c', opacity: 1 },
      encoding: {
        y,
        x: { field: 'value', type: 'quantitative', title: xTitle, axis: { format } },
        tooltip: [
          { field: 'label', type: 'nominal', title: 'name' },
          { field: 'value', type: 'quantitative', format },
          { field: 'lower', type: 'quantitative', format },
          { field: 'upper', type: 'quantitative', format },
        ],
      },
    },
  ];
  if (o.reference !== undefined) {
    layer.push({
      name: 'reference',
      data: values([{ reference: finiteOrNull(o.reference) }]),
      mark: { type: 'rule', color: '#b2182b', strokeDash: [4, 3] },
      encoding: { x: { field: 'reference', type: 'quantitative' } },
    });
  }
  return {
    ...specTop(
      `Forest chart of ${data.length} intervals (${ciWords(level)}), sorted ${o.sort === 'none' ? 'as given' : `by value, ${o.sort}`}${o.reference === undefined ? '' : `, with a reference line at ${o.reference}`}.`,
      o,
      { title: `${data.length} estimates with their intervals`, width: 420, height: Math.max(60, 24 * data.length) },
    ),
    layer: drawn(layer),
  };
}
