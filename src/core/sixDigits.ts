/**
 * A number as text for notes and messages: six significant digits, without trailing zeros or an exponent
 * where none is needed (`String(Number.parseFloat(x.toPrecision(6)))`).
 *
 * @example
 * ```ts
 * import { sixDigits } from './sixDigits';
 * sixDigits(2706.3365384615386); // '2706.34'
 * sixDigits(0.25); // '0.25'
 * sixDigits(1.5e-7); // '1.5e-7'
 * ```
 * @internal
 */
export function sixDigits(x: number): string {
  return String(Number.parseFloat(x.toPrecision(6)));
}
