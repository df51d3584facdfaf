import * as z from 'zod/mini';
import { fail } from '../../core/InputError';
import { interval, type Interval } from '../../core/interval';
import { level as levelSchema, methodOf, seed as seedSchema } from '../../core/schemas';
import { validate } from '../../core/validate';
import { twoSidedZ } from '../../intervals/kernels/twoSidedZ';
import { fewestDraws, tooFewDrawsRule } from '../../montecarlo/fewestDraws';
import { createGenerator } from '../../random/generator';
import { sampleBinomial } from '../../random/sampleBinomial';
import { exp } from '../../special/elementary/exp';
import { bcaInterval } from './bcaInterval';
import { captureTable, type CaptureCounts, type CaptureTable } from './captureTable';
import { loglinearFit } from './loglinearFit';
import { mseCells } from './mseCells';
import type { MseModel } from './mseModel';
import { multinomialProfile } from './multinomialProfile';
import { selectModel, type Selection } from './selectModel';

/** How {@link multipleSystems} chooses its model. */
export type MultipleSystemsModel = 'stepwise' | 'independence' | 'best' | { interactions: [string, string][] };

/** Interval methods of {@link multipleSystems}. */
export type MultipleSystemsInterval = 'wald-log' | 'profile' | 'bootstrap';

/** Options of {@link multipleSystems}. */
export interface MultipleSystemsOptions {
  /** List names, one per character of a history (default A, B, C, ... for a record; the row keys for rows). */
  lists?: string[];
  /** `'stepwise'` (default), `'independence'`, `'best'` or `{ interactions: [['police', 'helpline'], ...] }`. */
  model?: MultipleSystemsModel;
  /** Stepwise: add interactions while their p-value is below this; default 0.02 (SparseMSE). */
  threshold?: number;
  /** Best: `'aic'` (default) or `'bic'`. */
  criterion?: 'aic' | 'bic';
  /** Best: the most interactions in a model considered; default 2. */
  maxInteractions?: number;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** `'wald-log'` (default, as SparseMSE), `'profile'` or `'bootstrap'` (includes the model selection). */
  interval?: MultipleSystemsInterval;
  /** Bootstrap resamples; default 1000. */
  draws?: number;
  /** Seed of the bootstrap; default 42. */
  seed?: number;
}

/** One model considered by {@link multipleSystems}. */
export interface MultipleSystemsCandidate {
  interactions: [string, string][];
  /** Stepwise: the step at which this model was a candidate, and the p-value of the interaction it adds. */
  step?: number;
  pValue?: number;
  /** Its estimate of the hidden count, deviance, AIC and BIC, where it was fitted and has an estimate. */
  hidden?: number;
  deviance?: number;
  aic?: number;
  bic?: number;
  /** Why it gives no estimate. */
  refused?: string;
  chosen: boolean;
}

/** The result of {@link multipleSystems}. */
export interface MultipleSystems {
  /** The population: people on at least one list plus those on none. */
  total: Interval;
  /** The people on no list. */
  hidden: Interval;
  observed: number;
  model: {
    interactions: [string, string][];
    /** Interactions between lists with no one in common (their cells left out, as SparseMSE). */
    emptyOverlaps: [string, string][];
    deviance: number;
    dfResidual: number;
    aic: number;
    bic: number;
  };
  candidates: MultipleSystemsCandidate[];
  notes: string[];
}

const listName = z.string({ error: 'a list name (a string)' });
const schema = /* @__PURE__ */ (() =>
  z.object({
    counts: z.unknown(),
    options: z.prefault(
      z
        .strictObject({
          lists: z.optional(z.array(listName, { error: 'an array of list names' })),
          model: z._default(
            z.union(
              [
                methodOf(['stepwise', 'independence', 'best']),
                z.strictObject({ interactions: z.array(z.tuple([listName, listName]), { error: "pairs of list names, e.g. [['police', 'helpline']]" }) }),
              ],
              { error: "'stepwise', 'independence', 'best' or { interactions: [['A', 'B'], ...] }" },
            ),
            'stepwise',
          ),
          threshold: z._default(z.number({ error: 'a p-value threshold in (0, 1)' }).check(z.refine((x) => x > 0 && x < 1, { error: 'a p-value threshold in (0, 1)' })), 0.02),
          criterion: z._default(methodOf(['aic', 'bic']), 'aic'),
          maxInteractions: z._default(
            z.number({ error: 'a whole number from 0 to 6' }).check(z.refine((x) => Number.isInteger(x) && x >= 0 && x <= 6, { error: 'a whole number from 0 to 6' })),
            2,
          ),
          level: levelSchema,
          interval: z._default(methodOf(['wald-log', 'profile', 'bootstrap']), 'wald-log'),
          draws: z._default(z.number({ error: 'a whole number of resamples' }).check(z.refine((x) => Number.isInteger(x) && x >= 1 && x <= 1e6, { error: 'a whole number of resamples from 1 to 1,000,000' })), 1000),
          seed: seedSchema,
        })
        .check((ctx) => {
          const o = ctx.value;
          if (o.interval === 'bootstrap' && o.draws < fewestDraws(o.level)) ctx.issues.push({ code: 'custom', path: ['draws'], input: o.draws, message: tooFewDrawsRule(o.level) });
        }),
      {} as never,
    ),
  }))();

function selectionOf(o: { model: MultipleSystemsModel; threshold: number; criterion: 'aic' | 'bic'; maxInteractions: number }, table: CaptureTable): Selection {
  if (o.model === 'stepwise') return { kind: 'stepwise', threshold: o.threshold };
  if (o.model === 'independence') return { kind: 'independence' };
  if (o.model === 'best') return { kind: 'best', criterion: o.criterion, maxInteractions: o.maxInteractions };
  const seen = new Set<string>();
  const pairs = o.model.interactions.map(([a, b], i): [number, number] => {
    const x = table.lists.indexOf(a);
    const y = table.lists.indexOf(b);
    const path = ['model', 'interactions', i];
    if (x < 0 || y < 0) fail('multipleSystems', path, `two of the lists (${table.lists.join(', ')})`, [a, b]);
    if (x === y) fail('multipleSystems', path, 'two different lists', [a, b]);
    const pair: [number, number] = x < y ? [x, y] : [y, x];
    if (seen.has(`${pair[0]}-${pair[1]}`)) fail('multipleSystems', path, 'each interaction once', [a, b]);
    seen.add(`${pair[0]}-${pair[1]}`);
    return pair;
  });
  return { kind: 'fixed', pairs };
}

/** Resample the observed table (multinomial, n fixed) with the library's seeded generator. */
function resample(table: CaptureTable, rng: ReturnType<typeof createGenerator>): CaptureTable {
  let left = table.observed;
  let mass = 1;
  const cells = table.cells.map((cell) => {
    const p = cell.count / table.observed;
    const draw = left > 0 && p > 0 ? (p >= mass ? left : sampleBinomial(rng, left, Math.min(1, p / mass))) : 0;
    left -= draw;
    mass -= p;
    return { history: cell.history, count: draw };
  });
  return { lists: table.lists, cells, observed: table.observed };
}

/**
 * The size of a hidden population from three or more overlapping lists (multiple systems estimation):
 * how many people no list knows, from how the lists overlap. Log-linear models of the table of capture
 * histories (Fienberg 1972; Cormack 1989; Bishop, Fienberg and Holland 1975): main effects for every list and
 * chosen two-way interactions (list dependence), fitted as Poisson regressions; the hidden count is the
 * fitted count of the history on no list. Model choice as SparseMSE (Chan, Silverman and Vincent 2021):
 * stepwise forward selection of interactions by a Poisson test of each pair's overlap (default threshold
 * 0.02), independence, the best model by AIC or BIC with up to `maxInteractions` interactions, or interactions
 * you give. Interactions between lists with no one in common leave those cells out (as SparseMSE); a model
 * whose estimate does not exist (aliased columns, or the maximum at infinity) is never chosen, and is an
 * InputError when you ask for it. Intervals: `'wald-log'` (default, as SparseMSE: observed + exp(intercept ±
 * z se)), `'profile'` (the multinomial profile likelihood of the population size, as Rcapture's
 * `closedpCI.t`; Cormack 1992) or `'bootstrap'` (resamples of the observed table with the model selection
 * re-run each time, BCa limits as SparseMSE's `estimatepopulation`; Silverman 2020), which alone reflects the
 * uncertainty of choosing the model: the fixed-model intervals are too narrow after a selection.
 *
 * Assumptions: a closed population (no one joins or leaves over the period), people matched without error
 * between lists, and list dependence captured by the interactions in the model (unobserved heterogeneity can
 * still bias the estimate).
 *
 * @param counts - a record of capture history to count (`{ '101': 12, ... }`, one character per list; missing
 *   histories are 0) or rows `{ [list]: 0 | 1, count }`
 * @param options - `lists`, `model`, `threshold`, `criterion`, `maxInteractions`, `level`, `interval`, `draws`, `seed`
 *
 * @example
 * ```ts
 * import { multipleSystems } from 'darkfigure/models';
 * // victims known to the police (P), a helpline (H) and an advocacy service (A): ILLUSTRATIVE numbers
 * const counts = { '100': 300, '010': 220, '001': 140, '110': 60, '101': 45, '011': 30, '111': 12 };
 * const result = multipleSystems(counts, { lists: ['police', 'helpline', 'advocacy'] });
 * console.log(result.observed, Math.round(result.hidden.value)); // 807 and the victims no service knows
 * ```
 */
export function multipleSystems(counts: CaptureCounts, options?: MultipleSystemsOptions): MultipleSystems {
  const input = validate('multipleSystems', schema, { counts, options });
  const o = input.options as typeof input.options & { model: MultipleSystemsModel };
  const table = captureTable('multipleSystems', input.counts, o.lists, 3, 10);
  if (o.model === 'best') {
    const pairs = (table.lists.length * (table.lists.length - 1)) / 2;
    let models = 0;
    for (let i = 0, c = 1; i <= o.maxInteractions; i++) {
      models += c;
      c = (c * (pairs - i)) / (i + 1);
    }
    if (models > 5000) {
      fail('multipleSystems', ['maxInteractions'], `a number of interactions that keeps the models compared to at most 5,000 (with ${table.lists.length} lists, ${o.maxInteractions} gives ${Math.round(models).toLocaleString('en-GB')})`, o.maxInteractions, "use model 'stepwise' for many lists");
    }
  }
  const selection = selectionOf(o, table);
  const { chosen, considered } = selectModel(table, selection);
  const name = (pairs: readonly [number, number][]): [string, string][] => pairs.map(([i, j]) => [table.lists[i]!, table.lists[j]!]);
  if (!chosen) {
    const refused = considered.find((c) => c.refused)?.refused ?? 'no model has an estimate';
    if (selection.kind === 'fixed') {
      fail('multipleSystems', ['model', 'interactions'], `a model whose estimate exists: this one is ${refused}`, o.model, 'drop an interaction, e.g. one between lists with few people in common');
    }
    fail('multipleSystems', ['counts'], `a table with a model that has an estimate: ${refused}`, counts);
  }
  const notes: string[] = [];
  const z = twoSidedZ(o.level);
  const fit = chosen.fit;
  const hidden = chosen.hidden;
  const observed = table.observed;
  const se = fit.interceptStandardError;
  let lower: number;
  let upper: number;
  let method: string;
  if (o.interval === 'wald-log') {
    lower = observed + exp(fit.intercept - z * se);
    upper = observed + exp(fit.intercept + z * se);
    method = 'wald-log';
  } else if (o.interval === 'profile') {
    const k = table.lists.length + chosen.pairs.length - chosen.emptyPairs.length;
    const profile = multinomialProfile((n0) => loglinearFit(mseCells(table, chosen.pairs, n0), k).deviance, observed, hidden, z);
    lower = profile.lower;
    upper = profile.upper;
    notes.push(...profile.notes);
    method = 'profile';
  } else {
    const rng = createGenerator(o.seed);
    const estimateOf = (t: CaptureTable): number => {
      const m = selectModel(t, selection).chosen;
      return m ? t.observed + m.hidden : Infinity;
    };
    const replicates = new Float64Array(o.draws);
    let failed = 0;
    for (let b = 0; b < o.draws; b++) {
      replicates[b] = estimateOf(resample(table, rng));
      if (replicates[b] === Infinity) failed++;
    }
    const jackknife: number[] = [];
    const weights: number[] = [];
    table.cells.forEach((cell, c) => {
      if (cell.count === 0) return;
      const cells = table.cells.map((x, i) => (i === c ? { history: x.history, count: x.count - 1 } : x));
      jackknife.push(estimateOf({ lists: table.lists, cells, observed: observed - 1 }) + 1);
      weights.push(cell.count);
    });
    const bca = bcaInterval(replicates, observed + hidden, jackknife, weights, o.level);
    [lower, upper] = bca.limits;
    notes.push(...bca.notes);
    if (failed / o.draws > (1 - o.level) / 2) upper = Infinity;
    if (upper === Infinity) notes.push('the upper limit is unbounded: more resamples than the tail area had no finite estimate');
    if (failed > 0) notes.push(`${failed} of ${o.draws} resamples had no model with an estimate (counted as infinite)`);
    notes.push(`bootstrap: ${o.draws} resamples of the observed table with the model selection re-run on each, BCa limits (seed ${o.seed})`);
    method = 'bootstrap-bca';
  }
  if (chosen.emptyPairs.length > 0) {
    notes.push(
      `the model includes interactions between lists with no one in common (${name(chosen.emptyPairs)
        .map((p) => p.join(':'))
        .join(', ')}): those cells are left out, as SparseMSE does`,
    );
  }
  if (selection.kind !== 'fixed' && selection.kind !== 'independence' && o.interval !== 'bootstrap') {
    notes.push("the interval does not include the uncertainty of choosing the model, so it is too narrow: interval 'bootstrap' includes it");
  }
  const common = { standardError: exp(fit.intercept) * se, notes };
  const candidates: MultipleSystemsCandidate[] = considered.map((c) => {
    const row: MultipleSystemsCandidate = { interactions: name(c.pairs), chosen: c.model === chosen };
    if (c.step !== undefined) row.step = c.step;
    if (c.pValue !== undefined) row.pValue = c.pValue;
    const m: MseModel | undefined = c.model;
    if (m && !m.refused) Object.assign(row, { hidden: m.hidden, deviance: m.fit.deviance, aic: m.aic, bic: m.bic });
    if (c.refused) row.refused = c.refused;
    return row;
  });
  return {
    total: interval(observed + hidden, lower, upper, o.level, method, common),
    hidden: interval(hidden, lower - observed, upper - observed, o.level, method, common),
    observed,
    model: {
      interactions: name(chosen.pairs),
      emptyOverlaps: name(chosen.emptyPairs),
      deviance: fit.deviance,
      dfResidual: fit.dfResidual,
      aic: chosen.aic,
      bic: chosen.bic,
    },
    candidates,
    notes,
  };
}
