import type { Random } from './generator';
import { stirlingError } from './stirlingError';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';
import { log1p } from '../special/elementary/log1p';

/**
 * A Binomial(n, p) draw for whole n >= 0 (up to 1e9 and beyond) and p in [0, 1]; p = 0 gives 0 and
 * p = 1 gives n exactly. By symmetry p > 1/2 draws n - Binomial(n, 1 - p). With p <= 1/2:
 * if np < 10, inversion (BINV, Kachitvichyanukul & Schmeiser 1988) with (1 - p)^n computed as
 * exp(n log1p(-p)), one uniform per draw; otherwise BTRS, transformed rejection with squeeze
 * (Hörmann 1993), about 1.2 pairs of uniforms per draw whatever n, its exact test written with
 * Stirling corrections (log k! = (k + 1/2) log(k + 1) - (k + 1) + log(2π)/2 + δ(k + 1)) and log1p,
 * so large n loses no accuracy. The result is a whole number in [0, n].
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { sampleBinomial } from './sampleBinomial';
 * const rng = createGenerator(42);
 * sampleBinomial(rng, 7706, 0.5); // how many of 7706 reports were recorded, if half are
 * ```
 * @internal
 */
export function sampleBinomial(rng: Random, n: number, p: number): number {
  if (p > 0.5) return n - sampleBinomial(rng, n, 1 - p);
  if (!(p > 0) || !(n > 0)) return 0;
  if (!(n < Infinity)) return n; // never loop forever on bad input
  const q = 1 - p;
  if (n * p < 10) {
    // BINV: walk the pmf from 0, f(x) = f(x - 1) ((n + 1) s / x - s) with s = p / q.
    const s = p / q;
    const as = (n + 1) * s;
    const f0 = exp(n * log1p(-p));
    // Far beyond any draw (P(X > bound) < 1e-40): a walk past it means rounding left u unspent.
    const bound = Math.min(n, Math.floor(n * p + 20 * Math.sqrt(n * p * q + 1) + 20));
    for (;;) {
      let u = rng.next();
      let f = f0;
      let x = 0;
      while (u > f) {
        u -= f;
        x++;
        if (x > bound) break;
        f *= as / x - s;
      }
      if (x <= bound) return x; // else draw again (probability about 1e-16)
    }
  }
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  let modeTerm = NaN; // terms of the exact test that depend on the mode only, computed when first needed
  const m = Math.floor((n + 1) * p);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    // Exact test (Hörmann 1993, step 3.4): log(v alpha / (a / us² + b)) <= log f(k) - log f(m).
    const r = p / q;
    if (modeTerm !== modeTerm) {
      modeTerm = (m + 0.5) * log((m + 1) / (r * (n - m + 1))) + stirlingError(m + 1) + stirlingError(n - m + 1);
    }
    const logV = log((v * (2.83 + 5.1 / b) * spq) / (a / (us * us) + b));
    const bound =
      modeTerm +
      (n + 1) * log1p((k - m) / (n - k + 1)) +
      (k + 0.5) * log((r * (n - k + 1)) / (k + 1)) -
      stirlingError(k + 1) -
      stirlingError(n - k + 1);
    if (logV <= bound) return k;
  }
}
