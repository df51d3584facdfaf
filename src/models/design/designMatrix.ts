import { log } from '../../special/elementary/log';
import type { ModelSpec } from './modelSpec';
import { termColumns } from './termColumns';
import { termParts } from './termParts';

/**
 * A design matrix in compressed sparse rows (a count model's design is mostly zeros: a row has one
 * column per term at most), with the offset log(exposure). Columns are those of the full design,
 * aliased ones included; the fit skips them. @internal
 */
export interface DesignMatrix {
  rows: number;
  columns: number;
  /** Row i's entries are col/val[rowStart[i] .. rowStart[i + 1]). */
  rowStart: Int32Array;
  col: Int32Array;
  val: Float64Array;
  /** log(exposure), or zeros. */
  offset: Float64Array;
}

interface TermLayout {
  name: string;
  start: number;
  factors: { name: string; index: Map<string, number>; stride: number; dropsReference: boolean }[];
  numbers: string[];
}

function layoutOf(spec: Pick<ModelSpec, 'terms' | 'levels' | 'coding'>): { terms: TermLayout[]; columns: number } {
  let start = 1; // the intercept is column 0
  const terms = spec.terms.map((term) => {
    const layout: TermLayout = { name: term, start, factors: [], numbers: [] };
    let stride = 1;
    for (const part of termParts(term)) {
      const levels = spec.levels[part];
      if (levels === undefined) {
        layout.numbers.push(part);
        continue;
      }
      const dropsReference = spec.coding[term]?.[part] !== 'indicator';
      layout.factors.push({ name: part, index: new Map(levels.map((l, i) => [l, i])), stride, dropsReference });
      stride *= dropsReference ? levels.length - 1 : levels.length;
    }
    start += termColumns(term, spec).length;
    return layout;
  });
  return { terms, columns: start };
}

/**
 * Code `rows` by a model's terms (validated values: factor columns hold known levels, numeric columns
 * finite numbers, the exposure a positive number). `centre` (by term name) subtracts a constant from the
 * numeric variable of a term with one numeric variable: a numeric main effect, or a factor crossed with a
 * numeric; that keeps the normal equations well conditioned for a covariate such as a year (2013 to 2019)
 * and changes only the meaning of the intercept (main effects) or of the factor's own columns (interactions).
 *
 * @example
 * ```ts
 * import { designMatrix } from './designMatrix';
 * const spec = { terms: ['g'], levels: { g: ['a', 'b'] }, coding: { g: { g: 'contrast' as const } }, exposure: null };
 * designMatrix([{ g: 'a' }, { g: 'b' }], spec).col; // Int32Array [0, 0, 1]
 * ```
 * @internal
 */
export function designMatrix(
  rows: readonly Record<string, unknown>[],
  spec: Pick<ModelSpec, 'terms' | 'levels' | 'coding' | 'exposure'>,
  centre: Readonly<Record<string, number>> = {},
): DesignMatrix {
  const { terms, columns } = layoutOf(spec);
  const n = rows.length;
  const rowStart = new Int32Array(n + 1);
  const col: number[] = [];
  const val: number[] = [];
  const offset = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    col.push(0);
    val.push(1);
    for (const term of terms) {
      let position = 0;
      let present = true;
      for (const factor of term.factors) {
        let index = factor.index.get(row[factor.name] as string)!;
        if (factor.dropsReference) index -= 1;
        if (index < 0) {
          present = false;
          break;
        }
        position += index * factor.stride;
      }
      if (!present) continue;
      let value = 1;
      for (const name of term.numbers) value *= row[name] as number;
      // a term of one numeric variable may be centred (the same model when the column it shifts into is in it)
      if (term.numbers.length === 1) value -= centre[term.name] ?? 0;
      if (value === 0) continue;
      col.push(term.start + position);
      val.push(value);
    }
    rowStart[i + 1] = col.length;
    if (spec.exposure !== null) offset[i] = log(row[spec.exposure] as number);
  }
  return { rows: n, columns, rowStart, col: Int32Array.from(col), val: Float64Array.from(val), offset };
}
