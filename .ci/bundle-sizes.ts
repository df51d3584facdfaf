/**
 * Bundle sizes a user's app pays, measured as a user's bundler would: esbuild bundles a one-line app that
 * imports from the BUILT package (dist, through package.json "exports"), minified, for the browser; the
 * table gives minified and gzipped kilobytes against the budgets of DESIGN.md section 4. Run after
 * `npm run build`:
 *
 *   npx tsx .ci/bundle-sizes.ts
 *
 * Prints the table; exits non-zero if the core entry pulls in mathjs, darkfigure/models or darkfigure/charts code.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const apps: { name: string; code: string; budget?: number }[] = [
  { name: 'rateCI alone', code: `import { rateCI } from 'darkfigure'; console.log(rateCI(22, 755833));`, budget: 15 },
  { name: 'proportionCI alone', code: `import { proportionCI } from 'darkfigure'; console.log(proportionCI(27, 500));`, budget: 15 },
  { name: 'hiddenIncidence alone', code: `import { hiddenIncidence } from 'darkfigure'; console.log(hiddenIncidence);`, budget: 25 },
  { name: 'the whole core entry', code: `import * as d from 'darkfigure'; console.log(d);`, budget: 65 },
  { name: 'darkfigure/models', code: `import * as m from 'darkfigure/models'; console.log(m);` },
  { name: 'darkfigure/charts', code: `import * as c from 'darkfigure/charts'; console.log(c);` },
  { name: 'funnelChart alone', code: `import { funnelChart } from 'darkfigure/charts'; console.log(funnelChart);` },
  { name: 'darkfigure/data', code: `import * as d from 'darkfigure/data'; console.log(d);` },
];

// an app folder whose node_modules/darkfigure is this package, so imports resolve through "exports"
const app = mkdtempSync(join(tmpdir(), 'darkfigure-app-'));
mkdirSync(join(app, 'node_modules'));
symlinkSync(root, join(app, 'node_modules', 'darkfigure'), 'dir');
let bad = false;
console.log('app imports                 min KB   gzip KB   budget (gzip)');
for (const entry of apps) {
  const result = await build({
    stdin: { contents: entry.code, resolveDir: app, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    nodePaths: [join(root, 'node_modules')],
  });
  const code = result.outputFiles[0]!.contents;
  const text = result.outputFiles[0]!.text;
  const gzip = gzipSync(code, { level: 9 }).length / 1024;
  const over = entry.budget !== undefined && gzip > entry.budget;
  console.log(
    `${entry.name.padEnd(26)}${(code.length / 1024).toFixed(1).padStart(7)}${gzip.toFixed(1).padStart(10)}   ${entry.budget === undefined ? '-' : `${entry.budget}${over ? '  OVER' : '  ok'}`}`,
  );
  if (entry.name.includes('core') && /countModel|mathjs|funnelChart|vega-lite/.test(text)) {
    console.error('  the core entry carries darkfigure/models or darkfigure/charts code');
    bad = true;
  }
}
rmSync(app, { recursive: true, force: true });
if (bad) process.exit(1);
