import type { Random } from './generator';
import { marsagliaTsang } from './marsagliaTsang';
import { marsagliaTsangSqueeze } from './marsagliaTsangSqueeze';
import { normalSlowPath } from './normalSlowPath';
import { PENDING } from './pending';
import { log } from '../special/elementary/log';

/** Where a bulk sampler's in-line Marsaglia-Tsang proposal left off (see {@link resumeMarsagliaTsang}). @internal */
export const MT_NORMAL = 0;
/** @internal */
export const MT_RESTART = 1;
/** @internal */
export const MT_EXACT = 2;

/**
 * Finish a Marsaglia & Tsang (2000) Gamma draw that a bulk sampler began in line and handed over at a rare
 * step, drawing from `rng` exactly as {@link marsagliaTsang} would have from there, so the bulk and
 * single-call streams agree. The caller puts in {@link PENDING}: [0] d = shape - 1/3, [1] c = 1/sqrt(9d),
 * [2] the ziggurat's first word a, [3] x, [4] u, [5] v; the draw is written to PENDING[6].
 *
 * - `MT_NORMAL`: the ziggurat's first word `a` fell outside its layer's rectangle, `x` (>= 0) its
 *   abscissa: finish the normal ({@link normalSlowPath}), then the proposal;
 * - `MT_RESTART`: the proposal had 1 + cZ <= 0: draw afresh;
 * - `MT_EXACT`: the squeeze rejected u for the normal `x` and cube `v`: the exact test
 *   log u < x²/2 + d(1 - v + log v), then a fresh draw if that rejects too.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { PENDING } from './pending';
 * import { resumeMarsagliaTsang, MT_RESTART } from './resumeMarsagliaTsang';
 * PENDING[0] = 2.5 - 1 / 3;
 * PENDING[1] = 1 / Math.sqrt(9 * PENDING[0]);
 * resumeMarsagliaTsang(createGenerator(42), MT_RESTART);
 * PENDING[6]; // a Gamma(2.5) draw
 * ```
 * @internal
 */
export function resumeMarsagliaTsang(rng: Random, stage: number): void {
  const d = PENDING[0]!;
  const c = PENDING[1]!;
  let x = PENDING[3]!;
  let u = PENDING[4]!;
  let v = PENDING[5]!;
  if (stage === MT_NORMAL) {
    const z = normalSlowPath(rng, PENDING[2]!, x);
    v = 1 + c * z;
    if (v <= 0) {
      PENDING[6] = marsagliaTsang(rng, d, c);
      return;
    }
    v = v * v * v;
    u = rng.next();
    x = z;
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2 || marsagliaTsangSqueeze(u, z2, d, v)) {
      PENDING[6] = d * v;
      return;
    }
  } else if (stage === MT_RESTART) {
    PENDING[6] = marsagliaTsang(rng, d, c);
    return;
  }
  const z2 = x * x;
  if (log(u) < 0.5 * z2 + d * (1 - v + log(v))) {
    PENDING[6] = d * v;
    return;
  }
  PENDING[6] = marsagliaTsang(rng, d, c);
}
