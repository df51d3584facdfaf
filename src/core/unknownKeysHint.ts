import type * as z from 'zod/mini';

type Def = Record<string, unknown> & { type: string };

/**
 * The keys of the object schema found by walking `schema` along `path` (through objects, arrays, records,
 * wrappers such as optional or default, pipes and lazies); undefined where the walk cannot follow (a
 * union, a transform that dispatches on its input).
 */
function knownKeys(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let at: z.core.$ZodType | undefined = schema;
  for (let i = 0; ; i++) {
    let def: Def;
    // unwrap: optional, nullable, default, prefault, nonoptional, readonly, catch, success (innerType), pipe (in), lazy
    for (let guard = 0; ; guard++) {
      if (at === undefined || guard > 99) return undefined;
      def = at._zod.def as unknown as Def;
      const inner: unknown = def.innerType ?? (def.type === 'pipe' ? def.in : def.type === 'lazy' ? (def.getter as () => unknown)() : undefined);
      if (inner === undefined) break;
      at = inner as z.core.$ZodType;
    }
    const key = path[i];
    if (i === path.length) return def.type === 'object' ? Object.keys(def.shape as object) : undefined;
    at = (
      def.type === 'object' && typeof key === 'string'
        ? (def.shape as Record<string, unknown>)[key]
        : def.type === 'array' && typeof key === 'number'
          ? def.element
          : def.type === 'record'
            ? def.valueType
            : undefined
    ) as z.core.$ZodType | undefined;
  }
}

/** Edit distance counting a swap of neighbouring letters as one edit (optimal string alignment), for "did you mean". */
function editDistance(a: string, b: string): number {
  // row 0 is 0..b.length, column 0 is 0..a.length; the rest is filled in below
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i || j));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? d[i - 2]![j - 2]! + 1 : Infinity,
      );
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The hint for an issue of unknown keys `unknown` at `path` of `schema`'s input: the nearest known key to each
 * (a typo: at most 1 edit for keys under 6 characters, 2 for longer ones, adjacent swaps counting as one),
 * and the known keys, found by walking the schema along the path. Undefined where the walk cannot follow.
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * import { unknownKeysHint } from './unknownKeysHint';
 * const schema = z.object({ options: z.strictObject({ level: z.number(), draws: z.number() }) });
 * unknownKeysHint(schema, ['options'], ['leve']); // 'did you mean level? known options: level, draws'
 * ```
 * @internal
 */
export function unknownKeysHint(schema: z.core.$ZodType, path: readonly (string | number)[], unknown: readonly string[]): string | undefined {
  // At the root, `options` is the function's separate argument, not a field of the input.
  const known = knownKeys(schema, path)?.filter((k) => path.length > 0 || k !== 'options');
  if (known === undefined || known.length === 0) return undefined;
  const what = path.at(-1) === 'options' ? 'options' : 'fields';
  const guesses: [string, string][] = [];
  for (const key of unknown) {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of known) {
      const d = key.toLowerCase() === candidate.toLowerCase() ? 0 : editDistance(key, candidate);
      if (d < bestDistance) [best, bestDistance] = [candidate, d];
    }
    // At most 1 edit for keys under 6 characters, 2 for longer ones.
    if (best !== undefined && bestDistance <= (key.length < 6 ? 1 : 2)) guesses.push([key, best]);
  }
  let guess = '';
  if (guesses.length === 1 && unknown.length === 1) guess = `did you mean ${guesses[0]![1]}? `;
  else if (guesses.length > 0) guess = `did you mean ${guesses.map(([key, best]) => `${best} for ${key}`).join(', ')}? `;
  return `${guess}known ${what}: ${known.join(', ')}`;
}
