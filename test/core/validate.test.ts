import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { InputError } from '../../src/core/InputError';
import { count, level, options, probability, wholeCount, ageBand, methodOf } from '../../src/core/schemas';
import { validate } from '../../src/core/validate';
import { describeValue } from '../../src/core/describeValue';
import { parseAgeBand } from '../../src/core/ageBand';

const schema = z.object({
  successes: count,
  trials: wholeCount,
  p: probability.optional(),
  options: options({ level, method: methodOf(['wilson', 'wald']).default('wilson') }),
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
    expect(e.message).toContain('no unknown fields (unknown: levle)');
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
