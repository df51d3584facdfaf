import { log } from '../../special/elementary/log';

/** One closed-population model of Rcapture's `closedp.t` table: its name and its covariates for a history. @internal */
export interface ClosedModelDesign {
  name: string;
  /** The covariates of a history (0/1 per list), all 0 for the history on no list. */
  covariates: (history: readonly number[]) => number[];
  /** Chao's lower bound: the eta columns (the last ones) may not be negative; refit without them. */
  chao: boolean;
}

const k = (h: readonly number[]) => h.reduce((s, x) => s + x, 0);
const chaoEtas = (t: number) => (h: readonly number[]) => Array.from({ length: t - 2 }, (_, j) => Math.max(k(h) - (j + 3) + 1, 0));
const heterogeneity: [string, (t: number) => (h: readonly number[]) => number[], boolean][] = [
  ['Chao (LB)', chaoEtas, true],
  ['Poisson2', () => (h) => [2 ** k(h) - 1], false],
  ['Darroch', () => (h) => [(k(h) * k(h)) / 2], false],
  ['Gamma3.5', () => (h) => [-log(3.5 + k(h)) + log(3.5)], false],
];

/**
 * The log-linear designs of Rcapture's `closedp.t` (Rivest and Baillargeon 2007; Baillargeon and Rivest
 * 2007): M0 (one capture effect, the number of lists k a history is on), Mt (a main effect per list), and
 * for 3 or more lists the heterogeneity models Mh and Mth, which add to M0's or Mt's columns Chao's lower-bound
 * columns max(k - j + 1, 0) for j = 3..t (Chao 1987; Rivest and Lévesque 2001), Poisson2's 2^k - 1, Darroch's
 * k²/2 (Darroch et al. 1993) or Gamma3.5's -log(3.5 + k) + log 3.5.
 *
 * @example
 * ```ts
 * import { closedModelDesigns } from './heterogeneityModels';
 * closedModelDesigns(3).map((m) => m.name); // ['M0', 'Mt', 'Mh Chao (LB)', ..., 'Mth Gamma3.5']
 * ```
 * @internal
 */
export function closedModelDesigns(t: number): ClosedModelDesign[] {
  const out: ClosedModelDesign[] = [
    { name: 'M0', covariates: (h) => [k(h)], chao: false },
    { name: 'Mt', covariates: (h) => [...h], chao: false },
  ];
  if (t < 3) return out;
  for (const [base, columns] of [
    ['Mh', (h: readonly number[]) => [k(h)]],
    ['Mth', (h: readonly number[]) => [...h]],
  ] as const) {
    for (const [name, extra, chao] of heterogeneity) {
      const more = extra(t);
      out.push({ name: `${base} ${name}`, covariates: (h) => [...columns(h), ...more(h)], chao });
    }
  }
  return out.sort((a, b) => order(a.name) - order(b.name));
}

const ORDER = ['M0', 'Mt', 'Mh Chao (LB)', 'Mh Poisson2', 'Mh Darroch', 'Mh Gamma3.5', 'Mth Chao (LB)', 'Mth Poisson2', 'Mth Darroch', 'Mth Gamma3.5'];
function order(name: string): number {
  return ORDER.indexOf(name);
}
