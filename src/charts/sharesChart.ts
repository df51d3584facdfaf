import * as z from 'zod/mini';
import { categoriesOnly } from './categoriesOnly';
import type { Interval } from '../core/interval';
import type { SplitByShares } from '../incidence/splitByShares';
import { fail } from '../core/InputError';
import { options as optionsOf } from '../core/schemas';
import { validate } from '../core/validate';
import { chartOptionShape, ciWords, intervalShape, specTop, values, drawn } from './chartBase';
import { intervalRow } from './intervalRows';
import type { ChartOptions, ChartRow, VegaLiteSpec } from './spec';

/** Options of {@link sharesChart}. */
export interface SharesChartOptions extends ChartOptions {
  /** Order of the categories from the top: `'descending'` by value (default) or `'none'` (as given). */
  sort?: 'descending' | 'none';
  /** Categories kept at the bottom whatever the sort, e.g. `['other']`; default the category `'other'` if present. */
  last?: string[];
}

const schema = /* @__PURE__ */ (() => z.object({
  split: z.union(
    [
      z.object({ total: intervalShape, categories: z.record(z.string(), intervalShape) }),
      z.record(z.string(), intervalShape),
    ],
    { error: 'a splitByShares result { total, categories }, or a record of category to interval (relationshipShares)' },
  ),
  options: optionsOf({
    ...chartOptionShape,
    sort: z._default(z.enum(['descending', 'none'], { error: "one of 'descending', 'none'" }), 'descending'),
    last: z.optional(z.array(z.string(), { error: 'an array of category names' })),
  }),
}))();

/**
 * Shares of a whole by category with their intervals, such as stalkers by their relationship to the
 * victim: one bar per category with its interval as a line. Takes a `relationshipShares` (or
 * `multinomialCI`) result, drawn as percentages, or a `splitByShares` result, drawn as numbers of victims
 * (the total split by category, both uncertainties carried). Sorted largest first, with the remainder
 * (`'other'`) kept last.
 *
 * Returns a Vega-Lite specification (plain JSON) with layers named `bars` and `intervals`.
 *
 * @example
 * ```ts
 * import { relationshipShares, splitByShares } from 'darkfigure';
 * import { sharesChart } from 'darkfigure/charts';
 * import { stalkingFigures } from 'darkfigure/data';
 * // base ASSUMED: 400 victims answered the question
 * const shares = relationshipShares(stalkingFigures.perpetratorRelationship.shares, { base: 400 });
 * const spec = sharesChart(shares, { title: 'Who stalks: the relationship to the victim' });
 * // the same split applied to 1.23 million victims (an interval from expectedVictims)
 * const victims = { value: 1_230_000, lower: 1_130_000, upper: 1_340_000, level: 0.95, method: 'logit' };
 * const split = splitByShares(victims, stalkingFigures.perpetratorRelationship.shares, { base: 400, draws: 20000 });
 * const byVictims = sharesChart(split, { title: "Victims a year by the stalker's relationship" });
 * ```
 */
export function sharesChart(split: SplitByShares | Readonly<Record<string, Interval>>, options?: SharesChartOptions): VegaLiteSpec {
  const { options: o } = validate('sharesChart', schema, { split: categoriesOnly(split), options });
  const isSplit = 'categories' in split && 'total' in split && typeof (split as SplitByShares).total === 'object';
  const categories = isSplit ? (split as SplitByShares).categories : (split as Record<string, Interval>);
  const entries = Object.entries(categories);
  if (entries.length === 0) fail('sharesChart', isSplit ? ['split', 'categories'] : ['split'], 'at least one category', categories);
  const level = entries[0]![1].level;
  const rows: ChartRow[] = entries.map(([category, i]) => intervalRow(category, i));
  const last = o.last ?? ['other'];
  const rank = (label: string) => last.indexOf(label); // -1 for the others, which stay first
  const ordered = [...rows];
  if (o.sort === 'descending') ordered.sort((a, b) => ((b.value as number | null) ?? -Infinity) - ((a.value as number | null) ?? -Infinity) || 0);
  // stable: the categories named in `last` go to the bottom in that order, the rest keep theirs
  ordered.sort((a, b) => rank(a.label as string) - rank(b.label as string));
  const order = ordered.map((r) => r.label as string);
  const format = isSplit ? ',.0f' : '.1%';
  const xTitle = isSplit ? `victims (${ciWords(level)})` : `share (${ciWords(level)})`;
  const y = { field: 'label', type: 'nominal', title: null, sort: order };
  const total = isSplit ? (split as SplitByShares).total : undefined;
  return {
    ...specTop(
      `${rows.length} categories${total ? ` of a total of ${Math.round(total.value).toLocaleString('en-GB')}` : ' as shares of the whole'}, each with its ${ciWords(level)}: ` +
        ordered.map((r) => r.label).join(', ') + '.',
      o,
      { title: isSplit ? 'The total split by category' : 'Shares by category', width: 420, height: Math.max(60, 26 * rows.length) },
    ),
    layer: drawn([
      {
        name: 'bars',
        data: values(rows),
        mark: { type: 'bar', color: '#6baed6', height: { band: 0.7 } },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative', title: xTitle, axis: { format } },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'category' },
            { field: 'value', type: 'quantitative', format },
            { field: 'lower', type: 'quantitative', format },
            { field: 'upper', type: 'quantitative', format },
          ],
        },
      },
      {
        name: 'intervals',
        data: values(rows.filter((r) => r.lower !== null && r.upper !== null)),
        mark: { type: 'rule', color: '#08306b', strokeWidth: 2 },
        encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } },
      },
    ]),
  };
}
