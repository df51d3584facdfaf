/**
 * Stirling's error δ(x) = log Γ(x) - [(x - 1/2) log x - x + log(2π)/2], for x >= 10.
 *
 * Method: the asymptotic (Stirling) series Σ B₂ₖ / (2k(2k - 1) x^(2k-1)), k = 1..9 (Abramowitz and
 * Stegun 1964, 6.1.40); the first omitted term is below 1e-18·δ(x) at x = 10. Used to form differences of
 * log-gamma values for large arguments without cancellation (as in Loader 2000, DiDonato and Morris 1992).
 *
 * Domain: x >= 10 (less accurate below). Internal: no validation.
 *
 * @example
 * ```ts
 * import { stirlingError } from './stirlingError';
 * stirlingError(10); // 0.008330563433362871
 * ```
 * @internal
 */
export function stirlingError(x: number): number {
  const z = 1 / (x * x);
  return (
    (0.083333333333333333333 +
      z *
        (-0.0027777777777777777778 +
          z *
            (7.9365079365079365079e-4 +
              z *
                (-5.9523809523809523810e-4 +
                  z *
                    (8.4175084175084175084e-4 +
                      z *
                        (-0.0019175269175269175269 +
                          z *
                            (0.0064102564102564102564 +
                              z * (-0.029550653594771241830 + z * 0.17964437236883057316)))))))) /
    x
  );
}
