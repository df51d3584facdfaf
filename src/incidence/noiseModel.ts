import * as z from 'zod/mini';
import { methodOf } from '../core/schemas';
import { NOISE_BINOMIAL, NOISE_NONE, NOISE_POISSON } from './drawVictims';

/**
 * How the randomness of a police count enters: `'binomial'` (default): the recorded victims are a
 * binomial thinning of the victims, and the estimand is the number of victims in that period;
 * `'poisson'`: the count is Poisson around an expected count, and the estimand is the expected (underlying)
 * number a year, so intervals are a little wider; `'none'`: the count is a census, exactly known.
 */
export type CountNoise = 'binomial' | 'poisson' | 'none';

/** The `countNoise` option's schema. @internal */
export const countNoiseOption = /* @__PURE__ */ (() => z._default(methodOf(['binomial', 'poisson', 'none']), 'binomial'))();

/** The internal code of a {@link CountNoise} and a sentence for notes. @internal */
export function noiseModel(countNoise: CountNoise): { code: number; note: string } {
  switch (countNoise) {
    case 'binomial':
      return {
        code: NOISE_BINOMIAL,
        note: 'count noise: recorded victims are a binomial thinning of all victims (the estimand is the number of victims in the period)',
      };
    case 'poisson':
      return {
        code: NOISE_POISSON,
        note: 'count noise: the count is Poisson, its mean drawn from the Jeffreys posterior Gamma(count + 1/2) (the estimand is the expected number of victims a year)',
      };
    case 'none':
      return { code: NOISE_NONE, note: 'count treated as exact (a census): no count noise' };
  }
}
