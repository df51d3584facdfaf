import { describe, expect, it } from 'vitest';
import { funnelPlot, localEstimates } from '../../src/index';
import { exactPValue } from '../../src/compare/funnel/exactPValue';
import fixture from '../fixtures/r/funnel-pvalues.json';

interface Case {
  type: 'proportion' | 'rate' | 'ratio';
  count: number;
  precision: number;
  target: number;
  per: number;
  pValue: number;
}

const field = { proportion: 'denominator', rate: 'population', ratio: 'expected' } as const;

/** The p-value funnelPlot gives one area of a case, against the case's target. */
function pValueOf(c: Case): number {
  const plot = funnelPlot([{ area: 'A', count: c.count, [field[c.type]]: c.precision }], {
    type: c.type,
    target: c.target,
    ...(c.type === 'rate' ? { per: c.per } : {}),
  });
  return plot.areas[0]!.pValue;
}

describe('funnelPlot: exact two-sided p-values (doubling rule) against R', () => {
  it.each((fixture.cases as Case[]).map((c) => [`${c.type} ${c.count} of ${c.precision} against ${c.target}`, c] as const))('%s', (_name, c) => {
    const p = pValueOf(c);
    expect(Math.abs(p - c.pValue)).toBeLessThanOrEqual(1e-13 * c.pValue + 1e-300);
  });

  it('9 of 10 against 0.5: flagged high-99.8 by the drawn limits, p = 0.0215 (2 x P(X >= 9))', () => {
    const plot = funnelPlot(
      [
        { area: 'A', count: 9, denominator: 10 },
        { area: 'B', count: 1, denominator: 10 },
      ],
      { target: 0.5 },
    );
    expect(plot.areas[0]!.flag).toBe('high-99.8');
    expect(plot.areas[0]!.pValue).toBeCloseTo((2 * 11) / 1024, 15);
    expect(plot.areas[1]!.pValue).toBeCloseTo((2 * 11) / 1024, 15);
  });

  it('capped at 1, 0 only when the target makes the count impossible, and never NaN', () => {
    expect(exactPValue('proportion', 5, 10, 0.5, 1)).toBe(1);
    expect(exactPValue('ratio', 2, 2, 1, 1)).toBeLessThanOrEqual(1);
    expect(exactPValue('proportion', 3, 5, 0, 1)).toBe(0);
    expect(exactPValue('rate', 0, 1e308, 1e308, 1e-300)).toBe(0);
    expect(exactPValue('proportion', 2.5, 7.5, 0.3, 1)).toBeGreaterThan(0);
  });

  it("localEstimates' funnel carries the p-values too", () => {
    const population = [{ sex: 'female', age: '16-59', population: 100_000 }];
    const r = localEstimates(
      {
        areas: [
          { name: 'A', population, recorded: 100 },
          { name: 'B', population, recorded: 160 },
        ],
        prevalence: [{ sex: 'female', age: '16-59', estimate: 0.05, base: 10_000 }],
        reporting: 0.5,
      },
      { draws: 100 },
    );
    for (const area of r.funnel.areas) expect(area.pValue).toBeGreaterThan(0);
  });
});
