import * as z from 'zod/mini';

/**
 * Wrap an object schema so that an own key `'__proto__'` (as `JSON.parse` makes it) is an issue at that
 * key, worded by `rule`, instead of being dropped without a word by zod's object parser. The schema runs
 * as it is otherwise (first without `reportInput`, for zod's fast path; again with it only on failure).
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * import { withoutReservedKey } from './withoutReservedKey';
 * const row = withoutReservedKey(z.looseObject({ estimate: z.number() }), "no field '__proto__'");
 * row.safeParse(JSON.parse('{"__proto__": 1, "estimate": 0.1}')).success; // false, an issue at __proto__
 * ```
 * @internal
 */
export function withoutReservedKey<S extends z.ZodMiniType>(schema: S, rule: string) {
  return z.pipe(z.unknown(), z.transform((value, ctx): z.output<S> => {
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
      const input: unknown = Object.getOwnPropertyDescriptor(value, '__proto__')?.value;
      ctx.issues.push({ code: 'custom', path: ['__proto__'], input, message: rule });
      return z.NEVER;
    }
    const fast = schema.safeParse(value);
    if (fast.success) return fast.data;
    const parsed = schema.safeParse(value, { reportInput: true });
    for (const issue of parsed.error?.issues ?? []) ctx.issues.push({ ...issue } as z.core.$ZodRawIssue);
    return z.NEVER;
  }));
}
