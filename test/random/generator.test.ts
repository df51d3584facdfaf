import { describe, expect, it } from 'vitest';
import { createGenerator } from '../../src/random/generator';
import { sampleUniform } from '../../src/random/sampleUniform';
import reference from '../fixtures/scipy/random-xoshiro128.json';
import { KS_0999, chiSquareQuantile, every, ksScaled, sample } from './goodnessOfFit';

describe('createGenerator', () => {
  it('matches an independent Python implementation of splitmix64 + xoshiro128** bit for bit', () => {
    // Seeds include 0, negatives, 2^32 boundaries and the largest safe integers.
    for (const row of reference.seeds) {
      const g = createGenerator(row.seed);
      expect(Array.from({ length: 8 }, () => g.nextUint32()), `seed ${row.seed}`).toEqual(row.uint32);
      const h = createGenerator(row.seed);
      expect(Array.from({ length: 8 }, () => h.next()), `seed ${row.seed}`).toEqual(row.next);
    }
    const g = createGenerator(42);
    for (let i = 0; i < 99999; i++) g.nextUint32();
    expect(g.nextUint32()).toBe(reference.seed42Uint32At99999);
  });

  it('golden values: the seed-42 stream never silently changes', () => {
    // Pinned here as well as in the fixture, so regenerating the fixture cannot hide a change.
    const g = createGenerator(42);
    expect([g.nextUint32(), g.nextUint32(), g.nextUint32(), g.nextUint32()]).toEqual([
      1776835114, 4165204688, 17111135, 2317295270,
    ]);
    const h = createGenerator(42);
    expect([h.next(), h.next(), h.next()]).toEqual([0.41370166815658871, 0.0039839933778147429, 0.65008370276388672]);
  });

  it('same seed gives the same sequence; different seeds differ', () => {
    const a = createGenerator(7);
    const b = createGenerator(7);
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
    const seeds = [0, 1, 2, 3, -1, -2, 42, 43, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
    const firsts = seeds.map((s) => {
      const g = createGenerator(s);
      return [g.nextUint32(), g.nextUint32()].join(',');
    });
    expect(new Set(firsts).size).toBe(seeds.length);
  });

  it('nearby seeds give unrelated streams (|correlation| < 5/sqrt(n))', () => {
    const n = 4000;
    for (const [s, t] of [
      [1, 2],
      [0, -1],
      [42, 43],
      [2 ** 32, 2 ** 32 + 1],
    ] as const) {
      const x = sample(createGenerator(s), n, (r) => r.next());
      const y = sample(createGenerator(t), n, (r) => r.next());
      let sxy = 0;
      for (let i = 0; i < n; i++) sxy += (x[i]! - 0.5) * (y[i]! - 0.5);
      const correlation = sxy / n / (1 / 12);
      expect(Math.abs(correlation)).toBeLessThan(5 / Math.sqrt(n));
    }
  });

  it('next() is a multiple of 2^-53 in [0, 1); nextUint32() a whole number in [0, 2^32)', () => {
    const g = createGenerator(3);
    let ok = true;
    for (let i = 0; i < 100000; i++) {
      const u = g.next();
      const v = g.nextUint32();
      if (!(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 53))) ok = false;
      if (!(Number.isInteger(v) && v >= 0 && v < 2 ** 32)) ok = false;
    }
    expect(ok).toBe(true);
  });

  it('next() is uniform (KS at 0.001) and every byte of nextUint32() is uniform (chi-square at 0.001)', () => {
    const xs = sample(createGenerator(11), 50000, (r) => r.next());
    expect(ksScaled(xs, (x) => x)).toBeLessThan(KS_0999);
    const g = createGenerator(12);
    const counts = Array.from({ length: 4 }, () => new Float64Array(256));
    const n = 100000;
    for (let i = 0; i < n; i++) {
      const v = g.nextUint32();
      for (let b = 0; b < 4; b++) counts[b]![(v >>> (8 * b)) & 0xff]! += 1;
    }
    const critical = chiSquareQuantile(0.999, 255);
    for (const c of counts) {
      let chi = 0;
      for (const o of c) chi += (o - n / 256) ** 2 / (n / 256);
      expect(chi).toBeLessThan(critical);
    }
  });
});

describe('sampleUniform', () => {
  it('scales next() to [min, max) and is uniform there', () => {
    const g = createGenerator(42);
    expect(sampleUniform(g, 10, 20)).toBe(10 + 10 * 0.41370166815658871);
    const xs = sample(createGenerator(5), 20000, (r) => sampleUniform(r, -3, 5));
    expect(every(xs, (x) => x >= -3 && x < 5)).toBe(true);
    expect(ksScaled(xs, (x) => (x + 3) / 8)).toBeLessThan(KS_0999);
    expect(sampleUniform(createGenerator(1), 2.5, 2.5)).toBe(2.5);
  });
});
