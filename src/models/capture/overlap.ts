import type { CaptureTable } from './captureTable';

/**
 * The number of people on both lists i and j (every history with both), from a capture table.
 *
 * @example
 * ```ts
 * import { captureTable } from './captureTable';
 * import { overlap } from './overlap';
 * const table = captureTable('f', { '100': 30, '010': 25, '001': 20, '110': 8, '101': 6, '011': 5, '111': 2 }, undefined);
 * overlap(table, 0, 1); // 10: the '110' and '111' histories
 * ```
 * @internal
 */
export function overlap(table: CaptureTable, i: number, j: number): number {
  let total = 0;
  for (const cell of table.cells) if (cell.history[i] === 1 && cell.history[j] === 1) total += cell.count;
  return total;
}
