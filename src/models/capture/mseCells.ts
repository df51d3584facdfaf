import type { CaptureTable } from './captureTable';
import type { LoglinearCell } from './loglinearFit';
import { overlap } from './overlap';

/**
 * The cells and covariates of a multiple-systems model: a 0/1 main effect per list, then the product of each
 * chosen pair whose lists share someone; the histories with both lists of a pair that shares no one are left
 * out (that interaction is minus infinity, as SparseMSE's `buildmodel`). With `unobserved`, the all-zero
 * history is added with that count (for profile likelihoods).
 *
 * @example
 * ```ts
 * import { captureTable } from './captureTable';
 * import { mseCells } from './mseCells';
 * const table = captureTable('f', { '100': 30, '010': 25, '001': 20, '110': 8, '101': 6, '011': 5, '111': 2 }, undefined);
 * mseCells(table, [[0, 1]])[3]; // { count: 30, covariates: [1, 0, 0, 0] }: history '100'
 * ```
 * @internal
 */
export function mseCells(table: CaptureTable, pairs: readonly [number, number][], unobserved?: number): LoglinearCell[] {
  const empty: [number, number][] = [];
  const kept: [number, number][] = [];
  for (const pair of pairs) (overlap(table, pair[0], pair[1]) === 0 ? empty : kept).push(pair);
  const cells: LoglinearCell[] = [];
  for (const cell of table.cells) {
    if (empty.some(([i, j]) => cell.history[i] === 1 && cell.history[j] === 1)) continue;
    cells.push({ count: cell.count, covariates: [...cell.history, ...kept.map(([i, j]) => cell.history[i]! * cell.history[j]!)] });
  }
  if (unobserved !== undefined) cells.push({ count: unobserved, covariates: new Array<number>(table.lists.length + kept.length).fill(0) });
  return cells;
}
