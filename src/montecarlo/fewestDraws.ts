import { plainNumber } from '../core/plainNumber';
import { HINT } from '../core/validate';
import { MAX_DRAWS } from './drawsOption';

/**
 * The fewest Monte Carlo draws whose percentile interval at `level` is honest: the lower limit is the draw
 * of rank j = floor((n + 1)(1 - level) / 2), which must be at least 1, so n >= 2 / (1 - level) - 1 (95%:
 * 39 draws; 99.8%: 999). With fewer, the limits would be the smallest and largest draws, an interval
 * narrower than `level` claims (Efron & Tibshirani 1993, ch. 13).
 *
 * @example
 * ```ts
 * import { fewestDraws } from './fewestDraws';
 * fewestDraws(0.95); // 39
 * fewestDraws(0.998); // 999
 * ```
 * @internal
 */
export function fewestDraws(level: number): number {
  let n = Math.max(1, Math.ceil(2 / (1 - level) - 1));
  // Past 2^52, n + 1 and n - 1 are no longer exact doubles (at 2^53 n-- leaves n as it is and the guard
  // below would loop forever): no accepted number of draws comes near, so the first estimate stands.
  if (!(n <= 2 ** 52)) return n;
  // Guard the rounding of 2 / (1 - level) both ways: the rule itself is floor((n + 1)(1 - level) / 2) >= 1.
  while (Math.floor(((n + 1) * (1 - level)) / 2) < 1) n++;
  while (n > 1 && Math.floor((n * (1 - level)) / 2) >= 1) n--;
  return n;
}

/**
 * The rule an `InputError` states when there are too few draws for `level` (see {@link fewestDraws}).
 * @example
 * ```ts
 * import { tooFewDrawsRule } from './fewestDraws';
 * tooFewDrawsRule(0.95); // 'at least 39 draws for a 95% percentile interval ...'
 * ```
 * @internal
 */
export function tooFewDrawsRule(level: number): string {
  const pct = `${Number.parseFloat((level * 100).toPrecision(12))}%`;
  const fewest = fewestDraws(level);
  if (fewest > MAX_DRAWS) {
    return `at least ${plainNumber(fewest)} draws for a ${pct} percentile interval, more than the ${plainNumber(MAX_DRAWS)} accepted${HINT}use a lower level, such as 0.999`;
  }
  return `at least ${plainNumber(fewest)} draws for a ${pct} percentile interval (with fewer, its limits would be the smallest and largest draws)${HINT}use far more draws than that, or a lower level`;
}
