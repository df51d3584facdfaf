import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { InputError } from '../../src/core/InputError';
import { count, level, options, probability, wholeCount, ageBand, methodOf } from '../../src/core/schemas';
import { validate } from '../../src/core/validate';
import { describeValue } from '../../src/core/describeValue';
import { parseAgeBand } from '../../src/core/ageBand';
import { hiddenIncidence } from '../../src/incidence/hiddenIncidence';
import { proportionCI } from '../../src/intervals/proportionCI';
import { errorOf } from '../helpers';

const schema = z.object({
  successes: count,
  trials: wholeCount,
  p: z.optional(probability),
  options: options({ level, method: z._default(methodOf(['wilson', 'wald']), 'wilson') }),
});
const run = (input: unknown) => validate('demoCI', schema, input);

function issuesOf(input: unknown) {
  try {
    run(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('validate', () => {
  it('fills defaults', () => {
    expect(run({ successes: 2.5, trials: 10, options: undefined })).toEqual({
      successes: 2.5,
      trials: 10,
      options: { level: 0.95, method: 'wilson' },
    });
  });
  it('suggests 0.95 for level 95, naming the field without the options prefix', () => {
    const e = issuesOf({ successes: 1, trials: 2, options: { level: 95 } });
    expect(e.issues[0]!.path).toEqual(['level']);
    expect(e.message).toContain('level: expected a confidence level in (0, 1), received 95 (did you mean 0.95?)');
  });
  it('a level of 1 is not read as a percentage (no "did you mean 0.01?")', () => {
    const e = issuesOf({ successes: 1, trials: 2, options: { level: 1 } });
    expect(e.message).not.toContain('did you mean');
    expect(e.issues[0]!.hint).toMatch(/a level of 1 \(100%\) would need limits covering every possible value/);
  });
  it('names every bad field: negative counts, strings, NaN, non-integers', () => {
    const e = issuesOf({ successes: -1, trials: '10', p: NaN });
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['successes', 'trials', 'p']);
    expect(e.message).toContain('successes: expected a finite number >= 0, received -1');
    expect(e.message).toContain('trials: expected a whole number >= 0, received "10" (a string) (pass the number 10, not a string)');
    expect(e.message).toContain('p: expected a proportion in [0, 1], received NaN');
  });
  it('hints at percentages passed as proportions', () => {
    const e = issuesOf({ successes: 1, trials: 2, p: 4.9 });
    expect(e.issues[0]!.hint).toMatch(/did you mean 0.049\?/);
  });
  it('rejects unknown option keys and unknown methods', () => {
    const e = issuesOf({ successes: 1, trials: 2, options: { levle: 0.9, method: 'exact' } });
    expect(e.message).toContain("method: expected one of 'wilson', 'wald', received \"exact\" (a string)");
    expect(e.message).toContain('options: expected no unknown fields (unknown: levle)');
  });
  it('names options and the unknown key, with the nearest known option and the list of them', () => {
    const e = issuesOf({ successes: 1, trials: 2, options: { levle: 0.9 } });
    expect(e.issues).toEqual([
      { path: ['options'], expected: 'no unknown fields (unknown: levle)', received: { levle: 0.9 }, hint: 'did you mean level? known options: level, method' },
    ]);
    // Several unknown keys: a guess for each that is near a known one; none for a key near nothing.
    expect(issuesOf({ successes: 1, trials: 2, options: { levle: 0.9, methd: 'wald' } }).issues[0]!.hint).toBe(
      'did you mean level for levle, method for methd? known options: level, method',
    );
    expect(issuesOf({ successes: 1, trials: 2, options: { alpha: 0.05 } }).issues[0]!.hint).toBe('known options: level, method');
    // Options that are not an object are named too (the leading 'options' is only dropped before a field).
    expect(issuesOf({ successes: 1, trials: 2, options: 0.9 }).issues[0]!.path).toEqual(['options']);
  });
  it('every public function: hiddenIncidence with an unknown option, and an unknown input field', () => {
    const e = errorOf(() => hiddenIncidence({ recorded: 100, reporting: 0.5, recording: 0.5 }, { leve: 0.9 } as never));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: ['options'], expected: 'no unknown fields (unknown: leve)', received: { leve: 0.9 } });
    expect(e.issues[0]!.hint).toBe('did you mean level? known options: level, method, draws, seed, countNoise, keepDraws');
    expect(e.message).toContain('  - options: expected no unknown fields (unknown: leve), received {"leve":0.9} (did you mean level?');
    // At the root of a merged input, options (a separate argument) is not offered as a field.
    const root = errorOf(() => hiddenIncidence({ recorded: 100, reporting: 0.5, recording: 0.5, reportng: 0.4 } as never)).issues[0]!;
    expect(root).toMatchObject({ path: [], hint: 'did you mean reporting? known fields: recorded, reporting, recording, incidentsPerVictim' });
    expect(errorOf(() => proportionCI(5, 10, { levle: 0.9 } as never)).issues[0]).toMatchObject({ path: ['options'], hint: 'did you mean level? known options: level, method' });
  });
  it('finds the known fields through arrays, optional and default wrappers and pipes; none through a dispatching transform', () => {
    const rows = z.object({ rows: z.optional(z.array(z.pipe(z.strictObject({ age: z.string(), count }), z.transform((r) => r)))) });
    const e = errorOf(() => validate('f', rows, { rows: [{ age: 'a', count: 1 }, { age: 'b', count: 1, cuont: 2 }] }));
    expect(e.issues[0]).toMatchObject({ path: ['rows', 1], expected: 'no unknown fields (unknown: cuont)', hint: 'did you mean count? known fields: age, count' });
    const dispatch = z.object({ x: z.pipe(z.unknown(), z.transform((v, ctx) => {
      const r = z.strictObject({ a: count }).safeParse(v, { reportInput: true });
      if (!r.success) for (const i of r.error.issues) ctx.issues.push({ ...i } as never);
      return v;
    })) });
    expect(errorOf(() => validate('f', dispatch, { x: { a: 1, b: 2 } })).issues[0]).toEqual({ path: ['x'], expected: 'no unknown fields (unknown: b)', received: { a: 1, b: 2 } });
  });
  it('reports identical issues once', () => {
    const twice = z.object({ x: z.number().check((ctx) => {
      for (let k = 0; k < 2; k++) ctx.issues.push({ code: 'custom', input: ctx.value, message: 'a number > 0' });
    }) });
    expect(errorOf(() => validate('f', twice, { x: -1 })).issues).toEqual([{ path: ['x'], expected: 'a number > 0', received: -1 }]);
    // Different rules for the same value are both kept.
    const two = z.object({ x: z.number().check(z.refine((v) => v > 0, 'a number > 0')).check(z.refine((v) => v > 1, 'a number > 1')) });
    expect(errorOf(() => validate('f', two, { x: -1 })).issues.map((i) => i.expected)).toEqual(['a number > 0', 'a number > 1']);
  });
  it('rejects Infinity', () => {
    expect(issuesOf({ successes: Infinity, trials: 1 }).message).toContain('received Infinity');
  });
});

describe('describeValue', () => {
  it('describes awkward values unambiguously', () => {
    expect([NaN, -Infinity, '3', undefined, null, [1, 2], { a: NaN }].map(describeValue)).toEqual([
      'NaN',
      '-Infinity',
      '"3" (a string)',
      'nothing (undefined)',
      'null',
      '[1, 2]',
      '{"a":"NaN"}',
    ]);
  });
});

describe('age bands', () => {
  it('parses bands, open bands and single years', () => {
    expect(parseAgeBand('16-19')).toEqual({ label: '16-19', min: 16, max: 19 });
    expect(parseAgeBand('90+')).toEqual({ label: '90+', min: 90, max: Infinity });
    expect(parseAgeBand(42)).toEqual({ label: '42', min: 42, max: 42 });
    expect(parseAgeBand('7')).toEqual({ label: '7', min: 7, max: 7 });
    expect(parseAgeBand('19-16')).toBeUndefined();
    expect(parseAgeBand(4.5)).toBeUndefined();
    expect(parseAgeBand('old')).toBeUndefined();
  });
  it('the schema rejects a bad band with the rule', () => {
    expect(() => validate('f', z.object({ age: ageBand }), { age: 'adult' })).toThrow(/age: expected an age band/);
  });
});
