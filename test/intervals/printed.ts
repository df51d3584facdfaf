import { expect } from 'vitest';

/**
 * Compare with a value PHE printed (as text, 15 significant digits). Allowed difference: half a unit
 * in the last printed digit, or 3e-14 relative, whichever is larger. The 3e-14 covers PHE's own
 * spreadsheet rounding at 99.8%: e.g. Wilson 1/100 lower, PHE 0.000873065697299977 where R's
 * prop.test and darkfigure both give 0.00087306569729999 (20 units of PHE's last digit, 2e-14).
 */
export function expectPrinted(actual: number, printed: string, label = ''): void {
  const decimals = printed.split('.')[1]?.length ?? 0;
  const expected = Number(printed);
  const allowed = Math.max(0.5 * 10 ** -decimals, 3e-14 * Math.abs(expected));
  const err = Math.abs(actual - expected);
  if (!(err <= allowed)) {
    expect.fail(`${label}: got ${actual}, PHE printed ${printed} (difference ${err.toExponential(2)}, allowed ${allowed.toExponential(2)})`);
  }
}
