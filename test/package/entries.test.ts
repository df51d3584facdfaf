import { describe, it, expect } from 'vitest';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pkg from '../../package.json';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Bundle a snippet that imports from src/ the way an app imports the package, and return the code. */
async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    treeShaking: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

// Markers that only appear in each data module.
const LAD = 'E07000136'; // populationSelectedAreas2018 and the area groups
const EW = '343642'; // first number of populationEnglandWales2018
const FIGURES = 'Suzy Lamplugh'; // stalkingFigures

describe('package.json', () => {
  it('maps ".", "./data", "./models", "./charts" and "./package.json" with types first for import and require', () => {
    expect(Object.keys(pkg.exports)).toEqual(['.', './data', './models', './charts', './package.json']);
    for (const sub of ['.', './data', './models', './charts'] as const) {
      const entry = pkg.exports[sub];
      expect(Object.keys(entry)).toEqual(['import', 'require']);
      expect(Object.keys(entry.import)[0]).toBe('types');
      expect(Object.keys(entry.require)[0]).toBe('types');
      expect(entry.import.default).toMatch(/\.js$/);
      expect(entry.require.default).toMatch(/\.cjs$/);
      expect(entry.import.types).toMatch(/\.d\.ts$/);
      expect(entry.require.types).toMatch(/\.d\.cts$/);
    }
    // TypeScript's node10 resolution finds the subpath types through typesVersions
    expect(pkg.typesVersions['*']).toEqual({ data: ['./dist/data/index.d.cts'], models: ['./dist/models/index.d.cts'], charts: ['./dist/charts/index.d.cts'] });
  });
  it('vega and vega-lite are exact dev dependencies only (charts are plain JSON; no renderer is shipped)', () => {
    const dev = pkg.devDependencies as Record<string, string>;
    for (const name of ['vega', 'vega-lite']) {
      expect(dev[name]).toMatch(/^\d+\.\d+\.\d+$/);
      expect(Object.keys(pkg.dependencies)).not.toContain(name);
    }
  });
  it('is side-effect free, ships dist and the guides (not docs/api), and keeps the documented test command', () => {
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.files).toEqual(['dist', 'docs/*.md', 'README.md', 'LICENSE']);
    expect(pkg.engines.node).toBe('>=20.19');
    expect(pkg.scripts.test).toBe('vitest run --config test/vitest.config.ts');
    expect(Object.keys(pkg.dependencies)).toEqual(['simple-statistics', 'zod']);
    // zod as a range, so an app shares its copy
    expect(pkg.dependencies.zod).toMatch(/^\^4\./);
  });
});

describe('tree shaking', () => {
  it('the core entry carries none of darkfigure/models (nor simple-statistics)', async () => {
    const code = await bundle(`export * from './src/index';`);
    expect(code).not.toContain('countModel');
    expect(code).not.toContain('medianSorted');
    expect(code).not.toMatch(/simple-statistics/);
  });
  it('the core entry carries none of darkfigure/charts', async () => {
    const code = await bundle(`export * from './src/index';`);
    for (const marker of ['funnelChart', 'classBreaks', 'vega-lite', 'Funnel plot of', 'ckmeans']) expect(code).not.toContain(marker);
  });
  it('darkfigure/charts bundles for a browser with no renderer, no DOM and none of the models', async () => {
    const code = await bundle(`import { funnelChart, icebergChart, classBreaks } from './src/charts/index'; console.log(funnelChart, icebergChart, classBreaks);`);
    expect(code).toContain('vega-lite/v5.json');
    expect(code).toContain('Funnel plot of');
    for (const marker of ['IRLS step', 'vega-embed', 'document.', 'window.']) expect(code).not.toContain(marker);
    // without classBreaks, nothing of simple-statistics
    const specsOnly = await bundle(`import { forestChart } from './src/charts/index'; console.log(forestChart);`);
    expect(specsOnly).not.toMatch(/ckmeans|simple-statistics/i);
  });
  it('darkfigure/charts imports no renderer, no vega types and no DOM (its spec types are its own)', () => {
    const dir = join(root, 'src/charts');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/from '(vega|vega-lite|vega-embed)[/']/);
      expect(text, file).not.toMatch(/\b(document|window|HTMLElement)\./);
    }
  });
  it('darkfigure/models bundles and fits in a browser build', async () => {
    const code = await bundle(`import { countModel } from './src/models/index'; console.log(countModel([{ y: 3 }, { y: 5 }], { response: 'y' }).fitted);`);
    expect(code).toContain('IRLS step');
  });
  it('the main entry pulls in none of the example data sets', async () => {
    const code = await bundle(`export * from './src/index';`);
    expect(code).toContain('90+');
    for (const marker of [LAD, EW, FIGURES]) expect(code).not.toContain(marker);
  });
  it('importing esp2013 from darkfigure/data pulls in nothing else', async () => {
    const code = await bundle(`import { esp2013 } from './src/data/index'; console.log(esp2013);`);
    expect(code).toContain('85-89');
    for (const marker of [LAD, EW, FIGURES]) expect(code).not.toContain(marker);
    expect(code.length).toBeLessThan(2000);
  });
  it('each data set can be imported alone', async () => {
    const figures = await bundle(`import { stalkingFigures } from './src/data/index'; console.log(stalkingFigures);`);
    expect(figures).toContain(FIGURES);
    for (const marker of [LAD, EW]) expect(figures).not.toContain(marker);
    const ew = await bundle(`import { populationEnglandWales2018 } from './src/data/index'; console.log(populationEnglandWales2018);`);
    expect(ew).toContain(EW);
    for (const marker of [LAD, FIGURES]) expect(ew).not.toContain(marker);
  });
});
