import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';

/** Number of ziggurat layers. @internal */
export const ZIGGURAT_LAYERS = 256;
/** The rightmost layer edge r (where the tail begins) for 256 layers. @internal */
export const ZIGGURAT_R = 3.6541528853610088;
/** The common area v of the 256 layers. */
const AREA = 0.0049286732339746553;
const TWO_POW_53 = 9007199254740992;

/**
 * Ziggurat tables (Marsaglia & Tsang 2000) for f(x) = exp(-x²/2): layer i (0 = the base) spans heights
 * f(x[i])..f(x[i+1]) and widths 0..x[i], with x[0] = v / f(r) (the base layer's width, tail included),
 * x[1] = r, x[256] = 0. K[i] = floor(2^53 x[i+1] / x[i]) (accept at once below it), W[i] = x[i] / 2^53,
 * F[i] = f(x[i]). Computed once with the reproducible exp and log, so identical in every engine.
 */
function buildTables(): { K: Float64Array; W: Float64Array; F: Float64Array } {
  const x = new Float64Array(ZIGGURAT_LAYERS + 1);
  const F = new Float64Array(ZIGGURAT_LAYERS + 1);
  x[0] = AREA / exp(-0.5 * ZIGGURAT_R * ZIGGURAT_R);
  x[1] = ZIGGURAT_R;
  F[1] = exp(-0.5 * ZIGGURAT_R * ZIGGURAT_R);
  for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) {
    F[i + 1] = AREA / x[i]! + F[i]!;
    x[i + 1] = Math.sqrt(-2 * log(F[i + 1]!));
  }
  x[ZIGGURAT_LAYERS] = 0;
  F[ZIGGURAT_LAYERS] = 1;
  const K = new Float64Array(ZIGGURAT_LAYERS);
  const W = new Float64Array(ZIGGURAT_LAYERS);
  for (let i = 0; i < ZIGGURAT_LAYERS; i++) {
    K[i] = Math.floor((x[i + 1]! / x[i]!) * TWO_POW_53);
    W[i] = x[i]! / TWO_POW_53;
  }
  return { K, W, F };
}

/** The ziggurat's tables K, W and F (see {@link buildTables}); shared by every normal draw. @internal */
export const ZIGGURAT = /* @__PURE__ */ /* @__PURE__ */ (() => buildTables())();
