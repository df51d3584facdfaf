import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', '..', 'src');

/** Every TypeScript file under a folder of src, with the relative imports it makes. */
function importsUnder(folder: string): { file: string; from: string }[] {
  const out: { file: string; from: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(SRC, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        for (const m of readFileSync(join(SRC, path), 'utf8').matchAll(/^import [^;]*? from '([^']+)';/gms)) out.push({ file: path, from: m[1]! });
      }
    }
  };
  walk(folder);
  return out;
}

describe('the Monte Carlo plumbing lives below survey, incidence and compare', () => {
  it('src/montecarlo imports only core and random', () => {
    expect(importsUnder('montecarlo').map((i) => i.from)).toContain('../core/plainNumber');
    const bad = importsUnder('montecarlo').filter(({ from }) => from.startsWith('..') && !/^\.\.\/(core|random)\//.test(from));
    expect(bad).toEqual([]);
  });

  it('survey and compare take it from src/montecarlo, and plainNumber from core', () => {
    const plumbing = /(fewestDraws|drawsOption|percentileSummary|percentileInterval|quickselect|deviationFromSums|standardDeviationOf|streamSeeds|finiteOrInfinity)$/;
    const bad = [...importsUnder('survey'), ...importsUnder('compare'), ...importsUnder('incidence')].filter(
      ({ from }) => (plumbing.test(from) && !from.includes('/montecarlo/')) || /change\/plainNumber$/.test(from),
    );
    expect(bad).toEqual([]);
  });

  it('no layer below incidence imports from it', () => {
    const below = ['core', 'special', 'random', 'montecarlo', 'intervals', 'survey', 'standardise'];
    const bad = below.flatMap((folder) => importsUnder(folder)).filter(({ from }) => /\/(incidence|compare)\//.test(from));
    expect(bad).toEqual([]);
  });
});
