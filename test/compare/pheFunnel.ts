// Reads PHEindicatormethods' funnel-plot test CSVs (test/fixtures/phe/funnel-prop_*.csv; see the README there).
import { readFileSync } from 'node:fs';
import { splitLine } from '../standardise/phe';

/** Rows of a funnel CSV as records of strings (byte-order mark and carriage returns removed). */
export function readFunnelCsv(name: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../fixtures/phe/${name}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '').replace(/\r/g, '');
  const [head, ...lines] = text.split('\n').filter((l) => l.trim() !== '');
  const names = splitLine(head!);
  return lines.map((line) => {
    const cells = splitLine(line);
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}
