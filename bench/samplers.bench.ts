/**
 * Sampler throughput beside numpy, in the same run. The report times darkfigure's bulk samplers
 * (fillGamma, fillBeta, fillPoisson: the ones the Monte Carlo models use) filling N draws, and numpy's
 * `default_rng` (PCG64) making the same N draws in one vectorised call, in a python3 child process right
 * after. Reported: ns per draw for each (median of the runs after warm-ups) and the ratio
 * numpy / darkfigure: 0.5 or more is the target (at least half numpy's speed; 1 or more: as fast or faster).
 * Without python3 or numpy the numpy columns are skipped with a message.
 *
 * N is 1,000,000 with 7 runs; a quick run (BENCH_TIME_MS below 100, as the CI smoke run uses) takes
 * 100,000 draws and 3 runs, and says so.
 *
 *   npm run bench -- numpy
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createGenerator } from '../src/random/generator';
import { fillBeta } from '../src/random/fillBeta';
import { fillGamma } from '../src/random/fillGamma';
import { fillPoisson } from '../src/random/fillPoisson';
import { defineBenchmarks, defineReports } from './types';

interface Case {
  name: string;
  fill: (out: Float64Array) => void;
  /** The same draws in numpy, `rng` a Generator and `N` the count. */
  numpy: string;
}

const rng = createGenerator(1);
const CASES: Case[] = [
  { name: 'Gamma(0.5)', fill: (out) => fillGamma(rng, 0.5, out), numpy: 'rng.gamma(0.5, size=N)' },
  { name: 'Gamma(2.5)', fill: (out) => fillGamma(rng, 2.5, out), numpy: 'rng.gamma(2.5, size=N)' },
  { name: 'Gamma(150.5)', fill: (out) => fillGamma(rng, 150.5, out), numpy: 'rng.gamma(150.5, size=N)' },
  { name: 'Beta(0.5, 0.5)', fill: (out) => fillBeta(rng, 0.5, 0.5, out), numpy: 'rng.beta(0.5, 0.5, size=N)' },
  { name: 'Beta(150.5, 150.5)', fill: (out) => fillBeta(rng, 150.5, 150.5, out), numpy: 'rng.beta(150.5, 150.5, size=N)' },
  { name: 'Beta(100.5, 1900.5)', fill: (out) => fillBeta(rng, 100.5, 1900.5, out), numpy: 'rng.beta(100.5, 1900.5, size=N)' },
  { name: 'Poisson(3)', fill: (out) => fillPoisson(rng, 3, out), numpy: 'rng.poisson(3.0, size=N)' },
  { name: 'Poisson(25)', fill: (out) => fillPoisson(rng, 25, out), numpy: 'rng.poisson(25.0, size=N)' },
  { name: 'Poisson(100000)', fill: (out) => fillPoisson(rng, 1e5, out), numpy: 'rng.poisson(1e5, size=N)' },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** darkfigure: ns per draw, median of `runs` fills after `warm` warm-ups (the engine optimises in stages). */
function timeOurs(c: Case, out: Float64Array, runs: number, warm: number): number {
  for (let r = 0; r < warm; r++) c.fill(out);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    c.fill(out);
    times.push(((performance.now() - t0) * 1e6) / out.length);
  }
  return median(times);
}

/** numpy: ns per draw for each case (same N and runs), or the reason it could not run. */
function timeNumpy(n: number, runs: number): { version: string; ns: number[] } | string {
  const script = [
    'import json, sys, time',
    'import numpy as np',
    `N = ${n}`,
    'rng = np.random.default_rng(1)',
    'res = []',
    `for expr in ${JSON.stringify(CASES.map((c) => c.numpy))}:`,
    '    f = eval("lambda: " + expr)',
    '    f()',
    '    t = []',
    `    for r in range(${runs}):`,
    '        t0 = time.perf_counter(); f(); t.append((time.perf_counter() - t0) * 1e9 / N)',
    '    res.append(sorted(t)[len(t) // 2])',
    'print(json.dumps({"version": np.__version__, "ns": res}))',
  ].join('\n');
  const py = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
  if (py.error) return `python3 not available (${py.error.message})`;
  if (py.status !== 0) {
    const last = py.stderr.trim().split('\n').pop() ?? '';
    return /No module named/.test(py.stderr) ? `numpy not installed for python3 (${last})` : `python3 failed (${last})`;
  }
  return JSON.parse(py.stdout.trim().split('\n').pop()!) as { version: string; ns: number[] };
}

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-GB') : x.toPrecision(3));

export default defineBenchmarks([]);

export const reports = defineReports([
  {
    name: 'bulk samplers beside numpy (ns per draw; ratio = numpy / darkfigure, target >= 0.5)',
    run: () => {
      const budgetMs = Number(process.env.BENCH_TIME_MS ?? 500);
      const quick = budgetMs < 100;
      const n = quick ? 100_000 : 1_000_000;
      const runs = quick ? 3 : 7;
      const out = new Float64Array(n);
      const warm = quick ? 1 : 3;
      const ours = CASES.map((c) => timeOurs(c, out, runs, warm));
      const numpy = timeNumpy(n, runs);
      const lines: string[] = [];
      const what = `${n.toLocaleString('en-GB')} draws per call, median of ${runs} calls after ${warm === 1 ? 'a warm-up' : `${warm} warm-ups`} (numpy: after one)`;
      if (quick) lines.push(`quick run (BENCH_TIME_MS=${budgetMs} < 100): ${what}; run \`npm run bench -- numpy\` for 1,000,000 draws`);
      else lines.push(what);
      if (typeof numpy === 'string') lines.push(`numpy columns skipped: ${numpy}`);
      else lines.push(`darkfigure fillGamma / fillBeta / fillPoisson (node ${process.version}); numpy ${numpy.version} default_rng (PCG64), one vectorised call`);
      const header = ['sampler', 'darkfigure', 'numpy', 'ratio'];
      const rows = CASES.map((c, i) => {
        const theirs = typeof numpy === 'string' ? undefined : numpy.ns[i]!;
        return [c.name, fmt(ours[i]!), theirs === undefined ? '-' : fmt(theirs), theirs === undefined ? '-' : (theirs / ours[i]!).toFixed(2)];
      });
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
      lines.push(line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line));
      if (typeof numpy !== 'string') {
        const worst = Math.min(...numpy.ns.map((t, i) => t / ours[i]!));
        lines.push(`lowest ratio ${worst.toFixed(2)}: ${worst >= 0.5 ? 'every sampler at least half numpy\u2019s speed (target met)' : 'below the 0.5 target'}`);
      }
      return lines;
    },
  },
]);
