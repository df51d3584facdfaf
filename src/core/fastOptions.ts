import { LEAST_LEVEL, MOST_LEVEL } from './schemas';

/** How {@link fastOptions} checks one option: its default and the values it passes without zod. @internal */
export interface FastRule {
  default: unknown;
  accepts: (value: unknown) => boolean;
}

/**
 * The common valid case of an options object, checked without zod: `options` is undefined or a plain
 * object whose own keys are all known and whose values each pass their rule (a strict subset of what the
 * zod schema accepts). Returns the options with defaults filled in, or undefined when anything is unusual,
 * so the caller falls back to the zod schema, which accepts or reports exactly as before. Zod's parse
 * costs about 0.5-0.9 microseconds a call here, several times the Wilson interval itself.
 *
 * @example
 * ```ts
 * import { fastOptions, levelRule } from './fastOptions';
 * fastOptions({ level: 0.9 }, { level: levelRule }); // { level: 0.9 }
 * fastOptions({ levle: 0.9 }, { level: levelRule }); // undefined: zod reports the typo
 * ```
 * @internal
 */
export function fastOptions<T extends Record<string, unknown>>(options: unknown, rules: { [K in keyof T]: FastRule }): T | undefined {
  const out: Record<string, unknown> = {};
  for (const key in rules) out[key] = rules[key].default;
  if (options === undefined) return out as T;
  if (options === null || typeof options !== 'object' || Object.getPrototypeOf(options) !== Object.prototype) return undefined;
  for (const key of Object.keys(options)) {
    if (!Object.prototype.hasOwnProperty.call(rules, key)) return undefined;
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!rules[key as keyof T].accepts(value)) return undefined;
    out[key] = value;
  }
  return out as T;
}

/** A result's confidence level from 1e-10 to 1 - 1e-10, default 0.95 (as the `level` schema). @internal */
export const levelRule: FastRule = {
  default: 0.95,
  accepts: (v) => typeof v === 'number' && v >= LEAST_LEVEL && v <= MOST_LEVEL,
};

/** `per`: a finite number > 0, default 100000 (as the `per` schema). @internal */
export const perRule: FastRule = { default: 100000, accepts: (v) => typeof v === 'number' && v > 0 && v < Infinity };

/** A method out of `names`, default `fallback` (as `methodOf`). @internal */
export function methodRule(names: readonly string[], fallback: string): FastRule {
  return { default: fallback, accepts: (v) => typeof v === 'string' && names.includes(v) };
}

/** A finite number >= 0 (as the `count` schema). @internal */
export function isCount(x: unknown): x is number {
  return typeof x === 'number' && x >= 0 && x < Infinity;
}

/** A finite number > 0 (as the `positive` schema). @internal */
export function isPositive(x: unknown): x is number {
  return typeof x === 'number' && x > 0 && x < Infinity;
}
