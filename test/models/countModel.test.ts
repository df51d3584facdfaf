import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCountModels, countModel, predictCounts, type CoefficientRow, type CountModel } from '../../src/models/index';
import { blockSystem } from '../../src/models/linear/blockSystem';
import { irls } from '../../src/models/glm/irls';
import { countFit } from '../../src/models/glm/countFit';
import { thetaScore } from '../../src/models/glm/thetaScore';
import { errorOf, issuesOf } from '../helpers';

// Reference values: test/fixtures/r/count-models.R (R 4.2.2, MASS 7.3-58.2; glm and glm.nb converged to 1e-12).
interface RCoefficient {
  name: string;
  estimate: number | null;
  standardError: number | null;
  statistic: number | null;
  pValue: number | null;
  waldLower: number | null;
  waldUpper: number | null;
  profileLower: number | null;
  profileUpper: number | null;
}
interface RCase {
  name: string;
  dataset: string;
  response: string;
  exposure: string | null;
  terms: string[];
  levels: Record<string, string[]>;
  family: 'poisson' | 'quasipoisson' | 'negative-binomial';
  coefficients: RCoefficient[];
  deviance: number;
  nullDeviance: number;
  dfResidual: number;
  dfNull: number;
  logLik: number | null;
  aic: number | null;
  dispersion: number;
  theta: number | null;
  thetaStandardError: number | null;
  fitted: number[];
  pearsonResiduals: number[];
  devianceResiduals: number[];
  predictions: { rows: Record<string, unknown>[]; link: number[]; linkStandardError: number[] } | null;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/r/count-models.json', import.meta.url), 'utf8')) as {
  cases: RCase[];
  comparisons: { name: string; smaller: string; larger: string; test: 'lrt' | 'F'; statistic: number; df: number; dfDenominator: number | null; pValue: number }[];
  datasets: Record<string, Record<string, unknown>[]>;
};

// Tolerances (relative unless said): coefficients, deviances, log-likelihoods, fitted values 1e-8 (both
// sides converge to 1e-12; the loosest agreement seen is 3.5e-9). Standard errors, Wald limits,
// statistics and p-values 2e-6: R computes them with the weights of the iteration before the last (up to
// 5.5e-7 away from the final weights, used here). Profile limits 1e-3 of the standard error: MASS
// interpolates a spline through profile points, darkfigure solves for the root (checked to 1e-8 below).
// theta 1e-8; its standard error 2e-4: MASS's theta.ml evaluates the information at its penultimate Newton
// iterate (reproduced to 1e-9 below).
const close = (actual: number, expected: number, tolerance: number) => {
  if (!Number.isFinite(expected)) return expect(actual).toBe(expected);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), 1e-300));
};

function rName(row: CoefficientRow, levels: Record<string, string[]>): string {
  if (row.term === '(Intercept)') return row.term;
  const levelParts = row.level?.split(':') ?? [];
  let k = 0;
  return row.term
    .split(':')
    .map((part) => part + (levels[part] ? levelParts[k++] : ''))
    .join(':');
}

const fits = new Map<string, CountModel>();
function fitOf(c: RCase, extra: { interval?: 'wald' | 'profile' } = {}): CountModel {
  const key = `${c.name}/${extra.interval ?? 'wald'}`;
  if (!fits.has(key)) {
    fits.set(
      key,
      countModel(fixture.datasets[c.dataset]!, {
        response: c.response,
        ...(c.exposure ? { exposure: c.exposure } : {}),
        terms: c.terms,
        levels: c.levels,
        family: c.family,
        ...extra,
      }),
    );
  }
  return fits.get(key)!;
}

// R's own output is wrong for these two: theta ~1e11-1e16 with NaN standard errors, a negative deviance
const garbage = new Set(['poissonlike-negative-binomial', 'insurance-negative-binomial-poissonlike']);
const cases = fixture.cases.filter((c) => !garbage.has(c.name));

describe('countModel against R (glm, MASS::glm.nb)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const fit = fitOf(c);
    const ref = c.coefficients.filter((r) => r.estimate !== null);
    expect(fit.coefficients.map((r) => rName(r, c.levels))).toEqual(ref.map((r) => r.name));
    fit.coefficients.forEach((row, k) => {
      const r = ref[k]!;
      if (row.estimate === -Infinity) {
        // R: a large negative number with a huge standard error
        expect(r.estimate!).toBeLessThan(-20);
        expect(r.standardError!).toBeGreaterThan(1e4);
        return;
      }
      close(row.estimate, r.estimate!, 1e-8);
      close(row.standardError, r.standardError!, 2e-6);
      close(row.statistic, r.statistic!, 2e-6);
      // p-values far in the tail inherit the statistic's relative error many times over: compare their logs
      if (r.pValue! > 1e-8) close(row.pValue, r.pValue!, 2e-5);
      else close(Math.log(row.pValue), Math.log(r.pValue!), 1e-4);
      close(row.lower, r.waldLower!, 2e-6);
      close(row.upper, r.waldUpper!, 2e-6);
    });
    close(fit.deviance, c.deviance, 1e-8);
    close(fit.nullDeviance, c.nullDeviance, 1e-8);
    expect(fit.dfResidual).toBe(c.dfResidual);
    expect(fit.dfNull).toBe(c.dfNull);
    if (c.logLik === null) expect(fit.logLik).toBeNull();
    else close(fit.logLik!, c.logLik, 1e-10);
    if (c.aic === null) expect(fit.aic).toBeNull();
    else close(fit.aic!, c.aic, 1e-10);
    close(fit.dispersion, c.dispersion, 2e-6);
    // R's fitted counts for a zero level are about 1e-12 where darkfigure's are exactly 0
    fit.fitted.forEach((m, i) => expect(Math.abs(m - c.fitted[i]!)).toBeLessThanOrEqual(1e-8 * c.fitted[i]! + (c.name.includes('zero') ? 1e-10 : 0)));
    fit.residuals.pearson.forEach((r, i) => expect(Math.abs(r - c.pearsonResiduals[i]!)).toBeLessThan(c.name.includes('zero') ? 1e-5 : 1e-7));
    fit.residuals.deviance.forEach((r, i) => expect(Math.abs(r - c.devianceResiduals[i]!)).toBeLessThan(c.name.includes('zero') ? 1e-5 : 1e-7));
    if (c.theta !== null) {
      close(fit.theta!.value, c.theta, 1e-8);
      close(fit.theta!.standardError!, c.thetaStandardError!, 2e-4);
      expect(fit.theta!.lower).toBeLessThan(c.theta);
      expect(fit.theta!.upper).toBeGreaterThan(c.theta);
    }
    expect(fit.converged).toBe(true);
    if (c.predictions) {
      const predicted = predictCounts(fit, c.predictions.rows);
      predicted.forEach((p, i) => {
        close(p.link, c.predictions!.link[i]!, 1e-8);
        close(p.linkStandardError, c.predictions!.linkStandardError[i]!, 2e-6);
        close(p.value, Math.exp(c.predictions!.link[i]!), 1e-8);
      });
    }
  });

  it.each(cases.filter((c) => c.coefficients.some((r) => r.profileLower !== null)).map((c) => [c.name, c] as const))(
    'profile limits: %s',
    (_name, c) => {
      const fit = fitOf(c, { interval: 'profile' });
      const ref = c.coefficients.filter((r) => r.estimate !== null);
      fit.coefficients.forEach((row, k) => {
        const r = ref[k]!;
        if (row.estimate === -Infinity) {
          expect(row.lower).toBe(-Infinity);
          expect(Number.isFinite(row.upper)).toBe(true);
          return;
        }
        if (r.profileLower === null) return;
        expect(Math.abs(row.lower - r.profileLower)).toBeLessThan(1e-3 * row.standardError);
        expect(Math.abs(row.upper - r.profileUpper!)).toBeLessThan(1e-3 * row.standardError);
      });
    },
  );

  it('profile limits are roots: the deviance with the coefficient held there rises by z² × dispersion', () => {
    for (const name of ['quine-quasipoisson', 'quine-negative-binomial', 'ships-poisson']) {
      const c = fixture.cases.find((x) => x.name === name)!;
      const fit = fitOf(c, { interval: 'profile' });
      const base = { response: c.response, exposure: c.exposure, terms: c.terms, levels: c.levels, numeric: fit.model.numeric, coding: fit.model.coding };
      const model = countFit(fixture.datasets[c.dataset]!, { ...base, terms: fit.model.terms }, { negativeBinomial: c.family === 'negative-binomial', maxIterations: 100, tolerance: 1e-12 });
      const column = 1;
      const xj = new Float64Array(model.design.rows);
      for (let i = 0; i < model.design.rows; i++) {
        for (let e = model.design.rowStart[i]!; e < model.design.rowStart[i + 1]!; e++) if (model.design.col[e] === column) xj[i] = model.design.val[e]!;
      }
      const mask = model.spec.columns.map((_, j) => j !== column);
      const system = blockSystem(model.design, mask, new Array(mask.length).fill(false));
      for (const v of [fit.coefficients[1]!.lower, fit.coefficients[1]!.upper]) {
        const held = irls(system, model.y, model.theta, { maxIterations: 100, tolerance: 1e-13, extraOffset: Float64Array.from(xj, (x) => x * v) });
        const rise = (held.deviance - model.fit.deviance) / fit.dispersion;
        expect(Math.abs(rise - 1.959963984540054 ** 2)).toBeLessThan(1e-7);
      }
    }
  });

  it("theta's information is MASS's: theta.ml's standard error reproduced by its own iteration", () => {
    // MASS::theta.ml: Newton from n / sum((y/mu - 1)^2) while |step| > eps^0.25; SE = 1/sqrt(info) at the
    // iterate before the last step
    for (const name of ['quine-negative-binomial', 'warpbreaks-negative-binomial', 'overdispersed-panel-negative-binomial']) {
      const c = fixture.cases.find((x) => x.name === name)!;
      const y = Float64Array.from(fixture.datasets[c.dataset]!, (r) => r[c.response] as number);
      const mu = Float64Array.from(c.fitted);
      let t = y.length / y.reduce((s, yi, i) => s + (yi / mu[i]! - 1) ** 2, 0);
      let del = 1;
      let info = 0;
      for (let it = 1; it < 100 && Math.abs(del) > 2.220446049250313e-16 ** 0.25; it++) {
        const s = thetaScore(y, mu, Math.abs(t));
        t = Math.abs(t);
        info = s.information;
        del = s.score / info;
        t += del;
      }
      close(1 / Math.sqrt(info), c.thetaStandardError!, 1e-7);
      close(t, c.theta!, 1e-6);
    }
  });

  it.each(fixture.comparisons.map((c) => [c.name, c] as const))('comparison %s', (_name, ref) => {
    const smaller = fitOf(fixture.cases.find((c) => c.name === ref.smaller)!);
    const larger = fitOf(fixture.cases.find((c) => c.name === ref.larger)!);
    const result = compareCountModels(smaller, larger);
    expect(result.test).toBe(ref.test === 'lrt' ? 'likelihood-ratio' : 'F');
    close(result.statistic, ref.statistic, 1e-6);
    expect(result.df).toBe(ref.df);
    if (ref.dfDenominator !== null) expect(result.dfDenominator).toBe(ref.dfDenominator);
    close(result.pValue, ref.pValue, 1e-5);
  });
});

describe('countModel: zero-count levels, Poisson-like data, aliasing', () => {
  const c = fixture.cases.find((x) => x.name === 'insectsprays-zero-level')!;
  it('a level with no events is estimated at minus infinity, with a note, not -30', () => {
    const fit = fitOf(c);
    const row = fit.coefficients.find((r) => r.level === 'C')!;
    expect(row).toMatchObject({ estimate: -Infinity, standardError: Infinity, lower: -Infinity, upper: Infinity });
    expect(fit.rateRatios.find((r) => r.level === 'C')!.estimate).toBe(0);
    expect(fit.notes.join(' ')).toMatch(/minus infinity.*spray = C/);
    const [p] = predictCounts(fit, [{ spray: 'C' }]);
    expect(p).toMatchObject({ value: 0, lower: 0, upper: Infinity });
  });
  it('the negative binomial on Poisson-like data returns the Poisson fit with theta = Infinity and a note', () => {
    const nb = fitOf(fixture.cases.find((x) => x.name === 'poissonlike-negative-binomial')!);
    const poisson = fitOf(fixture.cases.find((x) => x.name === 'poissonlike-poisson')!);
    expect(nb.theta!.value).toBe(Infinity);
    expect(nb.theta!.upper).toBe(Infinity);
    expect(nb.theta!.lower).toBeGreaterThan(1);
    expect(nb.notes.join(' ')).toMatch(/look Poisson/);
    expect(nb.coefficients.map((r) => r.estimate)).toEqual(poisson.coefficients.map((r) => r.estimate));
    expect(nb.logLik).toBeCloseTo(poisson.logLik!, 10);
  });
  it('an interaction with an empty cell drops the aliased column with a note (R: NA)', () => {
    const rows = [
      { a: 'x', b: 'p', y: 3 }, { a: 'x', b: 'q', y: 5 }, { a: 'y', b: 'p', y: 4 },
      { a: 'x', b: 'p', y: 2 }, { a: 'x', b: 'q', y: 6 }, { a: 'y', b: 'p', y: 7 },
    ];
    const fit = countModel(rows, { response: 'y', terms: ['a', 'b', 'a:b'] });
    expect(fit.coefficients.map((r) => r.term)).toEqual(['(Intercept)', 'a', 'b']);
    expect(fit.notes.join(' ')).toMatch(/aliased.*a:b = y:q/);
  });
  it('a reference level with no events is an InputError suggesting another order', () => {
    const rows = [{ g: 'a', y: 0 }, { g: 'b', y: 3 }, { g: 'a', y: 0 }, { g: 'b', y: 5 }];
    const e = errorOf(() => countModel(rows, { response: 'y', terms: ['g'] }));
    expect(e.issues[0]!.path).toEqual(['levels', 'g']);
    expect(countModel(rows, { response: 'y', terms: ['g'], levels: { g: ['b', 'a'] } }).coefficients[1]!.estimate).toBe(-Infinity);
  });
});

describe('countModel: bad input names the field', () => {
  const rows = [
    { area: 'a', count: 3, pop: 100 },
    { area: 'b', count: 5, pop: 120 },
    { area: 'c', count: 9, pop: 90 },
  ];
  it.each([
    ['a negative count', [{ ...rows[0], count: -1 }, ...rows.slice(1)], { response: 'count' }, ['rows', 0, 'count']],
    ['a non-integer count for Poisson', [{ ...rows[0], count: 2.5 }, ...rows.slice(1)], { response: 'count' }, ['rows', 0, 'count']],
    ['a zero exposure', [{ ...rows[0], pop: 0 }, ...rows.slice(1)], { response: 'count', exposure: 'pop' }, ['rows', 0, 'pop']],
    ['an unknown column', rows, { response: 'count', terms: ['region'] }, ['rows', 0, 'region']],
    ['a term naming the response', rows, { response: 'count', terms: ['count'] }, ['terms', 0]],
    ['a level not in the data', rows, { response: 'count', terms: ['area'], levels: { area: ['a', 'b', 'c', 'd'] } }, ['levels', 'area']],
    ['a factor with one level', rows.map((r) => ({ ...r, area: 'a' })), { response: 'count', terms: ['area'] }, ['terms']],
    ['fewer rows than coefficients', rows.slice(0, 2), { response: 'count', terms: ['area', 'pop'] }, ['rows']],
    ['an unknown option', rows, { response: 'count', levle: 0.9 }, ['options']],
    ['a repeated term', rows, { response: 'count', terms: ['area', 'area'] }, ['terms', 1]],
    ['a level of 95', rows, { response: 'count', level: 95 }, ['level']],
  ] as const)('%s', (_what, data, options, path) => {
    const issues = issuesOf(() => countModel(data as never, options as never));
    expect(issues.map((i) => i.path)).toContainEqual(path);
  });
  it('quasi-Poisson accepts non-integer counts', () => {
    expect(countModel([{ y: 2.5 }, { y: 3.5 }, { y: 1 }], { response: 'y', family: 'quasipoisson' }).coefficients).toHaveLength(1);
  });
  it('predictCounts: a level never seen names the row and column', () => {
    const fit = countModel(rows, { response: 'count', exposure: 'pop', terms: ['area'] });
    expect(issuesOf(() => predictCounts(fit, [{ area: 'a', pop: 1 }, { area: 'z', pop: 1 }])).map((i) => i.path)).toEqual([['rows', 1, 'area']]);
    expect(issuesOf(() => predictCounts(fit, [{ area: 'a' }])).map((i) => i.path)).toEqual([['rows', 0, 'pop']]);
  });
  it('compareCountModels refuses fits on different rows, families or non-nested terms', () => {
    const big = [...rows, { area: 'a', count: 4, pop: 80 }, { area: 'b', count: 1, pop: 50 }];
    const a = countModel(rows, { response: 'count', terms: [] });
    const b = countModel(big, { response: 'count', terms: ['area'] });
    expect(issuesOf(() => compareCountModels(a, b))[0]!.path).toEqual(['larger']);
    const q = countModel(big, { response: 'count', family: 'quasipoisson' });
    expect(issuesOf(() => compareCountModels(q, b))[0]!.path).toEqual(['larger', 'family']);
    const withPop = countModel(big, { response: 'count', terms: ['pop'] });
    expect(issuesOf(() => compareCountModels(withPop, b))[0]!.path).toEqual(['smaller']);
  });
});

describe('countModel: properties', () => {
  const panel = fixture.datasets['overdispersed-panel']!;
  const opts = { response: 'count', exposure: 'population', terms: ['area', 'year'] };
  const base = countModel(panel, opts);
  it('rows in any order give the same fit', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: panel.length, maxLength: panel.length }), (keys) => {
        const order = panel.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
        const fit = countModel(order.map((i) => panel[i]!), opts);
        fit.coefficients.forEach((r, k) => expect(Math.abs(r.estimate - base.coefficients[k]!.estimate)).toBeLessThan(1e-9));
        expect(Math.abs(fit.deviance - base.deviance)).toBeLessThan(1e-8 * base.deviance);
      }),
      { numRuns: 5 },
    );
  });
  it('scaling the exposure by c shifts only the intercept, by -log(c)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (c) => {
        const fit = countModel(panel.map((r) => ({ ...r, population: (r.population as number) * c })), opts);
        expect(Math.abs(fit.coefficients[0]!.estimate - (base.coefficients[0]!.estimate - Math.log(c)))).toBeLessThan(1e-8);
        fit.coefficients.slice(1).forEach((r, k) => expect(Math.abs(r.estimate - base.coefficients[k + 1]!.estimate)).toBeLessThan(1e-8));
        fit.fitted.forEach((m, i) => expect(Math.abs(m - base.fitted[i]!)).toBeLessThan(1e-8 * base.fitted[i]!));
      }),
      { numRuns: 8 },
    );
  });
  it('relabelling or reordering a factor keeps the fitted values', () => {
    const relabelled = panel.map((r) => ({ ...r, area: `area ${r.area as string}` }));
    const reordered = countModel(relabelled, { ...opts, levels: { area: [...new Set(relabelled.map((r) => r.area))].reverse() } });
    reordered.fitted.forEach((m, i) => expect(Math.abs(m - base.fitted[i]!)).toBeLessThan(1e-8 * base.fitted[i]!));
  });
  it('inputs are not mutated, and the result survives JSON', () => {
    const copy = structuredClone(panel);
    const fit = countModel(panel, { ...opts, family: 'negative-binomial' });
    expect(panel).toEqual(copy);
    const round = JSON.parse(JSON.stringify(fit)) as CountModel;
    expect(predictCounts(round, [panel[0]!])[0]!.value).toBeCloseTo(fit.fitted[0]!, 8);
  });
});
