import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, isInputError, rateCI } from '../../src/index';
import { errorOf } from '../helpers';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('InputError is recognised across copies of darkfigure', () => {
  it('instanceof and isInputError on errors from this copy, and not on others', () => {
    const e = errorOf(() => rateCI(1, 2, { level: 95 }));
    expect(e instanceof InputError).toBe(true);
    expect(isInputError(e)).toBe(true);
    expect(e instanceof Error).toBe(true);
    expect(isInputError(new Error('x'))).toBe(false);
    expect(isInputError(null)).toBe(false);
    expect(isInputError({ name: 'InputError', issues: [] })).toBe(false);
  });
  it.runIf(existsSync(`${root}dist/index.cjs`))('an error thrown by the CommonJS build is an InputError of the ESM build and back', () => {
    const script = `
      const cjs = require(${JSON.stringify(`${root}dist/index.cjs`)});
      import(${JSON.stringify(`${root}dist/index.js`)}).then((esm) => {
        const out = [];
        try { cjs.rateCI(1, 2, { level: 95 }); } catch (e) { out.push(e instanceof esm.InputError, esm.isInputError(e)); }
        try { esm.rateCI(1, 2, { level: 95 }); } catch (e) { out.push(e instanceof cjs.InputError, cjs.isInputError(e)); }
        console.log(JSON.stringify(out));
      });`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()).toBe('[true,true,true,true]');
  });
});
