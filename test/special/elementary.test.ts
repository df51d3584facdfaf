import { describe, expect, it } from 'vitest';
import data from '../fixtures/mpmath/elementary.json';
import { exp } from '../../src/special/elementary/exp';
import { expm1 } from '../../src/special/elementary/expm1';
import { log } from '../../src/special/elementary/log';
import { log1p } from '../../src/special/elementary/log1p';

/** Distance in units in the last place between two doubles (0 when bit-identical). */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  const ia = buf.getBigInt64(0);
  const ib = buf.getBigInt64(8);
  const ord = (i: bigint) => (i < 0n ? -(i & 0x7fffffffffffffffn) : i);
  const d = ord(ia) - ord(ib);
  return Number(d < 0n ? -d : d);
}

const functions = { exp, expm1, log, log1p } as const;
const cases = data.cases as Record<keyof typeof functions, [string, string][]>;

describe('elementary functions (fdlibm algorithms) against mpmath, correctly rounded references', () => {
  for (const name of Object.keys(functions) as (keyof typeof functions)[]) {
    const f = functions[name];
    const rows = cases[name].map(([x, y]) => [Number(x), Number(y)] as const);
    let worst = 0;
    let exact = 0;
    for (const [x, y] of rows) {
      const e = ulps(f(x), y);
      worst = Math.max(worst, e);
      if (e === 0) exact += 1;
    }
    it(`${name}: worst error ${worst} ulp over ${rows.length} arguments (${((100 * exact) / rows.length).toFixed(1)}% correctly rounded); required <= 1 ulp`, () => {
      for (const [x, y] of rows) expect(ulps(f(x), y), `${name}(${x})`).toBeLessThanOrEqual(1);
    });
  }

  it('special values', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(Number.isNaN(exp(NaN))).toBe(true);
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(Infinity)).toBe(Infinity);
    expect(Number.isNaN(log(-1))).toBe(true);
    expect(log1p(0)).toBe(0);
    expect(Object.is(log1p(-0), -0)).toBe(true);
    expect(log1p(-1)).toBe(-Infinity);
    expect(log1p(Infinity)).toBe(Infinity);
    expect(expm1(0)).toBe(0);
    expect(expm1(-Infinity)).toBe(-1);
    expect(expm1(Infinity)).toBe(Infinity);
    expect(expm1(1000)).toBe(Infinity);
  });
});

import { pow } from '../../src/special/elementary/pow';

describe('pow for positive bases (double-double log)', () => {
  const rows = (data as unknown as { pow: [string, string, string][] }).pow.map(
    ([x, a, y]) => [Number(x), Number(a), Number(y)] as const,
  );
  let worst = 0;
  const rel = (x: number, a: number, y: number) => (y === 0 ? (pow(x, a) === 0 ? 0 : Infinity) : Math.abs(pow(x, a) - y) / y);
  for (const [x, a, y] of rows) worst = Math.max(worst, rel(x, a, y));
  it(`x^a against mpmath over ${rows.length} arguments (|a log x| up to 2000): worst relative error ${worst.toExponential(1)} <= 1e-15 (exp's ulp plus a times log(m)'s ulp)`, () => {
    for (const [x, a, y] of rows) expect(rel(x, a, y), `pow(${x}, ${a})`).toBeLessThanOrEqual(1e-15);
  });
  it('edge values', () => {
    expect(pow(0, 2)).toBe(0);
    expect(pow(0, 0)).toBe(1);
    expect(pow(0, -1)).toBe(Infinity);
    expect(pow(1, 1e300)).toBe(1);
    expect(pow(4, 0.5)).toBe(2);
    expect(pow(2, 10)).toBe(1024);
    expect(pow(0.05, Infinity)).toBe(0);
    expect(pow(2, Infinity)).toBe(Infinity);
    expect(pow(0.5, -Infinity)).toBe(Infinity);
    expect(pow(1e300, 2)).toBe(Infinity);
    expect(pow(1e-300, 2)).toBe(0);
    expect(pow(0.05, 1.7976931348623143e308)).toBe(0);
    expect(pow(1.5, 1e306)).toBe(Infinity);
  });
});
