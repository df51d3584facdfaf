/**
 * darkfigure/charts: Vega-Lite specifications (plain JSON) for darkfigure's results, and class breaks for
 * choropleth maps. Nothing here imports a renderer or touches the DOM: draw the specifications with any
 * Vega-Lite renderer (vega-embed, Observable, Altair). The core `darkfigure` entry never imports it.
 *
 * @packageDocumentation
 * @module darkfigure/charts
 */
export type { VegaLiteSpec, ChartOptions, ChartRow, JsonValue } from './spec';
export { funnelChart, type FunnelChartOptions } from './funnelChart';
export { forestChart, type ForestChartOptions, type ForestRow } from './forestChart';
export { icebergChart, type IcebergChartOptions } from './icebergChart';
export { sharesChart, type SharesChartOptions } from './sharesChart';
export { changeChart, type ChangeChartOptions } from './changeChart';
export { classBreaks, type ClassBreaks, type ClassBreaksMethod, type ClassBreaksOptions } from './classBreaks';
