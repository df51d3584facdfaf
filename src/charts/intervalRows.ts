import type { Interval } from '../core/interval';
import { finiteOrNull } from './chartBase';
import type { ChartRow } from './spec';

/** An interval as a chart row: finite numbers, or null where a limit is unbounded. @internal */
export function intervalRow(label: string, interval: Pick<Interval, 'value' | 'lower' | 'upper'>, extra: ChartRow = {}): ChartRow {
  return {
    label,
    value: finiteOrNull(interval.value),
    lower: finiteOrNull(interval.lower),
    upper: finiteOrNull(interval.upper),
    ...extra,
  };
}

/** Whether every value and limit lies in [0, 1] (shares, to be shown as percentages). @internal */
export function allShares(rows: readonly ChartRow[]): boolean {
  return rows.every((r) => [r.value, r.lower, r.upper].every((x) => x === null || (typeof x === 'number' && x >= 0 && x <= 1)));
}
