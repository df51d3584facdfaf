import raw from '../fixtures/r/special-functions.json';

/** JSON numbers, with R's infinities written as strings and failures (NaN) as null. */
type Num = number | string | null;

export function num(v: Num): number {
  if (v === null) return NaN;
  if (typeof v === 'string') return v === 'Infinity' ? Infinity : -Infinity;
  return v;
}

/** Relative error of `got` against `want`; 0 when both are equal (including 0 and ±Infinity). */
export function relErr(got: number, want: number): number {
  if (got === want) return 0;
  return Math.abs(got - want) / Math.abs(want);
}

/** Worst of a list of errors (NaN, from a wrong result, counts as Infinity). */
export function worst(errors: number[]): number {
  let w = 0;
  for (const e of errors) w = Number.isNaN(e) ? Infinity : Math.max(w, e);
  return w;
}

export const fmt = (e: number): string => e.toExponential(1);

export interface GammaRegime {
  regime: string;
  a: number;
  /** [p, R qgamma(p), polished, R qgamma(p, lower = FALSE), polished] */
  quantiles: Num[][];
  /** [x, pgamma lower, pgamma upper] */
  cdf: Num[][];
}

export interface BetaRegime {
  regime: string;
  a: number;
  b: number;
  quantiles: Num[][];
  cdf: Num[][];
}

export interface SpecialFixture {
  generator: string;
  normalQuantile: Num[][];
  normalCdf: Num[][];
  logGamma: Num[][];
  logBeta: Num[][];
  gamma: GammaRegime[];
  beta: BetaRegime[];
  chiSquareQuantile: Num[][];
  poissonCdf: Num[][];
  binomialCdf: Num[][];
}

export const R = raw as unknown as SpecialFixture;

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** The neighbouring double of a positive finite x, `steps` ulps away (negative: towards 0). */
export function ulpStep(x: number, steps: number): number {
  f64[0] = x;
  i64[0] = (i64[0] as bigint) + BigInt(steps);
  return f64[0] as number;
}
