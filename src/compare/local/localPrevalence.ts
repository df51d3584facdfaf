import * as z from 'zod/mini';
import { ageBand } from '../../core/schemas';
import { positiveProbability } from '../../incidence/positiveProbability';
import type { ProbabilityDistribution, UncertainProbability } from '../../incidence/uncertainProbability';
import type { AgeBand } from '../../core/ageBand';

/** One area's own prevalence, e.g. a row of a `fayHerriot` result. */
export interface AreaPrevalenceRow {
  /** The area's name, as in `localEstimates`' `areas[i].name` (a number is read as its decimal string). */
  area: string | number;
  /** Its prevalence with its uncertainty: an `Interval` (a Fay-Herriot estimate) or any {@link UncertainProbability}. */
  estimate: UncertainProbability;
}

/**
 * Each area's own prevalence (small area estimates such as `fayHerriot`'s) in place of the national one, for
 * the people of one age band (and the sexes listed) in each area.
 */
export interface LocalPrevalence {
  /**
   * The areas' prevalences: a `fayHerriot` result (its `areas` rows), rows `{ area, estimate }`, or a record of
   * area name to prevalence. Every area of the call needs one; areas not in the call are ignored.
   */
  byArea: { readonly areas: readonly AreaPrevalenceRow[] } | readonly AreaPrevalenceRow[] | Readonly<Record<string, UncertainProbability>>;
  /** The age band the prevalences are of, e.g. `'16-59'` (the CSEW's): each area's population in it is used. */
  age: string;
  /** The sexes the prevalences are of: default both `['female', 'male']`; e.g. `'female'` for women only. */
  sex?: string | readonly string[];
}

/** The parsed local prevalence: distributions by area name, the band and the sexes. @internal */
export interface ParsedLocalPrevalence {
  byArea: Map<string, { dist: ProbabilityDistribution; path: (string | number)[] }>;
  band: AgeBand;
  sexes: string[];
}

const prevalenceOf = /* @__PURE__ */ (() => positiveProbability('victims are population x prevalence'))();
const areaName = /* @__PURE__ */ (() => z.string({ error: 'an area name (a string)' }))();
const SEXES = "a sex such as 'female', or a non-empty array of them";
const BY_AREA = 'a fayHerriot result, rows { area, estimate }, or a record of area name to prevalence';

/**
 * The schema of `localEstimates`' `prevalence` when it is `{ byArea, age, sex? }`: each area's prevalence
 * parsed once as an uncertain probability above 0 (an Interval gives a Beta of its mean and standard error).
 * @internal
 */
export const localPrevalenceSchema = /* @__PURE__ */ (() => z.pipe(
  z.strictObject({ byArea: z.unknown(), age: ageBand, sex: z.optional(z.unknown()) }, { error: 'an object { byArea, age, sex? }' }),
  z.transform((v, ctx): ParsedLocalPrevalence => {
    const sex = v.sex;
    const isSex = (x: unknown) => typeof x === 'string' && x.trim() !== '';
    if (sex !== undefined && !(isSex(sex) || (Array.isArray(sex) && sex.length > 0 && sex.every(isSex)))) {
      ctx.issues.push({ code: 'custom', path: ['sex'], input: sex, message: SEXES });
      return z.NEVER;
    }
    const byArea: ParsedLocalPrevalence['byArea'] = new Map();
    const raw = v.byArea;
    const rows: { name: unknown; value: unknown; path: (string | number)[] }[] = [];
    if (Array.isArray(raw) || (raw !== null && typeof raw === 'object' && Array.isArray((raw as { areas?: unknown }).areas))) {
      const list = (Array.isArray(raw) ? raw : (raw as { areas: unknown[] }).areas) as unknown[];
      const prefix = Array.isArray(raw) ? ['byArea'] : ['byArea', 'areas'];
      list.forEach((r, i) => {
        const row = (r ?? {}) as { area?: unknown; estimate?: unknown };
        rows.push({ name: row.area, value: row.estimate, path: [...prefix, i] });
      });
    } else if (raw !== null && typeof raw === 'object') {
      for (const [name, value] of Object.entries(raw)) rows.push({ name, value, path: ['byArea', name] });
    } else {
      ctx.issues.push({ code: 'custom', path: ['byArea'], input: raw, message: BY_AREA });
      return z.NEVER;
    }
    if (rows.length === 0) {
      ctx.issues.push({ code: 'custom', path: ['byArea'], input: raw, message: `${BY_AREA}, with at least one area` });
      return z.NEVER;
    }
    for (const { name, value, path } of rows) {
      const named = areaName.safeParse(typeof name === 'number' && Number.isFinite(name) ? String(name) : name);
      if (!named.success) {
        ctx.issues.push({ code: 'custom', path: [...path, 'area'], input: name, message: 'an area name (a string)' });
        continue;
      }
      const key = named.data.trim();
      if (byArea.has(key)) {
        ctx.issues.push({ code: 'custom', path: [...path, 'area'], input: name, message: `an area named once (${JSON.stringify(key)} is at ${byArea.get(key)!.path.join('.')} too)` });
        continue;
      }
      const parsed = prevalenceOf.safeParse(value, { reportInput: true });
      if (!parsed.success) {
        const at = Array.isArray(raw) || path[1] === 'areas' ? [...path, 'estimate'] : path;
        for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, path: [...at, ...issue.path] } as z.core.$ZodRawIssue);
        continue;
      }
      byArea.set(key, { dist: parsed.data, path });
    }
    if (ctx.issues.length > 0) return z.NEVER;
    const s = sex === undefined ? ['female', 'male'] : typeof sex === 'string' ? [sex] : [...(sex as string[])];
    return { byArea, band: v.age, sexes: [...new Set(s)] };
  }),
))();
