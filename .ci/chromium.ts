/**
 * What the headless-Chromium checks share (.ci/browser, .ci/site, .ci/dashboard): Debian's Chromium launched with
 * a fresh profile and the flags that keep it off the network, and a static server for a folder on 127.0.0.1.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (apt-get install -y chromium), or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps calling out to Google's hosts, which this machine refuses. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Headless Chromium with a fresh profile in a temporary folder; `close` also removes the profile. */
export async function launchChromium(profilePrefix: string, viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), profilePrefix));
  const context = await chromium
    .launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, timeout: 120_000, ...(viewport ? { viewport } : {}), args: FLAGS })
    .catch((error: unknown) => {
      rmSync(profile, { recursive: true, force: true });
      throw new Error(`could not launch ${chromiumPath}: ${String(error)}`);
    });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serve the files below `folder` on 127.0.0.1 (an ephemeral port): GET only, a directory serves its
 * index.html, nothing outside the folder; `onServe` hears each path served.
 */
export async function serveFolder(folder: string, onServe?: (path: string) => void): Promise<{ server: Server; origin: string }> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    let file = resolve(root, `.${path}`);
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (request.method !== 'GET' || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    onServe?.(path);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => done());
  });
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
