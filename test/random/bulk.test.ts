import { describe, expect, it } from 'vitest';
import { createGenerator, type Random } from '../../src/random/generator';
import { fillBeta } from '../../src/random/fillBeta';
import { fillGamma } from '../../src/random/fillGamma';
import { fillNegativeBinomial } from '../../src/random/fillNegativeBinomial';
import { fillPoisson } from '../../src/random/fillPoisson';
import { marsagliaTsangSqueeze } from '../../src/random/marsagliaTsangSqueeze';
import { sampleNormal } from '../../src/random/sampleNormal';
import { log } from '../../src/special/elementary/log';
import { sampleBeta } from '../../src/random/sampleBeta';
import { sampleGamma } from '../../src/random/sampleGamma';
import { samplePoisson } from '../../src/random/samplePoisson';

// The bulk samplers keep the generator's state in local variables and run the samplers' common paths in
// line; they must draw exactly the numbers of the single-draw samplers, in the same order, and leave the
// generator where those would. Exact equality (Object.is, so 0 and -0 differ too), on enough draws that
// every rare step is taken many times (ziggurat tail and wedge, Marsaglia-Tsang's exact test and restart,
// PD's quotient and hat steps, Jöhnk's subnormal ratio).
const N = 60000;

function same(bulk: Float64Array, single: Float64Array): boolean {
  for (let i = 0; i < bulk.length; i++) if (!Object.is(bulk[i], single[i])) return false;
  return true;
}

/** Bulk and single-draw results from generators with the same seed, and each generator's next output. */
function compare(seed: number, bulk: (rng: Random, out: Float64Array) => void, single: (rng: Random) => number) {
  const a = createGenerator(seed);
  const b = createGenerator(seed);
  const viaBulk = new Float64Array(N);
  bulk(a, viaBulk);
  const viaSingle = new Float64Array(N);
  for (let i = 0; i < N; i++) viaSingle[i] = single(b);
  return { equal: same(viaBulk, viaSingle), nextBulk: a.nextUint32(), nextSingle: b.nextUint32() };
}

/** A Random that is not the library's generator: the bulk samplers fall back to single draws. */
function foreign(seed: number): Random {
  const inner = createGenerator(seed);
  return { next: () => inner.next(), nextUint32: () => inner.nextUint32() };
}

describe('bulk samplers draw exactly what the single-draw samplers draw', () => {
  it.each([0.001, 0.3, 0.5, 1, 1.5, 2.5, 150.5, 7706.5, 1e9])('fillGamma, shape %s (and scale 2.5)', (shape) => {
    const r = compare(11, (g, out) => fillGamma(g, shape, out, 2.5), (g) => 2.5 * sampleGamma(g, shape));
    expect(r.equal).toBe(true);
    expect(r.nextBulk).toBe(r.nextSingle);
  });

  it.each([
    [0.5, 0.5],
    [1, 1],
    [0.01, 0.3],
    [0.001, 0.002],
    [150.5, 150.5],
    [100.5, 1900.5],
    [1, 3],
    [0.3, 5],
    [5, 0.3],
  ])('fillBeta(%s, %s)', (a, b) => {
    const r = compare(12, (g, out) => fillBeta(g, a, b, out), (g) => sampleBeta(g, a, b));
    expect(r.equal).toBe(true);
    expect(r.nextBulk).toBe(r.nextSingle);
  });

  it.each([0, 1e-9, 0.5, 3, 9.99, 10, 10.5, 25, 100, 7706, 3e5, 1e9, 1e12])('fillPoisson, mean %s', (mean) => {
    const r = compare(13, (g, out) => fillPoisson(g, mean, out), (g) => samplePoisson(g, mean));
    expect(r.equal).toBe(true);
    expect(r.nextBulk).toBe(r.nextSingle);
  });

  it.each([0.5, 1, 3.5, 22.5, 7706.5])('fillNegativeBinomial, size %s: Poisson(Gamma(size) (1 - p) / p)', (size) => {
    // Success probabilities from 0 (Infinity, no draws) through tiny (huge means, returned as they are) to 1.
    const p = new Float64Array(N);
    const pg = createGenerator(77);
    for (let i = 0; i < N; i++) {
      const u = pg.next();
      p[i] = i % 1000 === 0 ? 0 : i % 997 === 0 ? 1e-14 : i % 3 === 0 ? u : i % 3 === 1 ? 0.02 + 0.01 * u : 1 - 1e-3 * u;
    }
    const r = compare(
      14,
      (g, out) => fillNegativeBinomial(g, size, p, out),
      (() => {
        let i = 0;
        return (g: Random) => {
          const q = p[i++]!;
          if (!(q > 0)) return Infinity;
          const mean = sampleGamma(g, size) * ((1 - q) / q);
          return mean < 1e15 ? samplePoisson(g, mean) : mean;
        };
      })(),
    );
    expect(r.equal).toBe(true);
    expect(r.nextBulk).toBe(r.nextSingle);
  });

  it('any other Random: the single-draw samplers, in order', () => {
    const out = new Float64Array(1000);
    const expected = new Float64Array(1000);
    const check = (bulk: (g: Random) => void, single: (g: Random) => number) => {
      bulk(foreign(5));
      const g = foreign(5);
      for (let i = 0; i < expected.length; i++) expected[i] = single(g);
      expect(same(out, expected)).toBe(true);
    };
    check((g) => fillGamma(g, 2.5, out), (g) => sampleGamma(g, 2.5));
    check((g) => fillBeta(g, 150.5, 150.5, out), (g) => sampleBeta(g, 150.5, 150.5));
    check((g) => fillPoisson(g, 25, out), (g) => samplePoisson(g, 25));
  });
});

describe('marsagliaTsangSqueeze', () => {
  it('accepts only proposals the exact test accepts, and nearly all of those for large shapes', () => {
    // Typical proposals (ziggurat normal, uniform u) and hard ones (z across its whole range, u within 1e-9
    // of 1, where both sides of the exact test nearly cancel), for shapes from 1 to 1e9.
    const g = createGenerator(21);
    let violations = 0;
    for (const shape of [1, 1.5, 2.5, 10, 150.5, 1900.5, 7706.5, 1e6, 1e9]) {
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      let exactAccepts = 0;
      let squeezeAccepts = 0;
      for (let i = 0; i < 60000; i++) {
        const hard = i % 2 === 1;
        const z = hard && i % 5 === 1 ? ((g.next() - 0.5) * 2) / c : sampleNormal(g);
        let v = 1 + c * z;
        if (v <= 0) continue;
        v = v * v * v;
        const u = hard && i % 3 === 0 ? 1 - g.next() * 1e-9 : g.next();
        const z2 = z * z;
        if (u < 1 - 0.0331 * z2 * z2) continue;
        const exact = log(u) < 0.5 * z2 + d * (1 - v + log(v));
        const squeeze = marsagliaTsangSqueeze(u, z2, d, v);
        if (squeeze && !exact) violations++;
        if (exact && !hard) exactAccepts++;
        if (squeeze && !hard) squeezeAccepts++;
      }
      if (shape >= 150 && shape <= 1e6) expect(squeezeAccepts).toBeGreaterThan(0.99 * exactAccepts);
    }
    expect(violations).toBe(0);
  });
});
