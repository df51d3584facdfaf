import { describe, expect, it } from 'vitest';
import { closedPopulation, countModel, multipleSystems, predictCounts, roganGladen, twoListEstimate } from '../../src/models/index';
import { issuesOf } from '../helpers';
import { countDeviance } from '../../src/models/glm/countDeviance';
import { residualSummary } from '../../src/models/glm/residualSummary';

const noNaN = (x: unknown) => expect(JSON.stringify(x, (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN!' : v))).not.toContain('NaN!');

describe('regressions found in review', () => {
  it('a covariate with a large mean and a small spread is estimated, not dropped as aliased (R: 0.0884486883911, se 0.0429057158782)', () => {
    const fit = countModel([3, 5, 9, 4, 12].map((y, i) => ({ x: 1e7 + 3 * (i + 1), y })), { response: 'y', terms: ['x'] });
    expect(fit.notes).toEqual([]);
    const x = fit.coefficients.find((c) => c.term === 'x')!;
    expect(Math.abs(x.estimate / 0.0884486883911 - 1)).toBeLessThan(1e-8);
    expect(Math.abs(x.standardError / 0.0429057158782 - 1)).toBeLessThan(1e-6);
    expect(Math.abs(fit.coefficients[0]!.estimate / -884485.862243 - 1)).toBeLessThan(1e-8);
  });
  it('centring a year does not change fitted values, slopes or deviance', () => {
    const rows = [3, 5, 9, 4, 12, 7].map((y, i) => ({ year: 2013 + i, g: i % 2 ? 'a' : 'b', y }));
    const a = countModel(rows, { response: 'y', terms: ['g', 'year'] });
    const b = countModel(rows.map((r) => ({ ...r, year: r.year - 2013 })), { response: 'y', terms: ['g', 'year'] });
    expect(a.coefficients[2]!.estimate).toBeCloseTo(b.coefficients[2]!.estimate, 12);
    expect(a.coefficients[2]!.standardError).toBeCloseTo(b.coefficients[2]!.standardError, 12);
    a.fitted.forEach((m, i) => expect(m).toBeCloseTo(b.fitted[i]!, 10));
  });
  it('predictions survive a JSON round trip of a fit with a level estimated at minus infinity', () => {
    const fit = countModel([{ g: 'a', y: 3 }, { g: 'a', y: 5 }, { g: 'b', y: 0 }, { g: 'b', y: 0 }, { g: 'c', y: 4 }], { response: 'y', terms: ['g'] });
    const back = JSON.parse(JSON.stringify(fit));
    expect(predictCounts(back, [{ g: 'b' }, { g: 'c' }])).toEqual(predictCounts(fit, [{ g: 'b' }, { g: 'c' }]));
    expect(predictCounts(back, [{ g: 'b' }])[0]).toMatchObject({ value: 0, lower: 0, upper: Infinity });
  });
  it('profile limits under separation are never NaN', () => {
    noNaN(countModel([0, 0, 0, 137].map((y, x) => ({ x, y })), { response: 'y', terms: ['x'], interval: 'profile' }));
    noNaN(countModel([{ g: 'a', x: 1, y: 12 }, { g: 'b', x: 2, y: 0 }, { g: 'c', x: 3, y: 14 }, { g: 'a', x: 4, y: 0 }], { response: 'y', terms: ['g', 'x'], interval: 'profile' }));
  });
  it('an interaction-only model keeps the intercept and drops the last cell, as R', () => {
    const rows = ['x', 'y'].flatMap((a) => ['p', 'q'].flatMap((b) => [{ a, b, n: 3 + a.length + (b === 'q' ? 4 : 0) }, { a, b, n: 5 }]));
    const fit = countModel(rows, { response: 'n', terms: ['a:b'] });
    expect(fit.coefficients[0]!.term).toBe('(Intercept)');
    expect(fit.notes.join(' ')).toMatch(/a:b = y:q/);
  });
  it('levels: each once, and only for factor columns', () => {
    const rows = [{ a: 'x', y: 3 }, { a: 'y', y: 4 }, { a: 'x', y: 5 }];
    expect(issuesOf(() => countModel(rows, { response: 'y', terms: ['a'], levels: { a: ['x', 'x', 'y'] } }))[0]!.path).toEqual(['levels', 'a', 1]);
    const years = [{ yr: 2015, y: 3 }, { yr: 2016, y: 5 }, { yr: 2017, y: 9 }];
    expect(issuesOf(() => countModel(years, { response: 'y', terms: ['yr'], levels: { yr: ['2015', '2016', '2017'] } }))[0]!.path).toEqual(['levels', 'yr']);
    expect(issuesOf(() => countModel(rows, { response: 'y', exposure: 'y' }))[0]!.path).toEqual(['exposure']);
  });
  it('predictCounts refuses per for a model without an exposure', () => {
    const fit = countModel([{ a: 'x', y: 3 }, { a: 'y', y: 4 }], { response: 'y', terms: ['a'] });
    expect(issuesOf(() => predictCounts(fit, [{ a: 'x' }], { per: 1e5 }))[0]!.path).toEqual(['per']);
  });
  it('twoListEstimate refuses unknown count fields', () => {
    expect(issuesOf(() => twoListEstimate({ both: 1, firstOnly: 1, secondOnly: 2, neither: 5 } as never))[0]!.path).toEqual(['counts']);
  });
  it('the bootstrap of a tiny table gives no NaN: an unbounded upper limit, with notes', () => {
    for (const counts of [{ '101': 1, '010': 1, '011': 4 }, { '100': 1, '111': 6, '011': 1 }] as Record<string, number>[]) {
      const result = multipleSystems(counts, { interval: 'bootstrap', draws: 200 });
      noNaN(result);
      expect(result.total.upper).toBe(Infinity);
    }
  });
  it('closedPopulation: no finite estimate is Infinity with a note, and never best', () => {
    const two = closedPopulation({ '10': 160, '01': 60 });
    expect(two.best).toBeNull();
    expect(two.models.every((m) => m.total.value === Infinity && !m.best && m.notes.some((n) => /does not exist/.test(n)))).toBe(true);
    noNaN(closedPopulation({ '100': 3, '010': 2, '001': 1 }));
  });
  it('caps: at most 10 lists, and at most 5,000 models for best', () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 11; i++) counts[Array.from({ length: 11 }, (_, j) => (j === i ? '1' : '0')).join('')] = 5;
    expect(issuesOf(() => multipleSystems(counts))[0]!.path).toEqual(['lists']);
    expect(issuesOf(() => closedPopulation(counts))[0]!.path).toEqual(['lists']);
    const six: Record<string, number> = { '100000': 5, '010000': 4, '001000': 6, '000100': 3, '000010': 2, '000001': 7, '110000': 1, '001100': 2 };
    expect(issuesOf(() => multipleSystems(six, { model: 'best', maxInteractions: 6 }))[0]!.path).toEqual(['maxInteractions']);
  });
});

describe('regressions found by the property fuzz (test/hardening/modelProperties.test.ts)', () => {
  it('predictCounts: an upper limit that overflows to Infinity has a note', () => {
    // South Bucks' one event against none elsewhere: the fit drifts, and the intercept's standard error is ~8e5
    const rows = [
      { district: 'Wycombe', year: '2015', count: 0 },
      { district: 'Wycombe', year: '2017', count: 0 },
      { district: 'South Bucks', year: '2015', count: 0 },
      { district: 'South Bucks', year: '2017', count: 1 },
    ];
    const fit = countModel(rows, { response: 'count', terms: ['district', 'district:year'] });
    const predicted = predictCounts(fit, rows);
    expect(predicted[2]!.upper).toBe(Infinity);
    expect(predicted[2]!.notes?.join(' ')).toMatch(/unbounded/);
    noNaN(predicted);
  });
  it('closedPopulation: an estimate that does not exist says so on its interval (value and upper limit Infinity)', () => {
    const table = closedPopulation({ '111': 1 }, { lists: ['A', 'B', 'C'], level: 0.5 });
    for (const row of table.models) {
      if (Number.isFinite(row.total.value) && Number.isFinite(row.total.upper)) continue;
      expect(row.total.notes?.join(' ')).toMatch(/unbounded|infinite/i);
    }
    expect(table.models.some((m) => m.total.value === Infinity)).toBe(true);
  });
  it('capture tables: counts adding to more than 2^52 are refused (the fits gave NaN deviances at the largest double)', () => {
    const counts = { '110': Number.MAX_VALUE, '100': 3, '011': 2 };
    expect(issuesOf(() => closedPopulation(counts))[0]!.path).toEqual(['counts']);
    expect(issuesOf(() => multipleSystems(counts))[0]!.path).toEqual(['counts']);
  });
  it('roganGladen: the Wilson limits of 0 positives are exactly 0, so the 0.95 interval contains the 0.8 one', () => {
    const options = { sensitivity: { successes: 10, trials: 20 }, specificity: 0.7, draws: 1000 };
    const narrow = roganGladen({ positives: 0, tested: 986 }, { ...options, level: 0.8 });
    const wide = roganGladen({ positives: 0, tested: 986 }, { ...options, level: 0.95 });
    expect(wide.apparent.lower).toBe(0);
    expect(narrow.apparent.lower).toBe(0);
    expect(roganGladen({ positives: 986, tested: 986 }, { sensitivity: 0.9, specificity: 0.9 }).apparent.upper).toBe(1);
  });
  it('countModel refuses counts above 2^53 (the largest double gave NaN deviances and standard errors)', () => {
    const rows = [0, 0, 0, Number.MAX_VALUE, 0].map((count, i) => ({ count, g: i % 2 ? 'a' : 'b' }));
    const issues = issuesOf(() => countModel(rows, { response: 'count' }));
    expect(issues[0]!.path).toEqual(['rows', 3, 'count']);
    expect(issues[0]!.expected).toMatch(/2\^53/);
    expect(issuesOf(() => countModel(rows, { response: 'count', family: 'quasipoisson' }))[0]!.path).toEqual(['rows', 3, 'count']);
    noNaN(countModel(rows.map((r, i) => ({ ...r, count: i === 3 ? 2 ** 53 : r.count })), { response: 'count', terms: ['g'] }));
  });
  it('predictCounts: a row whose numeric covariate is 0 gives no NaN when that coefficient has an infinite variance', () => {
    // a covariate of 0 and -7e-162: the fit keeps it, with a variance of Infinity
    const rows = [1, 0, 0, 0].map((count, i) => ({ count, x: i < 2 ? -7.105204081320921e-162 : 0 }));
    const fit = countModel(rows, { response: 'count', terms: ['x'] });
    expect(fit.covariance.flat().some((v) => v === Infinity)).toBe(true);
    const predicted = predictCounts(fit, rows);
    noNaN(predicted);
    for (const p of predicted) {
      expect(p.lower).toBeLessThanOrEqual(p.upper);
      if (p.upper === Infinity) expect(p.notes?.join(' ')).toMatch(/unbounded/);
    }
  });
  it('countModel refuses exposures more than 1e15 apart (a mix of units; the fit gave NaN statistics)', () => {
    const rows = [20000, 20000, 20000, 5e-324, 20000].map((population, i) => ({ count: i === 1 ? 0 : 1, population, year: i % 2 ? '2017' : '2016' }));
    const issues = issuesOf(() => countModel(rows, { response: 'count', exposure: 'population', terms: ['year'] }));
    expect(issues[0]!.path).toEqual(['rows', 3, 'population']);
    expect(issues[0]!.expected).toMatch(/1e15/);
    noNaN(countModel(rows.map((r, i) => ({ ...r, population: i === 3 ? 1e-10 : r.population })), { response: 'count', exposure: 'population', terms: ['year'] }));
  });
  it('negative binomial: a fitted mean far above its count has a finite unit deviance (log1p(-1) was -Infinity, the residual quartiles NaN)', () => {
    const rows = [0, 0, 38, 2, 0].map((count, i) => ({ count, population: i === 3 ? 0.01 : 20000 }));
    const fit = countModel(rows, { response: 'count', exposure: 'population', family: 'negative-binomial', maxIterations: 3 });
    noNaN(fit);
    for (const r of fit.residuals.deviance) expect(Number.isFinite(r)).toBe(true);
    expect(countDeviance(0, 1.6e18, 0.009)).toBeCloseTo(2 * 0.009 * Math.log1p(1.6e18 / 0.009), 12);
  });
  it('residual quartiles of infinite residuals are not NaN', () => {
    expect(residualSummary([-Infinity, -Infinity, -Infinity, -0.5, -Infinity])).toEqual({ min: -Infinity, q1: -Infinity, median: -Infinity, q3: -Infinity, max: -0.5 });
    expect(residualSummary([-1, 0, 2, 0.5]).q1).toBeCloseTo(-0.25, 14);
  });
  it("negative binomial: a shape theta that runs off to 0 is an InputError naming family, not NaN statistics", () => {
    const rows = [0, 35, 72, 39].map((count, i) => ({ count, population: [20000, 20000, 65420, 0.01][i]! }));
    const issues = issuesOf(() => countModel(rows, { response: 'count', exposure: 'population', family: 'negative-binomial' }));
    expect(issues[0]!.path).toEqual(['family']);
    expect(issues[0]!.hint).toMatch(/quasipoisson/);
    noNaN(countModel(rows, { response: 'count', exposure: 'population', family: 'quasipoisson' }));
  });
  it('a factor crossed with a calendar year (district:year), drifting to minus infinity: no estimate 0 with standard error 0, no NaN', () => {
    // every district has no events in 2015 and C none at all: the year's effect runs off to infinity. The year
    // inside district:year used to be left uncentred, so district:year B came out 0 with standard error 0
    // (z and p NaN); it is now centred as a main effect is, and mapped back.
    const data = [['A', 2015, 0, 37262], ['A', 2016, 13, 108483], ['B', 2015, 0, 36083], ['B', 2016, 13, 41180], ['C', 2015, 0, 42665], ['C', 2016, 0, 73614], ['D', 2015, 0, 45486], ['D', 2016, 12, 12865]] as const;
    const rows = data.map(([district, year, count, population]) => ({ district, year, count, population }));
    const fit = countModel(rows, { response: 'count', exposure: 'population', terms: ['district', 'year', 'district:year'] });
    noNaN(fit);
    for (const c of fit.coefficients) if (Number.isFinite(c.estimate)) expect(c.standardError).toBeGreaterThan(0);
    // the same model as with the years counted from 2015: slopes equal, district effects shifted by 2015 x slope
    const shifted = countModel(rows.map((r) => ({ ...r, year: r.year - 2015 })), { response: 'count', exposure: 'population', terms: ['district', 'year', 'district:year'] });
    expect(fit.deviance).toBeCloseTo(shifted.deviance, 6);
  });
});
