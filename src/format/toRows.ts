import { fail } from '../core/InputError';

/** One flat, tidy record of a result: what it estimates, for which category, the estimate and its interval. */
export interface TidyRow {
  /** What is estimated: `'estimate'`, `'victims'`, `'share'`, `'coefficient'`, `'rate ratio'`, `'total'`, ... */
  quantity: string;
  /** The category, area, stratum or term the row is about, where there is one. */
  category?: string;
  value: number;
  lower: number;
  upper: number;
  level: number;
  method: string;
  standardError?: number;
  /** The interval's notes joined with '; '. */
  notes?: string;
  /** Scalar fields of the record the interval came from (area, sex, age, population, flag, pValue, ...). */
  [column: string]: string | number | boolean | undefined;
}

type Scalar = string | number | boolean;
const isScalar = (x: unknown): x is Scalar => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';

/** An Interval: numbers value, lower, upper, level and a method name. */
function isInterval(x: unknown): x is { value: number; lower: number; upper: number; level: number; method: string; standardError?: number; notes?: string[] } & Record<string, unknown> {
  if (x === null || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  return typeof r.value === 'number' && typeof r.lower === 'number' && typeof r.upper === 'number' && typeof r.level === 'number' && typeof r.method === 'string';
}

/** A coefficient row of a count model. */
function isCoefficient(x: unknown): x is { term: string; level?: string; estimate: number; standardError: number; statistic: number; pValue: number; lower: number; upper: number } {
  if (x === null || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  return typeof r.term === 'string' && typeof r.estimate === 'number' && typeof r.lower === 'number' && typeof r.upper === 'number';
}

const NAMES = ['area', 'category', 'model', 'name', 'label', 'term'];

function rowOf(quantity: string, interval: ReturnType<typeof Object> & Record<string, unknown>, columns: Record<string, Scalar>, category?: string): TidyRow {
  const i = interval as { value: number; lower: number; upper: number; level: number; method: string; standardError?: number; notes?: string[] };
  const row: TidyRow = { ...columns, quantity, value: i.value, lower: i.lower, upper: i.upper, level: i.level, method: i.method };
  if (category !== undefined) row.category = category;
  if (typeof i.standardError === 'number') row.standardError = i.standardError;
  if (Array.isArray(i.notes) && i.notes.length > 0) row.notes = i.notes.join('; ');
  for (const [key, v] of Object.entries(interval)) {
    if (!(key in row) && isScalar(v) && key !== 'notes') row[key] = v;
  }
  return row;
}

/** Scalar fields of a record, as columns; a naming field (area, model, ...) also gives the category. */
function columnsOf(record: Record<string, unknown>): { columns: Record<string, Scalar>; category?: string } {
  const columns: Record<string, Scalar> = {};
  for (const [key, v] of Object.entries(record)) if (isScalar(v) && key !== 'value' && key !== 'lower' && key !== 'upper' && key !== 'level' && key !== 'method') columns[key] = v;
  const named = NAMES.find((k) => typeof record[k] === 'string');
  if (named !== undefined) return { columns, category: record[named] as string };
  if (typeof record.sex === 'string' && record.age !== undefined) return { columns, category: `${record.sex} ${String(record.age)}` };
  return { columns };
}

function walk(result: unknown, out: TidyRow[]): void {
  if (isInterval(result)) {
    out.push(rowOf('estimate', result, {}));
    return;
  }
  if (Array.isArray(result)) {
    result.forEach((item, i) => {
      if (isInterval(item)) out.push(rowOf('estimate', item, { row: i }));
      else if (item !== null && typeof item === 'object') recordRows(item as Record<string, unknown>, out, { row: i });
    });
    return;
  }
  if (result === null || typeof result !== 'object') return;
  const record = result as Record<string, unknown>;
  const values = Object.values(record);
  // a record of category to Interval (multinomialCI, relationshipShares)
  if (values.length > 0 && values.every(isInterval)) {
    for (const [key, v] of Object.entries(record)) out.push(rowOf('share', v as Record<string, unknown>, {}, key));
    return;
  }
  // a count model: coefficients and rate ratios, with the fit's level and interval method
  if (Array.isArray(record.coefficients) && record.coefficients.every(isCoefficient) && typeof record.level === 'number') {
    const method = typeof record.interval === 'string' ? record.interval : 'wald';
    for (const [quantity, key] of [['coefficient', 'coefficients'], ['rate ratio', 'rateRatios']] as const) {
      for (const c of ((record[key] as unknown[] | undefined) ?? []).filter(isCoefficient)) {
        const row: TidyRow = {
          quantity,
          category: c.level === undefined ? c.term : `${c.term} = ${c.level}`,
          term: c.term,
          value: c.estimate,
          lower: c.lower,
          upper: c.upper,
          level: record.level,
          method,
          standardError: c.standardError,
          statistic: c.statistic,
          pValue: c.pValue,
        };
        if (c.level !== undefined) row.termLevel = c.level;
        out.push(row);
      }
    }
    if (isInterval(record.theta)) out.push(rowOf('theta', record.theta, {}));
    // a Fay-Herriot fit: its areas' estimates after the coefficients
    if (Array.isArray(record.areas)) recordRows({ areas: record.areas }, out, {});
    return;
  }
  recordRows(record, out, {});
}

/** The Interval fields of a record as rows (quantity = field name), with its scalar fields as columns; nested parts recursively. */
function recordRows(record: Record<string, unknown>, out: TidyRow[], context: Record<string, Scalar>): void {
  const { columns, category } = columnsOf(record);
  const own = { ...context, ...columns };
  let any = false;
  for (const [key, v] of Object.entries(record)) {
    if (isInterval(v)) {
      out.push(rowOf(key, v, own, category));
      any = true;
    } else if (
      Array.isArray(v) &&
      v.some((x) => x !== null && typeof x === 'object' && (Object.values(x as object).some(isInterval) || (typeof (x as Record<string, unknown>).value === 'number' && NAMES.some((k) => typeof (x as Record<string, unknown>)[k] === 'string'))))
    ) {
      for (const item of v) if (item !== null && typeof item === 'object') recordRows(item as Record<string, unknown>, out, {});
      any = true;
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && !Array.isArray(v)) {
      const inner = Object.entries(v as Record<string, unknown>);
      if (inner.length > 0 && inner.every(([, x]) => isInterval(x))) {
        // a record of category to Interval (splitByShares' categories)
        for (const [k, x] of inner) out.push(rowOf(key, x as Record<string, unknown>, own, k));
        any = true;
      } else {
        // a part of the result with Intervals of its own (localEstimates' summary): quantity 'part.field'
        for (const [k, x] of inner) {
          if (isInterval(x)) {
            out.push(rowOf(`${key}.${k}`, x, own, category));
            any = true;
          }
        }
      }
    }
  }
  // a test of two models (compareCountModels): its statistic, with the p-value and degrees of freedom as columns
  if (!any && typeof record.statistic === 'number' && typeof record.test === 'string') {
    out.push({ ...own, quantity: record.test, value: record.statistic, lower: record.statistic, upper: record.statistic, level: 0, method: record.test });
    return;
  }
  // records with an estimate but no Interval (funnel areas): value rows whose limits are the value's own
  if (!any && typeof record.value === 'number' && category !== undefined) {
    out.push({ ...own, quantity: 'value', category, value: record.value, lower: record.value, upper: record.value, level: 0, method: 'as-given' });
  }
}

/**
 * Any darkfigure result as flat tidy records, one per estimate, with no nested objects: ready for
 * `console.table`, a CSV writer, Arquero or Observable Plot. Each row has `quantity` (what is estimated),
 * `category` (the category, area, stratum, term or model, where there is one), `value`, `lower`, `upper`,
 * `level`, `method`, the `standardError` and `notes` (joined) where the interval has them, and the scalar fields
 * of the record it came from as further columns (area, population, flag, pValue, deviance, ...).
 *
 * Handles an `Interval`; a record of category to `Interval` (`multinomialCI`, `relationshipShares`: quantity
 * `'share'`); results whose fields are `Interval`s (`hiddenIncidence`, `impliedRecording`, `changeOverTime`,
 * `perDay`, `twoListEstimate`, `multipleSystems`); results with arrays of records holding `Interval`s
 * (`expectedVictims` strata, `localEstimates` areas, `closedPopulation` models, `predictCounts`); `splitByShares`
 * (total and categories); count models (`'coefficient'` and `'rate ratio'` rows, and theta); and `funnelPlot`
 * areas (their values, with `lower` and `upper` equal to the value, `level` 0 and `method` `'as-given'`: a value
 * without an interval of its own; a funnel plot's limits are its `limits` rows).
 *
 * @param result - a result of any darkfigure function
 *
 * @example
 * ```ts
 * import { hiddenIncidence, toRows } from 'darkfigure';
 * const result = hiddenIncidence({ recorded: 2706, reporting: { estimate: 0.5, standardError: 0.05 }, recording: 0.5 }, { draws: 2000 });
 * console.table(toRows(result)); // victims, reported, unrecorded, recordedShare, multiplier
 * ```
 */
export function toRows(result: unknown): TidyRow[] {
  if (result === null || typeof result !== 'object') fail('toRows', ['result'], 'a result of a darkfigure function (an object or array)', result);
  const out: TidyRow[] = [];
  walk(result, out);
  return out;
}
