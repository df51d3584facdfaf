import { describe, expect, it } from 'vitest';
import { drawVictims, NOISE_BINOMIAL, NOISE_NONE, NOISE_POISSON } from '../../src/incidence/drawVictims';
import { fillVictimDraws } from '../../src/incidence/fillVictimDraws';
import { createGenerator } from '../../src/random/generator';

// The bulk victims draws must be exactly those of drawVictims in a loop (same generator, same order), for
// every count-noise model, including recorded shares of 0 (Infinity, and no draws) and 1.
describe('fillVictimDraws draws exactly what drawVictims draws', () => {
  const n = 20000;
  const shares = (withZeros: boolean) => {
    const g = createGenerator(31);
    return Float64Array.from({ length: n }, (_, i) => (withZeros && i % 997 === 5 ? 0 : i % 501 === 3 ? 1 : 0.01 + 0.2 * g.next()));
  };
  for (const [name, noise] of [
    ['binomial', NOISE_BINOMIAL],
    ['poisson', NOISE_POISSON],
    ['none', NOISE_NONE],
  ] as const) {
    for (const withZeros of [false, true]) {
      for (const [c, f, k] of [
        [7706, 0.35, 1],
        [22, 1, 1.25],
        [0, 1, 1],
        [3, 2, 0.5],
      ] as const) {
        it(`${name}, count ${c}, factor ${f}, incidents per victim ${k}${withZeros ? ', some shares 0' : ''}`, () => {
          const q = shares(withZeros);
          const bulk = fillVictimDraws(createGenerator(8), noise, c, f, k, q, new Float64Array(n));
          const g = createGenerator(8);
          let same = true;
          for (let i = 0; i < n; i++) if (!Object.is(bulk[i], drawVictims(g, noise, c, f, k, q[i]!))) same = false;
          expect(same).toBe(true);
        });
      }
    }
  }
});
