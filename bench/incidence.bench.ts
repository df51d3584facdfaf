/**
 * hiddenIncidence with 1,000,000 Monte Carlo draws (target: under 100 ms on Node 20), and the delta method.
 * Draws per second = ops/s x 1,000,000. Sampler throughput beside numpy is the report of samplers.bench.ts
 * (`npm run bench -- numpy`); milliseconds per count-noise model, CPU time and the 10,000,000-draw memory
 * check are in bench/incidence-speed.ts (run it bundled, as its header says).
 */
import { hiddenIncidence, impliedRecording } from '../src/index';
import { defineBenchmarks } from './types';

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
