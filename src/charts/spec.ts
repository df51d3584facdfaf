/**
 * The shapes darkfigure/charts returns: Vega-Lite specifications as plain JSON. Defined here, small and
 * loose, so that a page which never draws a chart need not install vega-lite for its types; any Vega-Lite
 * renderer (vega-embed, Observable's `vl`, Altair's viewers) takes them as they are.
 */

/** A JSON value: what a specification is made of (no `undefined`, `NaN` or `Infinity`). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One record of a chart's inline data: numbers that are not finite are written as `null`. */
export type ChartRow = Record<string, string | number | boolean | null>;

/**
 * A Vega-Lite (v5 or later) specification as plain JSON. Only the top-level fields darkfigure writes are
 * named; anything else a chart carries (layers, encodings, transforms) is plain JSON too, so the object can
 * be passed to `JSON.stringify`, edited, or handed to `vegaEmbed(element, spec)` unchanged. In TypeScript,
 * vega-embed's and vega-lite's own types are far stricter unions than this loose shape, so pass it as
 * `spec as unknown as VisualizationSpec` (or `TopLevelSpec`); the object itself needs no change.
 */
export interface VegaLiteSpec {
  /** The Vega-Lite schema URL, `'https://vega.github.io/schema/vega-lite/v5.json'`. */
  $schema: string;
  /** What the chart shows, in words (also read by screen readers). */
  description: string;
  /** The chart's title. */
  title?: string | { text: string; subtitle?: string | string[] };
  /** Width in pixels, or `'container'` to fill the element it is drawn in. */
  width?: number | 'container';
  /** Height in pixels, or `'container'`. */
  height?: number | 'container';
  /** Every other Vega-Lite field (data, layer, hconcat, encoding, config, ...), as plain JSON. */
  [field: string]: JsonValue | undefined;
}

/** Options every chart takes. */
export interface ChartOptions {
  /** The chart's title; each chart has a default. */
  title?: string;
  /** A subtitle under the title; default none. */
  subtitle?: string;
  /** Width in pixels or `'container'`; each chart has a default. */
  width?: number | 'container';
  /** Height in pixels or `'container'`; each chart has a default. */
  height?: number | 'container';
}
