import { gammaP } from '../../special/gammaP';
import { poissonCdf } from '../../special/poissonCdf';
import type { CaptureTable } from './captureTable';
import { mseModel, type MseModel } from './mseModel';
import { overlap } from './overlap';

/** How {@link selectModel} chooses: SparseMSE's stepwise, independence, best by a criterion, or given pairs. @internal */
export type Selection =
  | { kind: 'stepwise'; threshold: number }
  | { kind: 'independence' }
  | { kind: 'best'; criterion: 'aic' | 'bic'; maxInteractions: number }
  | { kind: 'fixed'; pairs: [number, number][] };

/** One model considered by a selection. @internal */
export interface Considered {
  pairs: [number, number][];
  /** The step of a stepwise selection at which it was a candidate (0: the independence model). */
  step?: number;
  /** The stepwise p-value of its added pair. */
  pValue?: number;
  model?: MseModel;
  refused?: string;
}

const key = (pairs: readonly [number, number][]) => pairs.map(([i, j]) => `${i}-${j}`).join(',');

/**
 * Choose a log-linear model of a capture table.
 *
 * Stepwise (SparseMSE's `stepwisefit`, Chan, Silverman and Vincent 2021): start from main effects; at each
 * step, for every pair (i, j) not yet in the model, compare the number on both lists n* with its expected
 * number λ* under the current model, p = min(P(X <= n*), P(X >= n*)) for X ~ Poisson(λ*); add the pair with
 * the smallest p (the first in list order on ties) while p < threshold, skipping pairs whose model would have
 * no estimate ({@link mseModel}). Best: every model with up to `maxInteractions` pairs, the smallest AIC or BIC
 * among those with an estimate. Returns the chosen model (undefined when none has an estimate) and every model
 * considered.
 *
 * @example
 * ```ts
 * import { captureTable } from './captureTable';
 * import { selectModel } from './selectModel';
 * const table = captureTable('f', { '100': 30, '010': 25, '001': 20, '110': 8, '101': 6, '011': 5, '111': 2 }, undefined);
 * selectModel(table, { kind: 'stepwise', threshold: 0.02 }).chosen?.pairs; // []
 * ```
 * @internal
 */
export function selectModel(table: CaptureTable, selection: Selection): { chosen: MseModel | undefined; considered: Considered[] } {
  const k = table.lists.length;
  const allPairs: [number, number][] = [];
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) allPairs.push([i, j]);
  const considered: Considered[] = [];
  const cache = new Map<string, MseModel>();
  const fit = (pairs: [number, number][]): MseModel => {
    const id = key(pairs);
    let m = cache.get(id);
    if (!m) cache.set(id, (m = mseModel(table, pairs)));
    return m;
  };
  const record = (pairs: [number, number][], extra: Partial<Considered> = {}): MseModel => {
    const model = fit(pairs);
    considered.push({ pairs, model, ...(model.refused ? { refused: model.refused } : {}), ...extra });
    return model;
  };
  switch (selection.kind) {
    case 'independence': {
      const m = record([]);
      return { chosen: m.refused ? undefined : m, considered };
    }
    case 'fixed': {
      const m = record(selection.pairs);
      return { chosen: m.refused ? undefined : m, considered };
    }
    case 'best': {
      let best: MseModel | undefined;
      const visit = (start: number, pairs: [number, number][]): void => {
        const m = record([...pairs]);
        const score = (x: MseModel) => (selection.criterion === 'aic' ? x.aic : x.bic);
        if (!m.refused && (best === undefined || score(m) < score(best))) best = m;
        if (pairs.length === selection.maxInteractions) return;
        for (let p = start; p < allPairs.length; p++) visit(p + 1, [...pairs, allPairs[p]!]);
      };
      visit(0, []);
      return { chosen: best, considered };
    }
    case 'stepwise': {
      let current = record([], { step: 0 });
      if (current.refused) return { chosen: undefined, considered };
      for (let step = 1; step <= allPairs.length; step++) {
        const candidates: { pair: [number, number]; p: number }[] = [];
        const cells = current.fit.fitted;
        // fitted counts in table order, skipping cells left out for empty pairs
        let at = 0;
        const lambda = new Map<string, number>();
        for (const cell of table.cells) {
          if (current.emptyPairs.some(([i, j]) => cell.history[i] === 1 && cell.history[j] === 1)) continue;
          const mu = cells[at++]!;
          for (const [i, j] of allPairs) if (cell.history[i] === 1 && cell.history[j] === 1) lambda.set(`${i}-${j}`, (lambda.get(`${i}-${j}`) ?? 0) + mu);
        }
        for (const pair of allPairs) {
          if (current.pairs.some(([i, j]) => i === pair[0] && j === pair[1])) continue;
          const n = overlap(table, pair[0], pair[1]);
          const l = lambda.get(`${pair[0]}-${pair[1]}`) ?? 0;
          const lowerTail = poissonCdf(n, l);
          const upperTail = n === 0 ? 1 : gammaP(n, l); // P(X >= n), computed directly
          candidates.push({ pair, p: Math.min(lowerTail, upperTail) });
        }
        // the smallest p whose model has an estimate (SparseMSE sets p = 1 for those without)
        const order = candidates.map((c, i) => [c, i] as const).sort((a, b) => a[0].p - b[0].p || a[1] - b[1]);
        let added: MseModel | undefined;
        const tried = new Set<[number, number]>();
        for (const [c] of order) {
          if (c.p >= selection.threshold) break;
          tried.add(c.pair);
          const m = record([...current.pairs, c.pair], { step, pValue: c.p });
          if (!m.refused) {
            added = m;
            break;
          }
        }
        for (const c of candidates) if (!tried.has(c.pair)) considered.push({ pairs: [...current.pairs, c.pair], step, pValue: c.p });
        if (!added) break;
        current = added;
      }
      return { chosen: current, considered };
    }
  }
}
