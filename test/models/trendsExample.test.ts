import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trendLines } from '../../examples/recorded-trends';

describe('examples/recorded-trends.ts', () => {
  it('prints what docs/models.md shows', () => {
    const guide = readFileSync(new URL('../../docs/models.md', import.meta.url), 'utf8');
    const printed = trendLines().join('\n');
    expect(printed).not.toMatch(/NaN/);
    expect(guide).toContain(printed);
  });
});
