import * as z from 'zod/mini';
import { interval, type Interval } from '../../core/interval';
import { refuseReservedKey } from '../../core/refuseReservedKey';
import { count, level as levelSchema, methodOf, options, seed as seedSchema } from '../../core/schemas';
import { sixDigits } from '../../core/sixDigits';
import { HINT, validate } from '../../core/validate';
import type { UncertainProbability } from '../../incidence/uncertainProbability';
import { outsideIntervalNote } from '../../incidence/outsideIntervalNote';
import { drawsOption } from '../../montecarlo/drawsOption';
import { fewestDraws, tooFewDrawsRule } from '../../montecarlo/fewestDraws';
import { percentileInterval } from '../../montecarlo/percentileInterval';
import { streamSeeds } from '../../montecarlo/streamSeeds';
import { createGenerator } from '../../random/generator';
import { fillGamma } from '../../random/fillGamma';
import { recordingCondition } from './recordingCondition';
import { simplexLeastSquares } from './simplexLeastSquares';
import { solveInPlace } from './solveInPlace';

/** Priors of {@link reclassify}'s audit rows: Dirichlet(count + 1/2) (`'jeffreys'`) or Dirichlet(count + 1) (`'uniform'`). */
export type ReclassifyPrior = 'jeffreys' | 'uniform';

/** How {@link reclassify} reads `recordedAs`: `'auto'` (default), audit `'counts'` or exact `'probabilities'`. */
export type RecordedAsForm = 'auto' | 'counts' | 'probabilities';

/** Options of {@link reclassify}. */
export interface ReclassifyOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Monte Carlo draws when `recordedAs` holds audit counts: 100 to 50,000,000, default 100,000 (as the other Monte Carlo functions). */
  draws?: number;
  /** Seed (a whole number); default 42. */
  seed?: number;
  /** Prior of each audit row's Dirichlet posterior: `'jeffreys'` (default, count + 1/2) or `'uniform'` (count + 1). */
  prior?: ReclassifyPrior;
  /** `'auto'` (default: probabilities when every value is in [0, 1] and the rows sum to 1 or hold a fraction), `'counts'` or `'probabilities'`. */
  form?: RecordedAsForm;
  /** How far a row of probabilities may sum from 1 (rounding); such rows are rescaled to 1. A proportion below 0.1, default 0.005. */
  tolerance?: number;
}

/** The result of {@link reclassify}; `C` are the category names. */
export interface Reclassified<C extends string = string> {
  /**
   * The true count of each category: `value` the matrix-method solution of the point recording matrix
   * (constrained to counts >= 0 with the total preserved when it has a negative count, with a note),
   * `lower`/`upper` the Monte Carlo percentile interval (audit counts), or equal to `value` (exact
   * probabilities, method `'matrix-method'`).
   */
  true: Record<C, Interval>;
  /** The plain matrix-method solution of Pᵀ t = recorded for the point matrix (as R's `solve(t(P), recorded)`): may be negative. */
  unconstrained: Record<C, number>;
  /** The point recording matrix P: `matrix[trueCategory][recordedCategory]`, the share of true cases recorded so (rows sum to 1). */
  matrix: Record<C, Record<C, number>>;
  /**
   * For each true category, the probability that its cases are recorded as itself, in a form
   * `hiddenIncidence`'s `recording` accepts: `{ successes, trials }` from the audit counts, or the exact number.
   */
  recordedCorrectly: Record<C, UncertainProbability>;
  /** Share of Monte Carlo draws whose matrix-method solution had a negative count (with exact probabilities: 1 if the point solution did, else 0). */
  negativeShare: number;
  /** How `recordedAs` was read. */
  form: 'counts' | 'probabilities';
  /** The Dirichlet prior of the audit rows (audit counts only). */
  prior?: ReclassifyPrior;
  /** Monte Carlo draws made (0 for exact probabilities). */
  draws: number;
  /** Reciprocal condition number of the point matrix (1-norm): near 1 well determined, near 0 the true counts are fragile. */
  reciprocalCondition: number;
  /** Assumptions and caveats in plain words. */
  notes: string[];
}

/** Most categories: the constrained solve tries every support, 2^k - 1 of them, for each negative draw. */
const MAX_CATEGORIES = 8;
const BLOCK = 2048;

interface Parsed {
  names: string[];
  recorded: Float64Array;
  /** Row-major k x k: recordedAs[true][recorded] as given (counts or probabilities). */
  given: Float64Array;
  /** Row-major point matrix, rows summing to 1. */
  p: Float64Array;
  form: 'counts' | 'probabilities';
  rcond: number;
  notes: string[];
  options: { level: number; draws: number; seed: number; prior: ReclassifyPrior; tolerance: number };
}

const schema = /* @__PURE__ */ (() =>
  z.pipe(
    z.object({
      recorded: z.record(z.string(), count, { error: 'a record of recorded category to count, such as { stalking: 2706, harassment: 52000, other: 30000 }' }),
      recordedAs: z.record(z.string(), z.record(z.string(), count, { error: 'a record of recorded category to audit count or probability' }), {
        error: 'a record of true category to how its cases are recorded, such as { stalking: { stalking: 60, harassment: 35, other: 5 }, ... }',
      }),
      options: options({
        level: levelSchema,
        draws: drawsOption(),
        seed: seedSchema,
        prior: z._default(methodOf(['jeffreys', 'uniform']), 'jeffreys'),
        form: z._default(methodOf(['auto', 'counts', 'probabilities']), 'auto'),
        tolerance: z._default(count.check(z.refine((x) => x < 0.1, { error: 'a proportion from 0 to 0.1, such as 0.005' })), 0.005),
      }),
    }),
    z.transform((v, ctx): Parsed => {
      const push = (path: (string | number)[], message: string, input: unknown) => ctx.issues.push({ code: 'custom', path, message, input });
      const o = v.options;
      const names = Object.keys(v.recorded);
      const rows = Object.keys(v.recordedAs);
      let bad = false;
      if (names.length === 0) {
        push(['recorded'], 'at least one recorded category with its count', v.recorded);
        bad = true;
      }
      if (rows.length === 0) {
        push(['recordedAs'], 'a row for each recorded category: how its true cases are recorded', v.recordedAs);
        bad = true;
      }
      if (names.length > MAX_CATEGORIES) {
        push(['recorded'], `at most ${MAX_CATEGORIES} categories${HINT}merge small categories into 'other'`, v.recorded);
        bad = true;
      }
      // near the largest double the solve overflows (Infinity - Infinity: NaN counts)
      const total = names.reduce((sum, n) => sum + v.recorded[n]!, 0);
      if (!(total <= 2 ** 53)) {
        push(['recorded'], 'recorded counts adding to at most 2^53', v.recorded);
        bad = true;
      }
      if (bad) return z.NEVER;
      const list = names.map((n) => `'${n}'`).join(', ');
      for (const name of names) {
        if (!Object.hasOwn(v.recordedAs, name)) {
          push(['recordedAs', name], `a row for the true category '${name}' (every recorded category is also a true category: the matrix is square)`, undefined);
          bad = true;
        }
      }
      for (const row of rows) {
        if (!Object.hasOwn(v.recorded, row)) {
          push(['recordedAs', row], `a true category among the recorded categories (${list})${HINT}add '${row}' to recorded with its count (0 if none were recorded so), or remove the row`, v.recordedAs[row]);
          bad = true;
          continue;
        }
        const cells = v.recordedAs[row]!;
        for (const key of Object.keys(cells)) {
          if (!Object.hasOwn(v.recorded, key)) {
            push(['recordedAs', row, key], `a recorded category (one of ${list})`, cells[key]);
            bad = true;
          }
        }
        for (const name of names) {
          if (!Object.hasOwn(cells, name)) {
            push(['recordedAs', row, name], 'a count or probability for every recorded category (0 if none)', undefined);
            bad = true;
          }
        }
      }
      if (o.draws < fewestDraws(o.level)) {
        push(['options', 'draws'], tooFewDrawsRule(o.level), o.draws);
        bad = true;
      }
      if (bad) return z.NEVER;

      const k = names.length;
      const given = new Float64Array(k * k);
      names.forEach((t, i) => names.forEach((r, j) => (given[i * k + j] = v.recordedAs[t]![r]!)));
      const sums = names.map((_, i) => {
        let s = 0;
        for (let j = 0; j < k; j++) s += given[i * k + j]!;
        return s;
      });
      const nearOne = (s: number) => Math.abs(s - 1) <= o.tolerance + 1e-12;
      const nearHundred = (s: number) => Math.abs(s - 100) <= 100 * o.tolerance + 1e-10;
      let form: 'counts' | 'probabilities';
      if (o.form !== 'auto') form = o.form;
      else {
        const allUnit = given.every((x) => x <= 1);
        const anyFraction = given.some((x) => !Number.isInteger(x));
        form = allUnit && (anyFraction || sums.every(nearOne)) ? 'probabilities' : 'counts';
      }
      const notes: string[] = [];
      const p = new Float64Array(k * k);
      if (form === 'probabilities') {
        names.forEach((t, i) => {
          const s = sums[i]!;
          if (!nearOne(s)) {
            const hint = nearHundred(s) ? `${HINT}did you mean proportions? This row sums to ${sixDigits(s)}, like percentages: divide them by 100` : '';
            push(['recordedAs', t], `probabilities summing to 1 (within ${o.tolerance}); this row sums to ${sixDigits(s)}${hint}`, v.recordedAs[t]);
            bad = true;
            return;
          }
          for (let j = 0; j < k; j++) p[i * k + j] = given[i * k + j]! / s;
          if (Math.abs(s - 1) > 1e-12) notes.push(`recordedAs.${t} summed to ${sixDigits(s)} (rounding): rescaled to 1`);
        });
      } else {
        names.forEach((t, i) => {
          const s = sums[i]!;
          names.forEach((r, j) => {
            const x = given[i * k + j]!;
            if (!Number.isInteger(x)) {
              const hint = nearHundred(s)
                ? `${HINT}did you mean proportions? This row sums to ${sixDigits(s)}, like percentages: divide them by 100`
                : nearOne(s)
                  ? `${HINT}probabilities? every value must be in [0, 1] and every row sum to 1 (or pass form: 'probabilities')`
                  : '';
              push(['recordedAs', t, r], `a whole number (an audit count)${hint}`, x);
              bad = true;
            }
          });
          if (s === 0) {
            push(['recordedAs', t], 'an audit row with at least one case', v.recordedAs[t]);
            bad = true;
          }
          for (let j = 0; j < k; j++) p[i * k + j] = given[i * k + j]! / s;
        });
        if (!bad && k > 1 && sums.every((s) => s === 100)) {
          notes.push('every recordedAs row sums to exactly 100: read as audits of 100 cases each; if they are percentages, pass proportions (divide by 100)');
        }
      }
      if (bad) return z.NEVER;
      const condition = recordingCondition(p, k, names);
      if (condition.reason !== undefined) {
        push(['recordedAs'], `a recording matrix that can be inverted; ${condition.reason}${HINT}merge the categories that cannot be told apart, or audit more cases`, v.recordedAs);
        return z.NEVER;
      }
      const recorded = Float64Array.from(names, (n) => v.recorded[n]!);
      return { names, recorded, given, p, form, rcond: condition.rcond, notes, options: o };
    }),
  ))();

/** The matrix method's solution t of Pᵀ t = r into `out`; false if a pivot vanished. */
function solveTransposed(p: Float64Array, r: Float64Array, k: number, a: Float64Array, out: Float64Array): boolean {
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) a[j * k + i] = p[i * k + j]!;
  out.set(r);
  return solveInPlace(a, out, k);
}

const pct = (x: number) => `${Number.parseFloat((100 * x).toPrecision(3))}%`;

/**
 * True counts by category from counts by recorded category, when cases of one kind are recorded as
 * another (stalking recorded as harassment): the **matrix method** (misclassification correction;
 * Barron 1977, Kuha & Skinner 1997). With P the recording matrix (P[true][recorded], each row the shares
 * of a true category's cases recorded as each category, from a case audit), the recorded counts are
 * r = Pᵀt, so the true counts are t = solve(Pᵀ, r), as R's `solve(t(P), recorded)`.
 *
 * `recordedAs` gives each row as audit counts (whole numbers: cases of that true category, by how they
 * were recorded) or exact probabilities (rows summing to 1 within `tolerance`, default 0.005; such rows are
 * rescaled to 1). With counts, P is uncertain: each row is drawn from its Dirichlet posterior,
 * Dirichlet(count + 1/2) under the Jeffreys prior (default; `prior: 'uniform'` gives count + 1), and each
 * draw solved, `draws` times (default 100,000, seeded); the intervals are percentile intervals of the draws.
 * The recorded counts are taken as exact (a full count of records). A draw whose solution has a negative
 * count is replaced by the nearest non-negative counts with the same total (least squares on the scaled
 * simplex, min ‖Pᵀt - r‖² with t >= 0 and sum(t) = sum(r)); `negativeShare` and a note report how often.
 * The point value is the solution for P = counts / row total, constrained the same way if negative.
 *
 * Up to 8 categories. The matrix method assumes the audits represent the cases counted (the same recording pattern locally
 * as in the audited sample) and that every recorded case belongs to one of the categories. A singular or
 * nearly singular P (reciprocal condition number below 1e-10) is an `InputError` saying why: a recorded
 * category no true category is ever recorded as, two true categories recorded alike, or rows that are a
 * mixture of one another.
 *
 * `recordedCorrectly[c]` is the probability that a true `c` case is recorded as `c`, as `{ successes,
 * trials }` (or the exact number) ready for `hiddenIncidence`'s `recording` option.
 *
 * @param recorded - counts by recorded category
 * @param recordedAs - for each true category, how its cases are recorded: `{ [recorded category]: count or probability }`
 * @param options - `level`, `draws`, `seed`, `prior`, `form`, `tolerance`
 *
 * @example
 * ```ts
 * import { reclassify } from 'darkfigure/models';
 * const result = reclassify(
 *   { stalking: 2706, harassment: 52000, other: 30000 },
 *   {
 *     // ASSUMED audit: of 100 true stalking cases, 60 were recorded as stalking, 35 as harassment, 5 as other
 *     stalking: { stalking: 60, harassment: 35, other: 5 },
 *     harassment: { stalking: 2, harassment: 180, other: 18 },
 *     other: { stalking: 0, harassment: 6, other: 194 },
 *   },
 *   { draws: 10000 },
 * );
 * console.log(Math.round(result.true.stalking.value)); // 3584 (recorded: 2706)
 * console.log(result.recordedCorrectly.stalking); // { successes: 60, trials: 100 }
 * ```
 */
export function reclassify<C extends string>(
  recorded: Readonly<Record<C, number>>,
  recordedAs: Readonly<Record<NoInfer<C>, Readonly<Record<NoInfer<C>, number>>>>,
  options?: ReclassifyOptions,
): Reclassified<C> {
  refuseReservedKey('reclassify', ['recorded'], recorded);
  refuseReservedKey('reclassify', ['recordedAs'], recordedAs);
  if (recordedAs !== null && typeof recordedAs === 'object') {
    for (const [key, row] of Object.entries(recordedAs as Record<string, unknown>)) refuseReservedKey('reclassify', ['recordedAs', key], row);
  }
  const v = validate('reclassify', schema, { recorded, recordedAs, options });
  const { names, recorded: r, given, p, form, rcond, options: o } = v;
  const k = names.length;
  const notes = [...v.notes];
  let total = 0;
  for (let j = 0; j < k; j++) total += r[j]!;

  // the point solution
  const a = new Float64Array(k * k);
  const plain = new Float64Array(k);
  solveTransposed(p, r, k, a, plain);
  const point = plain.slice();
  const pointNegative = !plain.every((x) => x >= 0);
  if (pointNegative) {
    simplexLeastSquares(p, r, total, k, point);
    notes.push(
      `the matrix-method solution for the point matrix has a negative count (${names.map((n, j) => `${n} ${sixDigits(plain[j]!)}`).join(', ')}): the values are the nearest non-negative counts with the same total (least squares on the simplex); see unconstrained`,
    );
  }
  if (rcond < 1e-3) notes.push(`the recording matrix is ill-conditioned (reciprocal condition number ${sixDigits(rcond)}): small changes in the counts or the audit move the true counts a great deal`);
  for (let i = 0; i < k; i++) {
    if (p[i * k + i] === 0) notes.push(`true '${names[i]}' cases are never recorded as '${names[i]}' in recordedAs: that count rests wholly on how they spill into other categories`);
  }

  const level = o.level;
  const trueIntervals: Record<string, Interval> = {};
  let negativeShare = pointNegative ? 1 : 0;
  let draws = 0;
  if (form === 'probabilities') {
    notes.push('recordedAs read as exact probabilities and the recorded counts as exact: nothing uncertain to propagate, so each interval is its value');
    if (options?.draws !== undefined || options?.prior !== undefined) notes.push('draws and prior unused: they apply to audit counts only');
    names.forEach((n, j) => (trueIntervals[n] = interval(point[j]!, point[j]!, point[j]!, level, 'matrix-method', { notes: [...notes] })));
  } else {
    draws = o.draws;
    const out = names.map(() => new Float64Array(draws));
    const negatives = monteCarlo(given, r, total, k, o.prior === 'jeffreys' ? 0.5 : 1, draws, o.seed, out);
    negativeShare = negatives / draws;
    notes.push(
      `recordedAs read as audit counts (${names.map((n, i) => `${rowTotal(given, i, k)} ${n}`).join(', ')} cases); each row drawn from its Dirichlet(count + ${o.prior === 'jeffreys' ? '1/2' : '1'}) posterior (${o.prior === 'jeffreys' ? 'Jeffreys' : 'uniform'} prior), ${draws} draws, seed ${o.seed}; the recorded counts taken as exact`,
    );
    if (negatives > 0) {
      notes.push(
        `${negatives} of ${draws} draws (${pct(negativeShare)}) gave a negative true count: for them the counts are the nearest non-negative counts with the same total (least squares on the simplex, min ||P't - recorded||^2 with t >= 0 and sum(t) = sum(recorded))`,
      );
    }
    names.forEach((n, j) => {
      const [lower, upper] = percentileInterval(out[j]!, level);
      const outside = outsideIntervalNote(point[j]!, lower, upper);
      trueIntervals[n] = interval(point[j]!, lower, upper, level, 'monte-carlo', { notes: outside === undefined ? [...notes] : [...notes, outside] });
    });
  }

  const recordedCorrectly: Record<string, UncertainProbability> = {};
  const matrix: Record<string, Record<string, number>> = {};
  const unconstrained: Record<string, number> = {};
  names.forEach((n, i) => {
    recordedCorrectly[n] = form === 'counts' ? { successes: given[i * k + i]!, trials: rowTotal(given, i, k) } : p[i * k + i]!;
    matrix[n] = Object.fromEntries(names.map((m, j) => [m, p[i * k + j]!]));
    unconstrained[n] = plain[i]!;
  });
  const result: Reclassified = {
    true: trueIntervals,
    unconstrained,
    matrix,
    recordedCorrectly,
    negativeShare,
    form,
    draws,
    reciprocalCondition: rcond,
    notes,
  };
  if (form === 'counts') result.prior = o.prior;
  return result as Reclassified<C>;
}

function rowTotal(given: Float64Array, i: number, k: number): number {
  let s = 0;
  for (let j = 0; j < k; j++) s += given[i * k + j]!;
  return s;
}

/**
 * The Monte Carlo kernel: `n` draws of the recording matrix (row i from Dirichlet(given_i + add), by
 * Gamma draws from stream i, in blocks), each solved; the true counts of draw d written to out[j][d].
 * Returns the number of draws whose plain solution had a negative count (those are constrained).
 */
function monteCarlo(given: Float64Array, r: Float64Array, total: number, k: number, add: number, n: number, seed: number, out: Float64Array[]): number {
  const rngs = streamSeeds(seed, k).map((s) => createGenerator(s));
  const k2 = k * k;
  const gam = new Float64Array(k2 * BLOCK);
  const views = Array.from({ length: k2 }, (_, c) => gam.subarray(c * BLOCK, (c + 1) * BLOCK));
  const pd = new Float64Array(k2);
  const a = new Float64Array(k2);
  const t = new Float64Array(k);
  let negatives = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const m = Math.min(BLOCK, n - start);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        const c = i * k + j;
        const view = m === BLOCK ? views[c]! : views[c]!.subarray(0, m);
        const shape = given[c]! + add;
        if (shape === 0.5) {
          // Gamma(1/2) = Gamma(3/2) (1 - U)^2 (Marsaglia & Tsang's boost U^(1/shape), here a square: no log or exp)
          const rng = rngs[i]!;
          fillGamma(rng, 1.5, view);
          for (let d = 0; d < m; d++) {
            const u = 1 - rng.next();
            view[d] = view[d]! * (u * u);
          }
        } else fillGamma(rngs[i]!, shape, view);
      }
    }
    if (k === 3) {
      negatives += solveThree(gam, r, total, m, start, out, pd);
      continue;
    }
    for (let d = 0; d < m; d++) {
      for (let i = 0; i < k; i++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += gam[(i * k + j) * BLOCK + d]!;
        const inv = 1 / s;
        for (let j = 0; j < k; j++) {
          const x = gam[(i * k + j) * BLOCK + d]! * inv;
          pd[i * k + j] = x;
          a[j * k + i] = x;
        }
      }
      t.set(r);
      const solved = solveInPlace(a, t, k);
      let ok = solved;
      for (let j = 0; j < k; j++) if (!(t[j]! >= 0)) ok = false;
      if (!ok) {
        negatives++;
        simplexLeastSquares(pd, r, total, k, t);
      }
      for (let j = 0; j < k; j++) out[j]![start + d] = t[j]!;
    }
  }
  return negatives;
}

/**
 * The draws of one block for three categories, by Cramer's rule on the unnormalised Gamma rows g_i = s_i p_i:
 * t_i = s_i (r . c_i) / (g_0 . c_0) with c_0 = g_1 x g_2, c_1 = g_2 x g_0, c_2 = g_0 x g_1 (the rows' sums s_i
 * cancel the normalisation). Branch-light; a draw with a negative (or non-finite) count is normalised and
 * constrained. Returns the number of such draws.
 */
function solveThree(gam: Float64Array, r: Float64Array, total: number, m: number, start: number, out: Float64Array[], pd: Float64Array): number {
  const B = BLOCK;
  const r0 = r[0]!;
  const r1 = r[1]!;
  const r2 = r[2]!;
  const o0 = out[0]!;
  const o1 = out[1]!;
  const o2 = out[2]!;
  const t = new Float64Array(3);
  let negatives = 0;
  for (let d = 0; d < m; d++) {
    const a0 = gam[d]!, a1 = gam[B + d]!, a2 = gam[2 * B + d]!;
    const b0 = gam[3 * B + d]!, b1 = gam[4 * B + d]!, b2 = gam[5 * B + d]!;
    const e0 = gam[6 * B + d]!, e1 = gam[7 * B + d]!, e2 = gam[8 * B + d]!;
    // c0 = b x e, c1 = e x a, c2 = a x b
    const c00 = b1 * e2 - b2 * e1, c01 = b2 * e0 - b0 * e2, c02 = b0 * e1 - b1 * e0;
    const c10 = e1 * a2 - e2 * a1, c11 = e2 * a0 - e0 * a2, c12 = e0 * a1 - e1 * a0;
    const c20 = a1 * b2 - a2 * b1, c21 = a2 * b0 - a0 * b2, c22 = a0 * b1 - a1 * b0;
    const inv = 1 / (a0 * c00 + a1 * c01 + a2 * c02);
    const t0 = (a0 + a1 + a2) * (r0 * c00 + r1 * c01 + r2 * c02) * inv;
    const t1 = (b0 + b1 + b2) * (r0 * c10 + r1 * c11 + r2 * c12) * inv;
    const t2 = (e0 + e1 + e2) * (r0 * c20 + r1 * c21 + r2 * c22) * inv;
    const j = start + d;
    if (t0 >= 0 && t1 >= 0 && t2 >= 0 && t0 + t1 + t2 < Infinity) {
      o0[j] = t0;
      o1[j] = t1;
      o2[j] = t2;
      continue;
    }
    negatives++;
    const sa = 1 / (a0 + a1 + a2), sb = 1 / (b0 + b1 + b2), se = 1 / (e0 + e1 + e2);
    pd[0] = a0 * sa; pd[1] = a1 * sa; pd[2] = a2 * sa;
    pd[3] = b0 * sb; pd[4] = b1 * sb; pd[5] = b2 * sb;
    pd[6] = e0 * se; pd[7] = e1 * se; pd[8] = e2 * se;
    t[0] = t0;
    t[1] = t1;
    t[2] = t2;
    simplexLeastSquares(pd, r, total, 3, t);
    o0[j] = t[0]!;
    o1[j] = t[1]!;
    o2[j] = t[2]!;
  }
  return negatives;
}
