import { exp } from '../../special/elementary/exp';
import { log } from '../../special/elementary/log';

/**
 * `points` precisions log-spaced from `from` to `to` (both included exactly), for drawing smooth funnels.
 * With `whole`, values are rounded to whole numbers (at least 1) and repeats dropped, so a proportion's
 * grid holds only real denominators. `from` equal to `to` gives one point.
 *
 * Internal, no validation: 0 < from <= to, points >= 2.
 *
 * @example
 * ```ts
 * import { precisionGrid } from './precisionGrid';
 * precisionGrid(1, 100, 3, false); // [1, 10, 100]
 * ```
 * @internal
 */
export function precisionGrid(from: number, to: number, points: number, whole: boolean): number[] {
  if (whole) {
    from = Math.max(1, Math.round(from));
    to = Math.max(from, Math.round(to));
  }
  if (from === to) return [from];
  const a = log(from);
  const step = (log(to) - a) / (points - 1);
  const out: number[] = [from];
  for (let i = 1; i < points - 1; i++) {
    // 12 significant digits: grid points print cleanly (1e5, not 100000.00000000001)
    let x = Number.parseFloat(exp(a + i * step).toPrecision(12));
    if (whole) {
      x = Math.round(x);
      if (x <= out[out.length - 1]! || x >= to) continue;
    }
    out.push(x);
  }
  out.push(to);
  return out;
}
