import { cos } from '../../special/elementary/cos';

/** The Legendre polynomial P_n(x) by its three-term recurrence, and its derivative. */
function legendre(n: number, x: number): [number, number] {
  let p1 = 1;
  let p2 = 0;
  for (let j = 1; j <= n; j++) {
    const p3 = p2;
    p2 = p1;
    p1 = ((2 * j - 1) * x * p2 - (j - 1) * p3) / j;
  }
  return [p1, (n * (x * p1 - p2)) / (x * x - 1)];
}

/**
 * Nodes and weights of n-point Gauss-Legendre quadrature on [-1, 1] (exact for polynomials of degree
 * 2n - 1), by Newton's method on the Legendre polynomial P_n from the usual starting values
 * cos(π (i - ¼) / (n + ½)) (Press et al. 2007, §4.6). Nodes in decreasing order.
 *
 * @example
 * ```ts
 * import { gaussLegendre } from './gaussLegendre';
 * gaussLegendre(2).nodes; // Float64Array [0.5773502691896257, -0.5773502691896257]
 * ```
 * @internal
 */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 1; i <= half; i++) {
    // the starting value's angle lies in (0, π/2]; cos of it via the library's cos (|angle| <= 3π/4)
    let x = cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let derivative = 1;
    for (let iteration = 0; iteration < 100; iteration++) {
      const [p1, d] = legendre(n, x);
      derivative = d;
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    // recompute the derivative at the final node
    derivative = legendre(n, x)[1];
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i - 1] = x;
    nodes[n - i] = -x;
    weights[i - 1] = w;
    weights[n - i] = w;
  }
  if (n % 2 === 1) nodes[half - 1] = 0;
  return { nodes, weights };
}
