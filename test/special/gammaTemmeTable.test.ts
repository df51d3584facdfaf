import { describe, expect, it } from 'vitest';
import { GAMMA_TEMME_C } from '../../src/special/gammaTemmeCoefficients';
import { gammaTemmeTable } from '../../src/special/gammaTemmeTable';

describe('gammaTemmeTable', () => {
  it('computes every Temme coefficient to the same bits as the sympy-expanded reference table, and zeros elsewhere', () => {
    const table = gammaTemmeTable();
    expect(table.length).toBe(9 * 25);
    const expected = new Float64Array(9 * 25);
    GAMMA_TEMME_C.forEach((row, k) => row.forEach((c, n) => (expected[9 * n + k] = c)));
    const differ = [...table.keys()].filter((i) => !Object.is(table[i], expected[i]));
    expect(differ).toEqual([]);
  });
  it('is computed once', () => {
    expect(gammaTemmeTable()).toBe(gammaTemmeTable());
  });
});
