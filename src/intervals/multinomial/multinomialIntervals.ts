import { interval, type Interval } from '../../core/interval';
import { gammaQuantileUpper } from '../../special/gammaQuantile';
import { wilsonLimits } from '../kernels/wilsonLimits';
import type { MultinomialMethod } from '../multinomialCI';
import { scoreLimits } from './scoreLimits';
import { sisonGlazConstant } from './sisonGlazConstant';

function percent(level: number): string {
  return `${Number.parseFloat((level * 100).toPrecision(12))}%`;
}

/**
 * The intervals of `multinomialCI` for counts `x` (already validated: at least two categories, a finite
 * total above 0, whole counts for Sison-Glaz), in the order of `x`: Sison & Glaz (1995) as May & Johnson
 * (2000), Goodman (1965), Quesenberry & Hurst (1964) or per-category Wilson (1927), with the same notes.
 * No validation: the public functions that use it (`multinomialCI`, `relationshipShares`) validate once
 * at their edge.
 *
 * @example
 * ```ts
 * import { multinomialIntervals } from './multinomialIntervals';
 * multinomialIntervals(Float64Array.of(45, 22, 10, 5, 4, 14), 0.95, 'sison-glaz')[0]; // exPartner: 0.45 [0.36, 0.556...]
 * ```
 * @internal
 */
export function multinomialIntervals(x: Float64Array, lvl: number, method: MultinomialMethod): Interval[] {
  const k = x.length;
  let n = 0;
  let weighted = false;
  for (let i = 0; i < k; i++) {
    n += x[i]!;
    if (!Number.isInteger(x[i]!)) weighted = true;
  }

  const results: Interval[] = new Array<Interval>(k);
  if (method === 'sison-glaz') {
    const { c, gamma, reached } = sisonGlazConstant(x, n, lvl);
    const notes: string[] = [];
    if (!reached) {
      notes.push(`the Sison-Glaz approximation does not reach ${percent(lvl)} for any c up to n = ${n}: every interval is [0, 1]`);
    } else if (c === 0) {
      notes.push(
        "the counts are too concentrated for the Sison-Glaz approximation (c = 0): the intervals are likely too narrow; method 'goodman' is safer here",
      );
    }
    for (let i = 0; i < k; i++) {
      const xi = x[i]!;
      results[i] = interval(xi / n, Math.max(0, (xi - c) / n), Math.min(1, (xi + c + 2 * gamma) / n), lvl, method, {
        notes: [...notes],
      });
    }
  } else {
    const alpha = 1 - lvl;
    const notes: string[] = [];
    if (method === 'wilson') {
      notes.push(
        `per-category Wilson interval, not simultaneous: all ${k} intervals together cover the true shares less often than ${percent(lvl)}`,
      );
    }
    if (weighted) notes.push(`non-integer (weighted) counts used as observed counts, n = ${n}`);
    // Critical values: Goodman chi-square(1) upper alpha/k point, Quesenberry-Hurst chi-square(k - 1) upper alpha point.
    const q =
      method === 'goodman'
        ? 2 * gammaQuantileUpper(alpha / k, 0.5)
        : method === 'quesenberry-hurst'
          ? 2 * gammaQuantileUpper(alpha, (k - 1) / 2)
          : 0;
    for (let i = 0; i < k; i++) {
      const xi = x[i]!;
      const [lower, upper] = method === 'wilson' ? wilsonLimits(xi, n, lvl) : scoreLimits(xi, n, q);
      results[i] = interval(xi / n, lower, upper, lvl, method, { notes: [...notes] });
    }
  }
  return results;
}
