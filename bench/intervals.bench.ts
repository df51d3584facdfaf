/** Throughput of the interval functions most used in dashboards (validation included, as users call them). */
import { proportionCI, rateCI } from '../src/index';
import { defineBenchmarks } from './types';

// 1024 varied inputs, cycled, so no call is a repeat of the previous one.
const N = 1024;
const successes = Array.from({ length: N }, (_, i) => (i * 37) % 500);
const counts = Array.from({ length: N }, (_, i) => (i * 7919) % 2000);
const next = (() => {
  let i = 0;
  return () => (i = (i + 1) & (N - 1));
})();

export default defineBenchmarks([
  { name: 'proportionCI wilson, n = 500', run: () => proportionCI(successes[next()] as number, 500) },
  {
    name: 'proportionCI clopper-pearson, n = 500',
    run: () => proportionCI(successes[next()] as number, 500, { method: 'clopper-pearson' }),
  },
  { name: 'proportionCI jeffreys, n = 500', run: () => proportionCI(successes[next()] as number, 500, { method: 'jeffreys' }) },
  { name: 'rateCI auto (exact < 10, Byar >= 10)', run: () => rateCI(counts[next()] as number, 669_338) },
  { name: 'rateCI exact', run: () => rateCI(counts[next()] as number, 669_338, { method: 'exact' }) },
]);
