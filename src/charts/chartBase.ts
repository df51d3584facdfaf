import * as z from 'zod/mini';
import type { ChartOptions, ChartRow, JsonValue, VegaLiteSpec } from './spec';

/** The schema URL every specification carries (Vega-Lite 5; Vega-Lite 6 reads it too). @internal */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

const size = /* @__PURE__ */ (() => z.union(
  [
    z.number().check(z.refine((x) => Number.isFinite(x) && x > 0, { error: "a width or height in pixels (> 0) or 'container'" })),
    z.literal('container'),
  ],
  { error: "a width or height in pixels (> 0) or 'container'" },
))();

/** Zod shape of {@link ChartOptions}, spread into each chart's options schema. @internal */
export const chartOptionShape = /* @__PURE__ */ (() => ({
  title: z.optional(z.string({ error: 'a title (a string)' })),
  subtitle: z.optional(z.string({ error: 'a subtitle (a string)' })),
  width: z.optional(size),
  height: z.optional(size),
}))();

/** A number for a chart's data: itself when finite, else null (JSON has no Infinity). @internal */
export function finiteOrNull(x: number | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** The top of a specification: schema, description, title and size. @internal */
export function specTop(description: string, options: ChartOptions, defaults: { title: string; width: number | 'container'; height: number | 'container' }): VegaLiteSpec {
  const text = options.title ?? defaults.title;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description,
    title: options.subtitle === undefined ? text : { text, subtitle: options.subtitle },
    width: options.width ?? defaults.width,
    height: options.height ?? defaults.height,
  };
}

/** Inline data of one layer. @internal */
export function values(rows: ChartRow[]): { values: JsonValue } {
  return { values: rows };
}

/** Any number but NaN (limits may be infinite). @internal */
export const anyNumber = /* @__PURE__ */ (() => z.custom<number>((x) => typeof x === 'number' && !Number.isNaN(x), { error: 'a number' }))();

/** The part of an `Interval` a chart reads. @internal */
export const intervalShape = /* @__PURE__ */ (() => z.object(
  { value: anyNumber, lower: anyNumber, upper: anyNumber },
  { error: 'an interval { value, lower, upper, level, method }' },
))();

/** A percentage label of a level such as 0.998: `'99.8%'`. @internal */
export function levelPercent(level: number): string {
  return `${Number.parseFloat((level * 100).toPrecision(12))}%`;
}

/** The confidence level of intervals, as a phrase for axis titles and descriptions: `'95% CI'`. @internal */
export function ciWords(level: number | undefined): string {
  return level === undefined ? 'CI' : `${levelPercent(level)} CI`;
}

/**
 * The layers that have something to draw: a layer whose inline data is empty is left out (an empty layer
 * makes Vega warn of an infinite extent and draws nothing). @internal
 */
export function drawn(layers: JsonValue[]): JsonValue[] {
  return layers.filter((layer) => {
    const data = (layer as { data?: { values?: unknown } }).data;
    return !(data !== undefined && Array.isArray(data.values) && data.values.length === 0);
  });
}
