import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../../src/special/binomialCdf';
import { chiSquareQuantile } from '../../src/special/chiSquareQuantile';
import { poissonCdf } from '../../src/special/poissonCdf';
import { fmt, num, R, relErr, worst } from './fixture';

// Reference: R 4.2.2 qchisq / ppois / pbinom (test/fixtures/r/special-functions.R).
const TOL = 1e-12;

describe('chiSquareQuantile against R qchisq, df in {0.02, 1, 2, 3, 10, 46, 360, 3160}, p from 1e-300 to 1 - 1e-10', () => {
  const rows = R.chiSquareQuantile.map((r) => r.map(num)) as number[][];
  const w = worst(rows.map(([p, df, x]) => relErr(chiSquareQuantile(p!, df!), x!)));
  it(`worst rel err ${fmt(w)} <= ${TOL}`, () => {
    for (const [p, df, x] of rows) expect(relErr(chiSquareQuantile(p!, df!), x!), `p = ${p}, df = ${df}`).toBeLessThanOrEqual(TOL);
  });
});

describe('poissonCdf against R ppois (counts 0 to 1e5, both tails)', () => {
  const rows = R.poissonCdf.map((r) => r.map(num)) as number[][];
  const w = worst(rows.map(([k, m, v]) => relErr(poissonCdf(k!, m!), v!)));
  it(`worst rel err ${fmt(w)} <= ${TOL}`, () => {
    for (const [k, m, v] of rows) expect(relErr(poissonCdf(k!, m!), v!), `k = ${k}, mean = ${m}`).toBeLessThanOrEqual(TOL);
  });
});

describe('binomialCdf against R pbinom (n up to 1e6, both tails)', () => {
  const rows = R.binomialCdf.map((r) => r.map(num)) as number[][];
  const w = worst(rows.map(([k, n, p, v]) => relErr(binomialCdf(k!, n!, p!), v!)));
  it(`worst rel err ${fmt(w)} <= ${TOL}`, () => {
    for (const [k, n, p, v] of rows) expect(relErr(binomialCdf(k!, n!, p!), v!), `k = ${k}, n = ${n}, p = ${p}`).toBeLessThanOrEqual(TOL);
  });
});
