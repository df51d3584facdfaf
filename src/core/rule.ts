import type * as z from 'zod/mini';

/**
 * A zod check (for `.check(...)`) that reports `message` for a value failing `ok`: what
 * `z.refine(ok, { error: message })` reports, the issue continuing (or, with `abort`, aborting) as the
 * refine's would, without pulling zod's custom schema type into a bundle (about 0.25 KB gzip).
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * import { rule } from './rule';
 * z.number().check(rule((x) => x > 0, 'a finite number > 0')).safeParse(-1).error?.issues[0]?.message; // 'a finite number > 0'
 * ```
 * @internal
 */
export function rule<T>(ok: (value: T) => boolean, message: string, abort = false): (ctx: z.core.ParsePayload<T>) => void {
  return (ctx) => {
    if (!ok(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, message, ...(abort ? {} : { continue: true }) });
  };
}
