/**
 * Multiple systems estimation beside SparseMSE, and a larger coverage study.
 *
 * - Stepwise selection on UKdat (6 lists, SparseMSE's modern-slavery data, 2,744 victims): darkfigure's
 *   `multipleSystems` against `estimatepopulation.0(UKdat)`, each timed in its own language on the same table,
 *   median of 5. Target: ratio darkfigure / R at most 0.5.
 * - The bootstrap with the selection re-run on every resample: `multipleSystems(..., { interval: 'bootstrap',
 *   draws })` against `estimatepopulation(UKdat, nboot = draws)` (which also runs a jackknife, as darkfigure
 *   does for the BCa acceleration). draws = 1,000 (R takes minutes); in CI 100 on both sides. Target: at most 0.1.
 * - Coverage (outside CI): the study of test/models/captureCoverage.test.ts with 1,000 populations, and the
 *   bootstrap interval on 100 of them.
 *
 *   npm run bench -- lists
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { multipleSystems } from '../src/models/index';
import { coverage, scenario } from '../test/models/captureCoverage';
import fixtureJson from '../test/fixtures/r/capture-recapture.json';
import { defineBenchmarks, defineReports } from './types';

const fixture = fixtureJson as unknown as { datasets: Record<string, { lists: string[]; counts: Record<string, number> }> };
const uk = fixture.datasets.UKdat!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const draws = process.env.CI ? 100 : 1000;

function runR(code: string): { ok: true; lines: string[] } | { ok: false; why: string } {
  const probe = spawnSync('Rscript', ['-e', 'library(SparseMSE)'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return { ok: false, why: 'R column skipped: Rscript with SparseMSE not found (see test/fixtures/r/capture-recapture.R)' };
  const dir = mkdtempSync(join(tmpdir(), 'darkfigure-bench-'));
  try {
    writeFileSync(join(dir, 'run.R'), code);
    const run = spawnSync('Rscript', ['--vanilla', join(dir, 'run.R')], { encoding: 'utf8', timeout: 20 * 60_000 });
    if (run.status !== 0) return { ok: false, why: `R column skipped: Rscript failed (${run.stderr.trim().split('\n').pop()})` };
    return { ok: true, lines: run.stdout.trim().split('\n') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function stepwise(): Promise<string[]> {
  multipleSystems(uk.counts, { lists: uk.lists });
  const ours = median(
    Array.from({ length: 5 }, () => {
      const t0 = performance.now();
      multipleSystems(uk.counts, { lists: uk.lists });
      return performance.now() - t0;
    }),
  );
  const lines = [`darkfigure multipleSystems (stepwise, UKdat, 6 lists): ${ours.toFixed(1)} ms (median of 5)`];
  const r = runR('suppressPackageStartupMessages(library(SparseMSE)); data(UKdat)\nt <- replicate(5, system.time(estimatepopulation.0(UKdat))[["elapsed"]])\ncat(median(t), "\\n"); cat(R.version.string, "\\n")');
  if (!r.ok) return [...lines, r.why];
  const tr = Number(r.lines[0]) * 1000;
  return [...lines, `${r.lines[1]}: SparseMSE estimatepopulation.0(UKdat) ${tr.toFixed(1)} ms (median of 5)`, `ratio darkfigure / R: ${(ours / tr).toFixed(3)} (target at most 0.5)`];
}

async function bootstrap(): Promise<string[]> {
  const t0 = performance.now();
  const ours = multipleSystems(uk.counts, { lists: uk.lists, interval: 'bootstrap', draws });
  const t = performance.now() - t0;
  const lines = [
    `darkfigure multipleSystems bootstrap, ${draws} resamples of UKdat with stepwise selection and the jackknife: ${(t / 1000).toFixed(2)} s; BCa 95% ${Math.round(ours.total.lower)} to ${Math.round(ours.total.upper)}`,
  ];
  const r = runR(`suppressPackageStartupMessages(library(SparseMSE)); data(UKdat)\nt <- system.time(e <- estimatepopulation(UKdat, nboot = ${draws}))[["elapsed"]]\ncat(t, "\\n"); cat(e$BCaquantiles[c(1, 8)], "\\n")`);
  if (!r.ok) return [...lines, r.why];
  const tr = Number(r.lines[0]);
  const [lo, hi] = r.lines[1]!.trim().split(/\s+/).map(Number);
  return [
    ...lines,
    `SparseMSE estimatepopulation(UKdat, nboot = ${draws}): ${tr.toFixed(1)} s; BCa 95% ${Math.round(lo!)} to ${Math.round(hi!)} (its own generator: the limits differ by simulation noise)`,
    `ratio darkfigure / R: ${(t / 1000 / tr).toFixed(3)} (target at most 0.1)`,
  ];
}

async function coverageStudy(): Promise<string[]> {
  if (process.env.CI) return ['skipped in CI (about a minute): run npm run bench -- lists'];
  const fixed = coverage(scenario, 1000, {
    'true model, wald-log': { model: { interactions: [['one', 'two']] } },
    'true model, profile': { model: { interactions: [['one', 'two']] }, interval: 'profile' },
    'stepwise, wald-log': {},
    'independence (ignores the dependence)': { model: 'independence' },
  });
  const boot = coverage(scenario, 100, { 'stepwise, bootstrap (200 resamples)': { interval: 'bootstrap', draws: 200 } }, 7);
  return [
    `${scenario.size} people, four lists catching ${scenario.catch.join(', ')}; list two catches ${scenario.secondGivenFirst} of those on list one; nominal 95%`,
    ...Object.entries({ ...fixed, ...boot }).map(([k, v]) => `  ${k.padEnd(40)} ${((100 * v.covered) / v.runs).toFixed(1)}% of ${v.runs}, mean width ${Math.round(v.meanWidth)}`),
  ];
}

export default defineBenchmarks([{ name: 'multipleSystems stepwise, Western (5 lists)', run: () => multipleSystems(fixture.datasets.Western!.counts, { lists: fixture.datasets.Western!.lists }).total.value }]);
export const reports = defineReports([
  { name: 'lists: stepwise selection beside SparseMSE', run: stepwise },
  { name: 'lists: bootstrap with selection beside SparseMSE', run: bootstrap },
  { name: 'lists: coverage study', run: coverageStudy },
]);
