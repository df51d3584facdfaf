/**
 * What validation costs, beside R. The report times 1,000,000 Wilson intervals through the public API
 * (`proportionCI(x, n)`, n 10 to 10,000) and R computing the same Wilson limits vectorised on the same
 * inputs (timed inside R with `system.time`), ratio darkfigure / R (target at most 4); and the share of an
 * exact `rateCI` call (counts 0 to 999, which mostly miss the small-count cache) spent outside the limit
 * kernel, on validation and building the result (target at most 25%).
 *
 *   npm run bench -- validation
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { proportionCI, rateCI } from '../src/index';
import { poissonExactLimits } from '../src/intervals/kernels/poissonExactLimits';
import { defineBenchmarks, defineReports } from './types';

const N = 1_000_000;
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function inputs(): { x: Float64Array; n: Float64Array } {
  const x = new Float64Array(N);
  const n = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    n[i] = 10 + ((Math.imul(i, 2654435761) >>> 0) % 9991);
    x[i] = (Math.imul(i ^ 0x5bd1e995, 40503) >>> 0) % (n[i]! + 1);
  }
  return { x, n };
}

let sink = 0;

function timeWilson(x: Float64Array, n: Float64Array, out: Float64Array): number {
  const t0 = performance.now();
  for (let i = 0; i < x.length; i++) {
    const r = proportionCI(x[i]!, n[i]!);
    out[i] = r.lower;
    out[x.length + i] = r.upper;
  }
  return performance.now() - t0;
}

const R_SCRIPT = `
args <- commandArgs(TRUE); n <- as.integer(args[3]); runs <- as.integer(args[4])
con <- file(args[1], "rb"); x <- readBin(con, "double", n); m <- readBin(con, "double", n); close(con)
work <- function() {
  z <- qnorm(0.975); p <- x / m; d <- 1 + z^2 / m
  centre <- (p + z^2 / (2 * m)) / d; half <- z * sqrt(p * (1 - p) / m + z^2 / (4 * m^2)) / d
  c(pmax(0, centre - half), pmin(1, centre + half))
}
for (r in 1:runs) cat(system.time(out <- work())[["elapsed"]], "\\n")
cat(R.version.string, "\\n")
con <- file(args[2], "wb"); writeBin(out, con); close(con)
`;

async function report(): Promise<string[]> {
  const { x, n } = inputs();
  const out = new Float64Array(2 * N);
  timeWilson(x.subarray(0, 20_000), n.subarray(0, 20_000), new Float64Array(40_000));
  const ours = median(Array.from({ length: RUNS }, () => timeWilson(x, n, out)));
  // exact rateCI: public call against the kernel alone
  const M = 200_000;
  const publicTimes: number[] = [];
  const kernelTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let t0 = performance.now();
    for (let i = 0; i < M; i++) sink += rateCI(i % 1000, 669_338, { method: 'exact' }).lower;
    publicTimes.push(performance.now() - t0);
    t0 = performance.now();
    for (let i = 0; i < M; i++) sink += poissonExactLimits(i % 1000, 0.95)[0];
    kernelTimes.push(performance.now() - t0);
  }
  const share = 1 - median(kernelTimes) / median(publicTimes);
  const lines = [
    `Wilson through proportionCI: ${(ours / 1000).toFixed(3)} s for ${N.toLocaleString('en-GB')} calls (${Math.round((ours * 1e6) / N)} ns a call; median of ${RUNS})`,
    `exact rateCI (counts 0-999): ${Math.round((median(publicTimes) * 1e6) / M)} ns a call, of which validation and result ${(100 * Math.max(0, share)).toFixed(0)}% (target at most 25%)`,
  ];
  const probe = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return [...lines, 'R column skipped: Rscript not found (apt-get install r-base-core)'];
  const dir = mkdtempSync(join(tmpdir(), 'darkfigure-bench-'));
  try {
    const both = new Float64Array(2 * N);
    both.set(x, 0);
    both.set(n, N);
    writeFileSync(join(dir, 'in.bin'), new Uint8Array(both.buffer));
    writeFileSync(join(dir, 'wilson.R'), R_SCRIPT);
    const run = spawnSync('Rscript', ['--vanilla', join(dir, 'wilson.R'), join(dir, 'in.bin'), join(dir, 'out.bin'), String(N), String(RUNS)], { encoding: 'utf8' });
    if (run.status !== 0) return [...lines, `R column skipped: Rscript failed (${run.stderr.trim().split('\n').pop()})`];
    const rl = run.stdout.trim().split('\n');
    const tr = median(rl.slice(0, RUNS).map((s) => Number(s) * 1000));
    const bytes = readFileSync(join(dir, 'out.bin'));
    const theirs = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    let worst = 0;
    for (let i = 0; i < 2 * N; i++) worst = Math.max(worst, Math.abs(out[i]! - theirs[i]!));
    return [
      ...lines,
      `${rl[RUNS]?.trim()}: the same Wilson limits vectorised, ${(tr / 1000).toFixed(3)} s (median of ${RUNS})`,
      `ratio darkfigure / R: ${(ours / tr).toFixed(2)} (target at most 4); largest absolute difference in the limits (R leaves rounding residue such as 1e-17 where darkfigure gives 0 at x = 0) ${worst.toExponential(1)}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default defineBenchmarks([{ name: 'proportionCI wilson, public call', run: () => proportionCI(27, 500) }]);
export const reports = defineReports([{ name: 'validation: Wilson beside R, and the share of an exact call', run: report }]);
