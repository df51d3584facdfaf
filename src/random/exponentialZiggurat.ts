import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';

/** The rightmost layer edge r of the 256-layer ziggurat for the exponential density e^-x (Marsaglia & Tsang 2000). @internal */
export const EXPONENTIAL_R = 7.69711747013104972;
/** The common area v of the 256 layers. */
const AREA = 0.0039496598225815571993;
const LAYERS = 256;
const TWO_POW_53 = 9007199254740992;

/**
 * Ziggurat tables (Marsaglia & Tsang 2000) for f(x) = e^-x, laid out as the normal's (zigguratTables.ts):
 * layer i (0 = the base) spans heights f(x[i])..f(x[i+1]) and widths 0..x[i], with x[0] = v / f(r) (the base
 * layer's width, tail included), x[1] = r, x[i+1] = -log(v / x[i] + f(x[i])), x[256] = 0.
 * K[i] = floor(2^53 x[i+1] / x[i]) (accept at once below it), W[i] = x[i] / 2^53, F[i] = f(x[i]). Computed once
 * with the reproducible exp and log, so identical in every engine.
 */
function buildTables(): { K: Float64Array; W: Float64Array; F: Float64Array } {
  const x = new Float64Array(LAYERS + 1);
  const F = new Float64Array(LAYERS + 1);
  x[0] = AREA / exp(-EXPONENTIAL_R);
  x[1] = EXPONENTIAL_R;
  F[1] = exp(-EXPONENTIAL_R);
  for (let i = 1; i < LAYERS - 1; i++) {
    x[i + 1] = -log(AREA / x[i]! + F[i]!);
    F[i + 1] = exp(-x[i + 1]!);
  }
  x[LAYERS] = 0;
  F[LAYERS] = 1;
  F[0] = 0;
  const K = new Float64Array(LAYERS);
  const W = new Float64Array(LAYERS);
  for (let i = 0; i < LAYERS; i++) {
    K[i] = Math.floor((x[i + 1]! / x[i]!) * TWO_POW_53);
    W[i] = x[i]! / TWO_POW_53;
  }
  return { K, W, F };
}

/** The exponential ziggurat's tables K, W and F (see {@link buildTables}). @internal */
export const EXPONENTIAL_ZIGGURAT = /* @__PURE__ */ /* @__PURE__ */ (() => buildTables())();
