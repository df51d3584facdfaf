import { plainNumber } from '../../core/plainNumber';

/**
 * A signed percentage for summaries: `+57%`, `-28%`, `0%`.
 * @example
 * ```ts
 * signedPercent(57.2); // '+57%'
 * ```
 * @internal
 */
export function signedPercent(x: number): string {
  return `${x > 0 ? '+' : ''}${plainNumber(x)}%`;
}
