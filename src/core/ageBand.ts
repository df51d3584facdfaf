/** A parsed age band: ages `min` to `max` inclusive; `max` is Infinity for an open band such as `'90+'`. */
export interface AgeBand {
  label: string;
  min: number;
  max: number;
}

const BAND = /^\s*(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\s*$/;
const OPEN = /^\s*(\d{1,3})\s*\+\s*$/;
const SINGLE = /^\s*(\d{1,3})\s*$/;

/**
 * Parse an age band: `'16-19'`, `'90+'`, a single year as a number (`42`) or numeric string (`'42'`).
 * Returns `undefined` when the value is not an age band (callers turn that into an InputError).
 * @internal
 */
export function parseAgeBand(age: unknown): AgeBand | undefined {
  if (typeof age === 'number') {
    return Number.isInteger(age) && age >= 0 && age <= 150 ? { label: String(age), min: age, max: age } : undefined;
  }
  if (typeof age !== 'string') return undefined;
  let m = BAND.exec(age);
  if (m) {
    const min = Number(m[1]);
    const max = Number(m[2]);
    return min <= max ? { label: `${min}-${max}`, min, max } : undefined;
  }
  m = OPEN.exec(age);
  if (m) return { label: `${Number(m[1])}+`, min: Number(m[1]), max: Infinity };
  m = SINGLE.exec(age);
  if (m) return { label: String(Number(m[1])), min: Number(m[1]), max: Number(m[1]) };
  return undefined;
}
