/**
 * Dashboard check: builds examples/dashboard (as `npm run example:dashboard` does, against the BUILT package),
 * serves it on 127.0.0.1 (node:http, a free port, loopback only), opens it in headless Chromium (Debian's
 * /usr/bin/chromium via playwright-core, the flags of .ci/browser/check.ts) and checks that
 *
 * - no console error and no page error occur, and no request leaves the local server;
 * - each chart is drawn: SVG marks in each chart's container (bars of the iceberg and of the split, one point
 *   per area in the funnel plot);
 * - every number the page shows equals, character for character, the number Node computes for the same
 *   input (examples/dashboard/model.ts run in Node, importing 'darkfigure' from dist through "exports");
 * - moving the control (arrow keys, then End) changes the numbers, and they still equal Node's;
 * - the page also works opened from disk (file://), as `npm run example:dashboard` tells people to open it.
 *
 * Saves a screenshot to $DASHBOARD_SCREENSHOT_DIR (default .ci/dashboard/out/) and prints the size of the
 * page's bundle (bytes and gzip). Run after `npm run build`:
 *
 *   npx tsx .ci/dashboard/check.ts
 *
 * Ends with `dashboard: N passed, 0 failed`; exits non-zero on any failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { chromiumPath, launchChromium, serveFolder } from '../chromium';
import { buildDashboard, kilobytes } from '../../examples/dashboard/build';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const screenshotDir = resolve(process.env.DASHBOARD_SCREENSHOT_DIR ?? join(here, 'out'));

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail = ''): void {
  if (ok) {
    passed++;
    console.log(`  ok    ${name}`);
  } else {
    failed++;
    console.error(`  FAIL  ${name}${detail ? `\n        ${detail.split('\n').join('\n        ')}` : ''}`);
  }
}
function finish(): never {
  console.log(`dashboard: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
function abort(message: string): never {
  console.error(`dashboard check FAILED: ${message}`);
  failed++;
  finish();
}

for (const f of ['dist/index.js', 'dist/data/index.js', 'dist/charts/index.js']) {
  if (!existsSync(join(root, f))) abort(`${f} is missing: run \`npm run build\` first`);
}
if (!existsSync(chromiumPath)) abort(`${chromiumPath} is missing (apt-get install -y chromium)`);

// 1. Node's numbers: the page's own model, run here against the built package.
const darkfigureUrl = import.meta.resolve('darkfigure');
check(`Node imports 'darkfigure' from the built dist (${relative(root, fileURLToPath(darkfigureUrl))})`, darkfigureUrl.endsWith('/dist/index.js'));
const model = await import('../../examples/dashboard/model');
const nodeNumbers = (reporting: number) => new Map(model.keyNumbers(model.dashboard(reporting)).map((n) => [n.key, n.text]));

// 2. Build the page.
const built = await buildDashboard().catch((error: unknown) => abort(`the build failed: ${String(error)}`));
console.log(
  `dashboard page bundle (dashboard.js, minified): ${built.bytes.toLocaleString('en-GB')} bytes, ` +
    `${built.gzipBytes.toLocaleString('en-GB')} bytes gzip (${kilobytes(built.gzipBytes)}); darkfigure's share before gzip ${kilobytes(built.darkfigureBytes)}`,
);

// 3. Serve dist on the loopback interface.
const served: string[] = [];
const { server, origin } = await serveFolder(built.outDir, (path) => served.push(path));

// 4. Headless Chromium with a fresh profile; nothing but the local server.
const { context, close } = await launchChromium('darkfigure-dashboard-chromium-', { width: 1200, height: 900 }).catch((error: unknown) => {
  server.close();
  return abort(String(error instanceof Error ? error.message : error));
});

const consoleErrors: string[] = [];
const pageErrors: string[] = [];
const blocked: string[] = [];
const failedRequests: string[] = [];

/** Waits until the page has drawn the value `reporting` (a string as the control holds it). */
async function ready(page: Page, reporting: string): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const main = document.querySelector('main');
      if (main?.dataset.state === 'error') throw new Error(document.querySelector('#status')?.textContent ?? 'error');
      return main?.dataset.state === 'ready' && main.dataset.reporting === want;
    },
    String(Number(reporting)),
    { timeout: 120_000 },
  );
}

/** The SVG marks in each chart container, by Vega mark type. */
async function marks(page: Page): Promise<Record<string, Record<string, number>>> {
  return page.evaluate(() => {
    const out: Record<string, Record<string, number>> = {};
    for (const id of ['iceberg', 'shares', 'funnel']) {
      const counts: Record<string, number> = { svg: document.querySelectorAll(`#${id} svg`).length };
      for (const group of Array.from(document.querySelectorAll(`#${id} svg g.role-mark`))) {
        const type = Array.from(group.classList).find((c) => c.startsWith('mark-'))?.slice(5) ?? '?';
        counts[type] = (counts[type] ?? 0) + group.querySelectorAll(':scope > path, :scope > line, :scope > text, :scope > circle, :scope > rect').length;
      }
      out[id] = counts;
    }
    return out;
  });
}

async function pageNumbers(page: Page): Promise<Map<string, string>> {
  const pairs = await page.$$eval('[data-number]', (elements) => elements.map((e) => [(e as HTMLElement).dataset.number!, e.textContent ?? ''] as [string, string]));
  return new Map(pairs);
}

function compareNumbers(label: string, shown: Map<string, string>, node: Map<string, string>): void {
  const problems: string[] = [];
  for (const [key, text] of node) {
    if (!shown.has(key)) problems.push(`${key}: not on the page (Node: ${text})`);
    else if (shown.get(key) !== text) problems.push(`${key}: page "${shown.get(key)}", Node "${text}"`);
  }
  for (const key of shown.keys()) if (!node.has(key)) problems.push(`${key}: on the page but not computed by Node`);
  check(`${label}: all ${node.size} numbers shown equal Node's`, problems.length === 0, problems.join('\n'));
}

function checkCharts(label: string, m: Record<string, Record<string, number>>, areas: number, categories: number): void {
  const iceberg = m.iceberg ?? {};
  const shares = m.shares ?? {};
  const funnel = m.funnel ?? {};
  check(`${label}: iceberg drawn (3 bars, 2 interval rules)`, iceberg.svg === 1 && iceberg.rect === 3 && iceberg.rule === 2, JSON.stringify(iceberg));
  check(`${label}: relationship split drawn (${categories} bars and interval rules)`, shares.svg === 1 && shares.rect === categories && shares.rule === categories, JSON.stringify(shares));
  check(`${label}: funnel plot drawn (${areas} area points, limit lines)`, funnel.svg === 1 && funnel.symbol === areas && (funnel.line ?? 0) >= 4, JSON.stringify(funnel));
}

const initial = String(model.REPORTING.initial);
const initialNumbers = nodeNumbers(Number(initial));
const areas = model.dashboard(Number(initial)).local.areas.length;
const categories = [...initialNumbers.keys()].filter((k) => k.startsWith('split:')).length;

try {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('requestfailed', (request) => {
    if (!blocked.includes(request.url())) failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? '?'})`);
  });
  await page.route(
    (url) => url.origin !== origin && url.protocol !== 'file:',
    (route) => {
      blocked.push(route.request().url());
      return route.abort();
    },
  );
  await page.goto(`${origin}/`, { timeout: 60_000 });
  check('the page title names the dashboard', /dark figure/i.test(await page.title()), await page.title());
  check(
    'the control is labelled and limited to 0.3-0.7',
    await page.evaluate(() => {
      const c = document.querySelector<HTMLInputElement>('#reporting');
      return c !== null && c.labels !== null && c.labels.length === 1 && c.min === '0.3' && c.max === '0.7';
    }),
  );
  check('the page lists its assumptions', (await page.locator('#assumptions li').count()) === model.ASSUMPTIONS.length);

  // the first drawing, at "about half"
  await ready(page, initial);
  const at = (reporting: string) => `at ${Math.round(Number(reporting) * 100)}% reporting`;
  checkCharts(at(initial), await marks(page), areas, categories);
  const labels = await page.evaluate(() => ['iceberg', 'shares', 'funnel'].map((id) => document.getElementById(id)?.getAttribute('aria-label') ?? ''));
  const descriptions = Object.values(model.dashboard(Number(initial)).charts).map((spec) => spec.description);
  check(
    "each chart's text alternative (aria-label) is its specification's description, as Node writes it",
    labels.length === 3 && labels.every((label, i) => label === descriptions[i]),
    labels.map((label, i) => `page "${label}"\nNode "${descriptions[i]}"`).join('\n'),
  );
  const shownInitial = await pageNumbers(page);
  compareNumbers(at(initial), shownInitial, initialNumbers);

  // move the control with the keyboard, as a user would: four steps down, then to the top
  let previous = shownInitial;
  for (const move of [{ keys: ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft'], words: 'four steps down' }, { keys: ['End'], words: 'End' }]) {
    await page.focus('#reporting');
    for (const key of move.keys) await page.keyboard.press(key);
    const value = await page.inputValue('#reporting');
    await ready(page, value);
    const shown = await pageNumbers(page);
    const changed = ['reporting', 'victims', 'unrecorded', 'recordedShare', 'split:ex-partner', 'localRecording'].filter((k) => shown.get(k) !== previous.get(k));
    check(`moving the control (${move.words}) to ${value} changes the estimates`, changed.length === 6, `changed: ${changed.join(', ') || 'nothing'}`);
    compareNumbers(at(value), shown, nodeNumbers(Number(value)));
    checkCharts(at(value), await marks(page), areas, categories);
    previous = shown;
  }

  // the build prints a file:// address to open: the page must work from disk too
  const fromDisk = await context.newPage();
  fromDisk.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`(file://) ${message.text()}`);
  });
  fromDisk.on('pageerror', (error) => pageErrors.push(`(file://) ${String(error)}`));
  await fromDisk.goto(pathToFileURL(join(built.outDir, 'index.html')).href, { timeout: 60_000 });
  await ready(fromDisk, initial);
  checkCharts(`from file:// ${at(initial)}`, await marks(fromDisk), areas, categories);
  compareNumbers(`from file:// ${at(initial)}`, await pageNumbers(fromDisk), initialNumbers);
  await fromDisk.close();

  mkdirSync(screenshotDir, { recursive: true });
  const screenshot = join(screenshotDir, 'dashboard.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`  screenshot: ${relative(process.cwd(), screenshot) || screenshot}`);
} catch (error) {
  check('the page loads and draws', false, String(error));
} finally {
  await close();
  server.close();
}

check('no console errors', consoleErrors.length === 0, consoleErrors.join('\n'));
check('no page errors', pageErrors.length === 0, pageErrors.join('\n'));
check('no request left the local server', blocked.length === 0 && failedRequests.length === 0, [...blocked, ...failedRequests].join('\n'));
check('the page loaded only its own two files', served.includes('/') && served.includes('/dashboard.js'), served.join(', '));
finish();
