/**
 * What the property fuzzes of darkfigure's entries share (properties.test.ts for the core entry,
 * modelProperties.test.ts for darkfigure/models and darkfigure/charts): the arbitraries, the checks of a
 * result (`problems`, `outcome`), the nesting of limits across levels (`pairs`, `nested`) and the runner
 * that turns a list of specs into properties (`fuzzSpecs`).
 *
 * Locally: FC_SEED=n explores other corners, FC_RUNS=k multiplies every property's runs, FC_STATS=1 prints
 * how often each function returns rather than refuses (and how many level pairs were compared), and
 * FC_STATS=<name> prints why that function refuses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/index';

/** Fixed, so CI is deterministic; FC_SEED explores other corners locally. */
export const SEED = Number(process.env.FC_SEED ?? 20261206);
/** FC_RUNS multiplies every property's number of runs, for a longer local search. */
export const RUNS = Number(process.env.FC_RUNS ?? 1);

// ---------------------------------------------------------------------------------------------------
// Arbitraries: each number is mostly ordinary, sometimes extreme (but accepted), sometimes junk.
// ---------------------------------------------------------------------------------------------------

export const EXTREME = [0, 5e-324, 1e-300, 1e-10, 1, 1e10, 1e300, Number.MAX_VALUE] as const;
export const JUNK = [-1, Number.NaN, Infinity, -Infinity, '5', null, undefined] as const;

/** A mix of `valid` (weight 8), extreme doubles (2) and, when `junk`, junk values (1). */
export function mix<T>(valid: fc.Arbitrary<T>, junk: boolean): fc.Arbitrary<unknown> {
  const parts: fc.WeightedArbitrary<unknown>[] = [
    { weight: 8, arbitrary: valid },
    { weight: 2, arbitrary: fc.constantFrom(...EXTREME) },
  ];
  if (junk) parts.push({ weight: 1, arbitrary: fc.constantFrom(...JUNK) });
  return fc.oneof(...parts);
}

export const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

export interface Arbs {
  junk: boolean;
  count: fc.Arbitrary<unknown>;
  whole: fc.Arbitrary<unknown>;
  positive: fc.Arbitrary<unknown>;
  probability: fc.Arbitrary<unknown>;
  level: fc.Arbitrary<unknown>;
  uncertainProbability: fc.Arbitrary<unknown>;
  uncertainQuantity: fc.Arbitrary<unknown>;
  recorded: fc.Arbitrary<unknown>;
  periodCount: fc.Arbitrary<unknown>;
  period: fc.Arbitrary<unknown>;
  shares: fc.Arbitrary<unknown>;
  /** National prevalence rows by sex and age (survey designs). */
  prevalence: fc.Arbitrary<unknown>;
  population: fc.Arbitrary<unknown>;
}

export const DATES = ['2015-01-01', '2015-12-31', '2016-02-29', '2017-06-30', '2015-02-30', 'yesterday'];
export const SEXES = ['female', 'male'];
/** Population bands that do not overlap (16-59 is 16-24 and 25-59), so prevalence bands lie wholly inside or outside each. */
export const AGES = ['0-15', '16-24', '25-59', '60+'];

export function arbs(junk: boolean): Arbs {
  const count = mix(fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1e4, noNaN: true })), junk);
  const whole = mix(fc.integer({ min: 0, max: 500 }), junk);
  const positive = mix(fc.double({ min: 0.01, max: 1e6, noNaN: true }), junk);
  const probability = mix(fc.double({ min: 0, max: 1, noNaN: true }), junk);
  const level = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99, 0.998) },
    { weight: 2, arbitrary: fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }) },
    { weight: junk ? 1 : 0, arbitrary: fc.constantFrom(1e-10, 1 - 1e-10, 0, 1, 95, 5e-324, 1 - 1e-16, Number.NaN, '0.95') },
  );
  const intervalForm = fc.record({
    value: probability,
    lower: probability,
    upper: probability,
    level: opt(level),
    method: fc.constant('wilson'),
    standardError: opt(count),
    effectiveBase: opt(positive),
  });
  const uncertainProbability = fc.oneof(
    probability,
    fc.record({ successes: count, trials: positive }),
    fc.record({ estimate: probability, base: whole, designFactor: opt(positive) }),
    fc.record({ estimate: probability, standardError: count }),
    fc.record({ estimate: probability, effectiveBase: positive }),
    fc.record({ estimate: probability, lower: probability, upper: probability, level: opt(level) }),
    fc.record({ alpha: positive, beta: positive }),
    intervalForm,
  );
  const uncertainQuantity = fc.oneof(
    positive,
    fc.record({ estimate: positive, standardError: count }),
    fc.record({ estimate: positive, lower: count, upper: count, level: opt(level) }),
    fc.record({ value: positive, lower: count, upper: count, level: level, method: fc.constant('exact'), standardError: opt(count) }),
  );
  const date = fc.constantFrom(...DATES);
  const periodCount = fc.oneof(fc.record({ count, days: positive }), fc.record({ count, from: date, to: date }));
  const period = fc.oneof(fc.record({ days: positive }), fc.record({ from: date, to: date }));
  const recorded = fc.oneof(count, periodCount);
  const key = fc.constantFrom('exPartner', 'stranger', 'family', 'acquaintance', 'other');
  const shares = fc.dictionary(key, mix(fc.double({ min: 0, max: 0.6, noNaN: true }), junk), { minKeys: 1, maxKeys: 4 });
  const design = fc.oneof(
    fc.record({ estimate: probability, base: whole, designFactor: opt(positive) }),
    fc.record({ estimate: probability, standardError: count }),
    fc.record({ estimate: probability, effectiveBase: positive }),
    fc.record({ estimate: probability, lower: probability, upper: probability }),
  );
  const prevalence = fc
    .tuple(fc.subarray(SEXES, { minLength: 1 }), fc.constantFrom(['16-59'], ['16-24', '25-59'], ['16-24', '25-59', '60+']), fc.array(design, { minLength: 6, maxLength: 6 }))
    .map(([sexes, ages, designs]) => sexes.flatMap((sex, i) => ages.map((age, j) => ({ sex, age, ...designs[(i * 3 + j) % 6]! }))));
  const population = fc
    .array(mix(fc.double({ min: 0, max: 1e6, noNaN: true }), junk), { minLength: 8, maxLength: 8 })
    .map((sizes) => SEXES.flatMap((sex, i) => AGES.map((age, j) => ({ sex, age, population: sizes[i * 4 + j] }))));
  return { junk, count, whole, positive, probability, level, uncertainProbability, uncertainQuantity, recorded, periodCount, period, shares, prevalence, population };
}

/** `likely` most of the time (weight `weight`, default 5); with junk (`a.junk`), sometimes `other` (1). */
export const mostly = (a: Arbs, likely: fc.Arbitrary<unknown>, other: fc.Arbitrary<unknown>, weight = 5): fc.Arbitrary<unknown> =>
  a.junk ? fc.oneof({ weight, arbitrary: likely }, { weight: 1, arbitrary: other }) : likely;

/** `valid` records; with junk (`a.junk`), a third of the time one field replaced by its junk from `junk`. */
export function spoilOne(a: Arbs, valid: fc.Arbitrary<Record<string, unknown>>, junk: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  if (!a.junk) return valid;
  const keys = Object.keys(junk);
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 1, arbitrary: fc.tuple(valid, fc.constantFrom(...keys)).chain(([v, k]) => junk[k]!.map((j) => ({ ...v, [k]: j }))) },
  );
}

// ---------------------------------------------------------------------------------------------------
// Specs: a function, arbitraries of its arguments, the position of its level.
// ---------------------------------------------------------------------------------------------------

export type Args = unknown[];

/** The fields of an Interval the nesting check reads. */
export interface Limits {
  lower: number;
  upper: number;
  level: number;
  method: string;
}

export interface Spec {
  name: string;
  args: (a: Arbs) => fc.Arbitrary<Args>;
  call: (...args: Args) => unknown;
  /** The arguments with the level set to `level`; absent for functions without one. */
  atLevel?: (args: Args, level: number) => Args;
  /** Check that the 0.8 result's limits lie inside the 0.95 one's, where `pairs` is not the way to find them. */
  nest?: (narrow: unknown, wide: unknown) => void;
  /** Monte Carlo: identical results for identical inputs and seed. */
  seeded?: boolean;
  /** A chart (or class breaks): no NaN, and the result is plain JSON (it survives JSON.stringify and JSON.parse unchanged). */
  json?: boolean;
  numRuns?: number;
}

/** The last argument is the options object: set its level. */
export const lastOptions = (args: Args, level: number): Args => [...args.slice(0, -1), { ...(args.at(-1) as object | undefined), level }];
export const anyFn = (f: unknown) => f as (...args: Args) => unknown;

/** The message `f` throws (it is called again only to print it). */
function refusal(f: () => unknown): string {
  try {
    f();
    return 'returned';
  } catch (error) {
    return (error as Error).message;
  }
}

/** `f`'s result, or `fallback` when it throws (an InputError or otherwise: the property of `f` is checked elsewhere). */
export function resultOr<T>(f: () => T, fallback: unknown): unknown {
  try {
    return f();
  } catch {
    return fallback;
  }
}

// ---------------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------------

/** Objects shaped like an Interval: value, lower, upper, level and method. */
export function isInterval(x: Record<string, unknown>): boolean {
  return typeof x.lower === 'number' && typeof x.upper === 'number' && typeof x.level === 'number' && typeof x.method === 'string';
}

/**
 * Every problem with a result: a NaN, limits out of order, an infinite value or limit without a note.
 * With `nanOnly` (charts, whose data echo the limits they are given), only the NaNs.
 */
export function problems(x: unknown, path = 'result', out: string[] = [], nanOnly = false): string[] {
  if (typeof x === 'number') {
    if (Number.isNaN(x)) out.push(`${path} is NaN`);
  } else if (typeof x === 'string') {
    if (/\bNaN\b/.test(x)) out.push(`${path} says NaN: ${x}`);
  } else if (ArrayBuffer.isView(x)) {
    const values = Array.from(x as unknown as ArrayLike<number>);
    const i = values.findIndex(Number.isNaN);
    if (i >= 0) out.push(`${path}[${i}] is NaN`);
  } else if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (!nanOnly) {
      if (typeof o.lower === 'number' && typeof o.upper === 'number' && !(o.lower <= o.upper)) out.push(`${path}: lower ${o.lower} > upper ${o.upper}`);
      if ('pValue' in o && !(typeof o.pValue === 'number' && o.pValue >= 0 && o.pValue <= 1)) out.push(`${path}: pValue ${String(o.pValue)} outside [0, 1]`);
      if (isInterval(o)) {
        const infinite = (['value', 'lower', 'upper'] as const).filter((k) => typeof o[k] === 'number' && !Number.isFinite(o[k]));
        const notes = Array.isArray(o.notes) ? (o.notes as string[]) : [];
        if (infinite.length > 0 && !notes.some((n) => /Infinity|unbounded|infinite/i.test(n))) out.push(`${path}: ${infinite.join(', ')} infinite without a note`);
      }
    }
    for (const [k, v] of Object.entries(o)) problems(v, `${path}.${k}`, out, nanOnly);
  }
  return out;
}

/**
 * Run `f`: its result, or undefined after checking that it threw an InputError naming fields. With `json`,
 * the result must also be plain JSON (equal to itself after JSON.stringify and JSON.parse).
 */
export function outcome(name: string, f: () => unknown, json = false): { result: unknown } | undefined {
  let result: unknown;
  try {
    result = f();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.functionName).toBe(name);
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(Array.isArray(issue.path)).toBe(true);
      expect(issue.expected).toMatch(/\S/);
    }
    return undefined;
  }
  const found = problems(result, 'result', [], json);
  if (found.length > 0) throw new Error(`${name}: ${found.slice(0, 5).join('; ')}`);
  if (json) expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
  return { result };
}

/** Pairs of Intervals at the same place in two results. */
export function pairs(a: unknown, b: unknown, path = 'result', out: [string, Limits, Limits][] = []): [string, Limits, Limits][] {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || ArrayBuffer.isView(a)) return out;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (isInterval(x) && isInterval(y)) out.push([path, x as unknown as Limits, y as unknown as Limits]);
  for (const k of Object.keys(x)) if (k in y) pairs(x[k], y[k], `${path}.${k}`, out);
  return out;
}

/** a <= b, up to the 1e-12 relative slack of limits root-found to about 1e-15 relative. */
export const atMost = (a: number, b: number) => a <= b || a - b <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

/** Throw unless the wide limits contain the narrow ones. */
export function nested(path: string, narrow: { lower: number; upper: number }, wide: { lower: number; upper: number }): void {
  if (!atMost(wide.lower, narrow.lower) || !atMost(narrow.upper, wide.upper)) {
    throw new Error(`${path}: 0.95 limits [${wide.lower}, ${wide.upper}] do not contain the 0.8 limits [${narrow.lower}, ${narrow.upper}]`);
  }
}

/**
 * A deep copy of the arguments, to compare with after the call: plain objects and arrays copied key by key,
 * symbol keys included (results carry shared notes under a symbol, which structuredClone drops), with their
 * enumerability; anything else by structuredClone.
 */
export function snapshot<T>(x: T): T {
  if (x === null || typeof x !== 'object') return x;
  const proto = Object.getPrototypeOf(x) as unknown;
  if (!Array.isArray(x) && proto !== Object.prototype && proto !== null) return structuredClone(x);
  const out = (Array.isArray(x) ? [] : Object.create(proto as object | null)) as Record<PropertyKey, unknown>;
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(x))) if (key !== 'length' || !Array.isArray(x)) Object.defineProperty(out, key, 'value' in d ? { ...d, value: snapshot(d.value) } : d);
  for (const key of Object.getOwnPropertySymbols(x)) {
    const d = Object.getOwnPropertyDescriptor(x, key)!;
    Object.defineProperty(out, key, 'value' in d ? { ...d, value: snapshot(d.value) } : d);
  }
  return out as T;
}

/** The names of a module's exported functions (classes such as InputError left out), sorted. */
export function exportedFunctions(module: Record<string, unknown>): string[] {
  return Object.entries(module)
    .filter(([, v]) => typeof v === 'function' && v !== InputError)
    .map(([k]) => k)
    .sort();
}

// ---------------------------------------------------------------------------------------------------
// The properties of every spec
// ---------------------------------------------------------------------------------------------------

/** One describe block per spec: the invariants with junk, the nesting across levels, the seeded repeat. */
export function fuzzSpecs(specs: readonly Spec[]): void {
  describe.each(specs)('$name', (spec) => {
    const numRuns = (spec.numRuns ?? 200) * RUNS;
    const json = spec.json === true;

    it(json
      ? 'returns plain JSON with no NaN, or throws an InputError naming fields; inputs not mutated'
      : 'returns or throws an InputError naming fields; no NaN; lower <= upper; infinite limits noted; inputs not mutated', () => {
      const tally = { returned: 0, refused: 0 };
      fc.assert(
        fc.property(spec.args(arbs(true)), (args) => {
          const before = snapshot(args);
          const result = outcome(spec.name, () => spec.call(...args), json);
          tally[result === undefined ? 'refused' : 'returned']++;
          // FC_STATS=<name>: why that function refuses its inputs, call by call
          if (result === undefined && process.env.FC_STATS === spec.name) console.log(refusal(() => spec.call(...args)));
          expect(args).toEqual(before);
        }),
        { numRuns, seed: SEED },
      );
      // FC_STATS=1: how often the arbitraries reach a result rather than an InputError
      if (process.env.FC_STATS) console.log(`${spec.name}: ${tally.returned} returned, ${tally.refused} refused`);
    });

    if (spec.atLevel !== undefined) {
      const atLevel = spec.atLevel;
      it('limits nest across levels: the 0.8 interval lies inside the 0.95 one', () => {
        let compared = 0;
        fc.assert(
          fc.property(spec.args(arbs(false)), (args) => {
            const narrow = outcome(spec.name, () => spec.call(...atLevel(args, 0.8)), json);
            const wide = outcome(spec.name, () => spec.call(...atLevel(args, 0.95)), json);
            if (narrow === undefined || wide === undefined) return;
            compared++;
            if (spec.nest !== undefined) {
              spec.nest(narrow.result, wide.result);
              return;
            }
            for (const [path, n, w] of pairs(narrow.result, wide.result)) {
              if (n.level !== 0.8 || w.level !== 0.95) continue;
              // Sison and Glaz's (1995) limits p - c/n and p + (c + 2 gamma)/n are not monotone in the level: where c
              // steps up to c + 1, gamma drops from 1 to 0 and the upper limit from p + (c + 2)/n to p + (c + 1)/n.
              if (n.method === 'sison-glaz') continue;
              nested(path, n, w);
            }
          }),
          { numRuns: Math.ceil(numRuns / 2), seed: SEED + 1 },
        );
        if (process.env.FC_STATS) console.log(`${spec.name}: ${compared} of ${Math.ceil(numRuns / 2)} compared across levels`);
      });
    }

    if (spec.seeded) {
      it('identical results for identical inputs and seed', () => {
        fc.assert(
          fc.property(spec.args(arbs(false)), (args) => {
            const first = outcome(spec.name, () => spec.call(...args), json);
            const second = outcome(spec.name, () => spec.call(...args), json);
            expect(second).toEqual(first);
          }),
          { numRuns: Math.ceil(numRuns / 4), seed: SEED + 2 },
        );
      });
    }
  });
}
