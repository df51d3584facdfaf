import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listLines } from '../../examples/overlapping-lists';

describe('examples/overlapping-lists.ts', () => {
  it('prints what docs/lists.md shows', () => {
    const guide = readFileSync(new URL('../../docs/lists.md', import.meta.url), 'utf8');
    const printed = listLines().join('\n');
    expect(printed).not.toMatch(/NaN/);
    expect(guide).toContain(printed);
  });
});
