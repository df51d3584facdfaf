import * as z from 'zod/mini';
import { interval, type Interval } from '../core/interval';
import { count, level, methodOf, options, positive } from '../core/schemas';
import { sixDigits } from '../core/sixDigits';
import { validate } from '../core/validate';
import { fastOptions, isCount, isPositive, levelRule, methodRule } from '../core/fastOptions';

const FAST = /* @__PURE__ */ (() => ({
  level: levelRule,
  method: /* @__PURE__ */ methodRule(['wilson', 'clopper-pearson', 'jeffreys', 'agresti-coull', 'wald', 'logit'], 'wilson'),
}))();
import { betaQuantile, betaQuantileUpper } from '../special/betaQuantile';
import { clopperPearsonLimits } from './kernels/clopperPearsonLimits';
import { twoSidedZ } from './kernels/twoSidedZ';
import { wilsonLimits } from './kernels/wilsonLimits';
import { exp } from '../special/elementary/exp';
import { log } from '../special/elementary/log';

const METHODS = ['wilson', 'clopper-pearson', 'jeffreys', 'agresti-coull', 'wald', 'logit'] as const satisfies readonly ProportionMethod[];

/** Methods of {@link proportionCI}. */
export type ProportionMethod = 'wilson' | 'clopper-pearson' | 'jeffreys' | 'agresti-coull' | 'wald' | 'logit';

/** Options of {@link proportionCI}. */
export interface ProportionCIOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /**
   * `'wilson'` (default), `'clopper-pearson'`, `'jeffreys'`, `'agresti-coull'`, `'wald'` or `'logit'`.
   */
  method?: ProportionMethod;
}

const schema = /* @__PURE__ */ (() => z
  .object({
    successes: count,
    trials: positive,
    options: options({ level, method: z._default(methodOf(METHODS), 'wilson') }),
  })
  .check((ctx) => {
    const { successes, trials } = ctx.value;
    if (successes > trials) {
      ctx.issues.push({
        code: 'custom',
        path: ['successes'],
        input: successes,
        message: `a number <= trials (${trials})`,
      });
    }
  }))();

/**
 * Confidence interval for a proportion: `successes` out of `trials`.
 *
 * Methods: `'wilson'` score interval (Wilson 1927; default, as PHE Fingertips), `'clopper-pearson'`
 * exact interval (Clopper & Pearson 1934), `'jeffreys'` equal-tailed Beta(x + ½, n - x + ½) interval
 * with the boundary rule of Brown, Cai & DasGupta (2001) (lower 0 at 0 successes, upper 1 at all
 * successes), `'agresti-coull'` (Agresti & Coull 1998: Wald on x + z²/2 of n + z²), `'wald'`
 * (p ± z√(p(1-p)/n)) and `'logit'` (Wald on the log-odds scale, back-transformed).
 *
 * Every method gives lower 0 at 0 successes and upper 1 at `trials` successes. Wald and Agresti-Coull
 * limits are clipped to [0, 1], with a note when that happened. The logit interval does not exist at
 * 0 or all successes; there the Clopper-Pearson limits are returned, with `method: 'clopper-pearson'`
 * and a note. Counts may be non-integer (weighted); with fewer than one weighted success (or failure)
 * the Jeffreys prior dominates and its interval need not contain x / n (nor at low levels, such as 0.05): a
 * note says so when it does not. `value` is successes / trials and
 * `standardError` is √(p(1-p)/n) for every method.
 *
 * @param successes - number of successes, >= 0 (may be non-integer)
 * @param trials - number of trials, > 0 and >= successes (may be non-integer)
 * @param options - `level` (default 0.95), `method` (default `'wilson'`)
 *
 * @example
 * ```ts
 * import { proportionCI } from 'darkfigure';
 * const r = proportionCI(65, 100);
 * // { value: 0.65, lower: 0.55254..., upper: 0.73635..., level: 0.95, method: 'wilson', standardError: 0.0477 }
 * proportionCI(0, 20, { method: 'clopper-pearson' }); // lower 0, upper 0.1684
 * ```
 */
export function proportionCI(successes: number, trials: number, options?: ProportionCIOptions): Interval {
  const fast =
    isCount(successes) && isPositive(trials) && successes <= trials
      ? fastOptions<{ level: number; method: ProportionMethod }>(options, FAST)
      : undefined;
  const input = fast ? { successes, trials, options: fast } : validate('proportionCI', schema, { successes, trials, options });
  const x = input.successes;
  const n = input.trials;
  const { level: lvl, method } = input.options;
  const p = x / n;
  const standardError = Math.sqrt(p * (1 - p)) / Math.sqrt(n);
  const notes: string[] = [];
  if (x > 0 && x < 1 && n > 1) {
    notes.push(
      `successes (${x}) is below 1 and not whole: it is read as a weighted count; if it is a share (${sixDigits(100 * x)}%), pass the number of successes instead (about ${Math.round(x * n)} of ${n})`,
    );
  }
  const boundary = x === 0 ? '0 successes' : x === n ? 'all successes' : '';
  let lower: number;
  let upper: number;
  let used: ProportionMethod = method;
  switch (method) {
    case 'wilson':
      [lower, upper] = wilsonLimits(x, n, lvl);
      break;
    case 'clopper-pearson':
      [lower, upper] = clopperPearsonLimits(x, n, lvl);
      break;
    case 'jeffreys': {
      const tail = (1 - lvl) / 2;
      lower = x === 0 ? 0 : betaQuantile(tail, x + 0.5, n - x + 0.5);
      upper = x === n ? 1 : betaQuantileUpper(tail, x + 0.5, n - x + 0.5);
      if (boundary !== '') {
        notes.push(
          `${boundary}: ${x === 0 ? 'lower limit set to 0' : 'upper limit set to 1'} (Brown, Cai & DasGupta 2001 boundary rule)`,
        );
      }
      if (p < lower || p > upper) {
        notes.push(
          `x / n (${sixDigits(p)}) lies ${p < lower ? 'below the lower' : 'above the upper'} limit: the equal-tailed Jeffreys interval is centred on the median of the Beta(x + 1/2, n - x + 1/2) posterior, not on x / n, and at low levels or with fewer than one success or failure it can exclude x / n; report x / n only with this caveat, or use 'wilson'`,
        );
      }
      break;
    }
    case 'agresti-coull':
    case 'wald': {
      const zv = twoSidedZ(lvl);
      let centre = p;
      let half = zv * standardError;
      if (method === 'agresti-coull') {
        const nt = n + zv * zv;
        centre = (x + (zv * zv) / 2) / nt;
        half = (zv * Math.sqrt(centre * (1 - centre))) / Math.sqrt(nt);
      }
      const rawLower = centre - half;
      const rawUpper = centre + half;
      lower = x === 0 ? 0 : Math.max(0, rawLower);
      upper = x === n ? 1 : Math.min(1, rawUpper);
      if (method === 'agresti-coull') {
        // The Agresti-Coull interval contains Wilson's, which contains x / n; with tiny weighted n the
        // rounding of centre - half can still land just above x / n, so keep the limits bracketing it.
        lower = Math.min(lower, p);
        upper = Math.max(upper, p);
      }
      if (rawLower < 0 || rawUpper > 1) {
        notes.push(`${method === 'wald' ? 'Wald' : 'Agresti-Coull'} limits fell outside [0, 1] and were clipped to it`);
      }
      if (method === 'wald' && boundary !== '') {
        notes.push(`${boundary}: the Wald interval has zero width here; prefer 'wilson' or 'clopper-pearson'`);
      }
      break;
    }
    case 'logit': {
      if (boundary !== '') {
        [lower, upper] = clopperPearsonLimits(x, n, lvl);
        used = 'clopper-pearson';
        notes.push(`${boundary}: the logit interval is undefined (infinite log-odds); Clopper-Pearson limits used instead`);
        break;
      }
      const zv = twoSidedZ(lvl);
      const centre = log(x) - log(n - x);
      const half = zv / Math.sqrt(p * (n - x));
      // min / max: at extreme odds the rounding of log and exp (about |centre| ulps) can exceed a
      // tiny half-width; the limits must still bracket x / n
      lower = Math.min(p, expit(centre - half));
      upper = Math.max(p, expit(centre + half));
      break;
    }
  }
  return interval(p, lower, upper, lvl, used, { standardError, notes });
}

/** 1 / (1 + e^-t) without overflow for large |t|. */
function expit(t: number): number {
  if (t >= 0) return 1 / (1 + exp(-t));
  const e = exp(t);
  return e / (1 + e);
}
