import { twoSidedZ } from '../../intervals/kernels/twoSidedZ';
import { controlLimit } from './controlLimit';
import type { LimitScale } from './limitScale';
import type { FunnelLimitRow } from './types';

/**
 * Tidy control-limit rows for every level (outer loop) and precision (inner loop, in the order given).
 * Internal, no validation.
 *
 * @example
 * ```ts
 * import { limitRows } from './limitRows';
 * limitRows({ type: 'ratio', method: 'exact', target: 1, per: 1, adjustment: 'none', phi: 1, tau2: 0 }, [10], [0.95]);
 * // [{ precision: 10, level: 0.95, lower: 0.48..., upper: 1.6... }]
 * ```
 * @internal
 */
export function limitRows(scale: LimitScale, precisions: readonly number[], levels: readonly number[]): FunnelLimitRow[] {
  const rows: FunnelLimitRow[] = [];
  for (const level of levels) {
    const t = (1 - level) / 2;
    const zt = twoSidedZ(level);
    for (const precision of precisions) {
      rows.push({
        precision,
        level,
        lower: controlLimit(scale, precision, t, zt, false),
        upper: controlLimit(scale, precision, t, zt, true),
      });
    }
  }
  return rows;
}
