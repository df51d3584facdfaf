/**
 * The calibration (coverage) study of hiddenIncidence at a larger size than the CI test
 * (test/incidence/calibration.test.ts runs 1,000 replications x 2,000 draws per regime).
 *
 *   npx tsx bench/calibration.ts [replications = 4000] [draws = 4000]
 *
 * Prints a Markdown table for docs/incidence.md: per regime, the share of 95% intervals that cover the
 * truth (Monte Carlo victims and unrecorded, delta-method victims), with the binomial standard error of
 * that share, and how the misses split (truth below the interval / above it). Nothing is asserted here.
 */
import { coverage, REGIMES } from '../test/incidence/calibrationStudy';

const replications = Number(process.argv[2] ?? 4000);
const draws = Number(process.argv[3] ?? 4000);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`node ${process.version}; ${replications} replications per regime, ${draws} Monte Carlo draws each, nominal level 95%, seed 2024\n`);
console.log('| regime | mean recorded | victims (MC) | misses low / high | unrecorded (MC) | victims (delta) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const t0 = performance.now();
for (const regime of REGIMES) {
  const c = coverage(regime, replications, draws);
  const se = Math.sqrt((c.victims * (1 - c.victims)) / replications);
  console.log(
    `| ${c.regime} | ${Math.round(c.meanRecorded).toLocaleString('en-GB')} | ${pct(c.victims)} ± ${(100 * se).toFixed(1)} | ${c.missLow} / ${c.missHigh} | ${pct(c.unrecorded)} | ${pct(c.deltaVictims)} |`,
  );
}
console.log(`\n(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
