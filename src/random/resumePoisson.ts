import type { Random } from './generator';
import { normalSlowPath } from './normalSlowPath';
import { PENDING } from './pending';
import { poissonFromNormal } from './poissonFromNormal';

/** Where a bulk sampler's in-line Poisson draw (algorithm PD) left off (see {@link resumePoisson}). @internal */
export const PD_NORMAL = 0;
/** @internal */
export const PD_AFTER_SQUEEZE = 1;

/**
 * Finish a Poisson(mean >= 10) draw by Ahrens & Dieter's (1982) algorithm PD that a bulk sampler began in
 * line and handed over at a rare step, drawing from `rng` exactly as `samplePoisson` would have from there.
 * The caller puts in {@link PENDING}: [0] the mean, [2] the ziggurat's first word a, [3] t, [4] u; the
 * draw is written to PENDING[6].
 *
 * - `PD_NORMAL`: the normal's first word `a` fell outside its layer's rectangle, `t` (>= 0) its abscissa:
 *   finish the normal ({@link normalSlowPath}), then PD ({@link poissonFromNormal});
 * - `PD_AFTER_SQUEEZE`: steps N to S did not accept for the normal `t` and step S's uniform `u` (NaN if
 *   step S was skipped): PD's remaining steps.
 *
 * @example
 * ```ts
 * import { createGenerator } from './generator';
 * import { PENDING } from './pending';
 * import { resumePoisson, PD_AFTER_SQUEEZE } from './resumePoisson';
 * PENDING[0] = 25; // mean
 * PENDING[3] = -6; // a normal draw far below the mean: g = 25 - 6 x 5 < 0, so step S was skipped
 * PENDING[4] = NaN;
 * resumePoisson(createGenerator(42), PD_AFTER_SQUEEZE);
 * PENDING[6]; // a Poisson(25) draw
 * ```
 * @internal
 */
export function resumePoisson(rng: Random, stage: number): void {
  const mean = PENDING[0]!;
  const z = stage === PD_NORMAL ? normalSlowPath(rng, PENDING[2]!, PENDING[3]!) : PENDING[3]!;
  PENDING[6] = poissonFromNormal(rng, mean, z, stage === PD_NORMAL ? NaN : PENDING[4]!);
}
