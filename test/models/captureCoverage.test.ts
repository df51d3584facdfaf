import { describe, expect, it } from 'vitest';
import { coverage, scenario } from './captureCoverage';

// Seeded coverage study (small here; `npm run bench -- lists` runs a larger one with the bootstrap): 2,000
// people, four lists, lists one and two dependent. Nominal 95%. Reported honestly: the interval of the true
// model covers about as it should; after stepwise selection the fixed-model interval covers less; the
// independence model, which ignores the dependence, is biased and covers far less.
describe('multipleSystems coverage (seeded simulation, 300 populations)', () => {
  const result = coverage(scenario, 300, {
    trueModel: { model: { interactions: [['one', 'two']] } },
    trueModelProfile: { model: { interactions: [['one', 'two']] }, interval: 'profile' },
    stepwise: {},
    independence: { model: 'independence' },
  });
  it('prints the study', () => {
    console.log(
      Object.entries(result)
        .map(([k, v]) => `${k}: ${((100 * v.covered) / v.runs).toFixed(1)}% of ${v.runs}, mean width ${Math.round(v.meanWidth)}`)
        .join('\n'),
    );
  });
  it('the true model covers near 95% (binomial 99.9% band for 300 runs: 91-98%)', () => {
    expect(result.trueModel!.covered / 300).toBeGreaterThan(0.9);
    expect(result.trueModel!.covered / 300).toBeLessThan(0.985);
    expect(result.trueModelProfile!.covered / 300).toBeGreaterThan(0.9);
  });
  it('stepwise selection covers no better than the true model, and independence (misspecified) much worse', () => {
    expect(result.stepwise!.covered).toBeLessThanOrEqual(result.trueModel!.covered + 6);
    expect(result.independence!.covered / 300).toBeLessThan(0.5);
  });
});
