import * as z from 'zod/mini';

/**
 * Copy the issues of a nested `safeParse` into the current transform's context (zod prefixes their
 * paths with the current one), so a dispatching schema reports the fields of the form it chose.
 * Returns `z.NEVER` for the transform to return.
 * @internal
 */
export function forwardIssues(ctx: z.core.ParsePayload, issues: readonly z.core.$ZodIssue[]): never {
  for (const issue of issues) ctx.issues.push({ ...issue } as z.core.$ZodRawIssue);
  return z.NEVER;
}
