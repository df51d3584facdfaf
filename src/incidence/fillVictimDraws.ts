import type { Random } from '../random/generator';
import { fillGamma } from '../random/fillGamma';
import { fillNegativeBinomial } from '../random/fillNegativeBinomial';
import { drawVictims, NOISE_BINOMIAL, NOISE_POISSON, PRIOR_SHAPE } from './drawVictims';

/**
 * Fill `out` with draws of the victims given a fixed number of incidents per victim `k` and draws `q` of
 * the recorded share: out[i] = drawVictims(rng, noise, c, f, k, q[i]), the same numbers in the same order
 * as that loop, but with the bulk samplers (negative binomial thinning noise as
 * {@link fillNegativeBinomial}, the Poisson model's Gamma draws as {@link fillGamma}). `q` and `out` must
 * not overlap. Returns `out`.
 * @internal
 */
export function fillVictimDraws(rng: Random, noise: number, c: number, f: number, k: number, q: Float64Array, out: Float64Array): Float64Array {
  const n = out.length;
  if (!(k > 0)) return out.fill(Infinity);
  const rv = c / k;
  if (noise === NOISE_BINOMIAL) {
    fillNegativeBinomial(rng, rv + PRIOR_SHAPE, q, out);
    for (let i = 0; i < n; i++) out[i] = (rv + out[i]!) * f;
    return out;
  }
  if (noise === NOISE_POISSON) {
    // drawVictims draws nothing for q <= 0, so the bulk Gamma draws apply only when every q > 0.
    let allPositive = true;
    for (let i = 0; i < n; i++) if (!(q[i]! > 0)) allPositive = false;
    if (!allPositive) {
      for (let i = 0; i < n; i++) out[i] = drawVictims(rng, noise, c, f, k, q[i]!);
      return out;
    }
    fillGamma(rng, rv + PRIOR_SHAPE, out);
    for (let i = 0; i < n; i++) out[i] = (out[i]! / q[i]!) * f;
    return out;
  }
  for (let i = 0; i < n; i++) {
    const qi = q[i]!;
    out[i] = (rv / qi) * f;
    if (!(qi > 0)) out[i] = Infinity; // a branch, not a choice between doubles: much faster in V8
  }
  return out;
}
