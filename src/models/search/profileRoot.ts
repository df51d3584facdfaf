/**
 * Where a function that rises to a maximum at `top` and falls away from it crosses `target`, on one side:
 * bracket by doubling steps on the scale of `step` from the maximum, then bisect to a relative width of 1e-12.
 * Returns ±Infinity when no crossing is found within 2^60 steps (an unbounded side), or `stop` when the
 * function is still above the target there (a bounded side such as N >= observed).
 *
 * @example
 * ```ts
 * import { profileRoot } from './profileRoot';
 * profileRoot((x) => -(x * x), 0, -4, 1, Infinity); // 2
 * ```
 * @internal
 */
export function profileRoot(f: (x: number) => number, top: number, target: number, step: number, stop: number): number {
  let inside = top;
  let outside = top + step;
  const towardsStop = (x: number) => (step > 0 ? Math.min(x, stop) : Math.max(x, stop));
  for (let k = 0; ; k++) {
    outside = towardsStop(outside);
    if (f(outside) < target) break;
    if (outside === stop) return stop;
    if (k > 60) return step > 0 ? Infinity : -Infinity;
    inside = outside;
    outside = top + step * 2 ** (k + 1);
  }
  for (let k = 0; k < 200 && Math.abs(outside - inside) > 1e-12 * Math.max(1, Math.abs(inside)); k++) {
    const mid = (inside + outside) / 2;
    if (f(mid) < target) outside = mid;
    else inside = mid;
  }
  return (inside + outside) / 2;
}
