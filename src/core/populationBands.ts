import type { AgeBand } from './ageBand';
import { InputError, type InputIssue, formatPath } from './InputError';

/** A requested age band within a group (such as a sex), with the path of its row for messages. @internal */
export interface BandTarget {
  /** Group key, e.g. `'female'`; use `''` when rows are not grouped. */
  group: string;
  /** The requested band. */
  band: AgeBand;
  /** Path of the requesting row, e.g. `['prevalence', 2]`; issues append `'age'` or `'sex'`. */
  path: (string | number)[];
}

/** A population row already parsed: its group, its age band and the path of the row for messages. @internal */
export interface BandRow {
  group: string;
  band: AgeBand;
  path: (string | number)[];
  /** The age as given (a number stays a number in messages); default the band's label. */
  given?: unknown;
}

/** How to word messages: the group field's name (`'sex'`, or `undefined` when ungrouped). @internal */
export interface BandLabels {
  /** Name of the grouping field, e.g. `'sex'`; leave undefined when there is no grouping. */
  groupField?: string;
  /** What the rows are, for messages, e.g. `'population rows'`. Default `'population rows'`. */
  rowsName?: string;
}

/** Result of {@link matchPopulationBands}. @internal */
export interface BandMatch {
  /** For each target (same order), the indices of the rows that lie inside it. */
  rowsByTarget: number[][];
  /** Every problem found; empty when each target is covered exactly once. */
  issues: InputIssue[];
}

function rangeText(min: number, max: number): string {
  if (max === Infinity) return `${min}+`;
  return min === max ? String(min) : `${min}-${max}`;
}

function groupText(group: string, labels: BandLabels): string {
  return labels.groupField === undefined ? '' : ` for ${labels.groupField} ${JSON.stringify(group)}`;
}

const inside = (row: AgeBand, target: AgeBand) => row.min >= target.min && row.max <= target.max;
const overlaps = (a: AgeBand, b: AgeBand) => a.min <= b.max && b.min <= a.max;

/**
 * Match population rows (single years or bands, grouped e.g. by sex) to requested age bands, and find
 * every way the match can fail: requested bands that overlap (or repeat) within a group, a group with no
 * rows at all, a row that covers a requested band only in part, two rows covering the same ages
 * (duplicated or overlapping rows), and ages of a requested band that no row covers. Rows outside every
 * requested band, or in groups nobody asked for, are ignored.
 *
 * Shared by the survey and standardisation modules; pure, never throws (see {@link sumPopulationIntoBands}).
 * @internal
 */
export function matchPopulationBands(
  targets: readonly BandTarget[],
  rows: readonly BandRow[],
  labels: BandLabels = {},
): BandMatch {
  const rowsName = labels.rowsName ?? 'population rows';
  const issues: InputIssue[] = [];
  const rowsByTarget: number[][] = targets.map(() => []);

  // Targets by group, and overlapping / repeated requested bands.
  const targetsByGroup = new Map<string, number[]>();
  targets.forEach((t, i) => {
    const list = targetsByGroup.get(t.group);
    if (list) list.push(i);
    else targetsByGroup.set(t.group, [i]);
  });
  for (const [group, list] of targetsByGroup) {
    const sorted = [...list].sort((a, b) => targets[a]!.band.min - targets[b]!.band.min || a - b);
    for (let k = 1; k < sorted.length; k++) {
      const later = targets[sorted[k]!]!;
      for (let j = 0; j < k; j++) {
        const earlier = targets[sorted[j]!]!;
        if (!overlaps(earlier.band, later.band)) continue;
        const same = earlier.band.min === later.band.min && earlier.band.max === later.band.max;
        const [first, second] = sorted[j]! < sorted[k]! ? [earlier, later] : [later, earlier];
        issues.push({
          path: [...second.path, 'age'],
          expected: `age bands that do not overlap${groupText(group, labels)}`,
          received: second.band.label,
          hint: same
            ? `the same band as ${formatPath(first.path)}: give each band once`
            : `${second.band.label} overlaps ${first.band.label} (${formatPath(first.path)}); a total over overlapping bands would count people twice`,
        });
        break;
      }
    }
  }

  // Rows by group (only groups that were asked for).
  const rowsByGroup = new Map<string, number[]>();
  const groupsSeen = new Set<string>();
  rows.forEach((r, i) => {
    groupsSeen.add(r.group);
    if (!targetsByGroup.has(r.group)) return;
    const list = rowsByGroup.get(r.group);
    if (list) list.push(i);
    else rowsByGroup.set(r.group, [i]);
  });

  for (const [group, list] of targetsByGroup) {
    const groupRows = rowsByGroup.get(group);
    if (groupRows === undefined) {
      const first = targets[list[0]!]!;
      const present = [...groupsSeen].map((g) => JSON.stringify(g)).join(', ');
      const caseMatch = [...groupsSeen].find((g) => g.trim().toLowerCase() === group.trim().toLowerCase());
      issues.push({
        path: labels.groupField === undefined ? [...first.path] : [...first.path, labels.groupField],
        expected: `${rowsName}${groupText(group, labels)}`,
        received: labels.groupField === undefined ? first.band.label : group,
        hint:
          present === ''
            ? `there are no ${rowsName} at all`
            : caseMatch !== undefined
              ? `did you mean ${JSON.stringify(caseMatch)}? ${labels.groupField ?? 'groups'} must match exactly`
              : `${rowsName} have ${labels.groupField ?? 'groups'} ${present} only`,
      });
      continue;
    }
    // Assign rows to targets; flag rows that straddle a requested band's edge.
    for (const r of groupRows) {
      const row = rows[r]!;
      for (const t of list) {
        const target = targets[t]!;
        if (inside(row.band, target.band)) rowsByTarget[t]!.push(r);
        else if (overlaps(row.band, target.band)) {
          issues.push({
            path: [...row.path, 'age'],
            expected: `an age band that lies wholly inside or wholly outside ${target.band.label}${groupText(group, labels)} (${formatPath(target.path)})`,
            received: row.band.label,
            hint: `${row.band.label} covers ${target.band.label} only in part: give single years of age, or bands that split at ${target.band.min} and ${target.band.max === Infinity ? 'the top' : target.band.max + 1}`,
          });
        }
      }
    }
    // Per target: duplicated or overlapping rows, and uncovered ages.
    for (const t of list) {
      const target = targets[t]!;
      const inRows = rowsByTarget[t]!;
      const sorted = [...inRows].sort((a, b) => rows[a]!.band.min - rows[b]!.band.min || a - b);
      let next = target.band.min; // first age not yet covered
      const missing: string[] = [];
      let previous: number | undefined;
      let repeated: InputIssue | undefined; // the first duplicated / overlapping row of this band
      let moreRepeated = 0;
      for (const r of sorted) {
        const row = rows[r]!;
        if (row.band.min < next && previous !== undefined) {
          const prev = rows[previous]!;
          const same = prev.band.min === row.band.min && prev.band.max === row.band.max;
          if (repeated !== undefined) moreRepeated++;
          else {
            repeated = {
              path: [...row.path, 'age'],
              expected: `one ${rowsName.replace(/s$/, '')} per age${groupText(group, labels)}`,
              received: row.given ?? row.band.label,
              hint: same ? `duplicates ${formatPath(prev.path)}` : `overlaps ${formatPath(prev.path)} (${prev.band.label})`,
            };
            issues.push(repeated);
          }
        } else if (row.band.min > next) {
          missing.push(rangeText(next, row.band.min - 1));
        }
        if (row.band.max >= next) {
          next = row.band.max === Infinity ? Infinity : row.band.max + 1;
          previous = r;
        }
      }
      if (repeated !== undefined) {
        if (moreRepeated > 0) repeated.hint += `, and ${moreRepeated} more ${rowsName} repeat ages of ${target.band.label}`;
        repeated.hint += '; if the table holds several areas or years, filter it to one first';
      }
      if (next !== Infinity && next <= target.band.max) missing.push(rangeText(next, target.band.max));
      if (missing.length > 0) {
        issues.push({
          path: [...target.path, 'age'],
          expected: `${rowsName} covering every age in ${target.band.label}${groupText(group, labels)}`,
          received: target.band.label,
          hint: `no ${rowsName} for ages ${missing.join(', ')}`,
        });
      }
    }
  }
  return { rowsByTarget, issues };
}

/**
 * Sum a value of population rows into each requested band ({@link matchPopulationBands}), throwing one
 * {@link InputError} that lists every problem.
 *
 * @example
 * ```ts
 * const band = (label: string) => parseAgeBand(label)!;
 * sumPopulationIntoBands(
 *   'f',
 *   [{ group: 'female', band: band('16-17'), path: ['prevalence', 0] }],
 *   [16, 17, 18].map((age, i) => ({ group: 'female', band: band(String(age)), path: ['population', i] })),
 *   [100, 200, 300],
 *   { groupField: 'sex' },
 * ); // [300]
 * ```
 * @internal
 */
export function sumPopulationIntoBands(
  functionName: string,
  targets: readonly BandTarget[],
  rows: readonly BandRow[],
  values: ArrayLike<number>,
  labels: BandLabels = {},
): number[] {
  const { rowsByTarget, issues } = matchPopulationBands(targets, rows, labels);
  if (issues.length > 0) throw new InputError(functionName, issues);
  return rowsByTarget.map((list) => {
    let sum = 0;
    for (const r of list) sum += values[r]!;
    return sum;
  });
}
