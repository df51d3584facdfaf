import { ckmeans, quantileSorted } from 'simple-statistics';
import * as z from 'zod/mini';
import { InputError, type InputIssue } from '../core/InputError';
import { options as optionsOf } from '../core/schemas';
import { validate } from '../core/validate';

/** How {@link classBreaks} places the breaks. */
export type ClassBreaksMethod = 'ckmeans' | 'quantile' | 'equal';

/** Options of {@link classBreaks}. */
export interface ClassBreaksOptions {
  /** Number of classes, a whole number from 1 to 100; default 5. */
  classes?: number;
  /** `'ckmeans'` (default; optimal one-dimensional k-means, Wang and Song 2011), `'quantile'` or `'equal'` (equal intervals). */
  method?: ClassBreaksMethod;
}

/** Result of {@link classBreaks}. */
export interface ClassBreaks {
  method: ClassBreaksMethod;
  /** Classes made: as asked, or fewer when the values have fewer distinct values or tied quantiles (`notes` says so). */
  classes: number;
  /**
   * Class boundaries, ascending, `classes + 1` of them: the smallest value, the thresholds, the largest value.
   * Class i holds the values from `breaks[i]` (included) up to `breaks[i + 1]` (excluded; the last class includes it).
   */
  breaks: number[];
  /** The inner boundaries (`breaks` without its ends): the `domain` of a Vega-Lite `threshold` scale with `classes` colours. */
  thresholds: number[];
  /** How many values fall in each class. */
  counts: number[];
  notes?: string[];
}

const schema = /* @__PURE__ */ (() => z.object({
  values: z.array(z.unknown(), { error: 'an array of finite numbers' }),
  options: optionsOf({
    classes: z._default(z
      .number({ error: 'a whole number of classes from 1 to 100' })
      .check(z.refine((x) => Number.isInteger(x) && x >= 1 && x <= 100, { error: 'a whole number of classes from 1 to 100' })), 5),
    method: z._default(z.enum(['ckmeans', 'quantile', 'equal'], { error: "one of 'ckmeans', 'quantile', 'equal'" }), 'ckmeans'),
  }),
}))();

/**
 * Class breaks for a choropleth map (areas shaded by their rate or count): where to cut `values` into
 * `classes` classes. `'ckmeans'` (default) groups values so that the spread within classes is least
 * (Wang and Song 2011, the optimal successor of Jenks' natural breaks; simple-statistics' `ckmeans`), and
 * each threshold is the smallest value of a class, so the classes are exactly its clusters; `'quantile'`
 * puts about as many areas in each class (thresholds at the i / classes quantiles, R's type 7); `'equal'`
 * cuts the range into equal widths. Values with fewer distinct numbers than classes (or tied quantiles)
 * give fewer classes, with a note; with few values a quantile or equal-width class may hold none. Empty arrays,
 * values that are not finite numbers (or beyond ±1e150 for `'ckmeans'`, whose sums of squares would overflow)
 * and bad options are an `InputError`.
 *
 * Returns `breaks` (the class boundaries from the smallest to the largest value), `thresholds` (the inner
 * ones: a Vega-Lite threshold scale's domain) and how many values fall in each class.
 *
 * @example
 * ```ts
 * import { classBreaks } from 'darkfigure/charts';
 * // stalking and harassment recorded in 2017 per 100,000 residents, eight partnerships
 * const rates = [520.2, 443.4, 509.8, 393.9, 685.3, 136.9, 154.2, 110.5];
 * const { thresholds, counts } = classBreaks(rates, { classes: 3 });
 * // thresholds [393.9, 685.3]: three classes of 3, 4 and 1 areas
 * const colour = { type: 'threshold', domain: thresholds, range: ['#fee0d2', '#fc9272', '#de2d26'] };
 * ```
 */
export function classBreaks(values: readonly number[], options?: ClassBreaksOptions): ClassBreaks {
  const { options: o } = validate('classBreaks', schema, { values, options });
  if (values.length === 0) throw new InputError('classBreaks', [{ path: ['values'], expected: 'at least one finite number', received: values }]);
  const issues: InputIssue[] = [];
  values.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) issues.push({ path: ['values', i], expected: 'a finite number', received: x });
  });
  if (issues.length === 0 && o.method === 'ckmeans') {
    // ckmeans sums squares of the values: beyond 1e150 they overflow and the clusters come out wrong
    values.forEach((x, i) => {
      if (Math.abs(x) > 1e150)
        issues.push({ path: ['values', i], expected: 'a number from -1e150 to 1e150 for ckmeans (it sums squares of the values)', received: x, hint: "use a smaller unit, or method 'quantile' or 'equal'" });
    });
  }
  if (issues.length > 0) throw new InputError('classBreaks', issues.slice(0, 10));
  const sorted = Float64Array.from(values).sort();
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  let distinct = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const notes: string[] = [];
  const asked = o.classes;
  let k = asked;
  if (distinct < k) {
    k = distinct;
    notes.push(`${distinct === 1 ? 'one distinct value' : `${distinct} distinct values`}: ${k} class${k === 1 ? '' : 'es'}, not ${asked}`);
  }
  let thresholds: number[];
  if (k === 1) thresholds = [];
  else if (o.method === 'ckmeans') thresholds = ckmeans([...sorted], k).slice(1).map((cluster) => cluster[0]!);
  else if (o.method === 'quantile') {
    const list = [...sorted];
    thresholds = Array.from({ length: k - 1 }, (_, i) => quantileSorted(list, (i + 1) / k));
  } else {
    // the width without overflow when the range itself is beyond the doubles (-1.7e308 to 1.7e308)
    const width = max - min < Infinity ? (max - min) / k : max / k - min / k;
    thresholds = Array.from({ length: k - 1 }, (_, i) => min + (i + 1) * width);
  }
  // a threshold at the minimum would leave the first class empty; tied thresholds, a class between them
  const kept = thresholds.filter((t, i) => t > min && t <= max && (i === 0 || t > thresholds[i - 1]!));
  if (kept.length < thresholds.length) {
    notes.push(`tied ${o.method === 'quantile' ? 'quantiles' : 'breaks'}: ${kept.length + 1} class${kept.length === 0 ? '' : 'es'}, not ${k}`);
    thresholds = kept;
  }
  const counts = new Array<number>(thresholds.length + 1).fill(0);
  let c = 0;
  for (const x of sorted) {
    while (c < thresholds.length && x >= thresholds[c]!) c++;
    counts[c]!++;
  }
  const out: ClassBreaks = { method: o.method, classes: thresholds.length + 1, breaks: [min, ...thresholds, max], thresholds, counts };
  if (notes.length > 0) out.notes = notes;
  return out;
}
