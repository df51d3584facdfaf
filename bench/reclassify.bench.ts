/**
 * reclassify beside numpy: 3 categories (the stalking audit of reclassify's example), 100,000 Monte Carlo
 * draws. darkfigure's `reclassify` (validation, Dirichlet draws of every audit row, a solve per draw, the
 * negative draws constrained, percentile intervals) against bench/reclassify.py, the same draws and solves
 * written with numpy (rng.dirichlet per row, one batched np.linalg.solve, np.quantile; it does not constrain
 * the negative draws, so it does a little less), in a python3 child process right after. Reported: median
 * milliseconds of each and the ratio darkfigure / numpy (target: at most 1.0). Without python3 or numpy the
 * numpy column is skipped with a message. A quick run (BENCH_TIME_MS below 100, as in CI) takes 3 runs, else 9.
 *
 *   npm run bench -- reclassify
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { reclassify } from '../src/models/index';
import { defineBenchmarks, defineReports } from './types';

const recorded = { stalking: 2706, harassment: 52000, other: 30000 };
const recordedAs = {
  stalking: { stalking: 60, harassment: 35, other: 5 },
  harassment: { stalking: 2, harassment: 180, other: 18 },
  other: { stalking: 0, harassment: 6, other: 194 },
};
const draws = 100_000;
let seed = 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default defineBenchmarks([
  { name: 'reclassify 3 categories, 1e5 draws', run: () => reclassify(recorded, recordedAs, { draws, seed: seed++ }).true.stalking.lower },
  {
    name: 'reclassify 3 categories, exact probabilities',
    run: () => reclassify(recorded, { stalking: { stalking: 0.6, harassment: 0.35, other: 0.05 }, harassment: { stalking: 0.01, harassment: 0.9, other: 0.09 }, other: { stalking: 0, harassment: 0.03, other: 0.97 } }).true.stalking.value,
  },
]);

export const reports = defineReports([
  {
    name: 'reclassify beside numpy: 3 categories, 100,000 draws (ratio = darkfigure / numpy, target <= 1.0)',
    run: () => {
      const quick = Number(process.env.BENCH_TIME_MS ?? 500) < 100;
      const runs = quick ? 3 : 9;
      for (let i = 0; i < 3; i++) reclassify(recorded, recordedAs, { draws, seed: seed++ });
      const times: number[] = [];
      let last = reclassify(recorded, recordedAs, { draws });
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        last = reclassify(recorded, recordedAs, { draws, seed: seed++ });
        times.push(performance.now() - t0);
      }
      const ours = median(times);
      const lines = [
        `darkfigure reclassify (node ${process.version}): ${ours.toFixed(1)} ms (median of ${runs}); stalking 95% ${Math.round(last.true.stalking.lower)} to ${Math.round(last.true.stalking.upper)}, negative draws ${(100 * last.negativeShare).toFixed(2)}%`,
      ];
      const py = spawnSync('python3', [join(process.cwd(), 'bench', 'reclassify.py'), String(draws), String(runs)], { encoding: 'utf8' });
      if (py.error) return [...lines, `numpy column skipped: python3 not available (${py.error.message})`];
      if (py.status !== 0) return [...lines, `numpy column skipped: ${py.stderr.trim().split('\n').pop()}`];
      const np = JSON.parse(py.stdout.trim().split('\n').pop()!) as { version: string; seconds: number; negatives: number; limits: number[][] };
      const theirs = np.seconds * 1000;
      return [
        ...lines,
        `numpy ${np.version} (bench/reclassify.py): ${theirs.toFixed(1)} ms (median of ${runs}); stalking 95% ${Math.round(np.limits[0]![0]!)} to ${Math.round(np.limits[1]![0]!)}, negative draws ${((100 * np.negatives) / draws).toFixed(2)}% (its own generator: the limits differ by simulation noise)`,
        `ratio darkfigure / numpy: ${(ours / theirs).toFixed(2)} (target at most 1.0)`,
      ];
    },
  },
]);
