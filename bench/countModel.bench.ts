/**
 * countModel beside R. The table times a Poisson fit of a 40-area panel; the report fits the issue's national
 * panel, 330 areas x 5 years (1,650 rows; area and year factors: 334 coefficients) with a population offset,
 * by Poisson (R: `glm(count ~ area + year + offset(log(population)), family = poisson)`) and negative binomial
 * (R: `MASS::glm.nb`), R timed inside R with `system.time` (reading the data is not timed), the same seeded
 * data in both. Reported: milliseconds (median of 3), the ratio darkfigure / R (at most 1 is the target), and
 * the largest relative difference in the coefficients (the check that both fitted the same model). Without
 * `Rscript` (or MASS) the R column is skipped with a message.
 *
 *   npm run bench -- countModel
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { countModel } from '../src/models/index';
import { defineBenchmarks, defineReports } from './types';

const RUNS = 3;

/** A seeded panel: areas x 5 years, populations 20,000-600,000, log-normal area effects, a yearly rise, Gamma noise (NB, theta 8). */
function panel(areas: number): { area: string; year: string; count: number; population: number }[] {
  let state = 0x9e3779b9;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    state ^= state >>> 12;
    return ((state >>> 0) + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
  const gamma8 = () => {
    let s = 0;
    for (let k = 0; k < 8; k++) s -= Math.log(next());
    return s / 8;
  };
  const poisson = (mean: number) => {
    // normal approximation above 500, inversion below: adequate for benchmark data
    if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
    let k = 0;
    let p = Math.exp(-mean);
    let cdf = p;
    const u = next();
    while (u > cdf && k < 10_000) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  };
  const rows: { area: string; year: string; count: number; population: number }[] = [];
  for (let a = 0; a < areas; a++) {
    const area = `E${String(a).padStart(4, '0')}`;
    const population = Math.round(20_000 + 580_000 * next());
    const effect = 0.25 * normal();
    ['2015', '2016', '2017', '2018', '2019'].forEach((year, t) => {
      rows.push({ area, year, count: poisson(population * 2e-4 * Math.exp(effect + 0.07 * t) * gamma8()), population });
    });
  }
  return rows;
}

const small = panel(40);
const options = { response: 'count', exposure: 'population', terms: ['area', 'year'] };

export default defineBenchmarks([
  { name: 'countModel poisson, 40 areas x 5 years', run: () => countModel(small, options).deviance },
]);

const R_SCRIPT = `
suppressPackageStartupMessages(library(MASS))
args <- commandArgs(TRUE); runs <- as.integer(args[3])
d <- read.csv(args[1], colClasses = c("character", "character", "numeric", "numeric"))
d$area <- factor(d$area, levels = sort(unique(d$area), method = "radix")); d$year <- factor(d$year)
tp <- numeric(runs); tn <- numeric(runs)
for (r in 1:runs) {
  tp[r] <- system.time(p <- glm(count ~ area + year + offset(log(population)), family = poisson, data = d))[["elapsed"]]
  tn[r] <- system.time(nb <- glm.nb(count ~ area + year + offset(log(population)), data = d))[["elapsed"]]
}
writeLines(c(paste(tp, collapse = " "), paste(tn, collapse = " "), R.version.string), args[2])
write(c(coef(p), coef(nb)), paste0(args[2], ".coef"), ncolumns = 1)
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

function timeFit(rows: ReturnType<typeof panel>, family: 'poisson' | 'negative-binomial'): { times: number[]; coefficients: number[] } {
  const times: number[] = [];
  let coefficients: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const fit = countModel(rows, { ...options, family });
    times.push(performance.now() - t0);
    coefficients = fit.coefficients.map((c) => c.estimate);
  }
  return { times, coefficients };
}

async function compareWithR(): Promise<string[]> {
  const rows = panel(330);
  countModel(panel(20), options); // warm up
  const poisson = timeFit(rows, 'poisson');
  const nb = timeFit(rows, 'negative-binomial');
  const lines = [
    `data: 330 areas x 5 years = ${rows.length} rows, area + year factors (334 coefficients), offset log(population); node ${process.version}`,
    `darkfigure countModel poisson: ${ms(median(poisson.times))}; negative binomial (with theta's profile interval): ${ms(median(nb.times))} (median of ${RUNS})`,
  ];
  const probe = spawnSync('Rscript', ['-e', 'library(MASS)'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return [...lines, 'R column skipped: Rscript with MASS not found (apt-get install r-base-core r-cran-mass)'];
  const dir = mkdtempSync(join(tmpdir(), 'darkfigure-bench-'));
  try {
    const csv = join(dir, 'panel.csv');
    writeFileSync(csv, `area,year,count,population\n${rows.map((r) => `${r.area},${r.year},${r.count},${r.population}`).join('\n')}\n`);
    writeFileSync(join(dir, 'fit.R'), R_SCRIPT);
    const out = join(dir, 'out.txt');
    const run = spawnSync('Rscript', ['--vanilla', join(dir, 'fit.R'), csv, out, String(RUNS)], { encoding: 'utf8' });
    if (run.status !== 0) return [...lines, `R column skipped: Rscript failed (${run.stderr.trim().split('\n').pop()})`];
    const [tp, tn, version] = readFileSync(out, 'utf8').trim().split('\n');
    const rp = median(tp!.split(' ').map((s) => Number(s) * 1000));
    const rn = median(tn!.split(' ').map((s) => Number(s) * 1000));
    const coef = readFileSync(`${out}.coef`, 'utf8').trim().split('\n').map(Number);
    const ours = [...poisson.coefficients, ...nb.coefficients];
    let worst = 0;
    ours.forEach((b, i) => (worst = Math.max(worst, Math.abs(b - coef[i]!) / Math.max(Math.abs(coef[i]!), 1e-3))));
    return [
      ...lines,
      `${version}: glm poisson ${ms(rp)}, MASS::glm.nb ${ms(rn)} (median of ${RUNS}, timed in R)`,
      `ratio darkfigure / R: poisson ${(median(poisson.times) / rp).toFixed(3)}, negative binomial ${(median(nb.times) / rn).toFixed(3)} (target: at most 1)`,
      `largest relative difference in the ${ours.length} coefficients: ${worst.toExponential(1)} (R stops at its default tolerance 1e-8)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const reports = defineReports([{ name: 'countModel: 330 areas x 5 years beside R glm and MASS::glm.nb', run: compareWithR }]);
