import * as z from 'zod/mini';
import type { HiddenIncidence } from '../incidence/hiddenIncidence';
import { options as optionsOf } from '../core/schemas';
import { validate } from '../core/validate';
import { anyNumber, chartOptionShape, ciWords, finiteOrNull, intervalShape, specTop, values, drawn } from './chartBase';
import type { ChartOptions, ChartRow, VegaLiteSpec } from './spec';

/** Options of {@link icebergChart}. */
export interface IcebergChartOptions extends ChartOptions {
  /** Words for the three stages; default `'victims'`, `'reported to the police'`, `'recorded by the police'`. */
  stages?: { victims?: string; reported?: string; recorded?: string };
}

const schema = /* @__PURE__ */ (() => z.object({
  result: z.object(
    { victims: intervalShape, reported: intervalShape, unrecorded: intervalShape, recorded: anyNumber },
    { error: 'a hiddenIncidence result { victims, reported, unrecorded, recordedShare, multiplier, recorded }' },
  ),
  options: optionsOf({
    ...chartOptionShape,
    stages: z._default(z.strictObject(
      {
        victims: z.optional(z.string({ error: 'a label (a string)' })),
        reported: z.optional(z.string({ error: 'a label (a string)' })),
        recorded: z.optional(z.string({ error: 'a label (a string)' })),
      },
      { error: 'an object { victims?, reported?, recorded? } of labels' },
    ), {}),
  }),
}))();

/**
 * The dark figure as an iceberg, drawn from a `hiddenIncidence` result: three bars from the top, the
 * victims a year, those who reported to the police, and the crimes the police recorded, each estimate with
 * its interval as a line across the bar's end (the recorded count is known, so it has none). The recorded
 * bar is the tip above the waterline (light); the rest, below it, is what police figures do not show. The
 * description states the unrecorded number (the dark figure) with its interval.
 *
 * Returns a Vega-Lite specification (plain JSON) with layers named `bars`, `intervals` and `values`.
 *
 * @example
 * ```ts
 * import { hiddenIncidence } from 'darkfigure';
 * import { icebergChart } from 'darkfigure/charts';
 * import { stalkingFigures } from 'darkfigure/data';
 * const foi = stalkingFigures.policeRecordedStalkingFOI;
 * const result = hiddenIncidence({
 *   recorded: { count: foi.englandWales, ...foi.period },
 *   reporting: { estimate: stalkingFigures.reportingToPolice.share, lower: 0.4, upper: 0.6 },
 *   recording: { successes: 100, trials: 2000 }, // ASSUMED: a report recorded as stalking 1 time in 20
 * });
 * const spec = icebergChart(result, { title: 'Stalking in England and Wales: the dark figure' });
 * spec.description; // '... 105,548 victims a year are not in police records (95% CI 80,581 to 142,575).'
 * ```
 */
export function icebergChart(result: HiddenIncidence, options?: IcebergChartOptions): VegaLiteSpec {
  const { options: o } = validate('icebergChart', schema, { result, options });
  const words = {
    victims: o.stages.victims ?? 'victims',
    reported: o.stages.reported ?? 'reported to the police',
    recorded: o.stages.recorded ?? 'recorded by the police',
  };
  const level = result.victims.level;
  const rows: ChartRow[] = [
    { stage: words.victims, value: finiteOrNull(result.victims.value), lower: finiteOrNull(result.victims.lower), upper: finiteOrNull(result.victims.upper), waterline: 'below', ink: '#ffffff' },
    { stage: words.reported, value: finiteOrNull(result.reported.value), lower: finiteOrNull(result.reported.lower), upper: finiteOrNull(result.reported.upper), waterline: 'below', ink: '#ffffff' },
    { stage: words.recorded, value: finiteOrNull(result.recorded), lower: null, upper: null, waterline: 'above', ink: '#000000' },
  ];
  const order = rows.map((r) => r.stage as string);
  const y = { field: 'stage', type: 'nominal', title: null, sort: order };
  const x = { field: 'value', type: 'quantitative', title: `a year (${ciWords(level)})`, axis: { format: '~s' } };
  const whole = (n: number) => Math.round(n).toLocaleString('en-GB');
  const u = result.unrecorded;
  return {
    ...specTop(
      `The dark figure: ${whole(result.victims.value)} victims a year, ${whole(result.reported.value)} reported to the police, ` +
        `${whole(result.recorded)} recorded; ${whole(u.value)} victims a year are not in police records (${ciWords(level)} ${whole(u.lower)} to ${u.upper === Infinity ? 'unbounded' : whole(u.upper)}).`,
      o,
      { title: 'Victims, reported and recorded: the dark figure', width: 460, height: 150 },
    ),
    layer: drawn([
      {
        name: 'bars',
        data: values(rows),
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x,
          color: {
            field: 'waterline',
            type: 'nominal',
            title: null,
            scale: { domain: ['above', 'below'], range: ['#c6dbef', '#08306b'] },
            legend: { labelExpr: "datum.label === 'above' ? 'in police records' : 'not in police figures'", labelLimit: 200, orient: 'bottom' },
          },
          tooltip: [
            { field: 'stage', type: 'nominal' },
            { field: 'value', type: 'quantitative', format: ',.0f' },
            { field: 'lower', type: 'quantitative', format: ',.0f' },
            { field: 'upper', type: 'quantitative', format: ',.0f' },
          ],
        },
      },
      {
        name: 'intervals',
        data: values(rows.filter((r) => r.lower !== null && r.upper !== null)),
        mark: { type: 'rule', color: '#f16913', strokeWidth: 2 },
        encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } },
      },
      {
        name: 'values',
        data: values(rows.filter((r) => r.value !== null)),
        // written inside the start of each bar: white on the dark bars, black by the tip
        mark: { type: 'text', align: 'left', dx: 5, fontSize: 11, fontWeight: 'bold' },
        encoding: {
          y,
          x: { datum: 0, type: 'quantitative' },
          text: { field: 'value', type: 'quantitative', format: ',.0f' },
          color: { field: 'ink', type: 'nominal', scale: null },
        },
      },
    ]),
  };
}
