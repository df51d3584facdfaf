/**
 * A confidence level as a percentage: 0.95 -> '95', 0.998 -> '99.8'.
 * @example
 * ```ts
 * levelPercent(0.998); // '99.8'
 * ```
 * @internal
 */
export function levelPercent(level: number): string {
  return String(Number.parseFloat((level * 100).toPrecision(12)));
}
