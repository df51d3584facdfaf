/**
 * The seed of an area's own count-noise stream: the 32-bit FNV-1a hash of its name (Fowler, Noll & Vo
 * 1991, over UTF-16 code units) joined to the top 21 bits of the run's count-noise stream seed. Keyed by
 * name, not position, so an area's intervals do not change when other areas are added, removed or
 * reordered (with a fixed target). The result is a safe integer for `createGenerator`.
 *
 * @example
 * ```ts
 * areaSeed(123456789, 'Lewisham') === areaSeed(123456789, 'Lewisham'); // true
 * ```
 * @internal
 */
export function areaSeed(streamSeed: number, name: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (streamSeed >>> 11) * 4294967296 + (h >>> 0);
}
