/**
 * A short, unambiguous description of a value for error messages:
 * `NaN`, `Infinity`, `"22" (a string)`, `undefined`, `[1, 2]`, `{ a: 1 }`.
 * @internal
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '-Infinity';
    return String(value);
  }
  if (typeof value === 'string') return `${JSON.stringify(value)} (a string)`;
  if (value === undefined) return 'nothing (undefined)';
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `${value}n (a bigint)`;
  if (typeof value === 'function') return 'a function';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : `a Date (${value.toISOString()})`;
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map(describeValue).join(', ');
    return `[${shown}${value.length > 5 ? `, ... (${value.length} items)` : ''}]`;
  }
  if (typeof value === 'object') {
    try {
      const text = JSON.stringify(value, (_k, v: unknown) =>
        typeof v === 'number' && !Number.isFinite(v) ? describeValue(v) : v,
      );
      return text.length > 80 ? `${text.slice(0, 77)}...` : text;
    } catch {
      return 'an object';
    }
  }
  return String(value);
}
