/**
 * Speed and memory of the hidden-incidence model. Run it bundled, as users get the library (under tsx the
 * hot loops run module by module, through its loader, and are slower):
 *
 *   npx esbuild bench/incidence-speed.ts --bundle --platform=node --format=esm --outfile=/tmp/speed.mjs && node /tmp/speed.mjs
 *
 * 1. hiddenIncidence with 1,000,000 draws: median milliseconds of 9 runs after 5 warm-ups (wall clock, and
 *    the process's CPU time, which other work on the machine inflates less) and draws per second (target:
 *    under 100 ms on Node 20), for each count-noise model, and the delta method. The load average is printed.
 * 2. Sampler throughput beside numpy's default_rng in the same run: the report of bench/samplers.bench.ts
 *    (`npm run bench -- numpy` prints the same).
 * 3. Memory: hiddenIncidence with 10,000,000 draws in a fresh child process; the growth of the peak resident
 *    set (process.resourceUsage().maxRSS) during the call, in units of one Float64Array of 10,000,000
 *    (80 MB). Target: about three.
 *
 * Benchmarks only report; nothing here is asserted.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { hiddenIncidence } from '../src/index';
import { reports as samplerReports } from './samplers.bench';

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
console.log(`hiddenIncidence, 1,000,000 draws (median of 9 runs after 5 warm-ups; load average ${loadavg().map((x) => x.toFixed(2)).join(', ')})`);
for (const countNoise of ['binomial', 'poisson', 'none'] as const) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 14; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    hiddenIncidence(stalking, { draws: 1_000_000, seed: i, countNoise });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (i >= 5) {
      wall.push(ms);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  const ms = median(wall);
  console.log(
    `  countNoise '${countNoise}'${countNoise === 'binomial' ? ' (default)' : ''}: ${fmt(ms)} ms (CPU ${fmt(median(cpu))} ms), ${fmt(1e9 / ms / 1e6)} million draws/s`,
  );
}
{
  const n = 2000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) hiddenIncidence(stalking, { method: 'delta' });
  console.log(`  method 'delta': ${fmt(((performance.now() - t0) * 1000) / n)} µs per call\n`);
}

// 2. Samplers beside numpy.
for (const report of samplerReports) {
  console.log(`Samplers: ${report.name}`);
  for (const text of await report.run()) console.log(`  ${text}`);
}

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
