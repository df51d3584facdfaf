import { plainNumber } from '../compare/change/plainNumber';
import { HINT } from '../core/validate';

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
  // Guard the rounding of 2 / (1 - level) both ways: the rule itself is floor((n + 1)(1 - level) / 2) >= 1.
  while (Math.floor(((n + 1) * (1 - level)) / 2) < 1) n++;
  while (n > 1 && Math.floor((n * (1 - level)) / 2) >= 1) n--;
  return n;
}

/**
 * The rule an `InputError` states when there are too few draws for `level` (see {@link fewestDraws}).
 * @internal
 */
export function tooFewDrawsRule(level: number): string {
  const pct = `${Number.parseFloat((level * 100).toPrecision(12))}%`;
  return `at least ${plainNumber(fewestDraws(level))} draws for a ${pct} percentile interval (with fewer, its limits would be the smallest and largest draws)${HINT}use far more draws than that, or a lower level`;
}
