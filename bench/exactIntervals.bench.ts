/**
 * Exact intervals through the public API, beside R doing the same work vectorised on the same inputs (issue 13,
 * "Exact quantiles several times faster"). Four workloads, each of N calls at level 0.95:
 *
 * - `rateCI(count, population, { method: 'exact' })`, counts 0-999 and populations 10,000 to 1,010,000
 *   (so 99% of the calls miss the cache of limits for whole counts below 10); R: `qgamma(a, x)` and
 *   `qgamma(a, x + 1, lower.tail = FALSE)`, scaled per 100,000.
 * - `proportionCI(x, n, { method: 'clopper-pearson' })`, n 10 to 10,000 (log-uniform) and x uniform in 0..n;
 *   R: `qbeta(a, x, n - x + 1)` and `qbeta(a, x + 1, n - x, lower.tail = FALSE)` (0 at x = 0, 1 at x = n).
 * - `proportionCI(x, n, { method: 'jeffreys' })`, the same inputs; R: `qbeta` of Beta(x + ½, n - x + ½).
 * - `rateRatioCI({ count: x1, population: t1 }, { count: x2, population: t2 })` (exact), counts 0-999 (not
 *   both 0), populations varied; R: the binom.test-style limits of `poisson.test(c(x1, x2), c(t1, t2))`,
 *   p = qbeta(a, x1, x2 + 1) and qbeta(a, x1 + 1, x2, lower.tail = FALSE), mapped to p / (1 - p) × t2 / t1.
 *
 * R is timed inside R with `system.time` (reading inputs and writing results are not timed). The two sides
 * alternate, 5 rounds of (darkfigure, R), so that on a shared machine both see the same load; each side is
 * the median of its 5 runs. Printed for each: nanoseconds a call, the ratio darkfigure / R (lower is better)
 * beside the target (and the ratio of the fastest runs, the least disturbed by other load), and the
 * largest relative difference between the two sets of limits (the check that both did the same work).
 * Without `Rscript` the R column is skipped with a message.
 *
 *   npm run bench -- exactIntervals
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { proportionCI, rateCI, rateRatioCI } from '../src/index';
import { defineBenchmarks, defineReports } from './types';

const N = 200_000;
const RUNS = 5;
const LEVEL = 0.95;
const PER = 100_000;

/** A deterministic hash of (i, salt) to [0, 1). */
function unit(i: number, salt: number): number {
  return (Math.imul(i ^ salt, 2654435761) >>> 0) / 4294967296;
}

type Kind = 'rate' | 'clopper-pearson' | 'jeffreys' | 'ratio';

/** Four input columns (unused ones 0) for a workload. */
function inputs(kind: Kind, n: number): Float64Array[] {
  const cols = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const [c0, c1, c2, c3] = cols as [Float64Array, Float64Array, Float64Array, Float64Array];
  for (let i = 0; i < n; i++) {
    if (kind === 'rate') {
      c0[i] = Math.floor(1000 * unit(i, 0x9e3779b9));
      c1[i] = 10_000 + Math.floor(1_000_000 * unit(i, 0x5bd1e995));
    } else if (kind === 'ratio') {
      const x1 = Math.floor(1000 * unit(i, 0x9e3779b9));
      const x2 = Math.floor(1000 * unit(i, 0x85ebca6b));
      c0[i] = x1;
      c1[i] = 10_000 + Math.floor(1_000_000 * unit(i, 0x5bd1e995));
      c2[i] = x1 === 0 && x2 === 0 ? 1 : x2;
      c3[i] = 10_000 + Math.floor(1_000_000 * unit(i, 0xc2b2ae35));
    } else {
      const size = Math.floor(10 * 1000 ** unit(i, 0x27d4eb2f)); // 10 to 10,000, log-uniform
      c0[i] = Math.floor((size + 1) * unit(i, 0x165667b1));
      c1[i] = size;
    }
  }
  return cols;
}

/** Time N public-API calls of a workload, writing lower and upper limits. */
function timeOurs(kind: Kind, cols: Float64Array[], lower: Float64Array, upper: Float64Array): number {
  const [c0, c1, c2, c3] = cols as [Float64Array, Float64Array, Float64Array, Float64Array];
  const n = c0.length;
  const t0 = performance.now();
  if (kind === 'rate') {
    for (let i = 0; i < n; i++) {
      const r = rateCI(c0[i]!, c1[i]!, { method: 'exact', level: LEVEL, per: PER });
      lower[i] = r.lower;
      upper[i] = r.upper;
    }
  } else if (kind === 'ratio') {
    for (let i = 0; i < n; i++) {
      const r = rateRatioCI({ count: c0[i]!, population: c1[i]! }, { count: c2[i]!, population: c3[i]! }, { level: LEVEL });
      lower[i] = r.lower;
      upper[i] = r.upper;
    }
  } else {
    const options = { method: kind, level: LEVEL } as const;
    for (let i = 0; i < n; i++) {
      const r = proportionCI(c0[i]!, c1[i]!, options);
      lower[i] = r.lower;
      upper[i] = r.upper;
    }
  }
  return performance.now() - t0;
}

const R_SCRIPT = `
args <- commandArgs(TRUE)
kind <- args[3]; n <- as.integer(args[4]); runs <- as.integer(args[5]); level <- as.numeric(args[6]); per <- as.numeric(args[7])
con <- file(args[1], "rb"); v <- readBin(con, "double", 4 * n); close(con)
c0 <- v[1:n]; c1 <- v[n + 1:n]; c2 <- v[2 * n + 1:n]; c3 <- v[3 * n + 1:n]
a <- (1 - level) / 2
work <- function() {
  if (kind == "rate") {
    lower <- ifelse(c0 > 0, qgamma(a, pmax(c0, 1)), 0)
    upper <- qgamma(a, c0 + 1, lower.tail = FALSE)
    list(lower = lower / c1 * per, upper = upper / c1 * per)
  } else if (kind == "ratio") {
    x1 <- c0; t1 <- c1; x2 <- c2; t2 <- c3
    pl <- qbeta(a, x1, x2 + 1); pu <- qbeta(a, x1 + 1, x2, lower.tail = FALSE)
    list(lower = ifelse(x1 > 0, pl / (1 - pl) * t2 / t1, 0), upper = ifelse(x2 > 0, pu / (1 - pu) * t2 / t1, Inf))
  } else {
    x <- c0; m <- c1
    if (kind == "jeffreys") {
      lower <- qbeta(a, x + 0.5, m - x + 0.5); upper <- qbeta(a, x + 0.5, m - x + 0.5, lower.tail = FALSE)
    } else {
      lower <- qbeta(a, x, m - x + 1); upper <- qbeta(a, x + 1, m - x, lower.tail = FALSE)
    }
    list(lower = ifelse(x > 0, lower, 0), upper = ifelse(x < m, upper, 1))
  }
}
elapsed <- numeric(runs)
for (i in seq_len(runs)) elapsed[i] <- system.time(r <- suppressWarnings(work()))[["elapsed"]]
con <- file(args[2], "wb"); writeBin(c(r$lower, r$upper), con); close(con)
cat(sprintf("%.17g", elapsed), R.version.string, sep = "\\n")
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * R beside us for one workload: the inputs are written once; `round()` runs the R script once (one timed
 * run) and returns its elapsed milliseconds or a reason it could not; `finish()` reads R's last limits and
 * removes the files. Writing and reading happen outside the rounds, so our timed runs in between see no
 * large file buffers to collect.
 */
function rSession(kind: Kind, cols: Float64Array[]) {
  const dir = mkdtempSync(join(tmpdir(), 'darkfigure-bench-'));
  const inFile = join(dir, 'in.bin');
  const outFile = join(dir, 'out.bin');
  const script = join(dir, 'exact.R');
  const all = new Float64Array(4 * N);
  cols.forEach((c, k) => all.set(c, k * N));
  writeFileSync(inFile, new Uint8Array(all.buffer)); // little-endian doubles, R's readBin default on x86/arm
  writeFileSync(script, R_SCRIPT);
  let version = 'R';
  return {
    round(): number | string {
      const run = spawnSync('Rscript', ['--vanilla', script, inFile, outFile, kind, String(N), '1', String(LEVEL), String(PER)], {
        encoding: 'utf8',
      });
      if (run.error !== undefined) return 'R column skipped: Rscript not found (apt-get install r-base-core)';
      if (run.status !== 0) return `R column skipped: Rscript failed (${run.stderr.trim().split('\n').pop()})`;
      const lines = run.stdout.trim().split('\n');
      version = lines[1] ?? 'R';
      return Number(lines[0]) * 1000;
    },
    finish(): { version: string; result: Float64Array } {
      try {
        const bytes = readFileSync(outFile);
        return { version, result: new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const WORKLOADS: { kind: Kind; label: string; target: number }[] = [
  { kind: 'rate', label: "rateCI exact, counts 0-999 (R: 2 qgamma)", target: 0.5 },
  { kind: 'clopper-pearson', label: "proportionCI clopper-pearson, n 10-10,000 (R: 2 qbeta)", target: 0.6 },
  { kind: 'jeffreys', label: "proportionCI jeffreys, n 10-10,000 (R: 2 qbeta)", target: 0.6 },
  { kind: 'ratio', label: 'rateRatioCI exact, counts 0-999 (R: 2 qbeta)', target: 1.0 },
];

async function compareWithR(): Promise<string[]> {
  const lines = [
    `inputs: ${N.toLocaleString('en-GB')} calls a workload, level ${LEVEL}; darkfigure through the public API (validation and result objects included), node ${process.version}; median of ${RUNS} alternating runs each side`,
  ];
  let version = '';
  for (const { kind, label, target } of WORKLOADS) {
    const cols = inputs(kind, N);
    const lower = new Float64Array(N);
    const upper = new Float64Array(N);
    const warm = cols.map((c) => c.subarray(0, 20_000));
    timeOurs(kind, warm, lower, upper);
    // Rounds of (darkfigure, then R): on a shared machine both sides then see the same load.
    const session = rSession(kind, cols);
    const ours: number[] = [];
    const theirs: number[] = [];
    let skipped = '';
    for (let round = 0; round < RUNS; round++) {
      ours.push(timeOurs(kind, cols, lower, upper));
      const ms = skipped === '' ? session.round() : skipped;
      if (typeof ms === 'string') skipped = ms;
      else theirs.push(ms);
    }
    const t = median(ours);
    if (skipped !== '') {
      session.finish();
      lines.push(`${label}: darkfigure ${Math.round((t * 1e6) / N)} ns a call; ${skipped}`);
      continue;
    }
    const r = session.finish();
    const tr = median(theirs);
    version = r.version;
    let worst = 0;
    for (let i = 0; i < N; i++) {
      for (const [mine, theirs] of [
        [lower[i]!, r.result[i]!],
        [upper[i]!, r.result[N + i]!],
      ] as const) {
        if (mine !== theirs) worst = Math.max(worst, Math.abs(mine - theirs) / Math.abs(theirs));
      }
    }
    const ratio = t / tr;
    const best = Math.min(...ours) / Math.min(...theirs);
    lines.push(
      `${label}: darkfigure ${Math.round((t * 1e6) / N)} ns, R ${Math.round((tr * 1e6) / N)} ns a call; ` +
        `ratio darkfigure / R ${ratio.toFixed(2)} (target <= ${target.toFixed(1)}: ${ratio <= target ? 'met' : 'not met'}; fastest runs ${best.toFixed(2)}); ` +
        `largest relative difference ${worst.toExponential(1)}`,
    );
  }
  if (version !== '') lines.push(`R: ${version}, vectorised, system.time elapsed`);
  return lines;
}

// Single calls for the table: 1024 inputs of each workload, cycled.
const small = { rate: inputs('rate', 1024), prop: inputs('clopper-pearson', 1024), ratio: inputs('ratio', 1024) };
let at = 0;
const next = () => (at = (at + 1) & 1023);
export default defineBenchmarks([
  { name: 'rateCI exact, counts 0-999', run: () => rateCI(small.rate[0]![next()]!, small.rate[1]![at]!, { method: 'exact' }) },
  {
    name: 'proportionCI clopper-pearson, n 10-10,000',
    run: () => proportionCI(small.prop[0]![next()]!, small.prop[1]![at]!, { method: 'clopper-pearson' }),
  },
  { name: 'proportionCI jeffreys, n 10-10,000', run: () => proportionCI(small.prop[0]![next()]!, small.prop[1]![at]!, { method: 'jeffreys' }) },
  {
    name: 'rateRatioCI exact, counts 0-999',
    run: () =>
      rateRatioCI({ count: small.ratio[0]![next()]!, population: small.ratio[1]![at]! }, { count: small.ratio[2]![at]!, population: small.ratio[3]![at]! }),
  },
]);

export const reports = defineReports([{ name: `exact intervals beside R (${N.toLocaleString('en-GB')} calls each)`, run: compareWithR }]);
