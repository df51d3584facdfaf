import * as z from 'zod/mini';
import { interval, type Interval } from '../../core/interval';
import { level as levelSchema } from '../../core/schemas';
import { validate } from '../../core/validate';
import { twoSidedZ } from '../../intervals/kernels/twoSidedZ';
import { exp } from '../../special/elementary/exp';
import { log } from '../../special/elementary/log';
import { captureTable, type CaptureCounts } from './captureTable';
import { closedFit } from './closedFit';
import { estimateExists } from './estimateExists';
import { closedModelDesigns } from './heterogeneityModels';
import { multinomialProfile } from './multinomialProfile';

/** Options of {@link closedPopulation}. */
export interface ClosedPopulationOptions {
  /** List names, one per character of a history (default A, B, C, ...; the row keys for rows). */
  lists?: string[];
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
}

/** One row of the {@link closedPopulation} table. */
export interface ClosedPopulationModel {
  /** `'M0'`, `'Mt'`, `'Mh Chao (LB)'`, `'Mh Poisson2'`, `'Mh Darroch'`, `'Mh Gamma3.5'`, and the same for `'Mth'`. */
  model: string;
  /** The population size (Poisson estimate n + exp(intercept), Rcapture's abundance and standard error) with a profile-likelihood interval. */
  total: Interval;
  deviance: number;
  df: number;
  aic: number;
  bic: number;
  /** The smallest BIC of the table. */
  best: boolean;
  /** Doubts about the fit (Rcapture's `infoFit`): large asymptotic bias, rank deficiency, no convergence, Chao's removed etas. */
  notes: string[];
}

/** The result of {@link closedPopulation}. */
export interface ClosedPopulation {
  models: ClosedPopulationModel[];
  observed: number;
  /** The model with the smallest BIC among those with an estimate (null when none has one). */
  best: string | null;
  notes: string[];
}

const schema = /* @__PURE__ */ (() =>
  z.object({
    counts: z.unknown(),
    options: z.prefault(z.strictObject({ lists: z.optional(z.array(z.string({ error: 'a list name' }), { error: 'an array of list names' })), level: levelSchema }), {} as never),
  }))();

/**
 * The closed-population models users of Rcapture's `closedp.t` rely on (Rivest and Baillargeon 2007): M0
 * (every list catches alike), Mt (each list its own rate), and with 3 or more lists Mh and Mth, which let
 * people differ in how catchable they are (heterogeneity) by Chao's lower bound, Poisson2, Darroch or
 * Gamma3.5 (Rivest and Lévesque 2001). Each is a Poisson log-linear model of the capture histories; the
 * population is n + exp(intercept) with Rcapture's standard error √(e^b₀ + e^{2b₀} Var b₀), and a profile-
 * likelihood interval from the multinomial likelihood (Cormack 1992, as `closedpCI.t`). Deviance, df, AIC and
 * BIC as Rcapture (BIC with log of the number observed); the smallest BIC is marked `best`. Notes give
 * Rcapture's fit warnings: the asymptotic bias above a tenth of the estimate, a design not of full rank,
 * no convergence, fitted counts of 0, and for Chao the eta terms removed because their estimate was negative.
 *
 * @param counts - a record of capture history to count, or rows `{ [list]: 0 | 1, count }`
 * @param options - `lists`, `level`
 *
 * @example
 * ```ts
 * import { closedPopulation } from 'darkfigure/models';
 * const counts = { '100': 300, '010': 220, '001': 140, '110': 60, '101': 45, '011': 30, '111': 12 }; // ILLUSTRATIVE
 * const table = closedPopulation(counts, { lists: ['police', 'helpline', 'advocacy'] });
 * console.log(table.best, table.models.length); // the model with the smallest BIC, and 10 rows
 * ```
 */
export function closedPopulation(counts: CaptureCounts, options?: ClosedPopulationOptions): ClosedPopulation {
  const input = validate('closedPopulation', schema, { counts, options });
  const { level } = input.options;
  const table = captureTable('closedPopulation', input.counts, input.options.lists, 2, 10);
  const n = table.observed;
  const z = twoSidedZ(level);
  const notes: string[] = [];
  if (table.lists.length < 3) notes.push('with two lists only M0 and Mt can be fitted: heterogeneity models need 3 or more lists');
  const rows: (ClosedPopulationModel & { exists: boolean })[] = closedModelDesigns(table.lists.length).map((design) => {
    const { fit, removed, kept, cells } = closedFit(table, design);
    const rowNotes: string[] = [];
    const hidden = exp(fit.intercept);
    const variance = fit.interceptStandardError * fit.interceptStandardError;
    const standardError = Math.sqrt(hidden + hidden * hidden * variance);
    if (removed.length > 0) rowNotes.push(`Chao's eta term${removed.length > 1 ? 's' : ''} ${removed.map((j) => `eta${j}`).join(', ')} removed: ${removed.length > 1 ? 'their estimates were' : 'its estimate was'} negative (as Rcapture)`);
    if (fit.aliased.some((a) => a)) rowNotes.push('the design is not of full rank: a term is aliased and dropped');
    if (!fit.converged) rowNotes.push('the fit did not converge');
    if (fit.smallestFitted < 10 * 2.220446049250313e-16) rowNotes.push('fitted counts numerically 0 occurred');
    // Rcapture's asymptotic bias of N: ½ e^b0 (-V ψ)[0], ψ = -2 Xᵀ diag(μ) ξ (ψ[0] -= 1), ξ = -½ diag(X V Xᵀ)
    const columns = [0, ...kept.map((_, i) => i + 1).filter((i) => !fit.aliased[i - 1])];
    const p = columns.length;
    const V = fit.covariance;
    const xOf = (c: number) => [1, ...cells[c]!.covariates.filter((_, i) => !fit.aliased[i])];
    const psi = new Float64Array(p);
    cells.forEach((_, c) => {
      const x = xOf(c);
      let q = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) q += x[a]! * V[a * p + b]! * x[b]!;
      const xi = -q / 2;
      for (let a = 0; a < p; a++) psi[a] = psi[a]! - 2 * x[a]! * fit.fitted[c]! * xi;
    });
    psi[0] = psi[0]! - 1;
    let vpsi = 0;
    for (let b = 0; b < p; b++) vpsi -= V[b]! * psi[b]!;
    const bias = (hidden * vpsi) / 2;
    if (Math.abs(bias) > 0.1 * (n + hidden)) rowNotes.push(`the asymptotic bias is large (${Math.round(bias)}, more than a tenth of the estimate)`);
    // no strictly positive table fits the margins (Fienberg and Rinaldo 2012): the maximum is on the boundary.
    // Where the hidden count runs off (beyond a million times the observed) there is no finite estimate;
    // otherwise the estimate is the boundary's (some fitted counts 0), finite but with unreliable precision.
    const interior = estimateExists(cells);
    const exists = Number.isFinite(hidden) && (interior || hidden < 1e6 * n);
    if (!exists) {
      rowNotes.push('the estimate does not exist: the likelihood is largest with an unbounded population (no finite maximum; Fienberg and Rinaldo 2012)');
    } else if (!interior) {
      rowNotes.push('the maximum likelihood lies on the boundary of the model (some fitted counts are 0): the estimate is finite, but its standard error and interval are unreliable');
    }
    const profile = exists ? multinomialProfile((n0) => closedFit(table, design, n0).fit.deviance, n, hidden, z) : { lower: n, upper: Infinity, notes: [] };
    rowNotes.push(...profile.notes);
    return {
      model: design.name,
      exists,
      // the row's notes on the interval too: they say why a value or limit is unbounded
      total: interval(exists ? n + hidden : Infinity, profile.lower, profile.upper, level, 'profile', { standardError: exists ? standardError : Infinity, notes: [...rowNotes] }),
      deviance: fit.deviance,
      df: fit.dfResidual,
      aic: -2 * fit.logLik + 2 * fit.rank,
      bic: -2 * fit.logLik + log(n) * fit.rank,
      best: false,
      notes: rowNotes,
    };
  });
  let best: (typeof rows)[number] | undefined;
  for (const row of rows) if (row.exists && (best === undefined || row.bic < best.bic)) best = row;
  if (best) best.best = true;
  else notes.push('no model has a finite estimate: the lists overlap too little to bound the population');
  return { models: rows.map(({ exists: _, ...row }) => row), observed: n, best: best?.model ?? null, notes };
}
