import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import data from '../fixtures/r/survey-proportion.json';
import { InputError } from '../../src/core/InputError';
import { surveyProportion, type SurveyProportionInput } from '../../src/survey/surveyProportion';
import type { SurveyProportionMethod } from '../../src/survey/surveyLimits';
import { errorOf } from '../helpers';

const METHODS: SurveyProportionMethod[] = ['logit', 'korn-graubard', 'wilson', 'wald'];

/** |a - b| <= tol * |b| (relative), or exact equality for 0 and 1. */
function close(actual: number, expected: number, tol: number) {
  if (expected === 0 || expected === 1) {
    expect(actual).toBe(expected);
    return;
  }
  const rel = Math.abs(actual - expected) / Math.abs(expected);
  if (!(rel <= tol)) throw new Error(`expected ${actual} to be within relative ${tol} of ${expected} (relative error ${rel})`);
}


describe('surveyProportion against R survey::svyciprop', () => {
  // svyciprop's logit limits come from svyglm(), stopped at glm's default epsilon 1e-8: they agree to ~3e-9.
  // logitConverged is the same computation with the fit converged (epsilon 1e-15): agrees to ~2e-14.
  const TOL = 1e-12;
  for (const c of data.svyciprop) {
    it(`${c.design} at level ${c.level}`, () => {
      const input = { estimate: c.estimate, standardError: c.standardError };
      const logit = surveyProportion(input, { level: c.level });
      expect(logit.method).toBe('logit');
      close(logit.lower, c.logitConverged[0]!, TOL);
      close(logit.upper, c.logitConverged[1]!, TOL);
      close(logit.lower, c.logit[0]!, 1e-8);
      close(logit.upper, c.logit[1]!, 1e-8);
      close(logit.value, c.logitEstimate, 1e-8); // svyciprop reports the glm's fitted value
      close(logit.effectiveBase, c.effectiveBase, 1e-12);
      expect(logit.standardError).toBe(c.standardError);
      const wald = surveyProportion(input, { level: c.level, method: 'wald' });
      // svyciprop(method = "mean") does not clip; surveyProportion clips Wald limits to [0, 1]
      close(wald.lower, Math.max(0, c.wald[0]!), TOL);
      close(wald.upper, Math.min(1, c.wald[1]!), TOL);
      const kgExpected = 'korn-graubard' in c ? c['korn-graubard'] : undefined;
      if (kgExpected !== undefined) {
        const kg = surveyProportion(input, { level: c.level, method: 'korn-graubard' });
        close(kg.lower, kgExpected[0]!, TOL);
        close(kg.upper, kgExpected[1]!, TOL);
      }
    });
  }
});

describe('surveyProportion against the formulas computed in R (qbeta, qlogis, qnorm)', () => {
  const TOL = 1e-11; // worst case seen ~5e-13 (Korn-Graubard tails at level 0.998)
  for (const c of data.formulas) {
    const input = c.input as SurveyProportionInput;
    it(`${JSON.stringify(input)} at level ${c.level}`, () => {
      for (const method of METHODS) {
        const r = surveyProportion(input, { level: c.level, method });
        const expected = c[method];
        close(r.lower, expected[0]!, TOL);
        close(r.upper, expected[1]!, TOL);
        expect(r.value).toBe(input.estimate);
        expect(r.level).toBe(c.level);
        close(r.effectiveBase, c.effectiveBase, 1e-13);
        if (c.standardError === 0) expect(r.standardError).toBe(0);
        else close(r.standardError, c.standardError, 1e-13);
      }
    });
  }
});

describe('surveyProportion at an estimate of 0 or 1 (never NaN)', () => {
  const n = 11500 / 1.44;
  const z = 1.959963984540054;
  it('korn-graubard keeps its one-sided bound: [0, 1 - (alpha/2)^(1/n)]', () => {
    const r = surveyProportion({ estimate: 0, base: 11500, designFactor: 1.2 }, { method: 'korn-graubard' });
    expect(r.lower).toBe(0);
    close(r.upper, 1 - Math.pow(0.025, 1 / n), 1e-12);
    expect(r.standardError).toBe(0);
    const one = surveyProportion({ estimate: 1, effectiveBase: n }, { method: 'korn-graubard' });
    expect(one.upper).toBe(1);
    close(one.lower, Math.pow(0.025, 1 / n), 1e-12);
  });
  it('an estimate so small that the lower limit underflows gives 0, not NaN', () => {
    // betaQuantile(0.1, 2.78e-56, 8.85) was NaN: the exact limit (about 0.1^(1/x)) is below the smallest double
    const r = surveyProportion({ estimate: 3.5432713064849704e-57, base: 9, designFactor: 1.0708738750812004 }, { method: 'korn-graubard', level: 0.8 });
    expect(r.lower).toBe(0);
    expect(Number.isFinite(r.upper)).toBe(true);
  });
  it('logit falls back to Korn-Graubard and says so', () => {
    const r = surveyProportion({ estimate: 0, base: 11500, designFactor: 1.2 });
    expect(r.method).toBe('korn-graubard');
    expect(r.notes!.join(' ')).toMatch(/logit interval undefined/);
    close(r.upper, 1 - Math.pow(0.025, 1 / n), 1e-12);
  });
  it('wilson gives [0, z^2 / (n + z^2)]', () => {
    const r = surveyProportion({ estimate: 0, effectiveBase: n }, { method: 'wilson' });
    expect(r.lower).toBe(0);
    close(r.upper, (z * z) / (n + z * z), 1e-12);
  });
  it('wald is a single point, with a note', () => {
    const r = surveyProportion({ estimate: 1, base: 500 }, { method: 'wald' });
    expect([r.lower, r.upper]).toEqual([1, 1]);
    expect(r.notes!.join(' ')).toMatch(/single point/);
  });
  it('a standard error or interval at 0 or 1 is an InputError pointing to base', () => {
    const e = errorOf(() => surveyProportion({ estimate: 0, standardError: 0.01 }));
    expect(e.issues[0]!.path).toEqual(['input', 'estimate']);
    expect(e.message).toMatch(/pass base/);
    expect(() => surveyProportion({ estimate: 1, lower: 0.99, upper: 1 })).toThrow(InputError);
  });
});

describe('design factor (deft) and design effect (deff = deft^2)', () => {
  it('deft 1.2 is deff 1.44, and the effective base is base / deft^2', () => {
    const a = surveyProportion({ estimate: 0.049, base: 11500, designFactor: 1.2 });
    const b = surveyProportion({ estimate: 0.049, base: 11500, designEffect: 1.44 });
    close(a.effectiveBase, 11500 / 1.44, 1e-15);
    close(b.effectiveBase, a.effectiveBase, 1e-15);
    close(b.lower, a.lower, 1e-14);
    close(b.upper, a.upper, 1e-14);
    // a deff passed as a design factor widens the interval further (it is squared again)
    const wrong = surveyProportion({ estimate: 0.049, base: 11500, designFactor: 1.44 });
    expect(wrong.upper - wrong.lower).toBeGreaterThan(a.upper - a.lower);
  });
  it('no design factor: simple random sampling, with a note', () => {
    const r = surveyProportion({ estimate: 0.049, base: 11500 });
    expect(r.effectiveBase).toBe(11500);
    expect(r.notes!.join(' ')).toMatch(/simple random sampling assumed/);
  });
  it('the documented example', () => {
    const women = surveyProportion({ estimate: 0.049, base: 11500, designFactor: 1.2 });
    close(women.effectiveBase, 7986.111111111111, 1e-12);
    expect(women.standardError).toBeCloseTo(0.00242, 5);
    expect(women.lower).toBeCloseTo(0.0445, 4);
    expect(women.upper).toBeCloseTo(0.054, 4);
  });
});

describe('published intervals', () => {
  it('recover the standard error from the width and say so', () => {
    const r = surveyProportion({ estimate: 0.049, lower: 0.045, upper: 0.053 }, { method: 'wald' });
    close(r.standardError, 0.008 / (2 * 1.959963984540054), 1e-13);
    close(r.lower, 0.045, 1e-12);
    close(r.upper, 0.053, 1e-12);
    expect(r.notes!.join(' ')).toMatch(/recovered from the published 95% interval/);
  });
  it('flag an asymmetric interval', () => {
    const r = surveyProportion({ estimate: 0.049, lower: 0.03, upper: 0.06 });
    expect(r.notes!.join(' ')).toMatch(/not symmetric/);
  });
  it('use their own level, not the output level', () => {
    const a = surveyProportion({ estimate: 0.072, lower: 0.058, upper: 0.086, level: 0.9 }, { level: 0.95 });
    close(a.standardError, 0.028 / (2 * 1.6448536269514729), 1e-12);
  });
});

describe('surveyProportion rejects bad input', () => {
  it('a percentage passed as a proportion: did you mean 0.049?', () => {
    const e = errorOf(() => surveyProportion({ estimate: 4.9, base: 11500, designFactor: 1.2 }));
    expect(e.issues[0]!.path).toEqual(['input', 'estimate']);
    expect(e.issues[0]!.hint).toMatch(/did you mean 0\.049\?/);
    expect(e.message).toContain('input.estimate: expected a proportion in [0, 1], received 4.9');
  });
  it('percentages in a published interval', () => {
    const e = errorOf(() => surveyProportion({ estimate: 0.049, lower: 4.5, upper: 5.3 }));
    expect(e.issues.map((i) => i.hint)).toEqual([expect.stringMatching(/0\.045/), expect.stringMatching(/0\.053/)]);
  });
  it('both designFactor and designEffect', () => {
    const e = errorOf(() => surveyProportion({ estimate: 0.049, base: 100, designFactor: 1.2, designEffect: 1.44 } as never));
    expect(e.message).toMatch(/designEffect: expected either designFactor or designEffect, not both/);
    expect(e.issues[0]!.hint).toMatch(/ratio of standard errors.*ratio of variances/);
  });
  it('no design, or two designs', () => {
    expect(errorOf(() => surveyProportion({ estimate: 0.049 } as never)).message).toMatch(/exactly one design/);
    expect(errorOf(() => surveyProportion({ estimate: 0.049, designFactor: 1.2 } as never)).issues[0]!.hint).toMatch(/need base/);
    const two = errorOf(() => surveyProportion({ estimate: 0.049, base: 100, standardError: 0.01 } as never));
    expect(two.issues[0]!.hint).toMatch(/given: base, standardError/);
  });
  it('misspelt or aliased fields are caught, with a hint', () => {
    const e = errorOf(() => surveyProportion({ estimate: 0.049, base: 100, deft: 1.2 } as never));
    expect(e.issues[0]!.path).toEqual(['input', 'deft']);
    expect(e.issues[0]!.hint).toMatch(/did you mean designFactor/);
    const d = errorOf(() => surveyProportion({ estimate: 0.049, base: 100, deff: 1.44 } as never));
    expect(d.issues[0]!.hint).toMatch(/designEffect/);
  });
  it('a standard error in percentage points', () => {
    const e = errorOf(() => surveyProportion({ estimate: 0.049, standardError: 0.4 }));
    expect(e.issues[0]!.path).toEqual(['input', 'standardError']);
    expect(e.issues[0]!.hint).toMatch(/percentage points\? did you mean 0\.004\?/);
  });
  it('a small effective base gets a note', () => {
    const r = surveyProportion({ estimate: 0.049, standardError: 0.2 });
    expect(r.notes!.join(' ')).toMatch(/effective base only/);
  });
  it('incoherent intervals, stray fields, bad options', () => {
    expect(errorOf(() => surveyProportion({ estimate: 0.049, lower: 0.05, upper: 0.06 })).message).toMatch(/lower: expected a lower limit <= estimate/);
    expect(errorOf(() => surveyProportion({ estimate: 0.049, lower: 0.04 } as never)).message).toMatch(/upper: expected an upper limit together with lower/);
    expect(errorOf(() => surveyProportion({ estimate: 0.049, base: 100, level: 0.95 } as never)).message).toMatch(/level: expected level only together with lower and upper/);
    expect(errorOf(() => surveyProportion({ estimate: 0.049, base: 100.5 })).message).toMatch(/base: expected a whole number/);
    expect(errorOf(() => surveyProportion({ estimate: 0.049, base: 100 }, { level: 95 })).issues[0]!.hint).toBe('did you mean 0.95?');
    expect(errorOf(() => surveyProportion({ estimate: 0.049, base: 100 }, { method: 'exact' as never })).message).toMatch(/method: expected one of 'logit', 'korn-graubard', 'wilson', 'wald'/);
  });
});

describe('surveyProportion properties', () => {
  const estimate = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));
  const design = fc.oneof(
    fc.record({ base: fc.integer({ min: 1, max: 100000 }), designFactor: fc.double({ min: 0.5, max: 3, noNaN: true }) }),
    fc.record({ base: fc.integer({ min: 1, max: 100000 }), designEffect: fc.double({ min: 0.25, max: 9, noNaN: true }) }),
    fc.record({ effectiveBase: fc.double({ min: 0.5, max: 1e6, noNaN: true }) }),
  );
  const levelArb = fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99, 0.998);
  it('limits are finite, ordered, inside [0, 1] and contain the estimate, for every method', () => {
    fc.assert(
      fc.property(estimate, design, levelArb, fc.constantFrom(...METHODS), (p, d, level, method) => {
        const r = surveyProportion({ estimate: p, ...d } as SurveyProportionInput, { level, method });
        expect(Number.isFinite(r.lower) && Number.isFinite(r.upper)).toBe(true);
        expect(r.lower).toBeGreaterThanOrEqual(0);
        expect(r.upper).toBeLessThanOrEqual(1);
        expect(r.lower).toBeLessThanOrEqual(p);
        expect(r.upper).toBeGreaterThanOrEqual(p);
        expect(Number.isNaN(r.standardError) || Number.isNaN(r.effectiveBase)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
  it('a larger design factor never narrows the interval', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.integer({ min: 50, max: 50000 }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        fc.constantFrom(...METHODS),
        (p, base, deft, method) => {
          const a = surveyProportion({ estimate: p, base, designFactor: 1 }, { method });
          const b = surveyProportion({ estimate: p, base, designFactor: deft }, { method });
          expect(b.upper - b.lower).toBeGreaterThanOrEqual((a.upper - a.lower) * (1 - 1e-12));
        },
      ),
    );
  });
});

describe('effective bases beyond the doubles: refused by field, never NaN', () => {
  /** The audit's inputs, each with the field the InputError must name. */
  const refused: [SurveyProportionInput, string, RegExp][] = [
    [{ estimate: 0.5, standardError: 1e-300 }, 'standardError', /a standard error >= 3\.72921e-155 \(the effective base p\(1 - p\) \/ SE\^2 overflows to Infinity\)/],
    [{ estimate: 1e-200, standardError: 1e-300 }, 'standardError', /overflows to Infinity/],
    [{ estimate: 0.5, base: 100, designEffect: 5e-324 }, 'designEffect', /finite effective base > 0 \(base \/ designEffect = 100 \/ 5e-324 overflows to Infinity\)/],
    [{ estimate: 0.5, base: 1e308, designFactor: 1e-10 }, 'designFactor', /overflows to Infinity/],
    [{ estimate: 0.5, base: 100, designFactor: 1e200 }, 'designFactor', /base \/ designFactor\^2 = 100 \/ 1e\+200\^2 underflows to 0/],
    [{ estimate: 1e-320, lower: 0, upper: 2e-320 }, 'upper', /an interval wide enough for a finite effective base/],
    [{ estimate: 0.5, lower: 0.4, upper: 0.6, level: 1e-300 }, 'level', /a level whose normal quantile z gives a finite standard error/],
  ];
  for (const [input, field, rule] of refused) {
    for (const method of METHODS) {
      it(`${JSON.stringify(input)} with ${method}: an InputError at ${field}`, () => {
        const e = errorOf(() => surveyProportion(input, { method }));
        expect(e.issues).toHaveLength(1);
        expect(e.issues[0]!.path).toEqual(['input', field]);
        expect(e.issues[0]!.expected).toMatch(rule);
        expect(e.issues[0]!.received).toBe((input as Record<string, number>)[field]);
        expect(e.issues[0]!.hint).toBeTruthy();
      });
    }
  }
  it('the smallest standard error the rule states is accepted', () => {
    for (const method of METHODS) {
      const r = surveyProportion({ estimate: 0.5, standardError: 3.72921e-155 }, { method });
      expect(r.effectiveBase).toBeLessThanOrEqual(Number.MAX_VALUE);
      expect([r.lower, r.upper]).toEqual([expect.any(Number), expect.any(Number)]);
      expect(r.lower <= 0.5 && r.upper >= 0.5).toBe(true);
    }
  });
  it('a design factor whose square overflows, on a base it leaves finite, is fine', () => {
    const r = surveyProportion({ estimate: 0.5, base: 1e300, designFactor: 1e160 });
    close(r.effectiveBase, 1e-20, 1e-12);
    close(r.standardError, 0.5 / 1e-10, 1e-12);
    expect([r.lower, r.upper]).toEqual([0, 1]);
  });
  it('a tiny effective base gives a finite standard error, not Infinity', () => {
    for (const method of METHODS) {
      const r = surveyProportion({ estimate: 0.5, effectiveBase: 5e-324 }, { method });
      close(r.standardError, 0.5 / Math.sqrt(5e-324), 1e-12);
      expect([r.lower, r.upper]).toEqual([0, 1]);
    }
  });
  it('a denormal estimate on a huge base keeps a standard error > 0', () => {
    const r = surveyProportion({ estimate: 5e-324, base: 1e308 }, { method: 'wilson' });
    expect(r.standardError).toBeGreaterThan(0);
    close(r.standardError, Math.sqrt(5e-324) / Math.sqrt(1e308), 1e-12);
    expect(r.lower).toBe(0);
    expect(r.upper).toBeGreaterThan(0);
  });

  const pos = fc.double({ min: 5e-324, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true });
  const estimate = fc.oneof(
    fc.constantFrom(0, 1, 5e-324, 1e-300, 0.5, 1 - 2 ** -53),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1e-250, noNaN: true }),
  );
  const base = fc.oneof(fc.integer({ min: 1, max: 1e9 }), fc.constantFrom(1, 1e300, 1e308));
  const design = fc.oneof(
    fc.record({ base, designFactor: pos }),
    fc.record({ base, designEffect: pos }),
    fc.record({ effectiveBase: pos }),
    fc.record({ standardError: pos }),
    fc.record({ lower: estimate, upper: estimate, level: fc.option(fc.double({ min: 5e-324, max: 1 - 2 ** -53, noNaN: true }), { nil: undefined }) }),
  );
  const levelArb = fc.oneof(fc.constantFrom(1e-300, 0.5, 0.95, 0.998, 1 - 2 ** -53), fc.double({ min: 5e-324, max: 1 - 2 ** -53, noNaN: true }));
  it('any magnitudes: finite ordered limits in [0, 1] with a finite standard error and effective base, or an InputError', () => {
    fc.assert(
      fc.property(estimate, design, levelArb, fc.constantFrom(...METHODS), (p, d, level, method) => {
        const input = { estimate: p, ...d } as Record<string, number | undefined>;
        if (input.lower !== undefined) input.lower = Math.min(input.lower, p);
        if (input.upper !== undefined) input.upper = Math.max(input.upper, p);
        if (input.level === undefined) delete input.level;
        let r;
        try {
          r = surveyProportion(input as SurveyProportionInput, { level, method });
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        expect(Number.isFinite(r.lower) && Number.isFinite(r.upper)).toBe(true);
        expect(0 <= r.lower && r.lower <= p && p <= r.upper && r.upper <= 1).toBe(true);
        expect(Number.isFinite(r.standardError)).toBe(true);
        expect(r.effectiveBase > 0 && r.effectiveBase <= Number.MAX_VALUE).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
