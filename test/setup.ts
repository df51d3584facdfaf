import fc from 'fast-check';

// Property tests explore new random corners on developers' machines, but CI must be deterministic:
// with CI=true (or FC_SEED set) every property runs from a fixed seed. A failure prints its seed and path
// so it can be replayed with FC_SEED.
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261121' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
