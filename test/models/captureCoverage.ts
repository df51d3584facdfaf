import { multipleSystems, type MultipleSystemsOptions } from '../../src/models/index';
import { createGenerator } from '../../src/random/generator';

/** A closed population of known size whose lists catch people independently except list 1 -> list 2. */
export interface CoverageScenario {
  size: number;
  /** Probability of each of 4 lists catching a person (list 2's when the person is NOT on list 1). */
  catch: [number, number, number, number];
  /** List 2's probability for people on list 1 (dependence between lists 1 and 2). */
  secondGivenFirst: number;
}

export const scenario: CoverageScenario = { size: 2000, catch: [0.2, 0.15, 0.25, 0.12], secondGivenFirst: 0.4 };

/** Draw the four lists for every person and tabulate the capture histories. */
export function drawLists(s: CoverageScenario, seed: number): Record<string, number> {
  const rng = createGenerator(seed);
  const counts: Record<string, number> = {};
  for (let i = 0; i < s.size; i++) {
    const first = rng.next() < s.catch[0] ? 1 : 0;
    const second = rng.next() < (first ? s.secondGivenFirst : s.catch[1]) ? 1 : 0;
    const third = rng.next() < s.catch[2] ? 1 : 0;
    const fourth = rng.next() < s.catch[3] ? 1 : 0;
    const key = `${first}${second}${third}${fourth}`;
    if (key !== '0000') counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Share of simulated tables whose interval covers the true size, for each setting. */
export function coverage(s: CoverageScenario, runs: number, settings: Record<string, MultipleSystemsOptions>, seed = 1): Record<string, { covered: number; runs: number; meanWidth: number }> {
  const out: Record<string, { covered: number; runs: number; meanWidth: number }> = {};
  for (const name of Object.keys(settings)) out[name] = { covered: 0, runs: 0, meanWidth: 0 };
  for (let r = 0; r < runs; r++) {
    const counts = drawLists(s, seed * 100_003 + r);
    for (const [name, options] of Object.entries(settings)) {
      const result = multipleSystems(counts, { lists: ['one', 'two', 'three', 'four'], ...options });
      const row = out[name]!;
      row.runs++;
      if (result.total.lower <= s.size && s.size <= result.total.upper) row.covered++;
      row.meanWidth += (result.total.upper - result.total.lower) / runs;
    }
  }
  return out;
}
