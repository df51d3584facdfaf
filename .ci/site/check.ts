/**
 * Site check: the generated API site (docs/api, from `npx typedoc`) renders in headless Chromium (Debian's
 * /usr/bin/chromium via playwright-core). Serves docs/api on 127.0.0.1 with node:http, opens index.html,
 * and requires: no errors in the page and no failed requests, a title naming darkfigure, the four modules
 * (`darkfigure`, `darkfigure/data`, `darkfigure/models`, `darkfigure/charts`) and the guides in the
 * navigation, and a module page that renders. Saves screenshots to SITE_SCREENSHOT_DIR (default .ci/site/out/).
 * Run after `npx typedoc`:
 *
 *   npx tsx .ci/site/check.ts
 *
 * Prints `site: N passed, 0 failed`; exits non-zero on any failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, launchChromium, serveFolder } from '../chromium';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const site = join(root, 'docs/api');
const outDir = resolve(root, process.env.SITE_SCREENSHOT_DIR ?? join(here, 'out'));

const MODULES = ['darkfigure', 'darkfigure/data', 'darkfigure/models', 'darkfigure/charts'];
const GUIDES = ['The hidden-incidence model', 'Comparing areas and years', 'Performance', 'Changelog'];

function fail(message: string): never {
  console.error(`site check FAILED: ${message}`);
  process.exit(1);
}

if (!existsSync(join(site, 'index.html'))) fail(`${site}/index.html is missing: run \`npx typedoc\` first`);
if (!existsSync(chromiumPath)) fail(`${chromiumPath} is missing (apt-get install -y chromium)`);

// 1. A static server for docs/api on 127.0.0.1 (an ephemeral port), nothing outside it.
const { server, origin } = await serveFolder(site);

// 2. Headless Chromium with a fresh profile, as the browser check launches it; no network but the server.
const passed: string[] = [];
const failed: string[] = [];
const check = (name: string, ok: boolean, detail = '') => (ok ? passed : failed).push(ok ? name : `${name}${detail ? `: ${detail}` : ''}`);

const { context, close } = await launchChromium('darkfigure-site-', { width: 1280, height: 900 }).catch((error: unknown) => {
  server.close();
  return fail(String(error instanceof Error ? error.message : error));
});
let browserVersion = '?';
try {
  browserVersion = context.browser()?.version() ?? '?';
  mkdirSync(outDir, { recursive: true });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const badRequests: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) badRequests.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    if (r.url().startsWith(origin)) badRequests.push(`failed ${r.url()} (${r.failure()?.errorText ?? '?'})`);
  });
  await page.route((url) => !url.href.startsWith(origin), (route) => route.abort());

  // The front page: title, navigation (filled in by typedoc's script), no errors.
  await page.goto(`${origin}/index.html`, { timeout: 60_000, waitUntil: 'load' });
  const title = await page.title();
  check(`title contains "darkfigure" (${JSON.stringify(title)})`, title.includes('darkfigure'), `title is ${JSON.stringify(title)}`);
  const nav = page.locator('#tsd-nav-container');
  const navReady = await page
    .waitForFunction(() => (document.querySelectorAll('#tsd-nav-container a').length ?? 0) > 0, undefined, { timeout: 30_000 })
    .then(() => true)
    .catch(() => false);
  check('navigation rendered', navReady, 'no links in #tsd-nav-container after 30 s');
  const links = navReady ? (await nav.locator('a').allTextContents()).map((t) => t.trim()) : [];
  for (const name of MODULES) check(`module ${name} in the navigation`, links.includes(name), `navigation has: ${links.join(', ')}`);
  check('no module named "index" in the navigation', !links.includes('index'));
  for (const guide of GUIDES) check(`guide "${guide}" in the navigation`, links.includes(guide), `navigation has: ${links.join(', ')}`);
  await page.screenshot({ path: join(outDir, 'index.png'), fullPage: false });

  // A module page from the navigation renders its members.
  if (links.includes('darkfigure/charts')) {
    const href = await nav.locator('a', { hasText: /^darkfigure\/charts$/ }).first().getAttribute('href');
    await page.goto(new URL(href ?? '', page.url()).href, { timeout: 60_000, waitUntil: 'load' });
    const heading = (await page.locator('h1').first().innerText()).trim();
    check(`darkfigure/charts page renders (${JSON.stringify(heading)})`, /darkfigure\/charts/.test(heading), `h1 is ${JSON.stringify(heading)}`);
    const members = await page.locator('.tsd-index-link, .tsd-member-summary-name').allInnerTexts();
    check('darkfigure/charts lists funnelChart', members.some((m) => m.includes('funnelChart')), `found: ${members.join(', ')}`);
    await page.screenshot({ path: join(outDir, 'charts.png'), fullPage: false });
  }

  check('no errors in the pages', pageErrors.length === 0, pageErrors.join('\n'));
  check('no failed requests', badRequests.length === 0, badRequests.join('\n'));
} catch (error) {
  check('the site loads', false, String(error));
} finally {
  await close();
  server.close();
}

console.log(`API site (docs/api) in Chromium ${browserVersion}; screenshots in ${outDir}`);
for (const p of passed) console.log(`  ok   ${p}`);
for (const f of failed) console.error(`  FAIL ${f}`);
if (failed.length > 0) {
  console.error(`site check FAILED: ${failed.length} of ${passed.length + failed.length} checks failed`);
  process.exit(1);
}
console.log(`site: ${passed.length} passed, 0 failed`);
