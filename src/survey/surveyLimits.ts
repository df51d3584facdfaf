import { clopperPearsonLimits } from '../intervals/kernels/clopperPearsonLimits';
import { wilsonLimits } from '../intervals/kernels/wilsonLimits';
import { twoSidedZ } from '../intervals/kernels/twoSidedZ';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';
import { log1p } from '../special/elementary/log1p';

/** Interval methods for a survey proportion, all on the effective base. */
export type SurveyProportionMethod = 'logit' | 'korn-graubard' | 'wilson' | 'wald';

/** Limits from {@link surveyLimits}. @internal */
export interface SurveyLimits {
  lower: number;
  upper: number;
  /** The method actually used (logit falls back to Korn-Graubard at an estimate of 0 or 1). */
  method: SurveyProportionMethod;
  notes: string[];
}

/**
 * Confidence limits for a survey proportion p with design-based standard error `se` and effective base
 * `n` (n = p(1 - p) / se^2 inside (0, 1)). Internal kernel: no validation.
 *
 * - `'logit'`: expit(logit(p) +/- z se / (p(1 - p))), the delta method on the log-odds, as R survey's
 *   `svyciprop(method = "logit")` with df = Inf (Lumley 2010). Undefined at p = 0 or 1 (infinite log-odds):
 *   Korn-Graubard limits are used there instead and `method` says so.
 * - `'korn-graubard'`: Clopper-Pearson limits at x = p n successes out of n (Korn & Graubard 1998), as
 *   `svyciprop(method = "beta")` for a design with n - 1 degrees of freedom. At p = 0 the lower limit is 0
 *   and the upper 1 - (alpha/2)^(1/n) (the one-sided bound stays); mirrored at 1.
 * - `'wilson'`: Wilson (1927) score limits at x = p n out of n. At 0: [0, z^2 / (n + z^2)].
 * - `'wald'`: p +/- z se, clipped to [0, 1] (with a note). Degenerate, [p, p], at 0 or 1.
 *
 * @example
 * ```ts
 * import { surveyLimits } from './surveyLimits';
 * surveyLimits(0.049, 0.0024157, 7986.1, 0.95, 'logit'); // { lower: 0.04448, upper: 0.05396, method: 'logit', notes: [] }
 * ```
 * @internal
 */
export function surveyLimits(
  p: number,
  se: number,
  n: number,
  level: number,
  method: SurveyProportionMethod,
): SurveyLimits {
  const out = rawLimits(p, se, n, level, method);
  // Rounding can put a limit an ulp outside [0, 1] or past an estimate near 0 or 1 (e.g. a Wilson
  // upper limit of 1 + 2^-52 at p = 1 - 1e-10): keep 0 <= lower <= p <= upper <= 1.
  out.lower = Math.max(0, Math.min(out.lower, p));
  out.upper = Math.min(1, Math.max(out.upper, p));
  return out;
}

function rawLimits(p: number, se: number, n: number, level: number, method: SurveyProportionMethod): SurveyLimits {
  const notes: string[] = [];
  const atBoundary = p === 0 || p === 1;
  switch (method) {
    case 'wald': {
      const z = twoSidedZ(level);
      let lower = p - z * se;
      let upper = p + z * se;
      if (lower < 0 || upper > 1) {
        notes.push('Wald interval clipped to [0, 1]');
        lower = Math.max(0, lower);
        upper = Math.min(1, upper);
      }
      if (atBoundary) notes.push(`Wald interval is a single point at an estimate of ${p}; use 'korn-graubard' for a one-sided bound`);
      return { lower, upper, method, notes };
    }
    case 'wilson': {
      const [lower, upper] = wilsonLimits(p * n, n, level);
      return { lower, upper, method, notes };
    }
    case 'logit': {
      if (!atBoundary) {
        const z = twoSidedZ(level);
        const logit = log(p) - log1p(-p);
        const half = (z * se) / (p * (1 - p));
        return { lower: expit(logit - half), upper: expit(logit + half), method, notes };
      }
      notes.push(`logit interval undefined at an estimate of ${p} (infinite log-odds): Korn-Graubard limits used`);
      const [lower, upper] = kornGraubard(p * n, n, level);
      return { lower, upper, method: 'korn-graubard', notes };
    }
    case 'korn-graubard': {
      const [lower, upper] = kornGraubard(p * n, n, level);
      return { lower, upper, method, notes };
    }
  }
}

/**
 * Clopper-Pearson limits at x of n. For x below 1e-10 the lower limit, about (alpha/2)^(1/x), is below the
 * smallest double, so it is exactly 0 in floating point (likewise the upper limit is 1 for n - x below 1e-10);
 * those limits are set directly rather than taken from the beta quantile.
 */
function kornGraubard(x: number, n: number, level: number): [number, number] {
  const [lower, upper] = clopperPearsonLimits(x, n, level);
  return [x < 1e-10 ? 0 : lower, n - x < 1e-10 ? 1 : upper];
}

function expit(x: number): number {
  return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x));
}
