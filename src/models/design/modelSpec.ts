/**
 * What a fitted count model remembers of its design, so that new rows can be coded the same way
 * (plain data: serialisable with JSON). @internal
 */
export interface ModelSpec {
  /** The response column. */
  response: string;
  /** The exposure column (offset log(exposure)), or null. */
  exposure: string | null;
  /** The terms in fitting order (main effects first, then interactions, as R orders them). */
  terms: string[];
  /** Levels of every factor column, reference first. */
  levels: Record<string, string[]>;
  /** Numeric columns used. */
  numeric: string[];
  /** For each term, how each factor in it is coded: 'contrast' (reference dropped) or 'indicator' (all levels). */
  coding: Record<string, Record<string, 'contrast' | 'indicator'>>;
  /** Every column of the design, intercept first, with its label; `aliased` ones have no coefficient. */
  columns: DesignColumn[];
}

/** One column of the design matrix. @internal */
export interface DesignColumn {
  /** `'(Intercept)'`, a column name, or an interaction `'a:b'`. */
  term: string;
  /** The factor level(s) this column indicates, `'B'` or `'B:M'` for an interaction; absent for numbers. */
  level?: string;
  /** True when the column is a linear combination of earlier ones (R's NA coefficient): dropped. */
  aliased: boolean;
  /** True when its estimate is minus infinity (a level with no events): its rows' fitted counts are 0. */
  minusInfinity?: boolean;
}
