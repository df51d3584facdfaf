import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import data from '../fixtures/r/survey-proportion.json';
import { expectedVictims, type PrevalenceRow, type PopulationInputRow } from '../../src/survey/expectedVictims';
import { populationEnglandWales2018, populationSelectedAreas2018 } from '../../src/data/index';
import type { SurveyProportionMethod } from '../../src/survey/surveyLimits';
import { errorOf } from '../helpers';
import { InputError } from '../../src/core/InputError';
import { HINT } from '../../src/core/validate';
import { fewestDraws, tooFewDrawsRule } from '../../src/montecarlo/fewestDraws';

const METHODS: SurveyProportionMethod[] = ['logit', 'korn-graubard', 'wilson', 'wald'];

function close(actual: number, expected: number, tol: number) {
  const rel = Math.abs(actual - expected) / Math.abs(expected);
  if (!(rel <= tol)) throw new Error(`expected ${actual} to be within relative ${tol} of ${expected} (relative error ${rel})`);
}


/** The assumed CSEW 2015 designs used in the docs and examples (the press published no bases). */
const csew2015: PrevalenceRow[] = [
  { sex: 'female', age: '16-59', estimate: 0.049, base: 11500, designFactor: 1.2 },
  { sex: 'male', age: '16-59', estimate: 0.024, base: 9800, designFactor: 1.2 },
];

describe('expectedVictims against a stratified design in R survey (svytotal, svyciprop)', () => {
  for (const c of data.victims) {
    it(c.name, () => {
      const prevalence = c.rows.map((r) => ({ sex: r.sex, age: r.age, estimate: r.estimate, standardError: r.standardError }));
      const population = c.rows.map((r) => ({ sex: r.sex, age: r.age, population: r.population }));
      for (const block of [c.level95, c.level90]) {
        for (const method of METHODS) {
          const out = expectedVictims(prevalence, population, { level: block.level, method });
          close(out.total.value, c.total, 1e-12);
          close(out.total.standardError!, c.standardError, 1e-12);
          expect(out.population).toBe(c.population);
          close(out.prevalence.effectiveBase, c.effectiveBase, 1e-11);
          close(out.total.lower, block[method][0]!, 1e-12);
          close(out.total.upper, block[method][1]!, 1e-12);
          expect(out.total.method).toBe(method);
        }
        const logit = expectedVictims(prevalence, population, { level: block.level });
        // svyciprop's own glm fit stops at epsilon 1e-8: it agrees to ~5e-10 (the formula values above to 1e-12)
        close(logit.total.lower, block.svycipropLogit[0]!, 1e-9);
        close(logit.total.upper, block.svycipropLogit[1]!, 1e-9);
      }
    });
  }
});

describe('the CSEW 2015 example (assumed designs)', () => {
  const ew = data.csew.englandWales;
  it('4.9% of women and 2.4% of men aged 16-59 in England and Wales mid-2018: about 1.23 million', () => {
    const out = expectedVictims(csew2015, populationEnglandWales2018);
    expect(out.population).toBe(33739370);
    expect(out.strata.map((s) => s.population)).toEqual([16854780, 16884590]);
    close(out.total.value, ew.total, 1e-14);
    expect(Math.round(out.total.value)).toBe(1231114);
    close(out.total.standardError!, ew.standardError, 1e-12);
    close(out.total.lower, ew.logit[0]!, 1e-10);
    close(out.total.upper, ew.logit[1]!, 1e-10);
    out.strata.forEach((s, h) => {
      const r = ew.strata[h]!;
      close(s.victims.value, r.victims, 1e-14);
      close(s.victims.standardError!, r.standardError, 1e-12);
      close(s.victims.lower, r.logit[0]!, 1e-10);
      close(s.victims.upper, r.logit[1]!, 1e-10);
    });
    expect(out.strata[0]).toMatchObject({ sex: 'female', age: '16-59' });
    const kg = expectedVictims(csew2015, populationEnglandWales2018, { method: 'korn-graubard' });
    close(kg.total.lower, ew['korn-graubard'][0]!, 1e-10);
    close(kg.total.upper, ew['korn-graubard'][1]!, 1e-10);
  });
  it('rounding of the published percentages alone cannot reach the press figure of 1.1 million', () => {
    const [low, high] = data.csew.roundingRange as [number, number];
    expect(low).toBeGreaterThan(1.2e6);
    expect(high).toBeLessThan(1.25e6);
  });
  it('women aged 16-19 (10.3%) and 20-24 (7.2%) in Lewisham', () => {
    const lewisham = populationSelectedAreas2018.filter((r) => r.areaName === 'Lewisham');
    const out = expectedVictims(
      [
        { sex: 'female', age: '16-19', estimate: 0.103, base: 400, designFactor: 1.2 },
        { sex: 'female', age: '20-24', estimate: 0.072, base: 700, designFactor: 1.2 },
      ],
      lewisham,
    );
    const l = data.csew.lewisham;
    expect(out.population).toBe(l.population);
    expect(out.strata.map((s) => s.population)).toEqual(l.strata.map((s) => s.population));
    close(out.total.value, l.total, 1e-14);
    close(out.total.standardError!, l.standardError, 1e-12);
    close(out.total.lower, l.logit[0]!, 1e-10);
    close(out.total.upper, l.logit[1]!, 1e-10);
    out.strata.forEach((s, h) => {
      close(s.victims.lower, l.strata[h]!.logit[0]!, 1e-10);
      close(s.victims.upper, l.strata[h]!.logit[1]!, 1e-10);
    });
  });
});

describe('population tables', () => {
  const prev: PrevalenceRow[] = [{ sex: 'female', age: '16-19', estimate: 0.1, effectiveBase: 500 }];
  it('sums single years (numbers or numeric strings) and bands into each band; ignores other ages and fields', () => {
    const out = expectedVictims(prev, [
      { sex: 'female', age: 15, population: 1000 },
      { sex: 'female', age: '16', population: 10 },
      { sex: 'female', age: 17, population: 20 },
      { sex: 'female', age: '18-19', population: 30 },
      { sex: 'female', age: '20-24', population: 999 },
      { sex: 'male', age: '16-19', population: 777 },
      { sex: 'female', age: '90+', population: 5, areaCode: 'X' } as PopulationInputRow,
    ]);
    expect(out.strata[0]!.population).toBe(60);
    expect(out.total.value).toBeCloseTo(6, 12);
  });
  it('open bands: 60+ from single years and 90+', () => {
    const out = expectedVictims([{ sex: 'male', age: '60+', estimate: 0.01, base: 1000 }], populationEnglandWales2018);
    const expected = populationEnglandWales2018
      .filter((r) => r.sex === 'male' && (r.age === '90+' || (typeof r.age === 'number' && r.age >= 60)))
      .reduce((s, r) => s + r.population, 0);
    expect(out.population).toBe(expected);
  });
  it('a band covered only in part names the row and the band', () => {
    const e = errorOf(() => expectedVictims(prev, [{ sex: 'female', age: '15-19', population: 100 }]));
    expect(e.issues[0]!.path).toEqual(['population', 0, 'age']);
    expect(e.issues[0]!.expected).toMatch(/wholly inside or wholly outside 16-19 for sex "female" \(prevalence\[0\]\)/);
    expect(e.issues[0]!.hint).toMatch(/covers 16-19 only in part/);
  });
  it('missing ages are listed', () => {
    const e = errorOf(() =>
      expectedVictims(prev, [
        { sex: 'female', age: 16, population: 1 },
        { sex: 'female', age: 19, population: 1 },
      ]),
    );
    expect(e.issues[0]!.path).toEqual(['prevalence', 0, 'age']);
    expect(e.message).toMatch(/covering every age in 16-19 for sex "female"/);
    expect(e.issues[0]!.hint).toBe('no population rows for ages 17-18');
    const open = errorOf(() => expectedVictims([{ sex: 'male', age: '85+', estimate: 0.01, base: 10 }], [{ sex: 'male', age: '85-89', population: 3 }]));
    expect(open.issues[0]!.hint).toBe('no population rows for ages 90+');
  });
  it('overlapping prevalence bands would count people twice', () => {
    const e = errorOf(() =>
      expectedVictims(
        [
          { sex: 'female', age: '16-59', estimate: 0.049, base: 100 },
          { sex: 'female', age: '16-19', estimate: 0.103, base: 100 },
        ],
        populationEnglandWales2018,
      ),
    );
    expect(e.issues[0]!.path).toEqual(['prevalence', 1, 'age']);
    expect(e.issues[0]!.hint).toMatch(/16-19 overlaps 16-59 \(prevalence\[0\]\)/);
  });
  it('duplicated rows (a table of several areas not filtered)', () => {
    const e = errorOf(() => expectedVictims(prev, populationSelectedAreas2018));
    expect(e.issues[0]!.expected).toMatch(/one population row per age for sex "female"/);
    expect(e.issues).toHaveLength(1); // one issue per band, not one per repeated row
    expect(e.issues[0]!.hint).toMatch(/duplicates population\[\d+\], and 71 more population rows repeat ages of 16-19; if the table holds several areas or years, filter it to one first/);
  });
  it('overlapping population rows', () => {
    const e = errorOf(() =>
      expectedVictims(prev, [
        { sex: 'female', age: '16-19', population: 1 },
        { sex: 'female', age: 17, population: 1 },
      ]),
    );
    expect(e.issues[0]!.hint).toMatch(/overlaps population\[0\] \(16-19\)/);
  });
  it('a sex with no population rows', () => {
    const e = errorOf(() => expectedVictims(csew2015, populationEnglandWales2018.filter((r) => r.sex === 'female')));
    expect(e.issues[0]!.path).toEqual(['prevalence', 1, 'sex']);
    expect(e.message).toMatch(/expected population rows for sex "male"/);
    expect(e.issues[0]!.hint).toMatch(/have sex "female" only/);
    const caseHint = errorOf(() => expectedVictims([{ sex: 'Female', age: '16-19', estimate: 0.1, base: 100 }], populationEnglandWales2018));
    expect(caseHint.issues[0]!.hint).toBe('did you mean "female"? sex must match exactly');
  });
  it('bad rows, percentages, zero population', () => {
    const e = errorOf(() =>
      expectedVictims(
        [{ sex: 'female', age: 'adult', estimate: 4.9, base: 100 } as PrevalenceRow],
        [{ sex: 'female', age: 16, population: -1 }],
      ),
    );
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['prevalence.0.age', 'prevalence.0.estimate', 'population.0.population']);
    expect(e.issues[1]!.hint).toMatch(/did you mean 0\.049/);
    expect(errorOf(() => expectedVictims(prev, [{ sex: 'female', age: '16-19', population: 0 }])).message).toMatch(/sum over the prevalence bands is > 0/);
    expect(errorOf(() => expectedVictims([], [])).message).toMatch(/at least one prevalence row/);
    expect(errorOf(() => expectedVictims([{ sex: 'female', age: '16-19', estimate: 0.1, deft: 1.2, base: 3 } as never], [])).issues[0]!.hint).toMatch(/designFactor/);
  });
});

describe('Monte Carlo', () => {
  it('is reproducible, close to the analytic interval, and seeded', () => {
    const a = expectedVictims(csew2015, populationEnglandWales2018, { method: 'monte-carlo', seed: 7, draws: 20000 });
    const b = expectedVictims(csew2015, populationEnglandWales2018, { method: 'monte-carlo', seed: 7, draws: 20000 });
    expect(a).toEqual(b);
    const c = expectedVictims(csew2015, populationEnglandWales2018, { method: 'monte-carlo', seed: 8, draws: 20000 });
    expect(c.total.lower).not.toBe(a.total.lower);
    const analytic = expectedVictims(csew2015, populationEnglandWales2018, { method: 'wald' });
    expect(a.total.method).toBe('monte-carlo');
    expect(a.total.value).toBe(analytic.total.value);
    expect(a.total.standardError).toBe(analytic.total.standardError);
    // 20000 draws: percentiles within 1% of the (nearly normal) analytic limits
    close(a.total.lower, analytic.total.lower, 0.01);
    close(a.total.upper, analytic.total.upper, 0.01);
    expect(a.strata[0]!.victims.method).toBe('monte-carlo');
    expect(a.total.notes!.join(' ')).toMatch(/20000 Monte Carlo draws \(seed 7\)/);
  });
  it('holds strata at 0 fixed', () => {
    const out = expectedVictims(
      [
        { sex: 'female', age: '16-19', estimate: 0, base: 300 },
        { sex: 'male', age: '16-19', estimate: 0.05, base: 300 },
      ],
      populationEnglandWales2018,
      { method: 'monte-carlo', draws: 1000 },
    );
    expect([out.strata[0]!.victims.lower, out.strata[0]!.victims.upper]).toEqual([0, 0]);
    expect(out.strata[0]!.victims.notes!.join(' ')).toMatch(/held fixed/);
  });
  it('needs an effective base above 1', () => {
    const e = errorOf(() =>
      expectedVictims([{ sex: 'female', age: '16-19', estimate: 0.5, effectiveBase: 0.8 }], populationEnglandWales2018, { method: 'monte-carlo' }),
    );
    expect(e.issues[0]!.path).toEqual(['prevalence', 0]);
  });
});

describe('expectedVictims at the boundaries', () => {
  it('every stratum at 0: the total interval uses the summed effective base', () => {
    const out = expectedVictims(
      [
        { sex: 'female', age: '16-59', estimate: 0, base: 1000 },
        { sex: 'male', age: '16-59', estimate: 0, base: 2000 },
      ],
      populationEnglandWales2018,
      { method: 'korn-graubard' },
    );
    expect(out.total.value).toBe(0);
    expect(out.total.lower).toBe(0);
    close(out.total.upper, out.population * (1 - Math.pow(0.025, 1 / 3000)), 1e-12);
    expect(out.total.notes!.join(' ')).toMatch(/summed effective base \(3000\)/);
  });
});

describe('expectedVictims properties', () => {
  const bands = ['16-19', '20-24', '25-34', '35-59'];
  // any proportion in [0, 0.5], including denormals (never NaN), or realistic ones in [1e-6, 0.5] with 0
  const anyEstimate = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true }));
  const realistic = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 0.5, noNaN: true }));
  const rowsOf = (estimate: fc.Arbitrary<number>) => fc.tuple(
    fc.array(estimate, { minLength: 8, maxLength: 8 }),
    fc.array(fc.integer({ min: 5, max: 20000 }), { minLength: 8, maxLength: 8 }),
    fc.double({ min: 0.8, max: 2, noNaN: true }),
  ).map(([ps, bases, deft]) =>
    ps.map((p, i): PrevalenceRow => ({ sex: i < 4 ? 'female' : 'male', age: bands[i % 4]!, estimate: p, base: bases[i]!, designFactor: deft })),
  );
  const prevalenceArb = rowsOf(anyEstimate);
  const realisticArb = rowsOf(realistic);
  const populationArb = fc
    .array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 8, maxLength: 8 })
    .filter((xs) => xs.some((x) => x > 0))
    .map((xs) => xs.map((population, i): PopulationInputRow => ({ sex: i < 4 ? 'female' : 'male', age: bands[i % 4]!, population })));
  const methodArb = fc.constantFrom<SurveyProportionMethod | 'monte-carlo'>(...METHODS, 'monte-carlo');

  it('victims scale linearly with population', () => {
    fc.assert(
      fc.property(realisticArb, populationArb, fc.integer({ min: 2, max: 1000 }), fc.constantFrom(...METHODS), (prev, pop, k, method) => {
        const a = expectedVictims(prev, pop, { method });
        const b = expectedVictims(prev, pop.map((r) => ({ ...r, population: r.population * k })), { method });
        const near = (x: number, y: number) => expect(Math.abs(x - k * y)).toBeLessThanOrEqual(1e-9 * Math.max(1, k * Math.abs(y)));
        near(b.total.value, a.total.value);
        near(b.total.lower, a.total.lower);
        near(b.total.upper, a.total.upper);
        b.strata.forEach((s, h) => {
          near(s.victims.value, a.strata[h]!.victims.value);
          near(s.victims.upper, a.strata[h]!.victims.upper);
        });
      }),
      { numRuns: 150 },
    );
  });
  it('merging two strata populations never lowers the total', () => {
    fc.assert(
      fc.property(prevalenceArb, populationArb, populationArb, (prev, pa, pb) => {
        const a = expectedVictims(prev, pa);
        const b = expectedVictims(prev, pb);
        const merged = expectedVictims(prev, pa.map((r, i) => ({ ...r, population: r.population + pb[i]!.population })));
        expect(merged.total.value).toBeGreaterThanOrEqual(Math.max(a.total.value, b.total.value) * (1 - 1e-12));
        expect(merged.total.value).toBeCloseTo(a.total.value + b.total.value, 3);
      }),
      { numRuns: 150 },
    );
  });
  it('intervals contain the value and are never NaN, for every method', () => {
    fc.assert(
      fc.property(prevalenceArb, populationArb, methodArb, fc.constantFrom(0.8, 0.95, 0.998), (prev, pop, method, level) => {
        const out = expectedVictims(prev, pop, { method, level, draws: 1000 });
        for (const iv of [out.total, out.prevalence, ...out.strata.flatMap((s) => [s.victims, s.prevalence])]) {
          expect(Number.isFinite(iv.lower) && Number.isFinite(iv.upper) && Number.isFinite(iv.value)).toBe(true);
          expect(iv.lower).toBeLessThanOrEqual(iv.value * (1 + 1e-12));
          expect(iv.upper).toBeGreaterThanOrEqual(iv.value * (1 - 1e-12));
        }
        expect(out.total.upper).toBeLessThanOrEqual(out.population * (1 + 1e-12));
      }),
      { numRuns: 150 },
    );
  });
});

describe('expectedVictims never overflows silently', () => {
  const one = (row: Partial<PrevalenceRow> & Record<string, unknown>): PrevalenceRow[] => [{ sex: 'female', age: '16-24', estimate: 0.1, base: 1000, ...row } as PrevalenceRow];
  const pop = (population: number): PopulationInputRow[] => [{ sex: 'female', age: '16-24', population }];

  it('populations summing beyond the largest double are an InputError on population', () => {
    const rows: PopulationInputRow[] = [
      { sex: 'female', age: '16', population: 1e308 },
      { sex: 'female', age: '17-24', population: 1e308 },
    ];
    for (const method of [...METHODS, 'monte-carlo' as const]) {
      const e = errorOf(() => expectedVictims(one({}), rows, { method }));
      expect(e.issues[0]!.path).toEqual(['population']);
      expect(e.issues[0]!.expected).toMatch(/sum over the prevalence bands is a finite number/);
      expect(e.issues[0]!.received).toBe(Infinity);
      expect(e.issues[0]!.hint).toBeTruthy();
    }
  });
  it('a population of 1e200: the total standard error is N x SE, finite, with no false note', () => {
    for (const method of METHODS) {
      const out = expectedVictims(one({}), pop(1e200), { method });
      const se = Math.sqrt((0.1 * 0.9) / 1000);
      close(out.total.standardError!, 1e200 * se, 1e-12);
      close(out.prevalence.standardError, se, 1e-12);
      close(out.prevalence.effectiveBase, 1000, 1e-12);
      expect(out.total.notes ?? []).not.toContainEqual(expect.stringMatching(/every stratum/));
      expect([out.total.lower, out.total.upper].every(Number.isFinite)).toBe(true);
      close(out.total.lower, 1e200 * out.strata[0]!.prevalence.lower, 1e-12);
    }
  });
  it("a victims' standard error beyond the doubles is an InputError on population", () => {
    const e = errorOf(() => expectedVictims(one({ base: undefined, estimate: 0.5, effectiveBase: 1e-300 }), pop(1e300)));
    expect(e.issues[0]!.path).toEqual(['population']);
    expect(e.issues[0]!.expected).toMatch(/standard error .* is a finite number/);
  });
  it('a prevalence standard error of 1e-300 is refused at its field (its effective base overflows)', () => {
    const e = errorOf(() => expectedVictims(one({ base: undefined, estimate: 0.5, standardError: 1e-300 }), pop(1000)));
    expect(e.issues[0]!.path).toEqual(['prevalence', 0, 'standardError']);
    expect(e.issues[0]!.expected).toMatch(/effective base p\(1 - p\) \/ SE\^2 overflows to Infinity/);
  });
  it('a standard error whose square underflows still counts: no false note, effective base kept', () => {
    // SE^2 = 1e-340 underflows to 0; the effective base 1e-100 / 1e-340 = 1e240 is a double
    const out = expectedVictims(one({ base: undefined, estimate: 1e-100, standardError: 1e-170 }), pop(1000));
    expect(out.total.notes ?? []).not.toContainEqual(expect.stringMatching(/every stratum/));
    close(out.total.standardError!, 1e-167, 1e-12);
    close(out.prevalence.effectiveBase, 1e240, 1e-12);
  });
  it('a prevalence so small that P rounds to 0 keeps its variance (no false note)', () => {
    const prev: PrevalenceRow[] = [
      { sex: 'female', age: '16-19', estimate: 5e-324, base: 5, designFactor: 0.8 },
      { sex: 'female', age: '20-24', estimate: 0, base: 5, designFactor: 0.8 },
    ];
    const rows: PopulationInputRow[] = [
      { sex: 'female', age: '16-19', population: 1 },
      { sex: 'female', age: '20-24', population: 1 },
    ];
    for (const method of METHODS) {
      const out = expectedVictims(prev, rows, { method });
      expect(out.prevalence.value).toBe(0); // 2.5e-324 rounds to 0
      close(out.prevalence.effectiveBase, 2 * 5 / 0.64, 1e-12); // T Q / SE_T^2 = 2 n'
      expect(out.total.notes ?? []).not.toContainEqual(expect.stringMatching(/every stratum/));
      expect([out.total.lower, out.total.upper, out.total.standardError!].every(Number.isFinite)).toBe(true);
    }
  });
  it("the note on a total without variance appears only when every stratum's estimate is 0 or 1", () => {
    const out = expectedVictims(one({ estimate: 0 }), pop(1e200));
    expect(out.total.notes!.join(' ')).toMatch(/every stratum's estimate is 0 or 1/);
  });
  it('effective bases that sum beyond the doubles are an InputError on prevalence', () => {
    const prev: PrevalenceRow[] = [
      { sex: 'female', age: '16-24', estimate: 0.5, effectiveBase: 1.7e308 },
      { sex: 'male', age: '16-24', estimate: 0.5, effectiveBase: 1.7e308 },
    ];
    const rows: PopulationInputRow[] = [
      { sex: 'female', age: '16-24', population: 1 },
      { sex: 'male', age: '16-24', population: 1 },
    ];
    const e = errorOf(() => expectedVictims(prev, rows));
    expect(e.issues[0]!.path).toEqual(['prevalence']);
    expect(e.issues[0]!.expected).toMatch(/effective bases sum to a finite number/);
  });
  it('extreme magnitudes: finite results or an InputError, never NaN', () => {
    const pos = fc.double({ min: 5e-324, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true });
    const p = fc.oneof(fc.constantFrom(5e-324, 1e-300, 0.5, 1 - 2 ** -53), fc.double({ min: 0, max: 1, noNaN: true }));
    const design = fc.oneof(
      fc.record({ base: fc.oneof(fc.integer({ min: 1, max: 1e9 }), fc.constant(1e308)), designFactor: pos }),
      fc.record({ effectiveBase: fc.oneof(pos, fc.double({ min: 1.5, max: 1e6, noNaN: true })) }),
      fc.record({ seShare: fc.double({ min: 1e-300, max: 1, noNaN: true }) }),
    );
    const population = fc.oneof(
      fc.constantFrom(0, 1, 1e200, 1e308, 5e-324),
      fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 1e7 }),
    );
    const ages = ['16-19', '20-24'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(p, design), { minLength: 4, maxLength: 4 }),
        fc.array(population, { minLength: 4, maxLength: 4 }),
        fc.constantFrom<SurveyProportionMethod | 'monte-carlo'>(...METHODS, 'monte-carlo'),
        (rows, pops, method) => {
          const prev = rows.map(([estimate, d], i) => {
            const { seShare, ...rest } = d as { seShare?: number };
            const spread = seShare === undefined ? rest : { standardError: seShare * Math.sqrt(estimate * (1 - estimate)) || 0.1 };
            return { sex: i < 2 ? 'female' : 'male', age: ages[i % 2]!, estimate, ...spread } as PrevalenceRow;
          });
          const popRows = pops.map((n, i): PopulationInputRow => ({ sex: i < 2 ? 'female' : 'male', age: ages[i % 2]!, population: n }));
          let out;
          try {
            out = expectedVictims(prev, popRows, { method, draws: 200, level: 0.95 });
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
            return;
          }
          for (const iv of [out.total, out.prevalence, ...out.strata.flatMap((s) => [s.victims, s.prevalence])]) {
            expect([iv.lower, iv.upper, iv.value, iv.standardError!].every(Number.isFinite)).toBe(true);
            expect(iv.lower <= iv.value && iv.value <= iv.upper).toBe(true);
          }
          expect(out.prevalence.effectiveBase > 0 && out.prevalence.effectiveBase <= Number.MAX_VALUE).toBe(true);
          if ((out.total.notes ?? []).some((n) => n.includes('every stratum'))) {
            expect(out.strata.every((s) => s.population === 0 || s.prevalence.standardError === 0)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Monte Carlo draws and the level', () => {
  it('fewer draws than the level needs are an InputError on draws', () => {
    const e = errorOf(() => expectedVictims(csew2015, populationEnglandWales2018, { method: 'monte-carlo', draws: 100, level: 0.999 }));
    const [rule, hint] = tooFewDrawsRule(0.999).split(HINT);
    expect(e.issues).toEqual([{ path: ['draws'], expected: rule, received: 100, hint }]);
    expect(e.message).toMatch(/draws: expected at least 1,999 draws for a 99\.9% percentile interval/);
    // the default 10,000 draws are too few for 99.995%
    expect(errorOf(() => expectedVictims(csew2015, populationEnglandWales2018, { method: 'monte-carlo', level: 0.99995 })).issues[0]!.path).toEqual(['draws']);
  });
  it('exactly fewestDraws(level) is enough, and analytic methods ignore draws', () => {
    const out = expectedVictims(csew2015, populationEnglandWales2018, { method: 'monte-carlo', draws: fewestDraws(0.999), level: 0.999 });
    expect(out.total.method).toBe('monte-carlo');
    expect(out.total.lower).toBeLessThan(out.total.value);
    expect(expectedVictims(csew2015, populationEnglandWales2018, { draws: 100, level: 0.999 }).total.method).toBe('logit');
  });
});
