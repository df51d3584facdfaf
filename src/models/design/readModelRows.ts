import type { InputIssue } from '../../core/InputError';
import type { ModelSpec } from './modelSpec';
import { termParts } from './termParts';

/** Options of {@link readModelRows}. @internal */
export interface ModelRowsRequest {
  response: string;
  exposure: string | null;
  terms: readonly string[];
  /** Given level orders (validated: arrays of distinct strings). */
  levels: Readonly<Record<string, readonly string[]>>;
  /** 'whole' for Poisson and negative-binomial counts, 'any' for quasi-Poisson; 'unchecked' leaves the response to the caller (fayHerriot). */
  counts: 'whole' | 'any' | 'unchecked';
}

/**
 * Check the rows of a count model and work out its design: every term's columns exist and are all
 * strings (a factor) or all finite numbers; factor levels in code-point order unless `levels` gives the
 * order (which must hold every level seen, and only those); the response is a count from 0 to 2^53 (whole
 * for Poisson and negative binomial); the exposure a finite number > 0, all within a factor of 1e15.
 * Terms are put in R's order (main effects, then two-way interactions, ...), and each factor in a term is coded by contrasts when the
 * term without it is in the model (or is the intercept), else by indicators (R's rule, Chambers and
 * Hastie 1992, §5.3). Returns the issues found, or the spec without its columns.
 *
 * @example
 * ```ts
 * import { readModelRows } from './readModelRows';
 * const rows = [{ y: 1, g: 'b' }, { y: 3, g: 'a' }];
 * readModelRows(rows, { response: 'y', exposure: null, terms: ['g'], levels: {}, counts: 'whole' }).spec?.levels;
 * // { g: ['a', 'b'] }
 * ```
 * @internal
 */
export function readModelRows(
  rows: readonly Record<string, unknown>[],
  request: ModelRowsRequest,
): { issues: InputIssue[]; spec?: Omit<ModelSpec, 'columns'> } {
  const issues: InputIssue[] = [];
  const { response, exposure } = request;
  const seenTerms = new Map<string, string>();
  const columnsUsed: string[] = [];
  request.terms.forEach((term, t) => {
    const parts = termParts(term);
    if (parts.some((p) => p.trim() === '')) {
      issues.push({ path: ['terms', t], expected: "a column name, or columns joined by ':' for an interaction", received: term });
      return;
    }
    if (new Set(parts).size !== parts.length) {
      issues.push({ path: ['terms', t], expected: 'an interaction of different columns', received: term });
      return;
    }
    const key = [...parts].sort().join(':');
    const before = seenTerms.get(key);
    if (before !== undefined) {
      issues.push({ path: ['terms', t], expected: `a term not given before (it repeats '${before}')`, received: term });
      return;
    }
    seenTerms.set(key, term);
    for (const part of parts) {
      if (part === response) issues.push({ path: ['terms', t], expected: `terms other than the response '${response}'`, received: term });
      else if (!columnsUsed.includes(part)) columnsUsed.push(part);
    }
  });
  for (const [name, given] of Object.entries(request.levels)) {
    given.forEach((level, i) => {
      if (given.indexOf(level) !== i) issues.push({ path: ['levels', name, i], expected: 'each level once', received: level });
    });
    if (!columnsUsed.includes(name)) {
      issues.push({ path: ['levels', name], expected: `levels only for factor columns in terms (${columnsUsed.join(', ') || 'none'})`, received: request.levels[name] });
    }
  }
  if (issues.length > 0) return { issues };

  const kinds = new Map<string, 'factor' | 'numeric'>();
  const seenLevels = new Map<string, Set<string>>();
  let positive = false;
  let smallest: { e: number; i: number } | undefined;
  let largest: { e: number; i: number } | undefined;
  for (let i = 0; i < rows.length && issues.length < 20; i++) {
    const row = rows[i]!;
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      issues.push({ path: ['rows', i], expected: 'a plain record', received: row });
      continue;
    }
    const y = row[response];
    if (request.counts === 'unchecked') positive = true;
    // at most 2^53 (counts held exactly): near the largest double the fit's sums overflow to NaN
    else if (typeof y !== 'number' || !Number.isFinite(y) || y < 0 || y > 2 ** 53 || (request.counts === 'whole' && !Number.isInteger(y))) {
      issues.push({
        path: ['rows', i, response],
        expected: request.counts === 'whole' ? 'a whole number from 0 to 2^53 (a count)' : 'a finite number from 0 to 2^53',
        received: y,
        ...(typeof y === 'number' && y > 0 && !Number.isInteger(y) ? { hint: "non-integer counts need family 'quasipoisson'" } : {}),
      });
    } else if (y > 0) positive = true;
    if (exposure !== null) {
      const e = row[exposure];
      if (typeof e !== 'number' || !(e > 0 && e < Infinity)) {
        issues.push({ path: ['rows', i, exposure], expected: 'an exposure: a finite number > 0', received: e });
      } else {
        if (smallest === undefined || e < smallest.e) smallest = { e, i };
        if (largest === undefined || e > largest.e) largest = { e, i };
      }
    }
    for (const name of columnsUsed) {
      const v = row[name];
      const kind = kinds.get(name) ?? (typeof v === 'string' ? 'factor' : 'numeric');
      if (!kinds.has(name) && v !== undefined && v !== null) kinds.set(name, kind);
      if (kind === 'factor') {
        if (typeof v !== 'string') {
          issues.push({ path: ['rows', i, name], expected: `a string, like the rows before (the column '${name}' is a factor)`, received: v });
          continue;
        }
        let set = seenLevels.get(name);
        if (!set) seenLevels.set(name, (set = new Set()));
        set.add(v);
      } else if (typeof v !== 'number' || !Number.isFinite(v)) {
        issues.push({
          path: ['rows', i, name],
          expected: v === undefined ? `a value in column '${name}' (missing)` : 'a finite number, like the rows before',
          received: v,
        });
      }
    }
  }
  // exposures 1e15 times apart are a mix of units, not data: such fits overflow (NaN statistics)
  if (issues.length === 0 && smallest !== undefined && largest !== undefined && largest.e > 1e15 * smallest.e) {
    issues.push({
      path: ['rows', smallest.i, exposure!],
      expected: `exposures within a factor of 1e15 of each other (the largest is ${largest.e} at rows[${largest.i}])`,
      received: smallest.e,
      hint: 'check that every exposure is in the same unit',
    });
  }
  if (rows.length > 0 && issues.length === 0 && !positive) {
    issues.push({ path: ['rows'], expected: `at least one count above 0 in '${response}' (with none, every rate is estimated at 0)`, received: `${rows.length} rows of 0` });
  }
  if (issues.length > 0) return { issues };

  const levels: Record<string, string[]> = {};
  const numeric: string[] = [];
  for (const name of columnsUsed) {
    if (kinds.get(name) !== 'factor') {
      if (request.levels[name] !== undefined) {
        issues.push({ path: ['levels', name], expected: `levels only for factor columns: '${name}' holds numbers, so it enters linearly (give its values as strings to make it a factor)`, received: request.levels[name] });
      }
      numeric.push(name);
      continue;
    }
    const seen = seenLevels.get(name)!;
    const given = request.levels[name];
    if (given !== undefined) {
      const missing = [...seen].filter((l) => !given.includes(l));
      const unseen = given.filter((l) => !seen.has(l));
      if (missing.length > 0) issues.push({ path: ['levels', name], expected: `every level in the data (missing: ${missing.join(', ')})`, received: given });
      if (unseen.length > 0) issues.push({ path: ['levels', name], expected: `only levels found in the data (not found: ${unseen.join(', ')})`, received: given });
      levels[name] = [...given];
    } else {
      levels[name] = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    if (levels[name]!.length < 2) {
      issues.push({ path: ['terms'], expected: `factors with at least 2 levels ('${name}' has only ${JSON.stringify(levels[name]![0])})`, received: request.terms });
    }
  }
  if (issues.length > 0) return { issues };

  const terms = request.terms.map((t, i) => [t, i] as const).sort((a, b) => termParts(a[0]).length - termParts(b[0]).length || a[1] - b[1]).map(([t]) => t);
  const present = new Set(terms.map((t) => [...termParts(t)].sort().join(':')));
  const coding: ModelSpec['coding'] = {};
  for (const term of terms) {
    const parts = termParts(term);
    const code: Record<string, 'contrast' | 'indicator'> = {};
    for (const part of parts) {
      if (levels[part] === undefined) continue;
      const rest = parts.filter((p) => p !== part).sort().join(':');
      code[part] = rest === '' || present.has(rest) ? 'contrast' : 'indicator';
    }
    coding[term] = code;
  }
  return { issues, spec: { response, exposure, terms, levels, numeric, coding } };
}
