import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poissonCI, proportionCI, rateCI, rateRatioCI } from '../../src/index';

// The interval functions take a zod-free fast path for the common valid case. An options object with a null
// prototype always goes through the zod schema; for every input both paths must agree: the same result, or
// the same InputError message.
const viaZod = (o: unknown) => (o !== null && typeof o === 'object' ? Object.assign(Object.create(null), o) : o);
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return { error: (e as Error).message };
  }
}
const anyValue = fc.oneof(
  fc.double(),
  fc.constantFrom(0, 1, 0.5, 0.95, 95, 1e-11, 1 - 1e-11, -1, Infinity, Number.NaN, '0.9', null, undefined, 'wilson', 'exact', 'normal', 'byar', 'auto', 'jeffreys'),
);
const options = fc.option(
  fc.record(
    { level: anyValue, method: anyValue, per: anyValue, levle: anyValue },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const number = fc.oneof(fc.double(), fc.integer({ min: -5, max: 2000 }), fc.constantFrom(0, 1e-300, 1e300, Infinity, Number.NaN));

describe('the fast validation path agrees with the zod schema', () => {
  it('proportionCI', () => {
    fc.assert(
      fc.property(number, number, options, (x, n, o) => {
        expect(outcome(() => proportionCI(x, n, o as never))).toEqual(outcome(() => proportionCI(x, n, viaZod(o))));
      }),
      { numRuns: 400 },
    );
  });
  it('poissonCI and rateCI', () => {
    fc.assert(
      fc.property(number, number, options, (x, pop, o) => {
        expect(outcome(() => poissonCI(x, o as never))).toEqual(outcome(() => poissonCI(x, viaZod(o))));
        expect(outcome(() => rateCI(x, pop, o as never))).toEqual(outcome(() => rateCI(x, pop, viaZod(o))));
      }),
      { numRuns: 400 },
    );
  });
  it('rateRatioCI', () => {
    fc.assert(
      fc.property(number, number, number, number, options, (xa, ta, xb, tb, o) => {
        const a = { count: xa, population: ta };
        const b = { count: xb, population: tb };
        expect(outcome(() => rateRatioCI(a, b, o as never))).toEqual(outcome(() => rateRatioCI(a, b, viaZod(o))));
      }),
      { numRuns: 400 },
    );
  });
});
