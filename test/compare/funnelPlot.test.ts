// funnelPlot against an independent R implementation of Spiegelhalter's z-scores and overdispersion
// (test/fixtures/r/funnel.R; tau² cross-checked there and here against metafor's DerSimonian-Laird), PHE's
// significance flags for its funnel test inputs, validation and properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnelPlot, type FunnelPlotOptions, type FunnelPlotRow } from '../../src/compare/funnelPlot';
import { funnelLimits } from '../../src/compare/funnelLimits';
import { localEstimates } from '../../src/compare/localEstimates';
import { InputError } from '../../src/core/InputError';
import data from '../fixtures/r/funnel.json';
import { issuesOf } from '../helpers';
import { readFunnelCsv } from './pheFunnel';

/** Relative tolerance against R (same formulas, independent code; sums of up to 291 terms). */
const R_TOL = 1e-12;

function close(actual: number, expected: number, rel: number, label: string, abs = 0) {
  const err = Math.abs(actual - expected);
  if (!(err <= rel * Math.abs(expected) + abs)) expect.fail(`${label}: got ${actual}, expected ${expected} (error ${err.toExponential(2)})`);
}

type Case = (typeof data.overdispersion)[keyof typeof data.overdispersion];
const field = (type: string) => (type === 'ratio' ? 'expected' : type === 'rate' ? 'population' : 'denominator');
const rowsOf = (c: Case): FunnelPlotRow[] =>
  c.area.map((area, i) => ({ area, count: c.count[i]!, [field(c.type)]: c.precision[i]! }) as FunnelPlotRow);
const optionsOf = (name: string, c: Case): FunnelPlotOptions => ({
  method: c.method as 'exact' | 'wilson',
  trim: c.trim,
  levels: c.levels,
  ...('per' in c ? { per: c.per } : {}),
  ...(name === 'ratioTarget1' ? { target: 1 } : {}),
});

describe('funnelPlot against R: values, z-scores, phi, tau², flags and adjusted limits', () => {
  for (const [name, c] of Object.entries(data.overdispersion) as [string, Case][]) {
    describe(`${name} (${c.type}, ${c.area.length} areas)`, () => {
      for (const overdispersion of ['none', 'multiplicative', 'additive'] as const) {
        it(overdispersion, () => {
          const plot = funnelPlot(rowsOf(c), { ...optionsOf(name, c), overdispersion, precision: c.at });
          expect(plot.type).toBe(c.type);
          expect(plot.overdispersion).toBe(overdispersion);
          close(plot.target, c.target, R_TOL, 'target');
          close(plot.phi, c.phi, R_TOL, 'phi');
          close(plot.tau2, c.tau2, R_TOL, 'tau2');
          const zs = overdispersion === 'none' ? c.z : overdispersion === 'multiplicative' ? c.zMultiplicative : c.zAdditive;
          const flags = overdispersion === 'none' ? c.flagNone : overdispersion === 'multiplicative' ? c.flagMultiplicative : c.flagAdditive;
          plot.areas.forEach((a, i) => {
            expect(a.area).toBe(c.area[i]);
            expect(a.count).toBe(c.count[i]);
            expect(a.precision).toBe(c.precision[i]);
            close(a.value, c.value[i]!, R_TOL, `${a.area} value`);
            // z is a difference over a small standard error: absolute 1e-12 for z near 0
            close(a.z, zs[i]!, R_TOL, `${a.area} z`, 1e-12);
          });
          expect(plot.areas.map((a) => a.flag)).toEqual(flags);
          if (overdispersion !== 'none') {
            const want = overdispersion === 'multiplicative' ? c.limitsMultiplicative : c.limitsAdditive;
            expect(plot.limits).toHaveLength(want.length);
            want.forEach((w, i) => {
              const got = plot.limits[i]!;
              expect([got.precision, got.level]).toEqual([w.precision, w.level]);
              close(got.lower, w.lower, R_TOL, `lower at ${w.precision}`);
              close(got.upper, w.upper, R_TOL, `upper at ${w.precision}`);
            });
          } else {
            // unadjusted limits are funnelLimits' own
            expect(plot.limits).toEqual(
              funnelLimits({
                type: plot.type,
                target: plot.target,
                precision: c.at,
                levels: c.levels,
                method: c.method as 'exact' | 'wilson',
                ...('per' in c ? { per: c.per } : {}),
              }),
            );
          }
        });
      }
      if ('tau2Metafor' in c) {
        it("without Winsorising, tau² is metafor's DerSimonian-Laird estimate (n phi = Cochran's Q)", () => {
          const plot = funnelPlot(rowsOf(c), { ...optionsOf(name, c), trim: 0 });
          close(plot.phi, c.phiNoTrim, R_TOL, 'phi, no trim');
          close(plot.tau2, c.tau2Metafor, 1e-9, 'tau2 vs metafor');
        });
      }
    });
  }
});

describe('the documented example: stalking and harassment recorded in 2017, eight community safety partnerships', () => {
  const c = data.overdispersion.stalking;
  const plot = funnelPlot(rowsOf(c), { overdispersion: 'additive' });

  it('pooled rate, phi and tau² as in docs/compare.md', () => {
    expect(plot.target.toFixed(1)).toBe('429.9');
    expect(plot.phi.toFixed(1)).toBe('104.7');
    expect(Math.sqrt(plot.tau2).toFixed(1)).toBe('155.7');
    expect(plot.per).toBe(100000);
  });

  it('without adjustment 7 of 8 areas are flagged; with random effects only Chiltern (low, 95%)', () => {
    const none = funnelPlot(rowsOf(c));
    expect(none.areas.filter((a) => a.flag !== 'within')).toHaveLength(7);
    expect(none.notes?.[0]).toMatch(/vary more than chance/);
    expect(plot.areas.filter((a) => a.flag !== 'within').map((a) => [a.area, a.flag])).toEqual([['Chiltern', 'low-95']]);
  });
});

describe("funnelPlot: PHE's significance flags for its funnel test inputs (Wilson limits, weighted numerators)", () => {
  const inputs = readFunnelCsv('funnel-prop_inputs.csv');
  const flagOf: Record<string, string> = {
    'High (0.001)': 'high-99.8',
    'High (0.025)': 'high-95',
    'Low (0.001)': 'low-99.8',
    'Low (0.025)': 'low-95',
    'Not significant': 'within',
  };
  it(`all ${inputs.length} areas flagged as PHE flags them`, () => {
    const plot = funnelPlot(
      inputs.map((r) => ({ area: r.Area!, count: Number(r.numerator), denominator: Number(r.denominator) })),
      { method: 'wilson' },
    );
    expect(plot.areas.map((a) => a.flag)).toEqual(inputs.map((r) => flagOf[r.significance!]));
  });
});

describe('funnelPlot: defaults and shapes', () => {
  const stalking = rowsOf(data.overdispersion.stalking);

  it('the type follows the rows; the target defaults to the pooled value; per only for rates', () => {
    expect(funnelPlot([{ area: 'a', count: 3, expected: 2.5 }]).type).toBe('ratio');
    expect(funnelPlot([{ area: 'a', count: 3, denominator: 10 }]).type).toBe('proportion');
    const rate = funnelPlot([{ area: 'a', count: 3, denominator: 1000 }], { type: 'rate', per: 1000 });
    expect([rate.type, rate.target, rate.per]).toEqual(['rate', 3, 1000]);
    expect('per' in funnelPlot([{ area: 'a', count: 3, denominator: 10 }])).toBe(false);
    expect(funnelPlot(stalking, { target: 300 }).target).toBe(300);
  });

  it('limits are drawn on 200 log-spaced points from the smallest to the largest area', () => {
    const plot = funnelPlot(stalking);
    expect(plot.limits).toHaveLength(400);
    expect(plot.limits[0]!.precision).toBe(70043);
    expect(plot.limits[199]!.precision).toBe(331096);
    const props = funnelPlot(rowsOf(data.overdispersion.proportion)).limits.filter((r) => r.level === 0.95);
    expect(props[0]!.precision).toBe(30);
    expect(props[props.length - 1]!.precision).toBe(310);
    for (const r of props) expect(Number.isInteger(r.precision)).toBe(true);
    expect(funnelPlot(stalking, { precision: { from: 1e4, to: 1e6, points: 3 } }).limits.map((r) => r.precision)).toEqual([
      1e4, 1e5, 1e6, 1e4, 1e5, 1e6,
    ]);
  });

  it('levels set the flag names', () => {
    const plot = funnelPlot(stalking, { levels: [0.9, 0.99] });
    expect(new Set(plot.areas.map((a) => a.flag))).toEqual(new Set(['high-99', 'low-99', 'within']));
  });

  it('multiplicative with phi below 1 does not narrow the limits, and says so', () => {
    const even = [
      { area: 'a', count: 100, expected: 100 },
      { area: 'b', count: 101, expected: 100 },
      { area: 'c', count: 99, expected: 100 },
    ];
    const plot = funnelPlot(even, { overdispersion: 'multiplicative' });
    expect(plot.phi).toBeLessThan(1);
    expect(plot.areas.map((a) => a.z)).toEqual(funnelPlot(even).areas.map((a) => a.z));
    expect(plot.notes?.join(' ')).toMatch(/below 1/);
    expect(funnelPlot(even, { overdispersion: 'additive' }).tau2).toBe(0);
  });

  it('one area: phi from its own z, tau² 0, with a note', () => {
    const plot = funnelPlot([{ area: 'only', count: 12, population: 50000 }], { target: 20, overdispersion: 'additive' });
    expect(plot.tau2).toBe(0);
    expect(plot.phi).toBeGreaterThan(0);
    expect(plot.notes?.[0]).toMatch(/one area/);
  });

  it('one area: no adjustment is applied (phi = z² would always make its adjusted z ±1, never flagged)', () => {
    const row = [{ area: 'a', count: 50, population: 1000 }];
    const none = funnelPlot(row, { target: 1000 });
    expect(none.areas[0]!.flag).toBe('high-99.8');
    for (const asked of ['multiplicative', 'additive'] as const) {
      const plot = funnelPlot(row, { target: 1000, overdispersion: asked });
      expect(plot.overdispersion).toBe('none');
      expect(plot.phi).toBeCloseTo(160, 10); // reported as before: the area's own z²
      expect(plot.tau2).toBe(0);
      expect(plot.areas).toEqual(none.areas); // z, flag: unadjusted
      expect(plot.limits).toEqual(none.limits); // exact limits, not normal ones
      expect(plot.notes).toHaveLength(1);
      expect(plot.notes![0]).toMatch(new RegExp(`one area: no overdispersion can be estimated.*'${asked}' is not applied`));
    }
    expect(none.notes).toEqual(['one area: no overdispersion can be estimated (phi is its own squared z-score, tau² = 0)']);
    // two areas: adjusted as asked
    expect(funnelPlot([...row, { area: 'b', count: 10, population: 1000 }], { target: 1000, overdispersion: 'additive' }).overdispersion).toBe('additive');
  });

  it('no events anywhere: target 0, z 0, everything within, limits 0, no NaN', () => {
    for (const overdispersion of ['none', 'multiplicative', 'additive'] as const) {
      const plot = funnelPlot(
        [
          { area: 'a', count: 0, population: 1000 },
          { area: 'b', count: 0, population: 5000 },
        ],
        { overdispersion },
      );
      expect(plot.target).toBe(0);
      expect([plot.phi, plot.tau2]).toEqual([0, 0]);
      for (const a of plot.areas) expect([a.value, a.z, a.flag]).toEqual([0, 0, 'within']);
      for (const r of plot.limits) expect([r.lower, r.upper]).toEqual([0, 0]);
      expect(plot.notes?.[0]).toMatch(/no variation/);
    }
    const all = funnelPlot([
      { area: 'a', count: 10, denominator: 10 },
      { area: 'b', count: 4, denominator: 4 },
    ]);
    expect(all.target).toBe(1);
    for (const a of all.areas) expect([a.z, a.flag]).toEqual([0, 'within']);
  });
});

describe('funnelPlot: properties', () => {
  it('no NaN, input untouched, flags agree with the adjusted z-scores and the adjusted limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0.5, max: 5000, noNaN: true })), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('none' as const, 'multiplicative' as const, 'additive' as const),
        (pairs, overdispersion) => {
          const rows = pairs.map(([count, expected], i) => ({ area: `area ${i}`, count, expected }));
          const copy = JSON.stringify(rows);
          const plot = funnelPlot(rows, { overdispersion, precision: pairs.map(([, e]) => e) });
          expect(JSON.stringify(rows)).toBe(copy);
          expect(JSON.stringify(plot)).not.toMatch(/NaN|null/);
          plot.areas.forEach((a, i) => {
            if (overdispersion !== 'none') {
              const expectedFlag = a.z > 3.090232306167813 ? 'high-99.8' : a.z > 1.959963984540054 ? 'high-95' : a.z < -3.090232306167813 ? 'low-99.8' : a.z < -1.959963984540054 ? 'low-95' : 'within';
              expect(a.flag).toBe(expectedFlag);
            }
            // the limits drawn at the area's own precision put it on the same side
            const n = pairs.length;
            const at95 = plot.limits[i]!;
            const at998 = plot.limits[n + i]!;
            const outside998 = a.value > at998.upper || a.value < at998.lower;
            const outside95 = a.value > at95.upper || a.value < at95.lower;
            if (Math.abs(Math.abs(a.z) - 1.959963984540054) > 1e-9 && Math.abs(Math.abs(a.z) - 3.090232306167813) > 1e-9) {
              expect(a.flag === 'within').toBe(!outside95 && !outside998);
              expect(a.flag.endsWith('99.8')).toBe(outside998);
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('funnelPlot: malformed rows give an InputError naming the row and field', () => {
  const ok = { area: 'Lincolnshire', count: 22, population: 755833 };
  const first = (rows: unknown[], options?: FunnelPlotOptions) => {
    const issue = issuesOf(() => funnelPlot(rows as FunnelPlotRow[], options))[0]!;
    return [issue.path.join('.'), issue.expected];
  };

  it('missing area name', () => {
    expect(first([ok, { count: 179, population: 669338 }])[0]).toBe('rows.1.area');
    expect(first([ok, { area: '  ', count: 179, population: 669338 }])).toEqual(['rows.1.area', 'an area name (a non-empty string)']);
    expect(() => funnelPlot([ok, { count: 179, population: 669338 } as unknown as FunnelPlotRow])).toThrow(/rows\[1\]\.area: expected an area name/);
  });

  it('duplicate areas', () => {
    expect(first([ok, { area: 'Bedfordshire', count: 179, population: 669338 }, { ...ok, count: 23 }])).toEqual([
      'rows.2.area',
      'a unique area name (rows[0] has it too)',
    ]);
  });

  it('names are compared without surrounding spaces, as localEstimates compares them', () => {
    const rows = [
      { area: 'a', count: 3, population: 1000 },
      { area: 'a ', count: 4, population: 1000 },
      { area: ' b', count: 5, population: 1000 },
      { area: 'b\t', count: 6, population: 1000 },
    ];
    const issues = issuesOf(() => funnelPlot(rows));
    expect(issues.map((i) => [i.path.join('.'), i.expected, i.received])).toEqual([
      ['rows.1.area', 'a unique area name (rows[0] has it too, ignoring surrounding spaces)', 'a '],
      ['rows.3.area', 'a unique area name (rows[2] has it too, ignoring surrounding spaces)', 'b\t'],
    ]);
    expect(issues[0]!.hint).toMatch(/without surrounding spaces/);
    expect(() => funnelPlot(rows.slice(0, 2))).toThrow(/rows\[1\]\.area: expected a unique area name \(rows\[0\] has it too, ignoring surrounding spaces\), received "a "/);
    // inner spaces still differ
    expect(funnelPlot([{ area: 'a b', count: 3, population: 1000 }, { area: 'ab', count: 3, population: 1000 }]).areas).toHaveLength(2);
  });

  it('population 0', () => {
    expect(first([ok, { area: 'Bedfordshire', count: 179, population: 0 }])).toEqual(['rows.1.population', 'a finite number > 0']);
    expect(() => funnelPlot([ok, { area: 'Bedfordshire', count: 179, population: 0 }])).toThrow(/rows\[1\]\.population: expected a finite number > 0, received 0/);
  });

  it('a count that is not a whole number (weighted counts only with Wilson limits for proportions)', () => {
    expect(first([ok, { area: 'Bedfordshire', count: 179.5, population: 669338 }])).toEqual(['rows.1.count', 'a whole number >= 0']);
    expect(first([{ area: 'x', count: -1, population: 10 }])[0]).toBe('rows.0.count');
    expect(funnelPlot([{ area: 'x', count: 2.5, denominator: 10 }], { method: 'wilson' }).areas[0]!.value).toBe(0.25);
  });

  it('the precision field of the type, whole denominators, count <= denominator', () => {
    expect(first([ok, { area: 'b', count: 3, expected: 2 }])).toEqual(['rows.1.population', 'a finite number > 0 (the population)']);
    expect(first([{ area: 'a', count: 3, denominator: 10.5 }])[0]).toBe('rows.0.denominator');
    expect(first([{ area: 'a', count: 11, denominator: 10 }])).toEqual(['rows.0.count', 'a count no larger than the denominator (10)']);
    expect(first([{ area: 'a', count: 3 }])[0]).toBe('rows.0.denominator');
    expect(first([])[0]).toBe('rows');
  });

  it('options', () => {
    expect(first([ok], { overdispersion: 'random' as 'additive' })[0]).toBe('overdispersion');
    expect(first([ok], { trim: 0.5 })[0]).toBe('trim');
    expect(first([ok], { method: 'wilson' })[0]).toBe('method');
    expect(first([{ area: 'a', count: 3, denominator: 10 }], { per: 100 })[0]).toBe('per');
    expect(first([{ area: 'a', count: 3, denominator: 10 }], { target: 30 })[0]).toBe('target');
    expect(first([ok], { levels: [95] })[0]).toBe('levels.0');
    expect(first([ok], { precision: [0] })[0]).toBe('precision.0');
    expect(first([ok], { lvels: [0.95] } as FunnelPlotOptions)[0]).toBe('options');
  });
});

describe('funnelPlot: any size of count and precision computes in bounded time, or is refused by field', () => {
  it('an area with 1e18 events expected (hung)', { timeout: 10_000 }, () => {
    const plot = funnelPlot([{ area: 'a', count: 1e18, expected: 1e18 }]);
    expect(plot.target).toBe(1);
    expect(plot.areas[0]).toMatchObject({ value: 1, z: 0, flag: 'within' });
    expect(Math.abs(plot.limits[0]!.upper - 1 - 1.959963984540054e-9)).toBeLessThanOrEqual(1.2e-16); // 1 + z/√E to the ulp
    const high = funnelPlot([{ area: 'a', count: 1e18 + 1e10, expected: 1e18 }], { target: 1 });
    expect(high.areas[0]!.flag).toBe('high-99.8'); // z = 2(√O - √E) ≈ 10
    expect(high.areas[0]!.z).toBeCloseTo(10, 6);
  });

  it('huge and tiny precisions and targets: finite values, z-scores and limits, never NaN', { timeout: 10_000 }, () => {
    for (const overdispersion of ['none', 'multiplicative', 'additive'] as const) {
      const plots = [
        funnelPlot([{ area: 'a', count: 1e300, expected: 1e300 }, { area: 'b', count: 2e300, expected: 1e300 }], { overdispersion }),
        funnelPlot([{ area: 'a', count: 20, expected: 1e305 }, { area: 'b', count: 3, expected: 5e-300 }], { target: 1, overdispersion }),
        funnelPlot([{ area: 'a', count: 1e20, denominator: 3e20 }, { area: 'b', count: 3e20, denominator: 1e21 }], { overdispersion }),
        funnelPlot([{ area: 'a', count: 1e250, population: 1e200 }, { area: 'b', count: 5, population: 1e-200 }], { overdispersion, per: 1e-100 }),
      ];
      for (const plot of plots) {
        const json = JSON.stringify(plot, (_, v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v));
        expect(json).not.toMatch(/NaN/);
        for (const a of plot.areas) expect(Number.isFinite(a.value) && Number.isFinite(a.z)).toBe(true);
        for (const r of plot.limits) expect(r.lower).toBeLessThanOrEqual(r.upper);
      }
    }
  });

  it('values, standard errors or z-scores beyond the doubles are InputErrors naming the row and field', { timeout: 10_000 }, () => {
    const issue = (rows: unknown[], options?: FunnelPlotOptions) => {
      const i = issuesOf(() => funnelPlot(rows as FunnelPlotRow[], options))[0]!;
      return [i.path.join('.'), i.expected];
    };
    expect(issue([{ area: 'a', count: 1e300, expected: 1e-10 }])).toEqual(['rows.0.count', 'a count whose ratio (count / expected) is a finite number (at most 1.8e308)']);
    expect(issue([{ area: 'a', count: 10, population: 1e-300 }], { per: 1e10 })[0]).toBe('rows.0.count');
    expect(issue([{ area: 'a', count: 10, population: 1e300 }, { area: 'b', count: 10, population: 1e300 }], { target: 1e-300, per: 1e-300 })[0]).toBe(
      'rows.0.population',
    );
    expect(issue([{ area: 'a', count: 1e300, population: 1e-5 }], { target: 1e-300, per: 1e-10 })[0]).toBe('rows.0.count'); // z about 1e458
  });

  it('sums that overflow still give the pooled target (the precision-weighted mean of the values)', () => {
    const plot = funnelPlot([
      { area: 'a', count: 1.5e308, expected: 1e308 },
      { area: 'b', count: 1.7e308, expected: 1.6e308 },
    ]);
    expect(plot.target / (3.2 / 2.6)).toBeCloseTo(1, 14);
  });

  it('fast-check: any finite magnitudes give a result without NaN or an InputError, quickly', { timeout: 10_000 }, () => {
    const magnitude = fc.double({ min: -320, max: 308.25, noNaN: true }).map((e) => Math.min(10 ** e, Number.MAX_VALUE));
    fc.assert(
      fc.property(
        fc.constantFrom('proportion' as const, 'rate' as const, 'ratio' as const),
        fc.array(fc.tuple(magnitude, magnitude, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('none' as const, 'multiplicative' as const, 'additive' as const),
        fc.option(magnitude, { nil: undefined }),
        (type, triples, overdispersion, given) => {
          const rows = triples.map(([count, precision, share], i) =>
            type === 'proportion'
              ? { area: `a${i}`, count: Math.round(Math.max(1, Math.round(precision)) * share), denominator: Math.max(1, Math.round(precision)) }
              : { area: `a${i}`, count: Math.round(count), [type === 'rate' ? 'population' : 'expected']: precision },
          );
          const target = given === undefined ? undefined : type === 'proportion' ? given / (1 + given) : given;
          let plot: ReturnType<typeof funnelPlot>;
          try {
            plot = funnelPlot(rows as FunnelPlotRow[], { type, overdispersion, ...(target === undefined || target >= 1 ? {} : { target }) });
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            return;
          }
          const numbers: number[] = [plot.target, plot.phi, plot.tau2];
          for (const a of plot.areas) numbers.push(a.value, a.z);
          for (const r of plot.limits) numbers.push(r.lower, r.upper);
          for (const x of numbers) expect(Number.isNaN(x)).toBe(false);
          for (const a of plot.areas) expect(Number.isFinite(a.z)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('localEstimates places areas with huge counts on its funnel (the same kernels; hung before)', () => {
  const population = (women: number, men: number) => [
    { sex: 'female', age: '16-59', population: women },
    { sex: 'male', age: '16-59', population: men },
  ];
  const input = (recorded: number) => ({
    areas: [
      { name: 'Lincolnshire', population: population(205_000, 208_000), recorded },
      { name: 'Bedfordshire', population: population(198_000, 201_000), recorded: 179 },
    ],
    prevalence: [
      { sex: 'female', age: '16-59', estimate: 0.049, base: 11500, designFactor: 1.2 },
      { sex: 'male', age: '16-59', estimate: 0.024, base: 9800, designFactor: 1.2 },
    ],
    reporting: { estimate: 0.5, standardError: 0.03 },
  });
  it('recorded 1e18, or a target of 1e300', { timeout: 10_000 }, () => {
    expect(localEstimates(input(1e18), { draws: 1000 }).areas.map((a) => a.flag)).toEqual(['high-99.8', 'low-99.8']);
    expect(localEstimates(input(22), { draws: 1000, target: 1e300 }).areas.map((a) => a.flag)).toEqual(['low-99.8', 'low-99.8']);
  });
});
