// Reads the PHEindicatormethods test CSVs copied into test/fixtures/phe/ (see the README there).
import { readFileSync } from 'node:fs';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Rows of a CSV in test/fixtures/phe; numbers parsed, `NA` and empty cells as null. */
export function readPhe(name: string): Row[] {
  const text = readFileSync(new URL(`../fixtures/phe/${name}`, import.meta.url), 'utf8').replace(/\r/g, '');
  const [head, ...lines] = text.split('\n').filter((l) => l.trim() !== '');
  const names = splitLine(head!);
  return lines.map((line) => {
    const cells = splitLine(line);
    const row: Row = {};
    names.forEach((n, i) => {
      const raw = cells[i] ?? '';
      row[n] = raw === 'NA' || raw === '' ? null : Number.isFinite(Number(raw)) ? Number(raw) : raw;
    });
    return row;
  });
}

/** Group rows by a column, keeping first-seen order. */
export function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const k = String(r[key]);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * PHE's test data label the 12th band '55-69' (a typo for '55-59': PHE matches bands by position);
 * darkfigure matches by age, where '55-69' would overlap '60-64' and '65-69'.
 */
export const fixAge = (age: Cell | undefined): string => (age === '55-69' ? '55-59' : String(age));

export const num = (x: Cell | undefined): number => {
  if (typeof x !== 'number') throw new Error(`expected a number, got ${String(x)}`);
  return x;
};

/** Relative difference, |a - b| / |b| (absolute when b = 0). */
export const rel = (a: number, b: number): number => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));
