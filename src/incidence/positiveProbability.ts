import * as z from 'zod/mini';
import { forwardIssues } from './forwardIssues';
import { uncertainProbability, type ProbabilityDistribution } from './uncertainProbability';

/**
 * An {@link uncertainProbability} whose point estimate must be above 0 because the model divides by
 * it; `why` says so in the error, e.g. "victims = recorded / (reporting x recording) is unbounded at 0".
 * @internal
 */
export function positiveProbability(why: string) {
  return z.pipe(z.unknown(), z.transform((value, ctx): ProbabilityDistribution => {
    const parsed = uncertainProbability.safeParse(value, { reportInput: true });
    if (!parsed.success) return forwardIssues(ctx, parsed.error.issues);
    if (!(parsed.data.estimate > 0)) {
      ctx.issues.push({ code: 'custom', input: value, message: `a probability estimated above 0 (${why})` });
      return z.NEVER;
    }
    return parsed.data;
  }));
}
