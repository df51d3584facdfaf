// funnelLimits against PHE's funnel expectations (Wilson), an independent R implementation of Spiegelhalter's
// exact limits (test/fixtures/r/funnel.R), and properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnelLimits, type FunnelLimitsInput } from '../../src/compare/funnelLimits';
import data from '../fixtures/r/funnel.json';
import { issuesOf } from '../helpers';
import { readFunnelCsv } from './pheFunnel';

/** Relative tolerance against R (same method, independent implementation). */
const R_TOL = 1e-12;

function close(actual: number, expected: number, rel: number, label: string) {
  const err = Math.abs(actual - expected);
  if (!(err <= rel * Math.abs(expected))) expect.fail(`${label}: got ${actual}, expected ${expected} (error ${err.toExponential(2)})`);
}

describe('funnelLimits: PHE Fingertips proportion funnel (PHEindicatormethods test data)', () => {
  const inputs = readFunnelCsv('funnel-prop_inputs.csv');
  const outputs = readFunnelCsv('funnel-prop_outputs.csv');
  let numerator = 0;
  let denominator = 0;
  for (const row of inputs) {
    numerator += Number(row.numerator);
    denominator += Number(row.denominator);
  }
  const target = numerator / denominator;
  // printed with 6 decimals (percent): half a unit in the last place, plus room for binary rounding
  const printed = 5e-7 + 1e-12;

  it('the baseline is the pooled proportion of the inputs', () => {
    for (const row of outputs) expect(Math.abs(target * 100 - Number(row.Baseline))).toBeLessThanOrEqual(printed);
  });

  it('every limit of all 100 rows, 95% (2s) and 99.8% (3s), to the printed precision', () => {
    const precision = outputs.map((row) => Number(row.Population));
    const rows = funnelLimits({ type: 'proportion', target, precision, method: 'wilson' });
    expect(rows).toHaveLength(200);
    outputs.forEach((want, i) => {
      const r95 = rows[i]!;
      const r998 = rows[100 + i]!;
      expect([r95.precision, r95.level, r998.level]).toEqual([precision[i], 0.95, 0.998]);
      expect(Math.abs(r95.lower * 100 - Number(want.Lower2s0025limit))).toBeLessThanOrEqual(printed);
      expect(Math.abs(r95.upper * 100 - Number(want.Upper2s0025limit))).toBeLessThanOrEqual(printed);
      expect(Math.abs(r998.lower * 100 - Number(want.Lower3s0001limit))).toBeLessThanOrEqual(printed);
      expect(Math.abs(r998.upper * 100 - Number(want.Upper3s0001limit))).toBeLessThanOrEqual(printed);
    });
  });

  it('the worked values quoted from the table (n = 1, 2, 3 and 110,000), at the pooled target', () => {
    const [n1, n2, n3, big] = funnelLimits({ type: 'proportion', target, precision: [1, 2, 3, 110000], method: 'wilson', levels: [0.95] });
    expect((n1!.lower * 100).toFixed(6)).toBe('3.204264');
    expect((n2!.lower * 100).toFixed(6)).toBe('25.885383');
    expect((n3!.lower * 100).toFixed(6)).toBe('35.933491');
    expect((big!.lower * 100).toFixed(6)).toBe('80.408963');
    expect((big!.upper * 100).toFixed(6)).toBe('80.875933');
  });
});

describe("funnelLimits: exact limits with Spiegelhalter's interpolation against R (qbinom/qpois, pbinom/ppois)", () => {
  for (const c of data.limits) {
    const { type, target } = c.input;
    it(`${type}, target ${target}${'per' in c.input ? ` per ${c.input.per}` : ''}, levels ${c.input.levels.join(', ')}`, () => {
      const rows = funnelLimits(c.input as FunnelLimitsInput);
      expect(rows).toHaveLength(c.rows.length);
      c.rows.forEach((want, i) => {
        const got = rows[i]!;
        expect(got.precision).toBe(want.precision);
        expect(got.level).toBe(want.level);
        const label = `${type} ${target} at ${want.precision}, level ${want.level}`;
        if (want.lower === 0) expect(got.lower, label).toBe(0);
        else close(got.lower, want.lower, R_TOL, `${label} lower`);
        close(got.upper, want.upper, R_TOL, `${label} upper`);
      });
    });
  }
});

describe('funnelLimits: shape and defaults', () => {
  it('default levels are 95% and 99.8%, rows level by level in the order of the precisions given', () => {
    const rows = funnelLimits({ type: 'ratio', target: 1, precision: [50, 5, 500] });
    expect(rows.map((r) => [r.precision, r.level])).toEqual([
      [50, 0.95], [5, 0.95], [500, 0.95], [50, 0.998], [5, 0.998], [500, 0.998],
    ]);
    expect(Object.keys(rows[0]!)).toEqual(['precision', 'level', 'lower', 'upper']);
  });

  it('a single precision may be a number', () => {
    expect(funnelLimits({ type: 'rate', target: 20, precision: 669338 })).toEqual(
      funnelLimits({ type: 'rate', target: 20, precision: [669338] }),
    );
  });

  it('default grid: 200 log-spaced points from 1 to 10,000 expected events', () => {
    const ratio = funnelLimits({ type: 'ratio', target: 2 });
    expect(ratio).toHaveLength(400);
    expect(ratio[0]!.precision).toBe(0.5);
    expect(ratio[199]!.precision).toBe(5000);
    const rate = funnelLimits({ type: 'rate', target: 20, per: 1000 }).filter((r) => r.level === 0.95);
    expect([rate[0]!.precision, rate[199]!.precision]).toEqual([50, 500000]);
    const ratios = rate.slice(1).map((r, i) => r.precision / rate[i]!.precision);
    for (const q of ratios) expect(Math.abs(q - ratios[0]!)).toBeLessThan(1e-10); // points have 12 significant digits
  });

  it('grids for proportions hold whole, increasing denominators, from the rarer of events and non-events', () => {
    const rows = funnelLimits({ type: 'proportion', target: 0.8 }).filter((r) => r.level === 0.95);
    const n = rows.map((r) => r.precision);
    expect(n[0]).toBe(5);
    expect(n[n.length - 1]).toBe(50000);
    for (let i = 1; i < n.length; i++) {
      expect(Number.isInteger(n[i])).toBe(true);
      expect(n[i]!).toBeGreaterThan(n[i - 1]!);
    }
    const custom = funnelLimits({ type: 'proportion', target: 0.3, precision: { from: 1, to: 20, points: 50 }, levels: [0.95] });
    expect(custom.map((r) => r.precision)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(funnelLimits({ type: 'ratio', target: 1, precision: { from: 3, to: 3 } })).toHaveLength(2);
  });

  it('exact limits are clipped at 0; exact proportions stay in [0, 1]', () => {
    const small = funnelLimits({ type: 'ratio', target: 1, precision: [0.01, 0.5] });
    for (const r of small) expect(r.lower).toBe(0);
    expect(small[0]!.upper).toBe(0); // the 97.5% point of Poisson(0.01) is 0 events
    for (const r of funnelLimits({ type: 'proportion', target: 0.999, precision: [1, 2, 10, 1000] })) {
      expect(r.upper).toBeLessThanOrEqual(1);
      expect(r.lower).toBeGreaterThanOrEqual(0);
    }
  });

  it('1,000 precisions x 2 levels in one call (dashboards)', () => {
    const precision = Array.from({ length: 1000 }, (_, i) => 1000 + 997 * i);
    for (const type of ['proportion', 'rate', 'ratio'] as const) {
      const rows = funnelLimits({ type, target: type === 'proportion' ? 0.3 : type === 'rate' ? 20 : 1, precision });
      expect(rows).toHaveLength(2000);
      for (const r of rows) expect(Number.isFinite(r.lower) && Number.isFinite(r.upper)).toBe(true);
    }
  });
});

describe('funnelLimits: properties', () => {
  const levelPair = fc.tuple(fc.double({ min: 0.8, max: 0.99, noNaN: true }), fc.double({ min: 0.991, max: 0.9999, noNaN: true }));

  // With less than one event expected the upper limit can be below the target (Poisson(0.01) is 0 events
  // 99% of the time), so target <= upper is asserted from one expected event on.
  it('exact Poisson limits: 0 <= lower <= target <= upper, wider at the higher level, never NaN', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('rate' as const, 'ratio' as const),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.array(fc.double({ min: 1e-2, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 5 }),
        levelPair,
        (type, target, precisionRaw, [l1, l2]) => {
          const precision = type === 'rate' ? precisionRaw.map((p) => p * 1e3) : precisionRaw;
          const rows = funnelLimits({ type, target, precision, levels: [l1, l2] });
          const k = precision.length;
          rows.forEach((r, i) => {
            expect(r.lower).toBeGreaterThanOrEqual(0);
            expect(r.lower).toBeLessThanOrEqual(target);
            expect(r.upper).toBeGreaterThanOrEqual(r.lower);
            const mean = type === 'rate' ? (target * r.precision) / 1e5 : target * r.precision;
            if (mean >= 1) expect(r.upper).toBeGreaterThanOrEqual(target);
            if (i < k) {
              expect(rows[i + k]!.lower).toBeLessThanOrEqual(r.lower);
              expect(rows[i + k]!.upper).toBeGreaterThanOrEqual(r.upper);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('exact and Wilson proportion limits: 0 <= lower <= target <= upper <= 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.9999, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 5 }),
        levelPair,
        (target, precision, [l1, l2]) => {
          for (const method of ['exact', 'wilson'] as const) {
            for (const r of funnelLimits({ type: 'proportion', target, precision, levels: [l1, l2], method })) {
              expect(r.lower).toBeGreaterThanOrEqual(0);
              expect(r.upper).toBeGreaterThanOrEqual(r.lower);
              const events = Math.min(target, 1 - target) * r.precision;
              if (method === 'wilson' || events >= 1) {
                expect(r.lower).toBeLessThanOrEqual(target);
                expect(r.upper).toBeGreaterThanOrEqual(target);
              }
              expect(r.upper).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the interpolation makes the limits continuous in the precision (no jumps between whole counts)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 1e5, noNaN: true }), (expected) => {
        const rows = funnelLimits({ type: 'ratio', target: 1, precision: [expected, expected * (1 + 1e-9)], levels: [0.95] });
        // d(limit)/dE is bounded by about (limit + 1/E) / E; a jump between counts would be 1/E
        expect(Math.abs(rows[1]!.upper - rows[0]!.upper)).toBeLessThan(1e-6 / expected + 1e-6);
        expect(Math.abs(rows[1]!.lower - rows[0]!.lower)).toBeLessThan(1e-6 / expected + 1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('exact limits approach the normal limits target ± z √(target / E) for large expected counts', () => {
    const [r] = funnelLimits({ type: 'ratio', target: 1, precision: 1e8, levels: [0.998] });
    const half = 3.090232306167813 * Math.sqrt(1 / 1e8);
    expect(Math.abs(r!.upper - 1 - half) / half).toBeLessThan(2e-3);
    expect(Math.abs(1 - r!.lower - half) / half).toBeLessThan(2e-3);
  });
});

describe('funnelLimits: bad input gives an InputError naming the field', () => {
  const paths = (input: unknown) => issuesOf(() => funnelLimits(input as FunnelLimitsInput)).map((i) => i.path.join('.'));

  it('type, target and method', () => {
    expect(paths({ type: 'percent', target: 0.5 })).toEqual(['type']);
    expect(paths({ type: 'proportion' })).toEqual(['target']);
    const pct = issuesOf(() => funnelLimits({ type: 'proportion', target: 80.6 }));
    expect(pct[0]!.hint).toContain('0.806');
    expect(paths({ type: 'proportion', target: 1 })).toEqual(['target']);
    expect(paths({ type: 'rate', target: 0 })).toEqual(['target']);
    expect(paths({ type: 'ratio', target: -1 })).toEqual(['target']);
    expect(paths({ type: 'ratio', target: 1, method: 'wilson' })).toEqual(['method']);
    expect(paths({ type: 'ratio', target: 1, per: 1000 })).toEqual(['per']);
    expect(paths({ type: 'ratio', target: 1, levle: [0.95] })).toEqual(['']);
  });

  it('precisions: each bad element by index; whole denominators for exact proportions', () => {
    expect(paths({ type: 'ratio', target: 1, precision: [1, 0, -2, Number.NaN] })).toEqual(['precision.1', 'precision.2', 'precision.3']);
    expect(paths({ type: 'proportion', target: 0.5, precision: [10, 12.5] })).toEqual(['precision.1']);
    expect(funnelLimits({ type: 'proportion', target: 0.5, precision: [12.5], method: 'wilson' })).toHaveLength(2);
    expect(paths({ type: 'rate', target: 20, precision: [] })).toEqual(['precision']);
    expect(paths({ type: 'rate', target: 20, precision: '1000' })).toEqual(['precision']);
    expect(paths({ type: 'rate', target: 20, precision: { from: 10, to: 5 } })).toEqual(['precision.to']);
    expect(paths({ type: 'rate', target: 20, precision: { from: 0, to: 5, points: 1, step: 2 } })).toEqual([
      'precision.step', 'precision.from', 'precision.points',
    ]);
  });

  it('levels: percentages get a hint, duplicates and empty lists are rejected', () => {
    const issues = issuesOf(() => funnelLimits({ type: 'ratio', target: 1, levels: [95, 0.998] }));
    expect(issues[0]!.path).toEqual(['levels', 0]);
    expect(issues[0]!.hint).toContain('0.95');
    expect(paths({ type: 'ratio', target: 1, levels: [0.95, 0.95] })).toEqual(['levels.1']);
    expect(paths({ type: 'ratio', target: 1, levels: [] })).toEqual(['levels']);
  });

  it('the message names the field, the rule and the value given', () => {
    expect(() => funnelLimits({ type: 'proportion', target: 0.5, precision: [10, 12.5] })).toThrow(
      /precision\[1\]: expected a whole number >= 1 \(a denominator\), received 12\.5/,
    );
  });
});

describe('funnelLimits: any size of precision computes in bounded time (no walk over indistinguishable counts)', () => {
  const half = (z: number, mean: number) => z / Math.sqrt(mean);
  const Z95 = 1.959963984540054;
  const Z998 = 3.090232306167813;

  it("ratio at 1e18 expected (hung: whole counts above 2^53 are not all doubles), as 1e17's", { timeout: 10_000 }, () => {
    for (const E of [1e17, 1e18, 1e30, 1e300]) {
      const [r95, r998] = funnelLimits({ type: 'ratio', target: 1, precision: E });
      // 1 ± z/√E to double precision (the next terms are below 1e-17 relative here)
      expect(Math.abs(r95!.upper - 1 - half(Z95, E))).toBeLessThanOrEqual(4e-16);
      expect(Math.abs(1 - r95!.lower - half(Z95, E))).toBeLessThanOrEqual(4e-16);
      expect(Math.abs(r998!.upper - 1 - half(Z998, E))).toBeLessThanOrEqual(4e-16);
      expect(r95!.lower).toBeLessThanOrEqual(1);
      expect(r95!.upper).toBeGreaterThanOrEqual(1);
    }
  });

  it('proportion 0.3 at n = 1e20 (hung), and near 0 or 1 at huge n', { timeout: 10_000 }, () => {
    const [r] = funnelLimits({ type: 'proportion', target: 0.3, precision: 1e20, levels: [0.95] });
    const s = Math.sqrt(0.21 / 1e20);
    expect(Math.abs(r!.upper - 0.3 - Z95 * s)).toBeLessThan(1e-16);
    expect(Math.abs(0.3 - r!.lower - Z95 * s)).toBeLessThan(1e-16);
    for (const target of [1e-300, 1e-15, 1 - 1e-15]) {
      for (const row of funnelLimits({ type: 'proportion', target, precision: [1e20, 1e100, 1.7e308] })) {
        expect(row.lower).toBeGreaterThanOrEqual(0);
        expect(row.lower).toBeLessThanOrEqual(row.upper);
        expect(row.upper).toBeLessThanOrEqual(1);
      }
    }
  });

  it('rate 1e300 per 100,000 at a population of 1e300: the expected count overflows, the limits are the target', { timeout: 10_000 }, () => {
    // mean 1e595: the limits are within 1e-297 of the target, which is what doubles hold
    for (const r of funnelLimits({ type: 'rate', target: 1e300, precision: 1e300 })) expect([r.lower, r.upper]).toEqual([1e300, 1e300]);
    // target × population overflows on the way though the mean, 1e10, does not
    const [big] = funnelLimits({ type: 'rate', target: 1e300, precision: 1e10, per: 1e300, levels: [0.95] });
    const [plain] = funnelLimits({ type: 'rate', target: 1, precision: 1e10, per: 1, levels: [0.95] });
    expect(big!.lower / 1e300).toBeCloseTo(plain!.lower, 14);
    expect(big!.upper / 1e300).toBeCloseTo(plain!.upper, 14);
  });

  it('the switch at 2^50 expected events is seamless: the exact walk and the expansion agree to double precision', { timeout: 10_000 }, () => {
    const at = [2 ** 50 * (1 - 1e-12), 2 ** 50, 2 ** 50 * (1 + 1e-12)];
    const rows = funnelLimits({ type: 'ratio', target: 1, precision: at, levels: [0.95, 0.998] });
    for (let i = 0; i < rows.length; i += 3) {
      for (const side of ['lower', 'upper'] as const) {
        expect(Math.abs(rows[i + 1]![side] - rows[i]![side])).toBeLessThan(4e-16);
        expect(Math.abs(rows[i + 2]![side] - rows[i + 1]![side])).toBeLessThan(4e-16);
      }
    }
  });

  it('exact limits keep 0 <= lower <= target <= upper at every size (property, precisions 1e-300 to 1e308)', { timeout: 10_000 }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom('proportion' as const, 'rate' as const, 'ratio' as const),
        fc.double({ min: -6, max: 6, noNaN: true }),
        fc.array(fc.double({ min: -300, max: 308, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (type, targetExp, precisionExps) => {
          const target = type === 'proportion' ? 1 / (1 + 10 ** targetExp) : 10 ** targetExp;
          const precision = precisionExps.map((e) => (type === 'proportion' ? Math.max(1, Math.round(10 ** e)) : 10 ** e));
          const rows = funnelLimits({ type, target, precision });
          for (const r of rows) {
            expect(Number.isFinite(r.lower) && Number.isFinite(r.upper)).toBe(true);
            expect(r.lower).toBeGreaterThanOrEqual(0);
            expect(r.lower).toBeLessThanOrEqual(r.upper);
            const events = type === 'proportion' ? Math.min(target, 1 - target) * r.precision : type === 'rate' ? (target * r.precision) / 1e5 : target * r.precision;
            if (events >= 10) {
              expect(r.lower).toBeLessThanOrEqual(target);
              expect(r.upper).toBeGreaterThanOrEqual(target);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a default drawing grid beyond the doubles is an InputError on target (or on per, when per is the odd one)', { timeout: 10_000 }, () => {
    const paths = (input: FunnelLimitsInput) => issuesOf(() => funnelLimits(input)).map((i) => i.path.join('.'));
    const cases: [FunnelLimitsInput, string][] = [
      [{ type: 'rate', target: 1e-300 }, 'target'],
      [{ type: 'ratio', target: 1e-310 }, 'target'],
      [{ type: 'ratio', target: 1e308 }, 'target'], // 1 / target is not a normal double
      [{ type: 'proportion', target: 1e-306 }, 'target'],
      [{ type: 'rate', target: 1e-10, per: 1e300 }, 'per'],
    ];
    for (const [input, path] of cases) {
      const issues = issuesOf(() => funnelLimits(input));
      expect(issues.map((i) => i.path.join('.'))).toEqual([path]);
      expect(issues[0]!.expected).toMatch(/default drawing range .* within the doubles/);
      expect(issues[0]!.hint).toMatch(/pass precision/);
    }
    // with precision given, the same targets compute
    expect(funnelLimits({ type: 'rate', target: 1e-300, precision: [1e300, 1e305] })).toHaveLength(4);
    expect(paths({ type: 'ratio', target: 1e-305 })).toEqual(['target']); // 1e4 / target = 1e309
    expect(funnelLimits({ type: 'ratio', target: 1e-300 })).toHaveLength(400); // 1e4 / target = 1e304
    const [r] = funnelLimits({ type: 'ratio', target: 1e-305, precision: 1e308, levels: [0.998] }); // 1e3 events expected
    expect(r!.upper / 1e-305 - 1).toBeCloseTo(Z998 / Math.sqrt(1e3), 1);
    expect(funnelLimits({ type: 'rate', target: 1e-10, per: 1e300, precision: 1e308 })[0]!.upper).toBe(0); // 0.01 events expected: 0 events 99% of the time
    expect(funnelLimits({ type: 'rate', target: 1e-10, per: 1e300, precision: 1e308 })[0]!.lower).toBe(0);
  });
});
