import * as z from 'zod/mini';
import { count } from './schemas';

/** zod's plain-object test for records: no array, and a constructor whose prototype has its own isPrototypeOf (or none). */
function isPlainObject(o: unknown): o is Record<PropertyKey, unknown> {
  const isObject = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObject(o)) return false;
  const ctor = (o as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

/**
 * A record of string keys to counts (finite numbers >= 0), reporting `message` for anything that is not a
 * plain object or has a symbol key: what `z.record(z.string(), count, { error: message })` accepts, returns
 * and reports, issue for issue (its own keys in order, `__proto__` and non-enumerable keys skipped, each
 * value's issues under its key), without pulling zod's record type into a bundle (about 0.5 KB gzip).
 *
 * @example
 * ```ts
 * import { countRecord } from './countRecord';
 * countRecord('a record of category to count').safeParse({ partner: 45, stranger: 10 }).data; // { partner: 45, stranger: 10 }
 * ```
 * @internal
 */
export function countRecord(message: string): z.ZodMiniType<Record<string, number>, Record<string, number>> {
  return z.pipe(
    z.unknown(),
    z.transform((input, ctx) => {
      if (!isPlainObject(input)) {
        ctx.issues.push({ code: 'invalid_type', expected: 'record', input, message } as never);
        return z.NEVER;
      }
      const out: Record<string, number> = {};
      for (const key of Reflect.ownKeys(input)) {
        if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
        if (typeof key === 'symbol') {
          ctx.issues.push({ code: 'invalid_key', origin: 'record', issues: [], input: key, path: [key], message } as never);
          continue;
        }
        // the value through the count schema as the record ran it: its raw issues, put under the key
        const result = count._zod.run({ value: input[key], issues: [] }, { async: false }) as z.core.ParsePayload<number>;
        for (const issue of result.issues) (issue as { path?: PropertyKey[] }).path = [key, ...(issue.path ?? [])];
        ctx.issues.push(...(result.issues as never[]));
        out[key] = result.value;
      }
      return out;
    }),
  ) as never;
}
