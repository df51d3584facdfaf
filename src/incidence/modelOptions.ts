import * as z from 'zod/mini';
import { level, methodOf, seed } from '../core/schemas';
import { drawsOption } from '../montecarlo/drawsOption';
import { fewestDraws, tooFewDrawsRule } from '../montecarlo/fewestDraws';
import { countNoiseOption } from './noiseModel';

/**
 * The options shared by the hidden-incidence models (`hiddenIncidence`, `impliedRecording`): `level`
 * (default 0.95), `method` ('monte-carlo', the default, or 'delta'), `draws` (default 100,000), `seed`,
 * `countNoise` (default 'binomial') and `keepDraws` (default false). Unknown options are rejected, and so
 * are Monte Carlo draws too few for the level ({@link fewestDraws}).
 * @internal
 */
export const modelOptions = /* @__PURE__ */ (() => z.prefault(z
  .strictObject({
    level,
    method: z._default(methodOf(['monte-carlo', 'delta']), 'monte-carlo'),
    draws: drawsOption(),
    seed,
    countNoise: countNoiseOption,
    keepDraws: z._default(z.boolean({ error: 'true or false' }), false),
  })
  .check((ctx) => {
    const o = ctx.value;
    if (o.method === 'monte-carlo' && o.draws < fewestDraws(o.level)) {
      ctx.issues.push({ code: 'custom', path: ['draws'], input: o.draws, message: tooFewDrawsRule(o.level) });
    }
  }), {} as never))();
