import * as z from 'zod/mini';
import { rule } from '../core/rule';
import { wholeCount } from '../core/schemas';

/** Most draws accepted: 50 million (three Float64Arrays of that length are 1.2 GB). @internal */
export const MAX_DRAWS = 50_000_000;

/**
 * The `draws` option: a whole number of Monte Carlo draws from 100 to 50,000,000, default 100,000.
 * @example
 * ```ts
 * import { drawsOption } from './drawsOption';
 * drawsOption(1000).safeParse(undefined).data; // 1000 (the default)
 * ```
 * @internal
 */
export function drawsOption(defaultDraws = 100_000) {
  return z._default(wholeCount.check(rule((x) => x >= 100 && x <= MAX_DRAWS, 'a whole number of draws from 100 to 50,000,000')), defaultDraws);
}
