import { describe, expect, it } from 'vitest';
import { formatInterval, proportionCI, rateCI } from '../../src/index';
import { issuesOf } from '../helpers';

describe('formatInterval', () => {
  it('writes the phrases the examples print', () => {
    expect(formatInterval(proportionCI(27, 500), { percent: true })).toBe('5.4% (95% CI 3.7% to 7.7%; wilson)');
    expect(formatInterval(rateCI(22, 755_833), { per: 100_000 })).toBe('2.91 per 100,000 (95% CI 1.82 to 4.41; byar)');
    expect(formatInterval({ value: 1231114.38, lower: 1130412, upper: 1339876, level: 0.95, method: 'logit' })).toBe(
      '1.23 million (95% CI 1.13 million to 1.34 million; logit)',
    );
    expect(formatInterval({ value: 552784, lower: 477439, upper: 627695, level: 0.95, method: 'monte-carlo' }, { digits: 4 })).toBe(
      '552,800 (95% CI 477,400 to 627,700; monte-carlo)',
    );
  });
  it('digits, levels, unbounded limits and locales', () => {
    expect(formatInterval({ value: 0.012345, lower: 0.01, upper: 0.02, level: 0.998, method: 'exact' }, { digits: 2 })).toBe(
      '0.012 (99.8% CI 0.010 to 0.020; exact)',
    );
    expect(formatInterval({ value: 118, lower: 55.8, upper: Infinity, level: 0.95, method: 'profile' })).toBe('118 (95% CI 55.8 to unbounded; profile)');
    expect(formatInterval({ value: 2.5, lower: 1.25, upper: 4, level: 0.9, method: 'x' }, { locale: 'de-DE' })).toBe('2,50 (90% CI 1,25 to 4,00; x)');
    expect(formatInterval({ value: 0, lower: 0, upper: 3.69, level: 0.95, method: 'exact' })).toBe('0 (95% CI 0 to 3.69; exact)');
  });
  it('bad input names the field', () => {
    expect(issuesOf(() => formatInterval({ value: 1, lower: 0, upper: 2 } as never))[0]!.path).toEqual(['interval', 'level']);
    expect(issuesOf(() => formatInterval({ value: Number.NaN, lower: 0, upper: 2, level: 0.95, method: 'x' }))[0]!.path).toEqual(['interval', 'value']);
    expect(issuesOf(() => formatInterval(proportionCI(1, 2), { digits: 1.5 }))[0]!.path).toEqual(['digits']);
    expect(issuesOf(() => formatInterval(proportionCI(1, 2), { locale: 'no such locale!' }))[0]!.path).toEqual(['locale']);
  });
});
