/**
 * hiddenIncidence with 1,000,000 Monte Carlo draws (target: under 100 ms on Node 20), and the delta method.
 * Draws per second = ops/s x 1,000,000. Sampler throughput beside numpy is the report of samplers.bench.ts
 * (`npm run bench -- numpy`); milliseconds per count-noise model, CPU time and the 10,000,000-draw memory
 * check are in bench/incidence-speed.ts (run it bundled, as its header says).
 *
 * The report "floor, the same computation in C" compiles bench/native/hidden-incidence-floor.c (the default
 * model's exact sampling and percentile selections, in C) with `cc -O2` and times it beside
 * hiddenIncidence: the floor under the JavaScript on this machine. Skipped with a message without a C
 * compiler. `npm run bench -- floor`
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hiddenIncidence, impliedRecording } from '../src/index';
import { ZIGGURAT, ZIGGURAT_R } from '../src/random/zigguratTables';
import { defineBenchmarks, defineReports } from './types';

const stalking = {
  recorded: { count: 7706, from: '2013-04-01', to: '2016-02-04' },
  reporting: { successes: 150, trials: 300 },
  recording: { successes: 100, trials: 2000 },
};
const draws = 1_000_000;
let seed = 0;

export default defineBenchmarks([
  { name: 'hiddenIncidence 1e6 draws, binomial count noise (default)', run: () => hiddenIncidence(stalking, { draws, seed: seed++ }) },
  { name: 'hiddenIncidence 1e6 draws, poisson count noise', run: () => hiddenIncidence(stalking, { draws, seed: seed++, countNoise: 'poisson' }) },
  { name: 'hiddenIncidence 1e6 draws, no count noise', run: () => hiddenIncidence(stalking, { draws, seed: seed++, countNoise: 'none' }) },
  { name: 'hiddenIncidence delta method', run: () => hiddenIncidence(stalking, { method: 'delta' }) },
  {
    name: 'impliedRecording 1e6 draws',
    run: () =>
      impliedRecording(
        { recorded: stalking.recorded, victims: { estimate: 1_150_000, standardError: 25_000 }, reporting: { successes: 150, trials: 300 } },
        { draws, seed: seed++ },
      ),
  },
]);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => x.toFixed(1);

/** The C program's median milliseconds (total, sampling alone), or why it could not run. */
function timeC(n: number, runs: number): { totalMs: number; samplingMs: number } | string {
  const dir = mkdtempSync(join(tmpdir(), 'darkfigure-floor-'));
  try {
    const list = (a: ArrayLike<number>) => Array.from(a, (x) => x.toPrecision(17)).join(', ');
    writeFileSync(
      join(dir, 'tables.h'),
      `static const double ZK[256] = {${list(ZIGGURAT.K)}};\nstatic const double ZW[256] = {${list(ZIGGURAT.W)}};\n` +
        `static const double ZF[257] = {${list(ZIGGURAT.F)}};\nstatic const double ZR = ${ZIGGURAT_R.toPrecision(17)};\n`,
    );
    const source = join(process.cwd(), 'bench', 'native', 'hidden-incidence-floor.c');
    const exe = join(dir, 'floor');
    const cc = spawnSync('cc', ['-O2', '-I', dir, '-o', exe, source, '-lm'], { encoding: 'utf8' });
    if (cc.error) return `no C compiler (cc: ${cc.error.message})`;
    if (cc.status !== 0) return `cc failed: ${cc.stderr.trim().split('\n').pop()}`;
    const run = spawnSync(exe, [String(n), String(runs)], { encoding: 'utf8' });
    if (run.status !== 0) return `the C program failed: ${run.stderr.trim()}`;
    return JSON.parse(run.stdout) as { totalMs: number; samplingMs: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const reports = defineReports([
  {
    name: 'floor, the same computation in C: hiddenIncidence (binomial count noise) beside its exact sampling and selections compiled with cc -O2',
    run: () => {
      const budgetMs = Number(process.env.BENCH_TIME_MS ?? 500);
      const quick = budgetMs < 100;
      const n = quick ? 100_000 : 1_000_000;
      const runs = quick ? 3 : 9;
      const times: number[] = [];
      for (let i = 0; i < runs + 3; i++) {
        const t0 = performance.now();
        hiddenIncidence(stalking, { draws: n, seed: i });
        if (i >= 3) times.push(performance.now() - t0);
      }
      const ours = median(times);
      const lines = [`${n.toLocaleString('en-GB')} draws, median of ${runs} runs after warm-ups${quick ? ` (quick run, BENCH_TIME_MS=${budgetMs} < 100; \`npm run bench -- floor\` for 1,000,000)` : ''}`];
      lines.push(`darkfigure hiddenIncidence (node ${process.version}): ${ms(ours)} ms, ${(n / ours / 1000).toFixed(2)} million draws/s`);
      const c = timeC(n, runs);
      if (typeof c === 'string') lines.push(`C column skipped: ${c}`);
      else {
        lines.push(`C, cc -O2: ${ms(c.totalMs)} ms, of which the exact sampling alone ${ms(c.samplingMs)} ms`);
        lines.push(`darkfigure / C: ${(ours / c.totalMs).toFixed(2)}`);
      }
      return lines;
    },
  },
]);
