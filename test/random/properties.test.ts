import { describe, it } from 'vitest';
import fc from 'fast-check';
import { createGenerator } from '../../src/random/generator';
import { sampleNormal } from '../../src/random/sampleNormal';
import { sampleGamma } from '../../src/random/sampleGamma';
import { sampleLogGamma } from '../../src/random/sampleLogGamma';
import { sampleBeta } from '../../src/random/sampleBeta';
import { samplePoisson } from '../../src/random/samplePoisson';
import { sampleBinomial } from '../../src/random/sampleBinomial';
import { sampleDirichlet } from '../../src/random/sampleDirichlet';
import { sampleUniform } from '../../src/random/sampleUniform';

// Property tests over seeds and parameters (fast-check's own seed is fixed so runs are repeatable).
const seed = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
/** A shape from 1e-3 to 1e6, spread over the orders of magnitude. */
const shape = fc.double({ min: -3, max: 6, noNaN: true }).map((e) => 10 ** e);
const probability = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.5, 1e-12, 1 - 1e-12));
const options = { numRuns: 300, seed: 20240601 };
const DRAWS = 20;

describe('sampler properties', () => {
  it('the same seed reproduces; uniform and normal draws are finite and in range', () => {
    const width = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(seed, fc.double({ min: -1e6, max: 1e6, noNaN: true }), width, (s, min, w) => {
        const a = createGenerator(s);
        const b = createGenerator(s);
        for (let i = 0; i < DRAWS; i++) {
          const z = sampleNormal(a);
          if (z !== sampleNormal(b) || !Number.isFinite(z)) return false;
          const u = sampleUniform(a, min, min + w);
          if (u !== sampleUniform(b, min, min + w) || !(u >= min && u <= min + w)) return false;
        }
        return true;
      }),
      options,
    );
  });

  it('gamma: never NaN, > 0 except by underflow (possible only for shapes below 1), log-gamma finite', () => {
    fc.assert(
      fc.property(seed, shape, (s, a) => {
        const g = createGenerator(s);
        for (let i = 0; i < DRAWS; i++) {
          const x = sampleGamma(g, a);
          if (!(x >= 0 && x < Infinity)) return false;
          if (x === 0 && a >= 1) return false;
          if (!Number.isFinite(sampleLogGamma(g, a))) return false;
        }
        return true;
      }),
      options,
    );
  });

  it('beta: in [0, 1], never NaN, for shapes from 1e-3 to 1e6', () => {
    fc.assert(
      fc.property(seed, shape, shape, (s, a, b) => {
        const g = createGenerator(s);
        for (let i = 0; i < DRAWS; i++) {
          const x = sampleBeta(g, a, b);
          if (!(x >= 0 && x <= 1)) return false;
        }
        return true;
      }),
      options,
    );
  });

  it('dirichlet: a point of the simplex, never NaN', () => {
    fc.assert(
      fc.property(seed, fc.array(shape, { minLength: 1, maxLength: 8 }), (s, alphas) => {
        const g = createGenerator(s);
        const out = new Float64Array(alphas.length);
        for (let i = 0; i < DRAWS; i++) {
          sampleDirichlet(g, alphas, out);
          let sum = 0;
          for (const v of out) {
            if (!(v >= 0 && v <= 1)) return false;
            sum += v;
          }
          if (!(Math.abs(sum - 1) < 1e-12)) return false;
        }
        return true;
      }),
      options,
    );
  });

  it('poisson: a whole number >= 0 for means from 0 to 1e12', () => {
    const mean = fc.oneof(fc.constant(0), fc.double({ min: -6, max: 12, noNaN: true }).map((e) => 10 ** e));
    fc.assert(
      fc.property(seed, mean, (s, m) => {
        const g = createGenerator(s);
        for (let i = 0; i < DRAWS; i++) {
          const k = samplePoisson(g, m);
          if (!(Number.isInteger(k) && k >= 0)) return false;
          // Far-out draws would signal a broken rejection step: 12 sd plus 30 covers every mean.
          if (Math.abs(k - m) > 12 * Math.sqrt(m) + 30) return false;
        }
        return true;
      }),
      options,
    );
  });

  it('binomial: a whole number in [0, n] for n up to 1e9 and any p', () => {
    const n = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1e9 }));
    fc.assert(
      fc.property(seed, n, probability, (s, trials, p) => {
        const g = createGenerator(s);
        for (let i = 0; i < DRAWS; i++) {
          const k = sampleBinomial(g, trials, p);
          if (!(Number.isInteger(k) && k >= 0 && k <= trials)) return false;
          if (p === 0 && k !== 0) return false;
          if (p === 1 && k !== trials) return false;
          if (Math.abs(k - trials * p) > 12 * Math.sqrt(trials * p * (1 - p)) + 30) return false;
        }
        return true;
      }),
      options,
    );
  });
});

