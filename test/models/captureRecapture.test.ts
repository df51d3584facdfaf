import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closedPopulation, multipleSystems, twoListEstimate } from '../../src/models/index';
import { issuesOf } from '../helpers';

// References: test/fixtures/r/capture-recapture.R (R 4.2.2, Rcapture 1.4-4, SparseMSE 2.0.1). The "tight" run
// converges every glm inside the packages to 1e-14: R's glm takes its covariance from the weights before the
// last update, so at its default tolerance standard errors and Wald limits sit up to 4e-4 from the converged
// fit's. Tolerances (relative): estimates, deviances, AIC, BIC 1e-8; Wald limits and standard errors 1e-6
// (tight); profile limits 1e-3 (Rcapture searches with tolerance 1e-4 and uses Stirling's approximation of
// log N! above N = 100, darkfigure the exact log N!); selected interactions identical.
interface Fixture {
  datasets: Record<string, { lists: string[]; counts: Record<string, number> }>;
  twoList: {
    dataset: string;
    both: number;
    firstOnly: number;
    secondOnly: number;
    lincolnPetersen: number;
    chapman: number;
    chapmanVariance: number;
    rcaptureMt: { abundance: number; stderr: number; profilePrecise: { lower: number; upper: number } } | null;
  }[];
  closedp: {
    dataset: string;
    models: {
      model: string;
      abundance: number;
      stderr: number;
      deviance: number;
      df: number;
      AIC: number;
      BIC: number;
      profilePrecise?: { lower: number | null; upper: number | null } | null;
    }[];
  }[];
  sparsemse: {
    dataset: string;
    stepwise: SparseFit & { interactions: [string, string][] };
    independence: SparseFit;
    models: (SparseFit & { interactions: [string, string][]; identifiable: boolean; checkident: number })[];
  }[];
}
interface SparseFit {
  estimate: number;
  lower: number;
  upper: number;
  deviance: number;
  df: number;
  AIC: number;
  BIC: number;
  emptyOverlaps: [string, string][];
}
const load = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/r/${name}`, import.meta.url), 'utf8')) as Fixture;
const fixture = load('capture-recapture-tight.json');
const loose = load('capture-recapture.json');
const close = (actual: number, expected: number, tolerance: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
const pairKey = (pairs: [string, string][]) => pairs.map((p) => [...p].sort().join(':')).sort();

describe('twoListEstimate against the formulas and Rcapture (Mt)', () => {
  it.each(fixture.twoList.map((c) => [c.dataset, c] as const))('%s', (_name, c) => {
    const counts = { both: c.both, firstOnly: c.firstOnly, secondOnly: c.secondOnly };
    const chapman = twoListEstimate(counts);
    close(chapman.total.value, c.chapman, 1e-12);
    close(chapman.total.standardError! ** 2, c.chapmanVariance, 1e-12);
    expect(chapman.observed).toBe(c.both + c.firstOnly + c.secondOnly);
    close(chapman.hidden.value, c.chapman - chapman.observed, 1e-12);
    if (c.both === 0) {
      expect(chapman.total.upper).toBe(Infinity);
      expect(chapman.total.notes?.join(' ')).toMatch(/unbounded/);
      expect(issuesOf(() => twoListEstimate(counts, { method: 'lincoln-petersen' }))[0]!.path).toEqual(['counts', 'both']);
      return;
    }
    const lp = twoListEstimate(counts, { method: 'lincoln-petersen' });
    close(lp.total.value, c.lincolnPetersen, 1e-12);
    if (c.rcaptureMt) {
      close(lp.total.value, c.rcaptureMt.abundance, 1e-8);
      // one list inside the other: the estimate is on its boundary, where R's glm stops short (stderr 0.02, not 0)
      if (c.firstOnly === 0 || c.secondOnly === 0) expect(Math.abs(lp.total.standardError! - c.rcaptureMt.stderr)).toBeLessThan(0.05);
      else close(lp.total.standardError!, c.rcaptureMt.stderr, 1e-6);
      close(chapman.total.lower, c.rcaptureMt.profilePrecise.lower, 1e-3);
      close(chapman.total.upper, c.rcaptureMt.profilePrecise.upper, 1e-3);
    }
    const wald = twoListEstimate(counts, { interval: 'wald' });
    expect(wald.total.lower).toBeLessThanOrEqual(wald.total.value);
    expect(wald.total.upper).toBeGreaterThanOrEqual(wald.total.value);
  });
  it('bad input names the field', () => {
    expect(issuesOf(() => twoListEstimate({ both: -1, firstOnly: 3, secondOnly: 4 }))[0]!.path).toEqual(['counts', 'both']);
    expect(issuesOf(() => twoListEstimate({ both: 1.5, firstOnly: 3, secondOnly: 4 }))[0]!.path).toEqual(['counts', 'both']);
    expect(issuesOf(() => twoListEstimate({ both: 0, firstOnly: 0, secondOnly: 0 }))[0]!.path).toEqual(['counts']);
    expect(issuesOf(() => twoListEstimate({ both: 3, firstOnly: 3, secondOnly: 4 }, { method: 'petersen' as never }))[0]!.path).toEqual(['method']);
  });
});

describe('multipleSystems against SparseMSE', () => {
  it.each(fixture.sparsemse.map((c) => [c.dataset, c] as const))('%s: stepwise selection, estimate, Wald-log limits', (_name, c) => {
    const d = fixture.datasets[c.dataset]!;
    const result = multipleSystems(d.counts, { lists: d.lists });
    expect(pairKey(result.model.interactions)).toEqual(pairKey(c.stepwise.interactions));
    expect(pairKey(result.model.emptyOverlaps)).toEqual(pairKey(c.stepwise.emptyOverlaps));
    close(result.total.value, c.stepwise.estimate, 1e-8);
    close(result.total.lower, c.stepwise.lower, 1e-6);
    close(result.total.upper, c.stepwise.upper, 1e-6);
    close(result.model.deviance, c.stepwise.deviance, 1e-8);
    expect(result.model.dfResidual).toBe(c.stepwise.df);
    close(result.model.aic, c.stepwise.AIC, 1e-8);
    // the fixture's BIC takes logLik() of SparseMSE's glm, whose aic SparseMSE raised by 2 per empty overlap
    // (logLik.glm reads it back): 2 per empty overlap too high
    close(result.model.bic, c.stepwise.BIC - 2 * c.stepwise.emptyOverlaps.length, 1e-8);
    // the same at R's default tolerance, within its covariance shortcut
    const r = loose.sparsemse.find((x) => x.dataset === c.dataset)!;
    close(result.total.lower, r.stepwise.lower, 1e-4);
    close(result.total.value, r.stepwise.estimate, 1e-7);
  });
  it.each(fixture.sparsemse.flatMap((c) => c.models.map((m) => [`${c.dataset} ${pairKey(m.interactions).join(' ')}`, c.dataset, m] as const)))(
    'explicit model %s',
    (_name, dataset, m) => {
      const d = fixture.datasets[dataset]!;
      const run = () => multipleSystems(d.counts, { lists: d.lists, model: { interactions: m.interactions } });
      if (!m.identifiable) {
        const issue = issuesOf(run)[0]!;
        expect(issue.path).toEqual(['model', 'interactions']);
        expect(issue.expected).toMatch(m.checkident === 2 ? /not identifiable/ : /does not exist/);
        return;
      }
      const result = run();
      close(result.total.value, m.estimate, 1e-8);
      close(result.total.lower, m.lower, 1e-6);
      close(result.total.upper, m.upper, 1e-6);
      close(result.model.deviance + 1, m.deviance + 1, 1e-8);
      close(result.model.aic, m.AIC, 1e-8);
    },
  );
  it('independence and best', () => {
    for (const c of fixture.sparsemse) {
      const d = fixture.datasets[c.dataset]!;
      const independence = multipleSystems(d.counts, { lists: d.lists, model: 'independence' });
      close(independence.total.value, c.independence.estimate, 1e-8);
      const best = multipleSystems(d.counts, { lists: d.lists, model: 'best', maxInteractions: 1 });
      const fitted = best.candidates.filter((x) => x.aic !== undefined);
      expect(best.model.aic).toBe(Math.min(...fitted.map((x) => x.aic!)));
      expect(best.candidates.length).toBe(1 + (d.lists.length * (d.lists.length - 1)) / 2);
    }
  });
  it('the profile interval agrees with Rcapture for the same model (Mt = independence)', () => {
    const hiv = fixture.closedp.find((c) => c.dataset === 'HIV')!;
    const d = fixture.datasets.HIV!;
    const mt = hiv.models.find((m) => m.model === 'Mt')!;
    const result = multipleSystems(d.counts, { lists: d.lists, model: 'independence', interval: 'profile' });
    close(result.total.lower, mt.profilePrecise!.lower!, 1e-3);
    close(result.total.upper, mt.profilePrecise!.upper!, 1e-3);
  });
  it('the bootstrap is seeded, includes the selection, and is wider than the fixed-model interval', () => {
    const d = fixture.datasets.Western!;
    const a = multipleSystems(d.counts, { lists: d.lists, interval: 'bootstrap', draws: 200, seed: 7 });
    const b = multipleSystems(d.counts, { lists: d.lists, interval: 'bootstrap', draws: 200, seed: 7 });
    expect(a).toEqual(b);
    expect(a.total.method).toBe('bootstrap-bca');
    expect(a.total.lower).toBeLessThan(a.total.value);
    expect(a.total.upper).toBeGreaterThan(a.total.value);
    // SparseMSE's BCa limits for Western (1,000 resamples, its own generator): 1,293 to 3,672
    expect(a.total.lower).toBeGreaterThan(900);
    expect(a.total.lower).toBeLessThan(1800);
    expect(a.total.upper).toBeGreaterThan(3000);
    expect(a.total.upper).toBeLessThan(5000);
  });
  it('bad input names the field', () => {
    const counts = { '100': 30, '010': 25, '001': 20, '110': 8, '101': 6, '011': 5, '111': 2 };
    expect(issuesOf(() => multipleSystems({ ...counts, '000': 4 }))[0]!.path).toEqual(['counts', '000']);
    expect(issuesOf(() => multipleSystems({ ...counts, '10': 4 }))[0]!.path).toEqual(['counts', '10']);
    expect(issuesOf(() => multipleSystems({ ...counts, '011': -1 }))[0]!.path).toEqual(['counts', '011']);
    expect(issuesOf(() => multipleSystems({ ...counts, '011': 1.5 }))[0]!.path).toEqual(['counts', '011']);
    expect(issuesOf(() => multipleSystems(counts, { lists: ['a', 'b', 'a'] }))[0]!.path).toEqual(['lists', 2]);
    expect(issuesOf(() => multipleSystems(counts, { model: { interactions: [['A', 'Q']] } }))[0]!.path).toEqual(['model', 'interactions', 0]);
    expect(issuesOf(() => multipleSystems({ '10': 3, '01': 4, '11': 1 }))[0]!.path).toEqual(['lists']);
    const rows = [
      { A: 1, B: 0, C: 0, count: 30 },
      { A: 0, B: 1, C: 0, count: 25 },
      { A: 0, B: 0, C: 1, count: 20 },
      { A: 1, B: 1, C: 1, count: 2 },
    ];
    expect(multipleSystems(rows).observed).toBe(77);
    expect(issuesOf(() => multipleSystems([...rows, { A: 2, B: 0, C: 0, count: 1 }]))[0]!.path).toEqual(['counts', 4, 'A']);
  });
});

describe('closedPopulation against Rcapture closedp.t', () => {
  it.each(fixture.closedp.map((c) => [c.dataset, c] as const))('%s', (_name, c) => {
    const d = fixture.datasets[c.dataset]!;
    const result = closedPopulation(d.counts, { lists: d.lists });
    const boundary = c.dataset === 'Artificial_3'; // estimates at the observed count: R stops short of the boundary
    for (const ref of c.models) {
      const row = result.models.find((m) => m.model === ref.model);
      if (ref.model === 'Mb' || ref.model === 'Mbh') {
        expect(row).toBeUndefined();
        continue;
      }
      expect(row, ref.model).toBeDefined();
      if (boundary) {
        expect(Math.abs(row!.total.value - ref.abundance)).toBeLessThan(0.01);
        continue;
      }
      close(row!.total.value, ref.abundance, 1e-8);
      close(row!.total.standardError!, ref.stderr, 1e-6);
      expect(Math.abs(row!.deviance - ref.deviance)).toBeLessThan(1e-8 * Math.max(1, ref.deviance));
      expect(row!.df).toBe(ref.df);
      close(row!.aic, ref.AIC, 1e-8);
      close(row!.bic, ref.BIC, 1e-8);
      if (ref.profilePrecise?.lower) close(row!.total.lower, ref.profilePrecise.lower, 1e-3);
      if (ref.profilePrecise?.upper) close(row!.total.upper, ref.profilePrecise.upper, 1e-3);
    }
    const best = result.models.reduce((a, b) => (b.bic < a.bic ? b : a));
    expect(result.best).toBe(best.model);
    expect(result.models.filter((m) => m.best)).toEqual([best]);
  });
});
