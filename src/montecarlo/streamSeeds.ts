import { createGenerator } from '../random/generator';

/**
 * Seeds of `n` independent random streams derived from one user seed: the first n 32-bit outputs of
 * the generator seeded with `seed` (each stream's generator re-mixes its seed through splitmix64).
 * One stream per uncertain input means an input's draws do not depend on the other inputs or on the
 * count-noise model (common random numbers), and a stream can be replayed to regenerate its draws.
 * @example
 * ```ts
 * import { streamSeeds } from './streamSeeds';
 * streamSeeds(42, 3); // three independent seeds derived from 42
 * ```
 * @internal
 */
export function streamSeeds(seed: number, n: number): number[] {
  const master = createGenerator(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(master.nextUint32());
  return out;
}
