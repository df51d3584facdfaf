/**
 * Builds the dashboard into examples/dashboard/dist/ (index.html + dashboard.js), bundled with esbuild as a
 * user's app would be: 'darkfigure', 'darkfigure/data' and 'darkfigure/charts' resolve through this package's
 * package.json "exports" to the BUILT dist (a temporary app folder whose node_modules/darkfigure links to the
 * repository, as .ci/bundle-sizes.ts does), vega-embed, vega and vega-lite from node_modules. Run after
 * `npm run build`:
 *
 *   npm run example:dashboard
 *
 * The bundle is a classic script (not a module), so the page also works opened straight from disk (file://).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

export const dashboardDir = here;
export const distDir = join(here, 'dist');

export interface DashboardBuild {
  /** The folder holding index.html and dashboard.js. */
  outDir: string;
  /** The page's script, minified: bytes and gzip bytes. */
  bytes: number;
  gzipBytes: number;
  /** Bytes of the bundle that came from darkfigure's dist (minified estimate from esbuild's metafile). */
  darkfigureBytes: number;
}

/** Bundles the page; throws if the package is not built or if darkfigure did not come from dist. */
export async function buildDashboard(outDir: string = distDir): Promise<DashboardBuild> {
  for (const entry of ['dist/index.js', 'dist/data/index.js', 'dist/charts/index.js']) {
    if (!existsSync(join(root, entry))) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  }
  // an app folder whose node_modules/darkfigure is this package, so the imports resolve through "exports"
  const app = mkdtempSync(join(tmpdir(), 'darkfigure-dashboard-'));
  try {
    mkdirSync(join(app, 'node_modules'));
    symlinkSync(root, join(app, 'node_modules', 'darkfigure'), 'dir');
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const result = await build({
      entryPoints: [join(here, 'main.ts')],
      outfile: join(outDir, 'dashboard.js'),
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      legalComments: 'eof',
      metafile: true,
      logLevel: 'warning',
      nodePaths: [join(app, 'node_modules'), join(root, 'node_modules')],
    });
    const inputs = Object.keys(result.metafile.inputs);
    const fromSrc = inputs.filter((p) => p.startsWith(`${relative(process.cwd(), join(root, 'src'))}/`));
    if (fromSrc.length > 0) throw new Error(`the page bundled darkfigure from src/, not from dist: ${fromSrc.slice(0, 3).join(', ')}`);
    const output = Object.values(result.metafile.outputs)[0]!;
    const distPrefix = relative(process.cwd(), join(root, 'dist'));
    const darkfigureBytes = Object.entries(output.inputs)
      .filter(([p]) => p.startsWith(`${distPrefix}/`))
      .reduce((sum, [, i]) => sum + i.bytesInOutput, 0);
    if (darkfigureBytes === 0) throw new Error('no code from darkfigure dist/ in the bundle: the "exports" resolution failed');
    copyFileSync(join(here, 'index.html'), join(outDir, 'index.html'));
    const code = readFileSync(join(outDir, 'dashboard.js'));
    return { outDir, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, darkfigureBytes };
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const built = await buildDashboard();
    const page = join(built.outDir, 'index.html');
    console.log(`dashboard built into ${relative(process.cwd(), built.outDir) || '.'}/ (index.html, dashboard.js)`);
    console.log(
      `  dashboard.js: ${built.bytes.toLocaleString('en-GB')} bytes minified, ${built.gzipBytes.toLocaleString('en-GB')} bytes gzip ` +
        `(${kilobytes(built.gzipBytes)}; darkfigure's share before gzip ${kilobytes(built.darkfigureBytes)}, the rest is vega-embed, vega and vega-lite)`,
    );
    console.log('');
    console.log('Open it in a browser; no server is needed (the page runs from file://):');
    console.log(`  open ${relative(process.cwd(), page)}`);
    console.log(`  or paste ${pathToFileURL(page).href} into the address bar`);
  } catch (error) {
    console.error(`dashboard build FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
