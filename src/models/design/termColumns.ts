import { termParts } from './termParts';

/** What {@link termColumns} needs of a model: its factor levels and each term's coding. @internal */
export interface TermCoding {
  levels: Record<string, string[]>;
  coding: Record<string, Record<string, 'contrast' | 'indicator'>>;
}

/**
 * The labels of a term's design columns, in R's order: the first factor of the term varies fastest;
 * a factor coded by contrasts leaves out its reference (first) level, one coded by indicators keeps it.
 * Numeric variables add no labels (they multiply). A term without factors has one column, no level.
 *
 * @example
 * ```ts
 * import { termColumns } from './termColumns';
 * const coding = { levels: { wool: ['A', 'B'], tension: ['L', 'M', 'H'] },
 *   coding: { 'wool:tension': { wool: 'contrast', tension: 'contrast' } } };
 * termColumns('wool:tension', coding); // [{ level: 'B:M' }, { level: 'B:H' }]
 * ```
 * @internal
 */
export function termColumns(term: string, model: TermCoding): { level?: string }[] {
  let labels: string[][] = [[]];
  for (const part of termParts(term)) {
    const levels = model.levels[part];
    if (levels === undefined) continue;
    const used = model.coding[term]?.[part] === 'indicator' ? levels : levels.slice(1);
    const next: string[][] = [];
    for (const level of used) for (const label of labels) next.push([...label, level]);
    labels = next;
  }
  return labels.map((label) => (label.length === 0 ? {} : { level: label.join(':') }));
}
