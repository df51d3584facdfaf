// standardisedRate against the expected values of PHEindicatormethods' test workbook (PHE's own
// spreadsheet tools), one call per area. Files: test/fixtures/phe/DSR_ISR-*.csv.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/InputError';
import { esp2013 } from '../../src/data/esp2013';
import { standardisedRate, type StandardisedRateRow } from '../../src/standardise/standardisedRate';
import { fixAge, groupBy, num, readPhe, rel, type Row } from './phe';

const TOL = 1e-9; // PHE's expected values are printed to 13-15 significant digits

const results = readPhe('DSR_ISR-testresults_DSR.csv');
const expectedFor = (area: string, statistic: string) => {
  const row = results.find((r) => r.area === area && r.statistic === statistic);
  if (!row) throw new Error(`no PHE result for ${area} ${statistic}`);
  return row;
};

function expectMatch(got: { value: number; lower: number; upper: number }, want: [number, number, number]) {
  expect(rel(got.value, want[0])).toBeLessThan(TOL);
  expect(rel(got.lower, want[1])).toBeLessThan(TOL);
  expect(rel(got.upper, want[2])).toBeLessThan(TOL);
}

/** Rows of one area; PHE's na.zero() makes a missing count 0. */
const rowsOf = (rows: Row[], ageKey: string): StandardisedRateRow[] =>
  rows.map((r) => ({ age: fixAge(r[ageKey]!), count: r.count === null ? 0 : num(r.count), population: num(r.pop) }));

describe('standardisedRate: PHE multi-area test data (esp2013), one call per area', () => {
  const areas = groupBy(readPhe('DSR_ISR-multiarea.csv'), 'area');

  for (const area of ['testdata_big', 'testdata_small']) {
    for (const per of [10000, 100000]) {
      it(`${area}, per ${per}, 95% and 99.8%`, () => {
        const rows = rowsOf(areas.get(area)!, 'ageband');
        const want = expectedFor(area, `dsr per ${per}`);
        const r95 = standardisedRate(rows, { per });
        expectMatch(r95, [num(want.value), num(want.lower95_0cl), num(want.upper95_0cl)]);
        const r998 = standardisedRate(rows, { per, level: 0.998 });
        expectMatch(r998, [num(want.value), num(want.lower99_8cl), num(want.upper99_8cl)]);
        expect(r95.method).toBe('dobson');
        expect(r95.level).toBe(0.95);
        expect(r95.events).toBe(num(want.total_count));
        expect(r95.population).toBe(num(want.total_pop));
        expect(r95.notes).toBeUndefined();
        // the default standard is esp2013
        expect(standardisedRate(rows, { per, standard: esp2013 })).toEqual(r95);
      });
    }
  }

  it('testdata_tiny (9 events): PHE withholds the DSR; darkfigure returns it with a note', () => {
    const rows = rowsOf(areas.get('testdata_tiny')!, 'ageband');
    expect(expectedFor('testdata_tiny', 'dsr NA for total count < 10').value).toBeNull();
    const r = standardisedRate(rows);
    expect(r.events).toBe(9);
    expect(r.notes).toEqual([expect.stringContaining('fewer than 10 events in total (9)')]);
    expect(r.lower).toBeGreaterThan(0);
    expect(r.lower).toBeLessThan(r.value);
    expect(r.upper).toBeGreaterThan(r.value);
    // value by hand: sum over bands of count x esp weight / population
    let v = 0;
    rows.forEach((row, i) => (v += ((row.count ?? 0) * esp2013[i]!.population) / row.population));
    expect(rel(r.value, v)).toBeLessThan(1e-14);
  });
});

describe('standardisedRate: PHE 1976 European standard (18 bands, standard given as rows)', () => {
  const data = readPhe('DSR_ISR-1976.csv');
  const rows = rowsOf(data, 'Age Band');
  const standard = data.map((r) => ({ age: fixAge(r['Age Band']!), population: num(r.esp1976) }));

  it('matches at 95% per 10,000 and per 100,000', () => {
    for (const per of [10000, 100000]) {
      const want = expectedFor('testdata_1976', `dsr per ${per}`);
      const r = standardisedRate(rows, { standard, per });
      expectMatch(r, [num(want.value), num(want.lower95_0cl), num(want.upper95_0cl)]);
      expect(r.events).toBe(804);
      expect(r.population).toBe(8763);
    }
  });

  it("matches at 99.8%, where the workbook's 99.8% columns are per 100,000 in the per-10,000 row (and x10 in the other)", () => {
    const want = expectedFor('testdata_1976', 'dsr per 10000');
    const r = standardisedRate(rows, { standard, per: 100000, level: 0.998 });
    expect(rel(r.lower, num(want.lower99_8cl))).toBeLessThan(TOL);
    expect(rel(r.upper, num(want.upper99_8cl))).toBeLessThan(TOL);
    const want2 = expectedFor('testdata_1976', 'dsr per 100000');
    const r2 = standardisedRate(rows, { standard, per: 1_000_000, level: 0.998 });
    expect(rel(r2.lower, num(want2.lower99_8cl))).toBeLessThan(TOL);
    expect(rel(r2.upper, num(want2.upper99_8cl))).toBeLessThan(TOL);
  });

  it("rejects the workbook's '55-69' label as printed: it overlaps '60-64' and '65-69'", () => {
    const raw = data.map((r) => ({ age: String(r['Age Band']), count: num(r.count), population: num(r.pop) }));
    const rawStandard = data.map((r) => ({ age: String(r['Age Band']), population: num(r.esp1976) }));
    const e = (() => {
      try {
        standardisedRate(raw, { standard: rawStandard });
      } catch (error) {
        return error as InputError;
      }
      throw new Error('expected an InputError');
    })();
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toContain('age bands that do not overlap');
    expect(e.issues.some((i) => i.path[0] === 'standard')).toBe(true);
  });
});

describe('standardisedRate: PHE non-independent events (persons with 1, 2, 3, 4 events)', () => {
  const areas = groupBy(readPhe('DSR_ISR-nonindepe.csv'), 'area');
  const repeatRows = (rows: Row[]): StandardisedRateRow[] =>
    rows.map((r) => {
      const personsByEvents: Record<number, number> = {};
      for (const f of [1, 2, 3, 4]) {
        const persons = r[`f${f}`];
        if (persons !== null && persons !== undefined) personsByEvents[f] = num(persons);
      }
      // ages are '00-04', '05-09': matched to esp2013's '0-4', '5-9' by age
      return { age: fixAge(r.ageband!), personsByEvents, count: num(r.count), population: num(r.pop) };
    });

  for (const area of ['testdata_nonind_big', 'testdata_nonind_dummy', 'testdata_nonind_small']) {
    it(area, () => {
      const rows = repeatRows(areas.get(area)!);
      const want = expectedFor(area, 'dsr per 100000');
      const r95 = standardisedRate(rows);
      expectMatch(r95, [num(want.value), num(want.lower95_0cl), num(want.upper95_0cl)]);
      const r998 = standardisedRate(rows, { level: 0.998 });
      expectMatch(r998, [num(want.value), num(want.lower99_8cl), num(want.upper99_8cl)]);
      expect(r95.events).toBe(num(want.total_count));
      expect(r95.method).toBe('dobson');
      expect(r95.notes).toEqual([expect.stringContaining('repeat events per person')]);
      // the same events taken as independent give the same rate and a narrower interval
      const independent = standardisedRate(rows.map(({ age, count, population }) => ({ age, count: count!, population })));
      expect(rel(independent.value, r95.value)).toBeLessThan(1e-14);
      expect(independent.lower).toBeGreaterThan(r95.lower);
      expect(independent.upper).toBeLessThan(r95.upper);
    });
  }

  it('testdata_nonind_tiny (9 events): withheld by PHE, returned with notes', () => {
    const r = standardisedRate(repeatRows(areas.get('testdata_nonind_tiny')!));
    expect(r.events).toBe(9);
    expect(r.notes).toEqual([
      expect.stringContaining('fewer than 10 events in total (9)'),
      expect.stringContaining('repeat events per person'),
    ]);
  });

  it('works without count, from personsByEvents alone', () => {
    const rows = repeatRows(areas.get('testdata_nonind_big')!).map(({ age, personsByEvents, population }) => ({
      age,
      personsByEvents: personsByEvents!,
      population,
    }));
    const want = expectedFor('testdata_nonind_big', 'dsr per 100000');
    expectMatch(standardisedRate(rows), [num(want.value), num(want.lower95_0cl), num(want.upper95_0cl)]);
  });
});

describe('standardisedRate: the malformed PHE inputs are InputErrors', () => {
  const fileRows = (name: string, ageKey = 'Age Band') => {
    const data = readPhe(name);
    return {
      rows: data.map((r) => ({ age: fixAge(r[ageKey]!), count: num(r.count), population: num(r.pop) })),
      standard: data.map((r) => ({ age: fixAge(r[ageKey]!), population: num(r.stdpop) })),
    };
  };
  const issuesOf = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).issues;
    }
    throw new Error('expected an InputError');
  };

  it('err1: a negative count', () => {
    const { rows, standard } = fileRows('DSR_ISR-err1.csv');
    expect(issuesOf(() => standardisedRate(rows, { standard }))).toEqual([
      { path: ['rows', 5, 'count'], expected: 'a finite number >= 0', received: -26 },
    ]);
  });

  it('err2: a zero population (area 1), with a hint rather than an infinite rate', () => {
    const area1 = readPhe('DSR_ISR-err2.csv')
      .filter((r) => r.area === 'Area1')
      .map((r, i) => ({ age: esp2013[i]!.age, count: num(r.count), population: num(r.pop) }));
    const issues = issuesOf(() => standardisedRate(area1));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: ['rows', 1, 'population'], expected: 'a finite number > 0', received: 0 });
    expect(issues[0]!.hint).toContain('merge it with a neighbouring band');
  });

  it('err3: a negative population', () => {
    const { rows, standard } = fileRows('DSR_ISR-err3.csv');
    expect(issuesOf(() => standardisedRate(rows, { standard }))).toEqual([
      { path: ['rows', 1, 'population'], expected: 'a finite number > 0', received: -558 },
    ]);
  });

  it('err4: a negative standard population', () => {
    const { rows, standard } = fileRows('DSR_ISR-err4.csv');
    expect(issuesOf(() => standardisedRate(rows, { standard }))).toEqual([
      { path: ['standard', 5, 'population'], expected: 'a finite number >= 0', received: -6000 },
    ]);
  });
});
