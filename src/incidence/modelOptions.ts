import * as z from 'zod';
import { level, methodOf, options, seed } from '../core/schemas';
import { drawsOption } from './drawsOption';
import { countNoiseOption } from './noiseModel';

/**
 * The options shared by the hidden-incidence models (`hiddenIncidence`, `impliedRecording`): `level`
 * (default 0.95), `method` ('monte-carlo', the default, or 'delta'), `draws` (default 100,000), `seed`,
 * `countNoise` (default 'binomial') and `keepDraws` (default false). Unknown options are rejected.
 * @internal
 */
export const modelOptions = options({
  level,
  method: methodOf(['monte-carlo', 'delta']).default('monte-carlo'),
  draws: drawsOption(),
  seed,
  countNoise: countNoiseOption,
  keepDraws: z.boolean({ error: 'true or false' }).default(false),
});
