/**
 * A number for plain-words summaries: whole numbers as they are below 100 (`5`, `22`), other numbers
 * to two significant digits below 100 (`4.3`, `0.41`, `57`), and rounded to whole numbers with thousands
 * separators from 100 (`1,579`). Written without `toLocaleString`, so it is the
 * same in every engine and locale. Finite input only.
 *
 * @example
 * ```ts
 * plainNumber(4.326); // '4.3'
 * plainNumber(1579.4); // '1,579'
 * ```
 * @internal
 */
export function plainNumber(x: number): string {
  if (x === 0) return '0';
  const size = Math.abs(x);
  if (size >= 99.5) {
    const digits = String(Math.round(size));
    return (x < 0 ? '-' : '') + digits.replace(/\B(?=(\d{3})+$)/g, ',');
  }
  if (Number.isInteger(x)) return String(x);
  if (size < 1e-6) return x.toExponential(1);
  return x.toPrecision(2);
}
