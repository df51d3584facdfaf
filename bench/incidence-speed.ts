/**
 * Speed and memory of the hidden-incidence model (run: `npx tsx bench/incidence-speed.ts`; a few minutes).
 *
 * 1. hiddenIncidence with 1,000,000 draws: median milliseconds of 7 runs and draws per second
 *    (target: under 100 ms on Node 20), for each count-noise model, and the delta method.
 * 2. Sampler throughput (Gamma, Beta, Poisson from src/random) beside numpy's default_rng in the same run
 *    (vectorised numpy calls of 1,000,000 draws; skipped with a message when python3 with numpy is missing).
 *    Ratio = numpy's ns per draw / ours: at least 0.5 is the target (half numpy's speed or better).
 * 3. Memory: hiddenIncidence with 10,000,000 draws in a fresh child process; the growth of the peak resident
 *    set (process.resourceUsage().maxRSS) during the call, in units of one Float64Array of 10,000,000
 *    (80 MB). Target: about three.
 *
 * Benchmarks only report; nothing here is asserted.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { hiddenIncidence } from '../src/index';
import { createGenerator } from '../src/random/generator';
import { sampleBeta } from '../src/random/sampleBeta';
import { sampleGamma } from '../src/random/sampleGamma';
import { samplePoisson } from '../src/random/samplePoisson';

const stalking = {
  recorded: { count: 7706, from: '2013-04-01', to: '2016-02-04' },
  reporting: { successes: 150, trials: 300 },
  recording: { successes: 100, trials: 2000 },
};

const here = fileURLToPath(import.meta.url);

if (process.argv[2] === '--memory-child') {
  // One measurement per fresh process, so the high-water mark belongs to this call alone.
  const keepDraws = process.argv[3] === 'keepDraws';
  const ipv = process.argv[3] === 'incidentsPerVictim';
  const input = ipv ? { ...stalking, incidentsPerVictim: { estimate: 1.2, standardError: 0.1 } } : stalking;
  hiddenIncidence(input, { draws: 1000 }); // load and compile first
  const before = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const r = hiddenIncidence(input, { draws: 10_000_000, keepDraws });
  const ms = performance.now() - t0;
  const after = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ peakGrowthMB: (after - before) / 1024, ms, victims: r.victims.value }));
  process.exit(0);
}

const fmt = (x: number, digits = 3) => (x >= 100 ? Math.round(x).toLocaleString('en-GB') : x.toPrecision(digits));
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

console.log(`node ${process.version}, ${process.platform} ${process.arch}\n`);

// 1. hiddenIncidence, 1,000,000 draws.
console.log('hiddenIncidence, 1,000,000 draws (median of 7 runs after 2 warm-ups)');
for (const countNoise of ['binomial', 'poisson', 'none'] as const) {
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    hiddenIncidence(stalking, { draws: 1_000_000, seed: i, countNoise });
    if (i >= 2) times.push(performance.now() - t0);
  }
  const ms = median(times);
  console.log(`  countNoise '${countNoise}'${countNoise === 'binomial' ? ' (default)' : ''}: ${fmt(ms)} ms, ${fmt(1e9 / ms / 1e6)} million draws/s`);
}
{
  const n = 2000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) hiddenIncidence(stalking, { method: 'delta' });
  console.log(`  method 'delta': ${fmt(((performance.now() - t0) * 1000) / n)} µs per call\n`);
}

// 2. Samplers beside numpy.
const N = 1_000_000;
const out = new Float64Array(N);
type Case = { name: string; js: () => void; py: string };
const rng = createGenerator(1);
const cases: Case[] = [
  { name: 'Gamma(0.5)', js: () => { for (let i = 0; i < N; i++) out[i] = sampleGamma(rng, 0.5); }, py: 'rng.gamma(0.5, size=N)' },
  { name: 'Gamma(2.5)', js: () => { for (let i = 0; i < N; i++) out[i] = sampleGamma(rng, 2.5); }, py: 'rng.gamma(2.5, size=N)' },
  { name: 'Gamma(150.5)', js: () => { for (let i = 0; i < N; i++) out[i] = sampleGamma(rng, 150.5); }, py: 'rng.gamma(150.5, size=N)' },
  { name: 'Beta(0.5, 0.5)', js: () => { for (let i = 0; i < N; i++) out[i] = sampleBeta(rng, 0.5, 0.5); }, py: 'rng.beta(0.5, 0.5, size=N)' },
  { name: 'Beta(150.5, 150.5)', js: () => { for (let i = 0; i < N; i++) out[i] = sampleBeta(rng, 150.5, 150.5); }, py: 'rng.beta(150.5, 150.5, size=N)' },
  { name: 'Beta(100.5, 1900.5)', js: () => { for (let i = 0; i < N; i++) out[i] = sampleBeta(rng, 100.5, 1900.5); }, py: 'rng.beta(100.5, 1900.5, size=N)' },
  { name: 'Poisson(3)', js: () => { for (let i = 0; i < N; i++) out[i] = samplePoisson(rng, 3); }, py: 'rng.poisson(3.0, size=N)' },
  { name: 'Poisson(25)', js: () => { for (let i = 0; i < N; i++) out[i] = samplePoisson(rng, 25); }, py: 'rng.poisson(25.0, size=N)' },
  { name: 'Poisson(100000)', js: () => { for (let i = 0; i < N; i++) out[i] = samplePoisson(rng, 1e5); }, py: 'rng.poisson(1e5, size=N)' },
];
const jsNs = cases.map((c) => {
  const times: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    c.js();
    if (r >= 2) times.push(((performance.now() - t0) * 1e6) / N);
  }
  return median(times);
});
const pyScript = [
  'import json, time, numpy as np',
  `N = ${N}`,
  'rng = np.random.default_rng(1)',
  'res = []',
  ...cases.map(
    (c) => `t = []\nfor r in range(7):\n    t0 = time.perf_counter(); ${c.py}; t.append((time.perf_counter() - t0) * 1e9 / N)\nres.append(sorted(t[2:])[len(t[2:]) // 2])`,
  ),
  'print(json.dumps({"numpy": np.__version__, "ns": res}))',
].join('\n');
const py = spawnSync('python3', ['-c', pyScript], { encoding: 'utf8' });
let numpy: { numpy: string; ns: number[] } | undefined;
if (py.status === 0) numpy = JSON.parse(py.stdout.trim().split('\n').pop()!);
console.log(`Samplers, 1,000,000 draws each: ns per draw (median of 5)${numpy ? `; numpy ${numpy.numpy} default_rng (PCG64), vectorised` : ''}`);
if (!numpy) console.log(`  (numpy column skipped: python3 with numpy not available${py.error ? `: ${py.error.message}` : ''})`);
const rows = cases.map((c, i) => {
  const ours = jsNs[i]!;
  const theirs = numpy?.ns[i];
  return [c.name, fmt(ours), theirs === undefined ? '-' : fmt(theirs), theirs === undefined ? '-' : (theirs / ours).toFixed(2)];
});
const header = ['sampler', 'darkfigure ns', 'numpy ns', 'ratio (>= 0.5 target)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));

// 3. Memory at 10,000,000 draws.
console.log('\nMemory, hiddenIncidence with 10,000,000 draws (fresh process each; one Float64Array of 1e7 = 76.3 MiB)');
for (const variant of ['default', 'incidentsPerVictim', 'keepDraws']) {
  const child = spawnSync(process.execPath, [...process.execArgv, here, '--memory-child', variant], { encoding: 'utf8' });
  if (child.status !== 0) {
    console.log(`  ${variant}: failed (${child.stderr.trim().split('\n').pop()})`);
    continue;
  }
  const m = JSON.parse(child.stdout.trim().split('\n').pop()!) as { peakGrowthMB: number; ms: number };
  const label =
    variant === 'default' ? 'exact incidents per victim' : variant === 'incidentsPerVictim' ? 'uncertain incidents per victim (streams replayed)' : 'keepDraws: true (5 arrays kept + 1 scratch)';
  console.log(`  ${label}: peak grew ${fmt(m.peakGrowthMB)} MiB = ${(m.peakGrowthMB / 76.29).toFixed(2)} arrays of 1e7 doubles; ${fmt(m.ms / 1000)} s`);
}
