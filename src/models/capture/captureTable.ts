import { InputError, type InputIssue } from '../../core/InputError';

/** Overlapping lists' counts by capture history, read and checked. @internal */
export interface CaptureTable {
  lists: string[];
  /** Every observable history (all 2^k - 1, zeros included), as 0/1 per list, with its count. */
  cells: { history: number[]; count: number }[];
  /** People on at least one list. */
  observed: number;
}

/** Input of the capture-recapture functions: a record of history to count, or rows `{ [list]: 0 | 1, count }`. */
export type CaptureCounts = Readonly<Record<string, number>> | readonly Readonly<Record<string, unknown>>[];

/**
 * Read counts by capture history: a record keyed by history (one `'0'`/`'1'` per list, in `lists` order;
 * histories not given are 0; the all-zero history is refused: it is what is estimated) or rows
 * `{ [list]: 0 | 1, count }` (SparseMSE's layout; `lists` defaults to the row keys other than `count`,
 * in the first row's order). Lists must be 2 or more, named once each; counts whole and >= 0, adding to at most 2^52.
 *
 * @example
 * ```ts
 * import { captureTable } from './captureTable';
 * captureTable('f', { '10': 30, '01': 20, '11': 10 }, ['police', 'helpline']).observed; // 60
 * ```
 * @internal
 */
export function captureTable(functionName: string, counts: unknown, lists: readonly string[] | undefined, minLists = 2, maxLists = 15): CaptureTable {
  const issues: InputIssue[] = [];
  const bad = (path: (string | number)[], expected: string, received: unknown, hint?: string): void => {
    issues.push(hint === undefined ? { path, expected, received } : { path, expected, received, hint });
  };
  let names: string[] | undefined = lists ? [...lists] : undefined;
  const byHistory = new Map<string, number>();
  if (Array.isArray(counts)) {
    if (counts.length === 0) bad(['counts'], 'at least one row { [list]: 0 | 1, count }', counts);
    const first = counts[0] as Record<string, unknown> | undefined;
    if (names === undefined && first && typeof first === 'object') names = Object.keys(first).filter((k) => k !== 'count');
    counts.forEach((row: unknown, i) => {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) return bad(['counts', i], 'a row { [list]: 0 | 1, count }', row);
      const r = row as Record<string, unknown>;
      const c = r.count;
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) bad(['counts', i, 'count'], 'a whole number >= 0', c);
      const h = (names ?? []).map((list) => {
        const v = r[list];
        if (v !== 0 && v !== 1) bad(['counts', i, list], 'on the list (1) or not (0)', v);
        return v === 1 ? '1' : '0';
      });
      for (const key of Object.keys(r)) if (key !== 'count' && !(names ?? []).includes(key)) bad(['counts', i, key], `a column of a list in lists (${(names ?? []).join(', ')}) or count`, r[key]);
      const key = h.join('');
      byHistory.set(key, (byHistory.get(key) ?? 0) + (typeof c === 'number' ? c : 0));
    });
  } else if (counts !== null && typeof counts === 'object') {
    for (const [key, c] of Object.entries(counts as Record<string, unknown>)) {
      if (!/^[01]+$/.test(key)) {
        bad(['counts', key], "a capture history: one '0' or '1' per list", c);
        continue;
      }
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) bad(['counts', key], 'a whole number >= 0', c);
      byHistory.set(key, typeof c === 'number' ? c : 0);
    }
    if (Object.hasOwn(counts, '__proto__')) bad(['counts', '__proto__'], "a capture history: one '0' or '1' per list", (counts as Record<string, unknown>)['__proto__']);
    if (names === undefined) {
      // integer-like keys ('10', '110') come first in a record's order, so take the longest history
      let length = 0;
      for (const key of byHistory.keys()) length = Math.max(length, key.length);
      names = Array.from({ length }, (_, i) => String.fromCharCode(65 + i));
    }
  } else {
    bad(['counts'], 'a record of capture history to count, or rows { [list]: 0 | 1, count }', counts);
  }
  const k = names?.length ?? 0;
  if (names !== undefined) {
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (typeof name !== 'string' || name === '' || name === 'count') bad(['lists', i], "a list name (a non-empty string other than 'count')", name);
      else if (seen.has(name)) bad(['lists', i], 'each list named once', name);
      seen.add(name);
    });
    if (k < minLists) bad(['lists'], `at least ${minLists} lists`, names);
    if (k > maxLists) bad(['lists'], `at most ${maxLists} lists (${2 ** maxLists - 1} capture histories)`, names);
  }
  for (const key of byHistory.keys()) {
    if (key.length !== k) bad(['counts', key], `a history of ${k} characters, one per list (${(names ?? []).join(', ')})`, key);
    else if (!key.includes('1')) bad(['counts', key], 'no all-zero history: the people on no list are what is estimated', byHistory.get(key));
  }
  if (issues.length > 0) throw new InputError(functionName, issues);
  const cells: CaptureTable['cells'] = [];
  let observed = 0;
  for (let code = 1; code < 2 ** k; code++) {
    const history = Array.from({ length: k }, (_, j) => (code >> (k - 1 - j)) & 1);
    const count = byHistory.get(history.join('')) ?? 0;
    cells.push({ history, count });
    observed += count;
  }
  if (observed === 0) throw new InputError(functionName, [{ path: ['counts'], expected: 'at least one person on a list', received: counts }]);
  // beyond 2^52 the log-linear fits lose whole counts, and near the largest double they overflow to NaN
  if (observed > 2 ** 52) throw new InputError(functionName, [{ path: ['counts'], expected: 'counts adding to at most 2^52', received: `${observed} people on the lists` }]);
  return { lists: names!, cells, observed };
}
