/**
 * Runs every bench/*.bench.ts file (each `export default defineBenchmarks([...])`) and prints a table,
 * then the reports those files declare (`export const reports = defineReports([...])`: work timed its own
 * way, e.g. beside R), each under its name.
 *
 *   npm run bench                 # all benchmarks
 *   npm run bench -- wilson       # only those whose file or name contains "wilson"
 *   BENCH_TIME_MS=2000 npm run bench   # time per benchmark (default 500 ms)
 *
 * Benchmarks are never timed assertions: this only reports. Each file is bundled with esbuild first, so
 * the timings are those of the library as users get it (see `load`).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import type { Benchmark, Report } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2]?.toLowerCase();
const budgetMs = Number(process.env.BENCH_TIME_MS ?? 500);
if (!(budgetMs > 0)) throw new Error(`BENCH_TIME_MS must be a positive number of milliseconds, got ${process.env.BENCH_TIME_MS}`);

interface Result {
  file: string;
  name: string;
  opsPerSecond: number;
  nsPerOp: number;
  relativeSpread: number;
  samples: number;
}

let sink: unknown;

/** Calls per sample so that one sample takes about `targetMs`. */
function calibrate(run: () => unknown, targetMs: number): number {
  let n = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink = run();
    const elapsed = performance.now() - t0;
    if (elapsed >= targetMs || n >= 2 ** 30) return Math.max(1, Math.round((n * targetMs) / Math.max(elapsed, 1e-3)));
    n *= 2;
  }
}

function measure(file: string, bench: Benchmark): Result {
  const perSample = calibrate(bench.run, budgetMs / 20); // also warms up
  const times: number[] = [];
  const end = performance.now() + budgetMs;
  while (times.length < 5 || (performance.now() < end && times.length < 1000)) {
    const t0 = performance.now();
    for (let i = 0; i < perSample; i++) sink = bench.run();
    times.push(((performance.now() - t0) * 1e6) / perSample);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const q1 = times[Math.floor(times.length / 4)] as number;
  const q3 = times[Math.floor((3 * times.length) / 4)] as number;
  return { file, name: bench.name, nsPerOp: median, opsPerSecond: 1e9 / median, relativeSpread: (q3 - q1) / 2 / median, samples: times.length };
}

function format(n: number): string {
  if (n >= 100) return Math.round(n).toLocaleString('en-GB');
  return n.toPrecision(3);
}

/**
 * Each bench file is bundled with esbuild (with the library source it imports) and the bundle imported:
 * the code runs as users get it, one bundled module (as `npm run build` makes), not module by module
 * through tsx's loader, whose per-module wrappers cost time in the hot loops.
 */
const buildDir = mkdtempSync(join(tmpdir(), 'darkfigure-bench-'));
process.on('exit', () => rmSync(buildDir, { recursive: true, force: true }));
async function load(file: string): Promise<{ default?: Benchmark[]; reports?: Report[] }> {
  const outfile = join(buildDir, file.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(here, file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    // CommonJS dependencies (the @stdlib oracles) call require(), which an ES module bundle must provide.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return (await import(pathToFileURL(outfile).href)) as { default?: Benchmark[]; reports?: Report[] };
}

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const results: Result[] = [];
const reports: { file: string; report: Report }[] = [];
for (const file of files) {
  const mod = await load(file);
  for (const report of mod.reports ?? []) {
    if (!filter || `${file} ${report.name}`.toLowerCase().includes(filter)) reports.push({ file, report });
  }
  const benchmarks = mod.default;
  if (!Array.isArray(benchmarks)) throw new Error(`${file} must \`export default defineBenchmarks([...])\``);
  for (const bench of benchmarks) {
    if (filter && !`${file} ${bench.name}`.toLowerCase().includes(filter)) continue;
    results.push(measure(file.replace(/\.bench\.ts$/, ''), bench));
  }
}

const header = ['file', 'benchmark', 'ops/s', 'ns/op', '± (IQR/2)', 'samples'];
const rows = results.map((r) => [
  r.file,
  r.name,
  format(r.opsPerSecond),
  format(r.nsPerOp),
  `${(100 * r.relativeSpread).toFixed(1)}%`,
  String(r.samples),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i >= 2 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ');
console.log(`node ${process.version}, ${budgetMs} ms per benchmark (median of samples)`);
if (results.length > 0 || reports.length === 0) {
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}
if (results.length === 0 && reports.length === 0) console.log(filter ? `no benchmark matches "${filter}"` : 'no bench/*.bench.ts files found');
for (const { file, report } of reports) {
  console.log(`\n${file.replace(/\.bench\.ts$/, '')}: ${report.name}`);
  for (const text of await report.run()) console.log(`  ${text}`);
}
if (sink === Symbol.for('never')) console.log('');
