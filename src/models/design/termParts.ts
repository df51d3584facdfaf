/**
 * The variables of a term: `'area'` is `['area']`, `'area:year'` is `['area', 'year']`.
 *
 * @example
 * ```ts
 * import { termParts } from './termParts';
 * termParts('wool:tension'); // ['wool', 'tension']
 * ```
 * @internal
 */
export function termParts(term: string): string[] {
  return term.split(':');
}
