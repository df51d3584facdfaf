import { describe, expect, it } from 'vitest';
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import gammaCdf from '@stdlib/stats-base-dists-gamma-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { createGenerator } from '../../src/random/generator';
import { sampleNormal } from '../../src/random/sampleNormal';
import { sampleGamma } from '../../src/random/sampleGamma';
import { sampleLogGamma } from '../../src/random/sampleLogGamma';
import { sampleBeta } from '../../src/random/sampleBeta';
import { sampleDirichlet } from '../../src/random/sampleDirichlet';
import { sampleExponential } from '../../src/random/sampleExponential';
import { stirlingError } from '../../src/random/stirlingError';
import stirling from '../fixtures/scipy/random-stirling-error.json';
import gammaQuantiles from '../fixtures/scipy/random-gamma-quantiles.json';
import { KS_0999, chiSquareQuantile, every, ksScaled, momentZ, sample } from './goodnessOfFit';

// Tolerances (see goodnessOfFit.ts): KS sqrt(n) D < 1.9495 (level 0.001), moments within 5 standard
// errors. Fixed seeds make every check deterministic. n = 20000 per regime keeps the file near a second.
const N = 20000;

/** Relative closeness for golden values that pass through Math.log/exp (engines may differ by an ulp). */
function expectClose(actual: number[], expected: number[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(1e-13 * Math.abs(expected[i]!)));
}

describe('sampleNormal (ziggurat)', () => {
  it('golden values for seed 42', () => {
    const g = createGenerator(42);
    expectClose(
      Array.from({ length: 5 }, () => sampleNormal(g)),
      GOLDEN.normal,
    );
  });

  it('matches the N(0, 1) CDF (KS) and its moments, tail included', () => {
    const xs = sample(createGenerator(1), 100000, sampleNormal);
    const z = momentZ(xs, 0, 1, 0);
    expect(Math.abs(z.zMean)).toBeLessThan(5);
    expect(Math.abs(z.zVariance)).toBeLessThan(5);
    expect(ksScaled(xs, (x) => normalCdf(x, 0, 1))).toBeLessThan(KS_0999);
    // The tail beyond r = 3.654 (probability 2.58e-4 per side) is reached and has the right mass:
    // 100000 draws expect 25.8 beyond each side (Poisson sd 5.1), so 5 to 50 is a > 4 sd band.
    const beyond = xs.filter((x) => x > 3.6541528853610088).length;
    const below = xs.filter((x) => x < -3.6541528853610088).length;
    expect(beyond).toBeGreaterThan(5);
    expect(beyond).toBeLessThan(50);
    expect(below).toBeGreaterThan(5);
    expect(below).toBeLessThan(50);
  });

  it('the tail alone follows the conditional normal tail (KS on draws beyond 3)', () => {
    // 3e6 draws give about 4000 beyond |3|; compare with P(|Z| <= x | |Z| > 3).
    const g = createGenerator(2);
    const tail: number[] = [];
    for (let i = 0; i < 3e6; i++) {
      const z = sampleNormal(g);
      if (Math.abs(z) > 3) tail.push(Math.abs(z));
    }
    const q3 = 2 * (1 - normalCdf(3, 0, 1));
    const xs = Float64Array.from(tail);
    expect(ksScaled(xs, (x) => 1 - (2 * (1 - normalCdf(x, 0, 1))) / q3)).toBeLessThan(KS_0999);
  });
});

describe('sampleGamma', () => {
  // Marsaglia-Tsang for shape >= 1, the U^(1/shape) boost below 1; at 0.01, 8e-4 of the draws
  // underflow to 0 (documented), a step the tie-aware KS statistic compares with F(2^-1074).
  // @stdlib's gamma CDF agrees with scipy to 1e-15 up to shape 100 but is off by 6e-3 at 1000, so
  // larger shapes use scipy quantiles (below).
  const shapes = [0.01, 0.1, 0.5, 0.999, 1, 1.5, 2.5, 10, 100];
  for (const [j, shape] of shapes.entries()) {
    it(`shape ${shape}: moments within 5 SE and KS against the exact CDF`, () => {
      const xs = sample(createGenerator(100 + j), N, (r) => sampleGamma(r, shape));
      expect(every(xs, (x) => x >= 0 && Number.isFinite(x))).toBe(true);
      // Gamma(a): mean a, variance a, excess kurtosis 6/a. The sample variance's SE uses the
      // kurtosis, so shape 0.01 (kurtosis 600) gets a correspondingly wide but honest band.
      const z = momentZ(xs, shape, shape, 6 / shape);
      expect(Math.abs(z.zMean)).toBeLessThan(5);
      expect(Math.abs(z.zVariance)).toBeLessThan(5);
      expect(ksScaled(xs, (x) => gammaCdf(x, shape, 1))).toBeLessThan(KS_0999);
    });
  }

  for (const [j, row] of gammaQuantiles.entries()) {
    it(`shape ${row.shape}: moments within 5 SE and chi-square on 100 equiprobable cells (scipy quantiles)`, () => {
      const shape = row.shape;
      const xs = sample(createGenerator(150 + j), N, (r) => sampleGamma(r, shape));
      expect(every(xs, (x) => x > 0 && Number.isFinite(x))).toBe(true);
      const z = momentZ(xs, shape, shape, 6 / shape);
      expect(Math.abs(z.zMean)).toBeLessThan(5);
      expect(Math.abs(z.zVariance)).toBeLessThan(5);
      const counts = new Float64Array(100);
      xs.sort();
      let cell = 0;
      for (const x of xs) {
        while (cell < 99 && x > row.quantiles[cell]!) cell++;
        counts[cell] = counts[cell]! + 1;
      }
      let chi = 0;
      for (const c of counts) chi += (c - N / 100) ** 2 / (N / 100);
      expect(chi).toBeLessThan(chiSquareQuantile(0.999, 99));
    });
  }

  it('golden values for seed 42 (shapes 2.5 and 0.3)', () => {
    const g = createGenerator(42);
    expectClose([sampleGamma(g, 2.5), sampleGamma(g, 2.5), sampleGamma(g, 0.3), sampleGamma(g, 0.3)], GOLDEN.gamma);
  });

  it('tiny shapes underflow to 0 at the documented rate and never give NaN', () => {
    // P(X < 2^-1074) at shape 0.001 is exp(0.001 log 2^-1074) / Γ(1.001) = 0.4757; 20000 draws:
    // sd 0.0035, so the share of zeros must be within 0.02 of it.
    const xs = sample(createGenerator(3), N, (r) => sampleGamma(r, 0.001));
    const zeros = xs.filter((x) => x === 0).length / N;
    expect(Math.abs(zeros - 0.4757)).toBeLessThan(0.02);
    expect(every(xs, (x) => x >= 0 && Number.isFinite(x))).toBe(true);
    expect(sampleGamma(createGenerator(1), 0)).toBe(0);
  });
});

describe('sampleLogGamma', () => {
  it('consumes the generator as sampleGamma does: exp(logGamma) = gamma up to rounding', () => {
    for (const shape of [0.05, 0.7, 1, 3.3, 50]) {
      const a = createGenerator(9);
      const b = createGenerator(9);
      for (let i = 0; i < 200; i++) {
        const x = sampleGamma(a, shape);
        const y = Math.exp(sampleLogGamma(b, shape));
        expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-12 * x);
      }
    }
  });

  it('stays finite where the draw underflows: log Gamma(0.001) matches the CDF on the log scale', () => {
    // P(log X <= t) = P(X <= e^t) = gammaP(0.001, e^t); for t < -700, the oracle's
    // series x^a / Γ(a + 1) (first term, relative error < x) is computed as exp(a t) / Γ(1.001).
    const shape = 0.001;
    const xs = sample(createGenerator(4), N, (r) => sampleLogGamma(r, shape));
    expect(every(xs, Number.isFinite)).toBe(true);
    const gamma1001 = 0.99942377581496;
    const cdf = (t: number) => (t < -700 ? Math.exp(shape * t) / gamma1001 : gammaCdf(Math.exp(t), shape, 1));
    expect(ksScaled(xs, cdf)).toBeLessThan(KS_0999);
  });
});

describe('sampleExponential (ziggurat)', () => {
  it('golden values for seed 42', () => {
    const g = createGenerator(42);
    expectClose(
      Array.from({ length: 5 }, () => sampleExponential(g)),
      GOLDEN.exponential,
    );
  });

  it('matches the Exp(1) CDF (KS) and its moments; the tail beyond r = 7.697 has the right mass', () => {
    const xs = sample(createGenerator(3), 100000, sampleExponential);
    expect(every(xs, (x) => x >= 0 && Number.isFinite(x))).toBe(true);
    // Exp(1): mean 1, variance 1, excess kurtosis 6.
    const z = momentZ(xs, 1, 1, 6);
    expect(Math.abs(z.zMean)).toBeLessThan(5);
    expect(Math.abs(z.zVariance)).toBeLessThan(5);
    expect(ksScaled(Float64Array.from(xs), (x) => 1 - Math.exp(-x))).toBeLessThan(KS_0999);
    // 2e6 draws expect 908 beyond r (Poisson sd 30): 750 to 1070 is a > 5 sd band.
    const g = createGenerator(4);
    let beyond = 0;
    for (let i = 0; i < 2e6; i++) if (sampleExponential(g) > 7.69711747013104972) beyond++;
    expect(beyond).toBeGreaterThan(750);
    expect(beyond).toBeLessThan(1070);
  });
});

describe('sampleBeta', () => {
  // Gammas for shapes >= 1, Jöhnk for both <= 1, log space for one shape below 1.
  const cases: [number, number][] = [
    [2, 30],
    [1, 1],
    [0.5, 0.5],
    [0.01, 0.02],
    [0.9, 1],
    [0.5, 30],
    [30, 0.5],
    [0.1, 5],
    [1, 3],
    [200, 300],
    [7706.5, 1e5],
  ];
  for (const [j, [a, b]] of cases.entries()) {
    it(`Beta(${a}, ${b}): in [0, 1], moments within 5 SE, KS against the exact CDF`, () => {
      const xs = sample(createGenerator(200 + j), N, (r) => sampleBeta(r, a, b));
      expect(every(xs, (x) => x >= 0 && x <= 1)).toBe(true);
      const s = a + b;
      const mean = a / s;
      const variance = (a * b) / (s * s * (s + 1));
      const kurtosis = (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3));
      const z = momentZ(xs, mean, variance, kurtosis);
      expect(Math.abs(z.zMean)).toBeLessThan(5);
      expect(Math.abs(z.zVariance)).toBeLessThan(5);
      // Draws within about 2^-54 of 1 are returned as 1 (massAtOne: P(1 - X < 2^-54), by symmetry).
      expect(ksScaled(xs, (x) => betaCdf(x, a, b), betaCdf(2 ** -54, b, a))).toBeLessThan(KS_0999);
    });
  }

  it('golden values for seed 42', () => {
    const g = createGenerator(42);
    expectClose([sampleBeta(g, 2, 30), sampleBeta(g, 0.5, 0.5), sampleBeta(g, 0.5, 30)], GOLDEN.beta);
  });

  it('tiny shapes give 0, 1 or values between, never NaN', () => {
    const xs = sample(createGenerator(5), 5000, (r) => sampleBeta(r, 1e-4, 1e-3));
    expect(every(xs, (x) => x >= 0 && x <= 1)).toBe(true);
    // Beta(1e-4, 1e-3) puts mass 1e-3 / 1.1e-3 = 0.909 near 0 and 0.091 near 1.
    const nearOne = xs.filter((x) => x > 0.5).length / xs.length;
    expect(Math.abs(nearOne - 1 / 11)).toBeLessThan(5 * Math.sqrt((0.091 * 0.909) / 5000));
  });
});

describe('sampleDirichlet', () => {
  it('marginals are Beta(alpha_i, sum - alpha_i); points lie on the simplex', () => {
    for (const [j, alphas] of [
      [45, 22, 10, 5, 4, 14],
      [0.1, 0.5, 2],
      [0.001, 0.002, 0.003],
    ].entries()) {
      const total = alphas.reduce((s, a) => s + a, 0);
      const out = new Float64Array(alphas.length);
      const g = createGenerator(300 + j);
      const first = new Float64Array(N);
      const last = new Float64Array(N);
      let simplex = true;
      for (let i = 0; i < N; i++) {
        const x = sampleDirichlet(g, alphas, out);
        if (x !== out) simplex = false;
        let s = 0;
        for (const v of x) {
          if (!(v >= 0 && v <= 1)) simplex = false;
          s += v;
        }
        if (!(Math.abs(s - 1) < 1e-14)) simplex = false;
        first[i] = x[0]!;
        last[i] = x[alphas.length - 1]!;
      }
      expect(simplex).toBe(true);
      const a0 = alphas[0]!;
      const an = alphas[alphas.length - 1]!;
      const rest0 = total - a0;
      const restN = total - an;
      expect(ksScaled(first, (x) => betaCdf(x, a0, rest0), betaCdf(2 ** -54, rest0, a0))).toBeLessThan(KS_0999);
      expect(ksScaled(last, (x) => betaCdf(x, an, restN), betaCdf(2 ** -54, restN, an))).toBeLessThan(KS_0999);
    }
  });

  it('does not modify alphas and works on a typed array input', () => {
    const alphas = Float64Array.from([2, 3]);
    const x = sampleDirichlet(createGenerator(1), alphas, new Float64Array(2));
    expect(Array.from(alphas)).toEqual([2, 3]);
    expect(x[0]! + x[1]!).toBeCloseTo(1, 15);
  });
});

describe('stirlingError', () => {
  it('matches mpmath to 1e-13 relative', () => {
    for (const row of stirling) {
      expect(Math.abs(stirlingError(row.n) - row.delta)).toBeLessThanOrEqual(1e-13 * row.delta);
    }
  });
});

/** Golden sampler outputs for seed 42 (first draws), pinned so the samplers' streams never silently change. */
const GOLDEN = {
  normal: [0.9348163780949753, 0.007047836652607819, 0.8187915555628701, -0.5128057136116532, 1.6085755583145323],
  gamma: [3.8545280821676275, 3.6091805238807844, 0.015129585050568654, 0.04936275696598846],
  // Beta(0.5, 0.5) (Jöhnk) changed when its powers U^(1/a) = exp(-E/a) came to use exponential ziggurat draws
  // E instead of -log U (about twice as fast; same distribution): it was 0.2919142393387257.
  beta: [0.08492498607530959, 0.03653017685944496, 0.017829756660103092],
  exponential: [1.3466195709145943, 0.008475607035163828, 0.7780120962444261, 0.3486075583830959, 2.0656710161427614],
};
