import { exp } from '../../special/elementary/exp';
import { sin } from '../../special/elementary/sin';
import { normalUpperCdf } from '../../special/normalCdf';
import { gaussLegendre } from './gaussLegendre';

const HALF_PI = Math.PI / 2;
const RULE = /* @__PURE__ */ (() => gaussLegendre(16))();
const INV_SQRT_2PI = 0.3989422804014327;

/**
 * sin² of θ clamped to [0, π/2]: the proportion an arcsine-scale value stands for.
 *
 * @example
 * ```ts
 * clampedSin2(Math.PI / 6); // 0.25 (to rounding); clampedSin2(-1) is 0 and clampedSin2(2) is 1
 * ```
 * @internal
 */
export function clampedSin2(theta: number): number {
  if (!(theta > 0)) return 0;
  if (theta >= HALF_PI) return 1;
  const s = sin(theta);
  return s * s;
}

/**
 * The bias-corrected back-transform of an arcsine-scale prediction: E[sin²(θ)] for θ ~ N(mu, sd²), with
 * θ taken as 0 below 0 and as π/2 above π/2 (the proportion 0 or 1), that is
 * ∫₀^{π/2} sin²(x) φ((x - mu)/sd)/sd dx + P(θ > π/2). The first term is emdi's "bc" back-transformation
 * (Hadam, Würz and Kreutzmann 2020, after Sugasawa and Kubokawa 2017 / Slud and Maiti 2006); emdi leaves out
 * the second, which is negligible unless mu is within a few sd of π/2.
 *
 * Method: composite 16-point Gauss-Legendre on panels of width at most sd over [mu - 10 sd, mu + 10 sd] ∩
 * [0, π/2] (the Gaussian beyond 10 sd weighs under 1e-22); the tail above π/2 by the normal upper tail.
 * sd = 0 gives sin² of the clamped mu.
 *
 * @example
 * ```ts
 * import { arcsinBackTransform } from './arcsinBackTransform';
 * arcsinBackTransform(0.5, 0.1); // 0.2351981981085344 (sin²(0.5) = 0.2298 before the correction)
 * ```
 * @internal
 */
export function arcsinBackTransform(mu: number, sd: number): number {
  if (!(sd > 0)) return clampedSin2(mu);
  const a = Math.max(0, mu - 10 * sd);
  const b = Math.min(HALF_PI, mu + 10 * sd);
  let total = 0;
  if (b > a) {
    const panels = Math.min(64, Math.max(1, Math.ceil((b - a) / sd)));
    const width = (b - a) / panels;
    const { nodes, weights } = RULE;
    for (let k = 0; k < panels; k++) {
      const centre = a + (k + 0.5) * width;
      let sum = 0;
      for (let i = 0; i < nodes.length; i++) {
        const x = centre + 0.5 * width * nodes[i]!;
        const s = sin(x);
        const zed = (x - mu) / sd;
        sum += weights[i]! * s * s * exp(-0.5 * zed * zed);
      }
      total += 0.5 * width * sum;
    }
    total *= INV_SQRT_2PI / sd;
  }
  return total + normalUpperCdf((HALF_PI - mu) / sd);
}
