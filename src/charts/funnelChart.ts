import * as z from 'zod/mini';
import type { FunnelPlot } from '../compare/funnelPlot';
import { options as optionsOf } from '../core/schemas';
import { validate } from '../core/validate';
import { anyNumber, chartOptionShape, finiteOrNull, levelPercent, specTop, values, drawn } from './chartBase';
import type { ChartOptions, ChartRow, JsonValue, VegaLiteSpec } from './spec';

/** Options of {@link funnelChart}. */
export interface FunnelChartOptions extends ChartOptions {
  /** Which areas get their name written beside them: `'flagged'` (default: those outside the limits), `'all'` or `'none'`. */
  labels?: 'flagged' | 'all' | 'none';
  /** Scale of the precision axis: `'linear'` (default) or `'log'` (for areas of very different sizes). */
  xScale?: 'linear' | 'log';
}

const HIGH = ['#b2182b', '#d6604d', '#f4a582'];
const LOW = ['#2166ac', '#4393c3', '#92c5de'];
const WITHIN = '#8c8c8c';

const schema = /* @__PURE__ */ (() => z.object({
  plot: z.object(
    {
      type: z.enum(['proportion', 'rate', 'ratio'], { error: "a funnelPlot result (type 'proportion', 'rate' or 'ratio')" }),
      target: anyNumber,
      per: z.optional(anyNumber),
      levels: z.array(anyNumber, { error: 'the levels of a funnelPlot result' }),
      areas: z.array(
        z.object({ area: z.string(), precision: anyNumber, value: anyNumber, flag: z.string() }),
        { error: 'the areas of a funnelPlot result' },
      ),
      limits: z.array(
        z.object({ precision: anyNumber, level: anyNumber, lower: anyNumber, upper: anyNumber }),
        { error: 'the limit rows of a funnelPlot result' },
      ),
    },
    { error: 'a funnelPlot result { type, target, levels, areas, limits }' },
  ),
  options: optionsOf({
    ...chartOptionShape,
    labels: z._default(z.enum(['flagged', 'all', 'none'], { error: "one of 'flagged', 'all', 'none'" }), 'flagged'),
    xScale: z._default(z.enum(['linear', 'log'], { error: "one of 'linear', 'log'" }), 'linear'),
  }),
}))();

/** The flags of a funnel, widest high first, then within, then the lows from the narrowest. */
function flagOrder(levels: readonly number[]): { domain: string[]; range: string[] } {
  const byWidth = [...levels].sort((a, b) => b - a).map((l) => levelPercent(l).slice(0, -1));
  const pick = (palette: string[], i: number) => palette[Math.min(i, palette.length - 1)]!;
  const domain = [...byWidth.map((p) => `high-${p}`), 'within', ...[...byWidth].reverse().map((p) => `low-${p}`)];
  const range = [...byWidth.map((_, i) => pick(HIGH, i)), WITHIN, ...byWidth.map((_, i) => pick(LOW, byWidth.length - 1 - i))];
  return { domain, range };
}

/**
 * A funnel plot, drawn from a `funnelPlot` result: each area as a point at its precision (denominator,
 * population or expected count) and value, coloured by its flag (`'high-99.8'` ... `'low-99.8'`), the
 * control limits of each level as lines (dashed for the narrower levels) around the target (a horizontal
 * rule), and the names of the flagged areas written beside them. The limits are the result's own (adjusted
 * for overdispersion when it was); an infinite limit is left out of the line. Proportions are shown as
 * percentages, rates per the result's `per`.
 *
 * Returns a Vega-Lite specification (plain JSON) with four layers named `limits`, `target`, `areas` and
 * `labels`; draw it with any Vega-Lite renderer, e.g. `vegaEmbed('#funnel', spec)`.
 *
 * @example
 * ```ts
 * import { funnelPlot } from 'darkfigure';
 * import { funnelChart } from 'darkfigure/charts';
 * import { stalkingFigures } from 'darkfigure/data';
 * // stalking and harassment cases recorded in 2017 by community safety partnership (mid-2018 populations)
 * const populations: Record<string, number> = {
 *   Lewisham: 303536, 'Dartford and Gravesham': 216094, Bromley: 331096, Greenwich: 286186,
 *   Bexley: 247258, Wycombe: 174641, 'South Bucks': 70043, Chiltern: 95927,
 * };
 * const cases = stalkingFigures.policeRecordedStalkingHarassmentMaliciousCommunications2017.areas;
 * const plot = funnelPlot(
 *   cases.map((a) => ({ area: a.area, count: a.recorded, population: populations[a.area]! })),
 *   { overdispersion: 'additive' },
 * );
 * const spec = funnelChart(plot, { title: 'Stalking and harassment recorded in 2017' });
 * spec.layer; // limits (lines), target (rule), areas (8 points coloured by flag), labels (Chiltern)
 * // vegaEmbed('#funnel', spec) draws it in a page
 * ```
 */
export function funnelChart(plot: FunnelPlot, options?: FunnelChartOptions): VegaLiteSpec {
  const { options: o } = validate('funnelChart', schema, { plot, options });
  const type = plot.type;
  const per = plot.per ?? 100000;
  const valueTitle = type === 'proportion' ? 'proportion' : type === 'rate' ? `rate per ${per.toLocaleString('en-GB')}` : 'ratio (observed / expected)';
  const precisionTitle = type === 'proportion' ? 'denominator' : type === 'rate' ? 'population' : 'expected count';
  const format = type === 'proportion' ? '.1%' : ',.4~g';

  const limitRows: ChartRow[] = [];
  for (const row of plot.limits) {
    for (const side of ['lower', 'upper'] as const) {
      const value = finiteOrNull(row[side]);
      if (value === null) continue;
      limitRows.push({ precision: row.precision, limits: `${levelPercent(row.level)} limits`, side, value });
    }
  }
  const widest = Math.max(...plot.levels);
  const dashes: JsonValue = [...plot.levels].sort((a, b) => b - a).map((l) => (l === widest ? [1, 0] : [4, 3]));
  const areaRows: ChartRow[] = plot.areas.map((a) => ({
    area: a.area,
    count: a.count,
    precision: a.precision,
    value: finiteOrNull(a.value),
    z: finiteOrNull(a.z),
    flag: a.flag,
    pValue: finiteOrNull(a.pValue),
  }));
  const labelled = o.labels === 'none' ? [] : areaRows.filter((a) => o.labels === 'all' || a.flag !== 'within');
  const flags = flagOrder(plot.levels);
  const x: Record<string, JsonValue> = { field: 'precision', type: 'quantitative', title: precisionTitle, scale: o.xScale === 'log' ? { type: 'log' } : { zero: false } };
  const y: Record<string, JsonValue> = { field: 'value', type: 'quantitative', title: valueTitle, axis: { format } };
  const flagged = areaRows.length - areaRows.filter((a) => a.flag === 'within').length;
  return {
    ...specTop(
      `Funnel plot of ${plot.areas.length} areas: ${type} against precision (${precisionTitle}), target ${plot.target}, control limits at ${plot.levels.map(levelPercent).join(' and ')}; ${flagged} outside the limits.`,
      o,
      { title: `Funnel plot of ${plot.areas.length} areas`, width: 480, height: 320 },
    ),
    layer: drawn([
      {
        name: 'limits',
        data: values(limitRows),
        mark: { type: 'line', color: '#555555', strokeWidth: 1, interpolate: 'monotone' },
        encoding: {
          x,
          y,
          detail: { field: 'side', type: 'nominal' },
          strokeDash: { field: 'limits', type: 'nominal', title: 'control limits', scale: { range: dashes } },
        },
      },
      {
        name: 'target',
        data: values([{ target: finiteOrNull(plot.target) }]),
        mark: { type: 'rule', color: '#222222', strokeWidth: 1.5 },
        encoding: { y: { field: 'target', type: 'quantitative' }, tooltip: [{ field: 'target', type: 'quantitative', title: 'target', format }] },
      },
      {
        name: 'areas',
        data: values(areaRows),
        mark: { type: 'circle', size: 70, opacity: 0.9, stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x,
          y,
          color: { field: 'flag', type: 'nominal', title: 'flag', scale: { domain: flags.domain, range: flags.range } },
          tooltip: [
            { field: 'area', type: 'nominal' },
            { field: 'count', type: 'quantitative', format: ',' },
            { field: 'precision', type: 'quantitative', title: precisionTitle, format: ',' },
            { field: 'value', type: 'quantitative', title: valueTitle, format },
            { field: 'flag', type: 'nominal' },
            { field: 'z', type: 'quantitative', format: '.2f' },
            { field: 'pValue', type: 'quantitative', title: 'p-value', format: '.3g' },
          ],
        },
      },
      {
        name: 'labels',
        data: values(labelled),
        mark: { type: 'text', align: 'left', dx: 7, dy: -5, fontSize: 11 },
        encoding: { x, y, text: { field: 'area', type: 'nominal' } },
      },
    ]),
  };
}
