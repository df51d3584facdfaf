/**
 * Real-browser check: runs the battery (battery.ts) against the BUILT ESM entries dist/index.js, dist/models/index.js and
 * dist/charts/index.js in Node and
 * in headless Chromium (Debian's /usr/bin/chromium via playwright-core), and requires every result to be
 * identical bit for bit. Also compares the whole `darkfigure/data` entry. Run after `npm run build`:
 *
 *   npx tsx .ci/browser/check.ts
 *
 * Exits non-zero on any mismatch, on an uncovered export, or if the browser fails.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromiumPath, launchChromium } from '../chromium';
import { encode, runBattery, type BatteryRun } from './battery';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const distMain = join(root, 'dist/index.js');
const distData = join(root, 'dist/data/index.js');
const distModels = join(root, 'dist/models/index.js');
const distCharts = join(root, 'dist/charts/index.js');
const outDir = join(here, 'out');

interface PageResult {
  ok: boolean;
  error?: string;
  battery?: BatteryRun;
  data?: string;
  userAgent?: string;
}

/**
 * Largest distance in units in the last place between the numbers of two encoded outcomes
 * (Infinity if their shapes or any non-number part differ). Reported so a mismatch can be told apart
 * from a logic bug: 1-2 ulps means the runtimes' Math functions round differently.
 */
function maxUlps(a: string, b: string): number {
  const bits = (x: number) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const n = view.getBigInt64(0);
    return n < 0n ? -(n & 0x7fffffffffffffffn) : n; // monotone integer order
  };
  let worst = 0;
  const walk = (x: unknown, y: unknown): void => {
    if (typeof x === 'string' && typeof y === 'string' && x.startsWith('#num:') && y.startsWith('#num:')) {
      const u = Number(x.slice(5));
      const v = Number(y.slice(5));
      if (Object.is(u, v)) return;
      if (!Number.isFinite(u) || !Number.isFinite(v)) worst = Infinity;
      else worst = Math.max(worst, Number(bits(u) > bits(v) ? bits(u) - bits(v) : bits(v) - bits(u)));
      return;
    }
    if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object') {
      const kx = Object.keys(x);
      const ky = Object.keys(y);
      if (kx.length !== ky.length || kx.some((k, i) => k !== ky[i])) worst = Infinity;
      else for (const k of kx) walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]);
      return;
    }
    if (x !== y) worst = Infinity;
  };
  walk(JSON.parse(a), JSON.parse(b));
  return worst;
}

const allowedUlps = Number(process.env.BROWSER_CHECK_MAX_ULPS ?? 0);

function fail(message: string): never {
  console.error(`browser check FAILED: ${message}`);
  process.exit(1);
}

for (const f of [distMain, distData, distModels, distCharts]) if (!existsSync(f)) fail(`${f} is missing: run \`npm run build\` first`);
if (!existsSync(chromiumPath)) fail(`${chromiumPath} is missing (apt-get install -y chromium)`);

// 1. Node, from the built entry.
const lib = {
  ...((await import(pathToFileURL(distMain).href)) as Record<string, unknown>),
  ...((await import(pathToFileURL(distModels).href)) as Record<string, unknown>),
  ...((await import(pathToFileURL(distCharts).href)) as Record<string, unknown>),
};
const data = (await import(pathToFileURL(distData).href)) as Record<string, unknown>;
const inNode: PageResult = { ok: true, battery: runBattery(lib), data: encode(data) };

// 2. The same built entry bundled into a page.
mkdirSync(outDir, { recursive: true });
await build({
  stdin: {
    contents: `
      import * as main from ${JSON.stringify(distMain)};
      import * as models from ${JSON.stringify(distModels)};
      import * as charts from ${JSON.stringify(distCharts)};
      const lib = { ...main, ...models, ...charts };
      import * as data from ${JSON.stringify(distData)};
      import { encode, runBattery } from ${JSON.stringify(join(here, 'battery.ts'))};
      try {
        globalThis.__darkfigure = { ok: true, battery: runBattery(lib), data: encode(data), userAgent: navigator.userAgent };
      } catch (error) {
        globalThis.__darkfigure = { ok: false, error: String((error && error.stack) || error) };
      }
    `,
    resolveDir: root,
    sourcefile: 'browser-entry.js',
    loader: 'js',
  },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  outfile: join(outDir, 'page.js'),
  logLevel: 'warning',
});
writeFileSync(
  join(outDir, 'index.html'),
  '<!doctype html><html><head><meta charset="utf-8"><title>darkfigure browser check</title></head>' +
    '<body><script src="page.js"></script></body></html>\n',
);

// 3. Headless Chromium with a fresh profile, no network.
let inBrowser: PageResult;
let browserVersion = '?';
const { context, close } = await launchChromium('darkfigure-chromium-').catch((error: unknown) =>
  fail(String(error instanceof Error ? error.message : error)),
);
try {
  browserVersion = context.browser()?.version() ?? '?';
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.route(/^(?!file:)/, (route) => route.abort()); // nothing but the local files
  await page.goto(pathToFileURL(join(outDir, 'index.html')).href, { timeout: 60_000 });
  await page.waitForFunction(() => (globalThis as { __darkfigure?: unknown }).__darkfigure !== undefined, undefined, {
    timeout: 120_000,
  });
  inBrowser = (await page.evaluate(() => (globalThis as { __darkfigure?: unknown }).__darkfigure)) as PageResult;
  if (pageErrors.length > 0) fail(`errors in the page:\n${pageErrors.join('\n')}`);
} catch (error) {
  fail(`the page failed: ${String(error)}`);
} finally {
  await close();
}

// 4. Compare.
if (!inBrowser.ok || inBrowser.battery === undefined) fail(`the battery threw in the browser:\n${inBrowser.error}`);
const node = inNode.battery as BatteryRun;
const web = inBrowser.battery;
const problems: string[] = [];
if (node.uncovered.length > 0) {
  problems.push(`exported functions with no battery cases (add them to .ci/browser/battery.ts): ${node.uncovered.join(', ')}`);
}
if (node.outcomes.length !== web.outcomes.length) problems.push(`case count differs: node ${node.outcomes.length}, browser ${web.outcomes.length}`);
let passed = 0;
let failed = 0;
const ulpCounts = new Map<number, number>();
node.outcomes.forEach((n, i) => {
  const w = web.outcomes[i];
  const label = `${n.fn} case ${n.index} ${n.args}`;
  let bad = false;
  if (w === undefined || w.fn !== n.fn || w.index !== n.index) {
    problems.push(`${label}: missing in the browser`);
    bad = true;
  } else if (w.outcome !== n.outcome) {
    const ulps = maxUlps(n.outcome, w.outcome);
    ulpCounts.set(ulps, (ulpCounts.get(ulps) ?? 0) + 1);
    if (ulps > allowedUlps) {
      problems.push(`${label}: differs by ${ulps} ulp\n    node:    ${n.outcome}\n    browser: ${w.outcome}`);
      bad = true;
    }
  }
  if (n.problem !== undefined) {
    problems.push(`${label}: ${n.problem}`);
    bad = true;
  }
  if (bad) failed++;
  else passed++;
});
if (inNode.data !== inBrowser.data) {
  problems.push('darkfigure/data differs between Node and the browser');
  failed++;
} else passed++;

const functions = [...new Set(node.outcomes.map((o) => o.fn))];
const threw = node.outcomes.filter((o) => !o.ok).length;
console.log(
  `browser check: ${node.outcomes.length} calls to ${functions.length} functions (${functions.join(', ')}; ${threw} InputError cases) ` +
    `+ the data entry, Node ${process.version} vs Chromium ${browserVersion}`,
);
if (node.notInDist.length > 0) console.log(`  not in dist yet, skipped: ${node.notInDist.join(', ')}`);
if (ulpCounts.size > 0) {
  const byUlps = [...ulpCounts].sort((x, y) => x[0] - y[0]).map(([u, c]) => `${c} by ${u} ulp`).join(', ');
  console.log(`  results not bit-identical: ${byUlps} (allowed: ${allowedUlps} ulp; set BROWSER_CHECK_MAX_ULPS to change)`);
}
if (problems.length > 0) {
  const report = join(outDir, 'problems.txt');
  writeFileSync(report, problems.map((p) => `FAIL ${p}\n`).join(''));
  for (const p of problems.slice(0, 40)) console.error(`  FAIL ${p}`);
  if (problems.length > 40) console.error(`  ... and ${problems.length - 40} more (all in ${report})`);
  console.error(`browser check FAILED: ${failed} of ${passed + failed} comparisons failed`);
  process.exit(1);
}
console.log(
  ulpCounts.size === 0
    ? `browser check: all ${passed} comparisons identical bit for bit`
    : `browser check: all ${passed} comparisons within ${allowedUlps} ulp`,
);
console.log(`browser: ${passed} passed, 0 failed`);
