import { describe, expect, it } from 'vitest';
import { parseAgeBand } from '../../src/core/ageBand';
import { InputError } from '../../src/core/InputError';
import { matchPopulationBands, sumPopulationIntoBands } from '../../src/core/populationBands';

const band = (label: string | number) => parseAgeBand(label)!;
const targets = (labels: string[], group = '') => labels.map((l, i) => ({ group, band: band(l), path: ['standard', i] }));
const rows = (labels: (string | number)[], group = '') => labels.map((l, i) => ({ group, band: band(l), path: ['rows', i] }));

describe('sumPopulationIntoBands (shared by survey and standardisation)', () => {
  it('sums single years and bands into ungrouped bands, as the documented example', () => {
    expect(
      sumPopulationIntoBands(
        'f',
        [{ group: 'female', band: band('16-17'), path: ['prevalence', 0] }],
        [16, 17, 18].map((age, i) => ({ group: 'female', band: band(age), path: ['population', i] })),
        [100, 200, 300],
        { groupField: 'sex' },
      ),
    ).toEqual([300]);
    const ages = Array.from({ length: 91 }, (_, a) => (a === 90 ? '90+' : a));
    const sums = sumPopulationIntoBands('f', targets(['0-4', '5-9', '10-84', '85-89', '90+']), rows(ages), ages.map(() => 1));
    expect(sums).toEqual([5, 5, 75, 5, 1]);
  });
  it('reports every problem at once, without a group field', () => {
    const { issues } = matchPopulationBands(targets(['0-4', '5-9', '3-6']), rows(['0-2', '4-5', 6, 6, 8]));
    const text = issues.map((i) => `${i.path.join('.')}: ${i.hint}`);
    expect(text).toContain('standard.2.age: 3-6 overlaps 0-4 (standard[0]); a total over overlapping bands would count people twice');
    expect(text).toContain('rows.1.age: 4-5 covers 0-4 only in part: give single years of age, or bands that split at 0 and 5');
    expect(text.some((t) => t.startsWith('rows.3.age: duplicates rows[2]'))).toBe(true);
    expect(text).toContain('standard.0.age: no population rows for ages 3-4');
    expect(text).toContain('standard.1.age: no population rows for ages 5, 7, 9');
  });
  it('throws one InputError', () => {
    expect(() => sumPopulationIntoBands('standardisedRate', targets(['0-4']), rows([0, 1]), [1, 1])).toThrow(InputError);
    expect(() => sumPopulationIntoBands('standardisedRate', targets(['0-4']), [], [])).toThrow(/there are no population rows at all/);
  });
});
