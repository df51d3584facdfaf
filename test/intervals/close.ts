import { expect } from 'vitest';

/** Fixture numbers: JSON numbers, or the strings "Infinity" / "-Infinity". */
export type FixtureNumber = number | string;

export function num(v: FixtureNumber): number {
  return typeof v === 'string' ? Number(v) : v;
}

/**
 * Relative closeness: |actual - expected| <= rel * |expected| (+ abs, for expected values at or
 * near 0). Infinities must match exactly; NaN never passes.
 */
export function expectClose(actual: number, expected: number, rel: number, abs = 0, label = ''): void {
  if (!Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  const err = Math.abs(actual - expected);
  const ok = err <= rel * Math.abs(expected) + abs;
  if (!ok) {
    expect.fail(`${label}: got ${actual}, expected ${expected} (relative error ${(err / Math.abs(expected)).toExponential(2)}, allowed ${rel})`);
  }
}
