import { gammaFraction } from './gammaFraction';
import { gammaLogPrefactor } from './gammaLogPrefactor';
import { gammaSeries } from './gammaSeries';
import { gammaSmallXQ } from './gammaSmallXQ';
import { gammaTemmeApplies, gammaTemmeLog } from './gammaTemme';
import { exp } from './elementary/exp';
import { log } from './elementary/log';
import { log1p } from './elementary/log1p';

/**
 * log P(a, x) (upper = false) or log Q(a, x) (upper = true), never underflowing, each tail computed
 * directly where it is small.
 *
 * Method: Temme's uniform expansion for a >= 100 and x/a in [0.65, 1.6] ({@link gammaTemmeLog});
 * elsewhere the series (x < a + 1) or Legendre's continued fraction (x >= a + 1) times the log factor
 * x^a e^(-x) / Γ(a), the other tail as log1p(-that), except Q for a < 1 and x < a + 1 from DiDonato and
 * Morris's small-x formula ({@link gammaSmallXQ}).
 *
 * Domain: a > 0, x > 0 (finite). Internal: no validation.
 *
 * @example
 * ```ts
 * import { gammaLogTail } from './gammaLogTail';
 * gammaLogTail(1, 800, true); // -800 (Q(1, x) = e^-x, far below the smallest double)
 * ```
 * @internal
 */
export function gammaLogTail(a: number, x: number, upper: boolean): number {
  if (gammaTemmeApplies(a, x)) return gammaTemmeLog(a, x, upper);
  const lp = gammaLogPrefactor(a, x);
  if (x < a + 1) {
    if (!upper) return lp + log(gammaSeries(a, x));
    if (a < 1) return log(gammaSmallXQ(a, x));
    return log1p(-exp(lp) * gammaSeries(a, x));
  }
  const f = gammaFraction(a, x);
  return upper ? lp + log(f) : log1p(-exp(lp) * f);
}
