import type * as z from 'zod/mini';

/**
 * A zod check that an array (or string) is not empty, reporting `message`: what `z.minLength(1, { error:
 * message })` reports, run under the same condition (whenever the value has a length, even after the
 * array's own issues, unless one aborted explicitly) and continuing as its issue does, without pulling
 * zod's length checks into a bundle. The object is the shape zod gives a function passed to `.check`,
 * with minLength's `when`.
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * import { atLeastOne } from './atLeastOne';
 * z.array(z.number()).check(atLeastOne('at least one row')).safeParse([]).error?.issues[0]?.message; // 'at least one row'
 * ```
 * @internal
 */
export function atLeastOne(message: string): z.core.$ZodCheck<readonly unknown[]> {
  return {
    _zod: {
      check: (payload: z.core.ParsePayload<{ length: number }>) => {
        const input = payload.value;
        if (!(input.length >= 1)) {
          payload.issues.push({ code: 'too_small', origin: Array.isArray(input) ? 'array' : 'string', minimum: 1, inclusive: true, input, message, continue: true } as never);
        }
      },
      def: { check: 'custom', when: (payload: z.core.ParsePayload) => (payload.value as { length?: unknown } | null | undefined)?.length !== undefined },
      onattach: [],
    },
  } as never;
}
