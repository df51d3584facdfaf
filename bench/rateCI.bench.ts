/**
 * rateCI at scale, beside R. The table row times single calls over an exact/Byar's mix; the report makes
 * 1,000,000 `rateCI` calls (half the counts below 10, so exact limits, half from 10, so Byar's; level 0.95,
 * per 100,000) and has R do the same work on the same inputs, vectorised: `qchisq` for the exact limits
 * below 10 and Byar's formula (PHE variant) from 10, timed inside R with `system.time` (reading the inputs
 * and writing the results are not timed). Reported: milliseconds for each (median of 3 runs), the ratio
 * R / darkfigure (1 or more means darkfigure is no slower; the target), the time of darkfigure's limit
 * kernels alone (no validation, no result objects) to show where the time goes, and the largest relative
 * difference between the two sets of limits (the check that both did the same work). Without `Rscript`
 * the R column is skipped with a message (install it with `apt-get install r-base-core`).
 *
 *   npm run bench -- rateCI
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rateCI } from '../src/index';
import { byarLimits } from '../src/intervals/kernels/byarLimits';
import { poissonExactLimits } from '../src/intervals/kernels/poissonExactLimits';
import { defineBenchmarks, defineReports } from './types';

const N = 1_000_000;
const RUNS = 3;
const LEVEL = 0.95;
const PER = 100_000;

/** Deterministic inputs: even i a count 0-9 (exact), odd i a count 10-1999 (Byar's); populations 10,000 to 1,010,000. */
function inputs(n: number): { count: Float64Array; population: Float64Array } {
  const count = new Float64Array(n);
  const population = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = Math.imul(i, 2654435761) >>> 0;
    count[i] = i % 2 === 0 ? h % 10 : 10 + (h % 1990);
    population[i] = 10_000 + ((Math.imul(i ^ 0x5bd1e995, 40503) >>> 0) % 1_000_000);
  }
  return { count, population };
}

const R_SCRIPT = `
args <- commandArgs(TRUE)
n <- as.integer(args[3]); runs <- as.integer(args[4]); level <- as.numeric(args[5]); per <- as.numeric(args[6])
con <- file(args[1], "rb"); x <- readBin(con, "double", n); pop <- readBin(con, "double", n); close(con)
work <- function() {
  a <- (1 - level) / 2; z <- qnorm(a, lower.tail = FALSE)
  lower <- numeric(n); upper <- numeric(n)
  ex <- x < 10
  xe <- x[ex]
  lower[ex] <- qchisq(a, 2 * xe) / 2                       # 0 at x = 0 (df 0)
  upper[ex] <- qchisq(a, 2 * xe + 2, lower.tail = FALSE) / 2
  xb <- x[!ex]; yb <- xb + 1
  lower[!ex] <- xb * (1 - 1 / (9 * xb) - z / (3 * sqrt(xb)))^3
  upper[!ex] <- yb * (1 - 1 / (9 * yb) + z / (3 * sqrt(yb)))^3
  list(value = x / pop * per, lower = lower / pop * per, upper = upper / pop * per)
}
elapsed <- numeric(runs)
for (i in seq_len(runs)) elapsed[i] <- system.time(r <- work())[["elapsed"]]
con <- file(args[2], "wb"); writeBin(c(r$value, r$lower, r$upper), con); close(con)
cat(sprintf("%.17g", elapsed), R.version.string, sep = "\\n")
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x).toLocaleString('en-GB')} ms`;

function timeRateCI(count: Float64Array, population: Float64Array, out: Float64Array[]): number {
  const [value, lower, upper] = out as [Float64Array, Float64Array, Float64Array];
  const t0 = performance.now();
  for (let i = 0; i < count.length; i++) {
    const r = rateCI(count[i]!, population[i]!, { level: LEVEL, per: PER });
    value[i] = r.value;
    lower[i] = r.lower;
    upper[i] = r.upper;
  }
  return performance.now() - t0;
}

function timeKernels(count: Float64Array, population: Float64Array, lower: Float64Array): number {
  const t0 = performance.now();
  for (let i = 0; i < count.length; i++) {
    const x = count[i]!;
    const l = x < 10 ? poissonExactLimits(x, LEVEL) : byarLimits(x, LEVEL);
    lower[i] = ((l[0] + l[1]) / population[i]!) * PER;
  }
  return performance.now() - t0;
}

function runR(count: Float64Array, population: Float64Array): { elapsedMs: number[]; version: string; result: Float64Array } | string {
  const probe = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return 'R column skipped: Rscript not found (apt-get install r-base-core)';
  const dir = mkdtempSync(join(tmpdir(), 'darkfigure-bench-'));
  try {
    const inFile = join(dir, 'in.bin');
    const outFile = join(dir, 'out.bin');
    const script = join(dir, 'rateCI.R');
    const both = new Float64Array(2 * N);
    both.set(count, 0);
    both.set(population, N);
    writeFileSync(inFile, new Uint8Array(both.buffer)); // little-endian doubles, R's readBin default on x86/arm
    writeFileSync(script, R_SCRIPT);
    const run = spawnSync('Rscript', ['--vanilla', script, inFile, outFile, String(N), String(RUNS), String(LEVEL), String(PER)], {
      encoding: 'utf8',
    });
    if (run.status !== 0) return `R column skipped: Rscript failed (${run.stderr.trim().split('\n').pop()})`;
    const lines = run.stdout.trim().split('\n');
    const bytes = readFileSync(outFile);
    const result = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    return { elapsedMs: lines.slice(0, RUNS).map((s) => Number(s) * 1000), version: lines[RUNS] ?? 'R', result: new Float64Array(result) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function compareWithR(): Promise<string[]> {
  const { count, population } = inputs(N);
  const out = [new Float64Array(N), new Float64Array(N), new Float64Array(N)];
  timeRateCI(count.subarray(0, 20_000), population.subarray(0, 20_000), out); // warm up
  const ours: number[] = [];
  const kernels: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    ours.push(timeRateCI(count, population, out));
    kernels.push(timeKernels(count, population, new Float64Array(N)));
  }
  const t = median(ours);
  const lines = [
    `inputs: ${N.toLocaleString('en-GB')} (count, population) pairs, half below 10 events (exact limits), half 10 to 1,999 (Byar's); level ${LEVEL}, per ${PER.toLocaleString('en-GB')}`,
    `darkfigure rateCI, validated calls returning Intervals: ${ms(t)} (${Math.round((t * 1e6) / N).toLocaleString('en-GB')} ns a call; median of ${RUNS}, node ${process.version})`,
    `  of which the limit kernels alone (no validation, no result objects): ${ms(median(kernels))}`,
  ];
  const r = runR(count, population);
  if (typeof r === 'string') return [...lines, r];
  const tr = median(r.elapsedMs);
  let worst = 0;
  for (let k = 0; k < 3; k++) {
    const mine = out[k]!;
    for (let i = 0; i < N; i++) {
      const a = mine[i]!;
      const b = r.result[k * N + i]!;
      if (a !== b) worst = Math.max(worst, Math.abs(a - b) / Math.abs(b));
    }
  }
  return [
    ...lines,
    `${r.version}, vectorised qchisq (exact) and Byar's formula, system.time elapsed: ${ms(tr)} (median of ${RUNS})`,
    `ratio R / darkfigure: ${(tr / t).toFixed(2)} (1 or more: darkfigure no slower than R, the target)`,
    `same work: largest relative difference between the two sets of rates and limits ${worst.toExponential(1)}`,
  ];
}

// Single calls for the table: 1024 inputs of the same mix, cycled.
const small = inputs(1024);
let at = 0;
export default defineBenchmarks([
  {
    name: 'rateCI auto, exact/Byar mix (half below 10)',
    run: () => {
      at = (at + 1) & 1023;
      return rateCI(small.count[at]!, small.population[at]!);
    },
  },
]);

export const reports = defineReports([{ name: `${N.toLocaleString('en-GB')} rateCI calls beside R`, run: compareWithR }]);
