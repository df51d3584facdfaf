/**
 * fayHerriot beside R's sae, and a larger coverage study than the CI test.
 *
 * Speed: 330 areas with 5 numeric covariates (6 coefficients), seeded, for each method (REML, ML, FH):
 * darkfigure's `fayHerriot` (estimates, MSEs and intervals in one call) against `sae::eblupFH` +
 * `sae::mseFH` on the same data (sae's mseFH refits the model, as a user calling both would), R timed
 * inside R with `system.time` over repeated calls (reading the data is not timed). Reported: milliseconds
 * per fit (median), the ratio darkfigure / R (target: at most 0.5), and the largest relative difference in
 * the EBLUPs and MSEs (the check that both fitted the same model). Without `Rscript` with sae the R column
 * is skipped with a message.
 *
 * Coverage: EBLUP ± 1.96 √MSE intervals of data simulated from the model (test/models/fayHerriotCoverage.ts):
 * 200 areas x 500 replications per method, 30 areas x 1,000 replications (where Â is often 0), and arcsin
 * intervals of 100 binomial prevalences x 500 replications.
 *
 *   npm run bench -- fayHerriot
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fayHerriot, type FayHerriotMethod } from '../src/models/index';
import { arcsinCoverage, coverageScenario, fayHerriotCoverage } from '../test/models/fayHerriotCoverage';
import { defineBenchmarks, defineReports } from './types';

/** Seeded areas: 5 covariates, sampling variances 0.2-3, model variance 1. */
function areas(m: number): Record<string, number | string>[] {
  let state = 0x2545f491;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    state ^= state >>> 12;
    return ((state >>> 0) + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
  const rows: Record<string, number | string>[] = [];
  for (let i = 0; i < m; i++) {
    const x = [normal(), normal(), 10 * next(), next() < 0.3 ? 1 : 0, normal()];
    const d = 0.2 + 2.8 * next();
    const y = 3 + 0.8 * x[0]! - 0.5 * x[1]! + 0.1 * x[2]! + 1.2 * x[3]! + 0.3 * x[4]! + normal() + Math.sqrt(d) * normal();
    rows.push({ area: `A${String(i).padStart(3, '0')}`, y, d, x1: x[0]!, x2: x[1]!, x3: x[2]!, x4: x[3]!, x5: x[4]! });
  }
  return rows;
}

const COVARIATES = ['x1', 'x2', 'x3', 'x4', 'x5'];
const small = areas(50);
const data = areas(330);

export default defineBenchmarks([
  { name: 'fayHerriot reml, 50 areas x 5 covariates', run: () => fayHerriot(small, { response: 'y', variance: 'd', covariates: COVARIATES }).modelVariance },
  { name: 'fayHerriot reml, 330 areas x 5 covariates', run: () => fayHerriot(data, { response: 'y', variance: 'd', covariates: COVARIATES }).modelVariance },
]);

const R_SCRIPT = `
suppressPackageStartupMessages(library(sae))
args <- commandArgs(TRUE); runs <- as.integer(args[3])
d <- read.csv(args[1])
out <- character(0)
for (method in c("REML", "ML", "FH")) {
  t <- system.time(for (r in 1:runs) { fit <- eblupFH(y ~ x1 + x2 + x3 + x4 + x5, d, method = method, data = d)
                                        mse <- mseFH(y ~ x1 + x2 + x3 + x4 + x5, d, method = method, data = d) })[["elapsed"]]
  out <- c(out, paste(method, t / runs))
  writeLines(sprintf("%.17g", c(fit$eblup, mse$mse)), paste0(args[2], ".", method))
}
writeLines(c(out, paste(R.version.string, "sae", as.character(packageVersion("sae")))), args[2])
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeOurs(method: FayHerriotMethod, runs: number): { ms: number; values: number[] } {
  const times: number[] = [];
  let values: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const fit = fayHerriot(data, { response: 'y', variance: 'd', covariates: COVARIATES, method });
    times.push(performance.now() - t0);
    values = [...fit.areas.map((a) => a.estimate.value), ...fit.areas.map((a) => a.mse)];
  }
  return { ms: median(times), values };
}

async function compareWithR(): Promise<string[]> {
  const methods: FayHerriotMethod[] = ['reml', 'ml', 'fh'];
  for (let w = 0; w < 20; w++) fayHerriot(small, { response: 'y', variance: 'd', covariates: COVARIATES }); // warm up
  const ours = methods.map((m) => timeOurs(m, 51));
  const lines = [
    `data: 330 areas, 5 numeric covariates (6 coefficients), seeded; node ${process.version}`,
    `darkfigure fayHerriot (estimates, MSEs, intervals): ${methods.map((m, i) => `${m} ${ours[i]!.ms.toFixed(3)} ms`).join(', ')} (median of 51)`,
  ];
  const probe = spawnSync('Rscript', ['-e', 'library(sae)'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return [...lines, 'R column skipped: Rscript with the sae package not found (install R and sae 1.3 to compare)'];
  const dir = mkdtempSync(join(tmpdir(), 'darkfigure-bench-'));
  try {
    const csv = join(dir, 'areas.csv');
    writeFileSync(csv, `area,y,d,x1,x2,x3,x4,x5\n${data.map((r) => ['area', 'y', 'd', ...COVARIATES].map((k) => r[k]).join(',')).join('\n')}\n`);
    writeFileSync(join(dir, 'fit.R'), R_SCRIPT);
    const out = join(dir, 'out.txt');
    const runs = 20;
    const run = spawnSync('Rscript', ['--vanilla', join(dir, 'fit.R'), csv, out, String(runs)], { encoding: 'utf8' });
    if (run.status !== 0) return [...lines, `R column skipped: Rscript failed (${run.stderr.trim().split('\n').pop()})`];
    const text = readFileSync(out, 'utf8').trim().split('\n');
    const version = text.pop()!;
    const rMs = text.map((l) => Number(l.split(' ')[1]) * 1000);
    const diffs = methods.map((m, i) => {
      const r = readFileSync(`${out}.${m.toUpperCase()}`, 'utf8').trim().split('\n').map(Number);
      let worst = 0;
      ours[i]!.values.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - r[k]!) / Math.max(Math.abs(r[k]!), 1e-12))));
      return worst;
    });
    return [
      ...lines,
      `${version}: eblupFH + mseFH ${methods.map((m, i) => `${m} ${rMs[i]!.toFixed(1)} ms`).join(', ')} (mean of ${runs}, timed in R)`,
      `ratio darkfigure / R: ${methods.map((m, i) => `${m} ${(ours[i]!.ms / rMs[i]!).toFixed(4)}`).join(', ')} (target: at most 0.5)`,
      `largest relative difference in the 660 EBLUPs and MSEs: ${methods.map((m, i) => `${m} ${diffs[i]!.toExponential(1)}`).join(', ')}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function coverageStudy(): string[] {
  const lines: string[] = [];
  for (const method of ['reml', 'ml', 'fh'] as const) {
    const r = fayHerriotCoverage(coverageScenario, method, 500, 11);
    lines.push(
      `200 areas (A = 1, D 0.3-3) x 500, ${method}: coverage ${r.coverage.toFixed(4)} of ${r.intervals} intervals (by D tercile ${r.byTercile.map((c) => c.toFixed(3)).join(' / ')}), mean width ${r.meanWidth.toFixed(3)}, Â = 0 in ${r.truncated}`,
    );
  }
  const few = { ...coverageScenario, areas: 30, a: 0.3 };
  for (const method of ['reml', 'fh'] as const) {
    const r = fayHerriotCoverage(few, method, 1000, 12);
    lines.push(
      `30 areas (A = 0.3, D 0.3-3) x 1000, ${method}: coverage ${r.coverage.toFixed(4)} (by D tercile ${r.byTercile.map((c) => c.toFixed(3)).join(' / ')}), Â = 0 in ${r.truncated} of 1000 replications`,
    );
  }
  const arc = arcsinCoverage(100, 500, 13);
  lines.push(`arcsin, 100 areas of binomial proportions (n 30-400, p about 0.12) x 500: coverage of the true prevalences ${arc.coverage.toFixed(4)} of ${arc.intervals} intervals, mean width ${arc.meanWidth.toFixed(4)}`);
  return lines;
}

export const reports = defineReports([
  { name: 'fayHerriot: 330 areas x 5 covariates beside sae::eblupFH + sae::mseFH', run: compareWithR },
  { name: 'fayHerriot: coverage of EBLUP intervals (seeded simulation from the model)', run: coverageStudy },
]);
